// The seeded synthetic receivables ledger: a B2B customer base in four behaviour groups, their invoices
// over a window of months, and how each was paid, disputed, reminded, extended or written off, up to
// the as-of date. It emits the raw canonical rows a user's CSV would hold, so the synthetic ledger goes
// through the same cleaning. Invoices are kept column by column in typed arrays and rows are produced
// one at a time, so a million invoices generate in bounded memory.
import {addMonths, formatIsoDay, parseIsoDay, startOfMonth} from "../core/dates.js";
import type {Day} from "../core/dates.js";
import type {RawRow} from "../input/ledger.js";
import type {Random} from "../core/random.js";
import {invoicingCalendar} from "./generate/calendar.js";
import {cachedDayFormatter, createInvoiceColumns, invoiceDateOrder, invoiceId, rawRowAt} from "./generate/columns.js";
import type {CustomerFields, InvoiceColumns} from "./generate/columns.js";
import {apportion, creditLimitFor, draftCustomers, invoicingWeight} from "./generate/customers.js";
import type {CustomerWindow, SyntheticCustomer} from "./generate/customers.js";
import {simulateCustomerInvoices} from "./generate/invoices.js";

export type {SyntheticCustomer} from "./generate/customers.js";
export type {PaymentRun, PaymentSchedule} from "./generate/calendar.js";
export {customerGroups, groupProfiles, industries, regions} from "./generate/profiles.js";
export type {CustomerGroup, GroupProfile, Industry, Region} from "./generate/profiles.js";

export interface GeneratorOptions {
  /** Number of invoices. Default 25,000. */
  invoices?: number;
  /** Number of customers (each has at least one invoice). Default round(invoices / 25). */
  customers?: number;
  /** Months of history ending with the as-of month; at least 24. Default 30. */
  months?: number;
  /** Report date: the last day of data. Default 2026-09-30. */
  asOf?: Day;
  /** ISO code of every amount. Default "USD". */
  currency?: string;
}

/** The defaults; `customers` is the default for the default invoice count (otherwise invoices / 25). */
export const defaultGeneratorOptions: Readonly<Required<GeneratorOptions>> = {
  invoices: 25_000,
  customers: 1_000,
  months: 30,
  asOf: parseIsoDay("2026-09-30")!,
  currency: "USD"
};

/** Average invoices per customer when `customers` is not given. */
export const invoicesPerCustomer = 25;

/** Fewer months would leave too little settled history before the recent, still-open invoices. */
export const minimumMonths = 24;

export interface SyntheticLedger {
  options: Required<GeneratorOptions>;
  asOf: Day;
  /** First day of the window (first day of the first month). */
  start: Day;
  customers: SyntheticCustomer[];
  invoiceCount: number;
  /** Clean raw rows in invoice-date order (ties by invoice id); each call starts again. */
  rows(): Generator<RawRow, void, undefined>;
}

/** Options with defaults filled in and checked; throws RangeError for impossible ones. */
export function resolveGeneratorOptions(options: GeneratorOptions = {}): Required<GeneratorOptions> {
  const invoices = options.invoices ?? defaultGeneratorOptions.invoices;
  const customers = options.customers ?? Math.max(1, Math.round(invoices / invoicesPerCustomer));
  const months = options.months ?? defaultGeneratorOptions.months;
  const asOf = options.asOf ?? defaultGeneratorOptions.asOf;
  const currency = options.currency ?? defaultGeneratorOptions.currency;
  if (!Number.isInteger(invoices) || invoices < 1) throw new RangeError(`invoices must be a positive integer, not ${invoices}`);
  if (!Number.isInteger(customers) || customers < 1 || customers > invoices) {
    throw new RangeError(`customers must be an integer from 1 to the number of invoices (${invoices}), not ${customers}`);
  }
  if (!Number.isInteger(months) || months < minimumMonths) throw new RangeError(`months must be an integer of at least ${minimumMonths}, not ${months}`);
  if (!Number.isInteger(asOf)) throw new RangeError(`asOf must be a day number, not ${asOf}`);
  return {invoices, customers, months, asOf, currency};
}

/** First day of the window: the first of the month `months − 1` months before the as-of month. */
export function windowStart(asOf: Day, months: number): Day {
  return addMonths(startOfMonth(asOf), -(months - 1));
}

/** A synthetic ledger; the same options and seed give identical rows. */
export function generateLedger(options: GeneratorOptions, random: Random): SyntheticLedger {
  const resolved = resolveGeneratorOptions(options);
  const {invoices, asOf, currency} = resolved;
  const window: CustomerWindow = {start: windowStart(asOf, resolved.months), end: asOf};
  const {customers, behaviours} = draftCustomers(resolved.customers, window, random.fork("customers"));

  // Each customer gets one invoice, the rest in proportion to how much it invoices (a fixed total keeps
  // the ledger size exactly as asked).
  const weights = customers.map((customer, i) => invoicingWeight(customer, behaviours[i], window));
  const counts = apportion(invoices - customers.length, weights).map((n) => n + 1);
  const limits = random.fork("limits");
  customers.forEach((customer, i) => (customer.creditLimit = creditLimitFor(customer, behaviours[i], counts[i], window, limits)));

  const columns = createInvoiceColumns(invoices);
  const settings = {windowStart: window.start, asOf, calendar: invoicingCalendar(window.start, asOf)};
  const invoiceRandom = random.fork("invoices");
  let offset = 0;
  customers.forEach((customer, i) => {
    simulateCustomerInvoices(i, customer, behaviours[i], counts[i], settings, invoiceRandom.fork(customer.customerId), columns, offset);
    offset += counts[i];
  });
  const order = invoiceDateOrder(columns);
  const customerFields = customers.map(formatCustomerFields);

  return {
    options: resolved,
    asOf,
    start: window.start,
    customers,
    invoiceCount: invoices,
    rows: () => streamRows(columns, order, customerFields, currency)
  };
}

function* streamRows(columns: InvoiceColumns, order: Uint32Array, customerFields: CustomerFields[], currency: string): Generator<RawRow, void, undefined> {
  const formatDay = cachedDayFormatter();
  for (let rank = 0; rank < order.length; ++rank) {
    const i = order[rank];
    yield rawRowAt(columns, i, invoiceId(rank), customerFields[columns.customer[i]], currency, formatDay);
  }
}

function formatCustomerFields(customer: SyntheticCustomer): CustomerFields {
  return {
    customer_id: customer.customerId,
    customer_name: customer.name,
    industry: customer.industry,
    region: customer.region,
    credit_score: String(customer.creditScore),
    credit_limit: String(customer.creditLimit),
    payment_terms: String(customer.termsDays),
    customer_since: formatIsoDay(customer.customerSince)
  };
}

/** What the generator models, one line per effect, for the Data page. */
export const generatorDescription: Record<string, string> = {
  customers:
    "Customers fall into four hidden behaviour groups: A low risk/high value, B high risk/high value, C low risk/low value, D high risk/low value (chronic late payers). High-value customers invoice more often and in larger amounts.",
  attributes:
    "Each account has an industry (8), region (5), credit score 300–850 that tracks its behaviour only noisily, a credit limit sized to its usual balance, Net 15/30/45/60 terms and an opening date; about a fifth of accounts open during the window.",
  amounts: "Invoice amounts are log-normal around each customer's own scale: heavy-tailed, with a few very large invoices.",
  seasonality: "Invoicing peaks in Q4 and dips in July–August; invoices bunch on weekdays and in the last days of each month, most at quarter-end; some customers are billed in one month-end batch.",
  history: "Whether an invoice is paid late depends mostly on the customer's own reliability, which shows in its payment history.",
  creditPressure: "Late payers get later as their open balance approaches or exceeds their credit limit; invoices that are large against the limit are riskier.",
  calendar: "Invoices issued in the last days of a month, and in December and the summer months, are paid late a little more often.",
  tenure: "Accounts in their first two years pay late a little more often.",
  mildEffects: "Terms, industry (construction and the public sector slower, technology faster) and region have mild effects.",
  disputes: "Disputed invoices (more common among high-risk customers and for large invoices) are paid weeks later.",
  extensions: "Customers who negotiate ask for more time, especially for large invoices and under credit pressure, and then pay after the due date.",
  instalments: "Some invoices, more often of high-risk customers, are paid in two or three instalments, and later.",
  reminders: "Watched customers get a reminder five days before the due date; overdue invoices get one every two weeks (up to six). Customers sensitive to reminders often pay within a week of one.",
  paymentRuns: "Many customers pay in weekly or twice-monthly payment runs rather than on any day.",
  improvement: "Some customers, mostly high-risk ones, improve steadily over the window; others grow their credit use year by year.",
  // How many are written off is measured on the ledger (meta.json `writtenOff`), not asserted here.
  writeOffs: "Some invoices are never paid in full: after part payments and reminders they are written off at a month-end four to ten months past due.",
  asOf: "Nothing after the as-of date appears: invoices paid later are open, with only the instalments received so far."
};
