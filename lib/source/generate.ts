// The seeded synthetic receivables ledger: a B2B customer base in four behaviour groups, their invoices
// over a window of months, and how each was paid, disputed, reminded, extended or written off. The
// simulation runs `futureDays` (13 weeks) past the report date, as an export taken later would hold
// them: the report is replayed as of its date, and those weeks are kept for the backtest to score it
// against. It emits the raw canonical rows a user's CSV would hold, so the synthetic ledger goes through
// the same cleaning, and the receipts of invoices paid in several parts, as a payments file lists them.
// Invoices are kept column by column in typed arrays and rows are produced one at a time, so a million
// invoices generate in bounded memory.
import {addMonths, formatIsoDay, parseIsoDay, startOfMonth} from "../core/dates.js";
import type {Day} from "../core/dates.js";
import type {Payment, RawRow} from "../input/ledger.js";
import type {Random} from "../core/random.js";
import {invoicingCalendar} from "./generate/calendar.js";
import type {InvoicingCalendar} from "./generate/calendar.js";
import {cachedDayFormatter, createInvoiceColumns, invoiceDateOrder, invoiceId, rawRowAt} from "./generate/columns.js";
import type {CustomerFields, InvoiceColumns} from "./generate/columns.js";
import {apportion, creditLimitFor, draftCustomers, firstIssueDay, invoicingWeight} from "./generate/customers.js";
import type {CustomerWindow, SyntheticCustomer} from "./generate/customers.js";
import {simulateCustomerInvoices} from "./generate/invoices.js";
import {sum} from "d3";

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
  /**
   * Days simulated after the report date: invoices issued and payments, reminders and write-offs made
   * then are recorded, for the backtest only (every other stage sees the ledger as of `asOf`). Default
   * 91, the 13 weeks of the cash forecast.
   */
  futureDays?: number;
}

/** The defaults; `customers` is the default for the default invoice count (otherwise invoices / 25). */
export const defaultGeneratorOptions: Readonly<Required<GeneratorOptions>> = {
  invoices: 25_000,
  customers: 1_000,
  months: 30,
  asOf: parseIsoDay("2026-09-30")!,
  currency: "USD",
  futureDays: 91
};

/** Average invoices per customer when `customers` is not given. */
export const invoicesPerCustomer = 25;

/** Fewer months would leave too little settled history before the recent, still-open invoices. */
export const minimumMonths = 24;

export interface SyntheticLedger {
  options: Required<GeneratorOptions>;
  /** The report date. */
  asOf: Day;
  /** First day of the window (first day of the first month). */
  start: Day;
  /** Last day simulated: asOf + futureDays. */
  end: Day;
  customers: SyntheticCustomer[];
  /** Invoices issued up to the report date (`options.invoices`). */
  invoiceCount: number;
  /** Invoices issued after the report date, up to `end`. */
  futureInvoiceCount: number;
  /** Clean raw rows as recorded on `end`, in invoice-date order (ties by invoice id); each call starts again. */
  rows(): Generator<RawRow, void, undefined>;
  /**
   * Receipts of the invoices paid in two or more parts by `end`, by invoice id, in date order. Any other
   * invoice's one payment (or none) is exactly what its row's totals say.
   */
  payments(): Map<string, Payment[]>;
}

/** Options with defaults filled in and checked; throws RangeError for impossible ones. */
export function resolveGeneratorOptions(options: GeneratorOptions = {}): Required<GeneratorOptions> {
  const invoices = options.invoices ?? defaultGeneratorOptions.invoices;
  const customers = options.customers ?? Math.max(1, Math.round(invoices / invoicesPerCustomer));
  const months = options.months ?? defaultGeneratorOptions.months;
  const asOf = options.asOf ?? defaultGeneratorOptions.asOf;
  const currency = options.currency ?? defaultGeneratorOptions.currency;
  const futureDays = options.futureDays ?? defaultGeneratorOptions.futureDays;
  if (!Number.isInteger(invoices) || invoices < 1) throw new RangeError(`invoices must be a positive integer, not ${invoices}`);
  if (!Number.isInteger(customers) || customers < 1 || customers > invoices) {
    throw new RangeError(`customers must be an integer from 1 to the number of invoices (${invoices}), not ${customers}`);
  }
  if (!Number.isInteger(months) || months < minimumMonths) throw new RangeError(`months must be an integer of at least ${minimumMonths}, not ${months}`);
  if (!Number.isInteger(asOf)) throw new RangeError(`asOf must be a day number, not ${asOf}`);
  if (!Number.isInteger(futureDays) || futureDays < 0) throw new RangeError(`futureDays must be a whole number of days ≥ 0, not ${futureDays}`);
  return {invoices, customers, months, asOf, currency, futureDays};
}

/** First day of the window: the first of the month `months − 1` months before the as-of month. */
export function windowStart(asOf: Day, months: number): Day {
  return addMonths(startOfMonth(asOf), -(months - 1));
}

/** A synthetic ledger; the same options and seed give identical rows. */
export function generateLedger(options: GeneratorOptions, random: Random): SyntheticLedger {
  const resolved = resolveGeneratorOptions(options);
  const {invoices, asOf, currency, futureDays} = resolved;
  const end = asOf + futureDays;
  const window: CustomerWindow = {start: windowStart(asOf, resolved.months), end: asOf};
  const {customers, behaviours} = draftCustomers(resolved.customers, window, random.fork("customers"));

  // Each customer gets one invoice, the rest in proportion to how much it invoices (a fixed total keeps
  // the ledger size exactly as asked).
  const weights = customers.map((customer, i) => invoicingWeight(customer, behaviours[i], window));
  const counts = apportion(invoices - customers.length, weights).map((n) => n + 1);
  const limits = random.fork("limits");
  customers.forEach((customer, i) => (customer.creditLimit = creditLimitFor(customer, behaviours[i], counts[i], window, limits)));

  // The calendar runs on to `end`; up to the report date it is the same, and the future is drawn from
  // streams of its own or after everything before it, so the ledger up to `asOf` does not depend on
  // `futureDays`.
  const calendar = invoicingCalendar(window.start, end);
  const invoiceRandom = random.fork("invoices");
  // Forked last: a fork draws from its parent, so an earlier one would move every later stream.
  const futureCounts = futureInvoiceCounts(customers, counts, window, calendar, end, random.fork("future counts"));
  const columns = createInvoiceColumns(invoices + sum(futureCounts));
  const settings = {windowStart: window.start, asOf, end, calendar};
  let offset = 0;
  customers.forEach((customer, i) => {
    const count = {issued: counts[i], future: futureCounts[i]};
    simulateCustomerInvoices(i, customer, behaviours[i], count, settings, invoiceRandom.fork(customer.customerId), columns, offset);
    offset += counts[i] + futureCounts[i];
  });
  const order = invoiceDateOrder(columns);
  const customerFields = customers.map(formatCustomerFields);

  return {
    options: resolved,
    asOf,
    start: window.start,
    end,
    customers,
    invoiceCount: invoices,
    futureInvoiceCount: columns.length - invoices,
    rows: () => streamRows(columns, order, customerFields, currency),
    payments: () => receiptsById(columns, order)
  };
}

/**
 * How many invoices each customer issues after the report date: its own count up to then, carried on
 * through the invoicing calendar's season and the customer's growth, rounded at random to a whole count.
 */
function futureInvoiceCounts(customers: readonly SyntheticCustomer[], counts: readonly number[], window: CustomerWindow, calendar: InvoicingCalendar, end: Day, random: Random): number[] {
  const {start, cumulative} = calendar;
  const mass = (from: Day, to: Day) => (to < from ? 0 : cumulative[to - start] - (from > start ? cumulative[from - 1 - start] : 0));
  return customers.map((customer, i) => {
    const first = firstIssueDay(customer, window);
    const past = mass(first, window.end);
    if (end <= window.end || !(past > 0)) return 0;
    // The invoicing rate on the report date against its average over the customer's past: g·eᵍ / (eᵍ − 1).
    const g = customer.creditGrowth * ((window.end - first + 1) / 365);
    const growth = Math.abs(g) < 1e-9 ? 1 : (g * Math.exp(g)) / Math.expm1(g);
    const expected = (counts[i] * mass(window.end + 1, end) * growth) / past;
    const whole = Math.floor(expected);
    return whole + (random.bernoulli(expected - whole) ? 1 : 0);
  });
}

function* streamRows(columns: InvoiceColumns, order: Uint32Array, customerFields: CustomerFields[], currency: string): Generator<RawRow, void, undefined> {
  const formatDay = cachedDayFormatter();
  for (let rank = 0; rank < order.length; ++rank) {
    const i = order[rank];
    yield rawRowAt(columns, i, invoiceId(rank), customerFields[columns.customer[i]], currency, formatDay);
  }
}

/**
 * In row order. From the few invoices with receipts, each placed by its rank, rather than a map lookup
 * for every row: 0.47 s of the 1M source's CPU profile that way, against the sort of one rank each.
 */
function receiptsById(columns: InvoiceColumns, order: Uint32Array): Map<string, Payment[]> {
  const rankOf = new Uint32Array(order.length);
  for (let rank = 0; rank < order.length; ++rank) rankOf[order[rank]] = rank;
  const ranks = Uint32Array.from(columns.receipts.keys(), (position) => rankOf[position]).sort();
  const payments = new Map<string, Payment[]>();
  for (const rank of ranks) {
    const receipts = columns.receipts.get(order[rank])!;
    const id = invoiceId(rank);
    payments.set(id, receipts.days.map((day, j) => ({invoiceId: id, day, amount: receipts.cents[j] / 100})));
  }
  return payments;
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
