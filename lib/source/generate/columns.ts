// The generated ledger held column by column in typed arrays (about 50 bytes an invoice, so a million
// invoices fit in ~50 MB), and the formatting of one stored invoice as a raw canonical row. The receipts
// of the few invoices paid in several parts are kept aside, by storage position.
import {formatIsoDay} from "../../core/dates.js";
import type {Day} from "../../core/dates.js";
import type {RawRow} from "../../input/ledger.js";

/** Stands for a blank date in an Int32 date column. */
export const NO_DAY = -2147483648;

export interface InvoiceColumns {
  length: number;
  /** Index into the customer list. */
  customer: Int32Array;
  invoiceDate: Int32Array;
  dueDate: Int32Array;
  /** Amounts in whole cents, so that sums of instalments are exact. */
  amountCents: Float64Array;
  paidDate: Int32Array;
  paidCents: Float64Array;
  lastPaymentDate: Int32Array;
  installments: Uint8Array;
  disputed: Uint8Array;
  remindersSent: Uint8Array;
  lastReminderDate: Int32Array;
  extensionRequested: Uint8Array;
  writeOffDate: Int32Array;
  /** Receipt days and amounts (cents) of invoices with two or more payments, by storage position. */
  receipts: Map<number, {days: number[]; cents: number[]}>;
}

export function createInvoiceColumns(length: number): InvoiceColumns {
  return {
    length,
    customer: new Int32Array(length),
    invoiceDate: new Int32Array(length),
    dueDate: new Int32Array(length),
    amountCents: new Float64Array(length),
    paidDate: new Int32Array(length),
    paidCents: new Float64Array(length),
    lastPaymentDate: new Int32Array(length),
    installments: new Uint8Array(length),
    disputed: new Uint8Array(length),
    remindersSent: new Uint8Array(length),
    lastReminderDate: new Int32Array(length),
    extensionRequested: new Uint8Array(length),
    writeOffDate: new Int32Array(length),
    receipts: new Map()
  };
}

/**
 * Positions of the invoices ordered by invoice date, ties kept in storage order (customer, then issue
 * order): a counting sort, linear in the number of invoices.
 */
export function invoiceDateOrder(columns: InvoiceColumns): Uint32Array {
  const {length, invoiceDate} = columns;
  if (!length) return new Uint32Array(0);
  let min = invoiceDate[0], max = invoiceDate[0];
  for (let i = 1; i < length; ++i) {
    if (invoiceDate[i] < min) min = invoiceDate[i];
    if (invoiceDate[i] > max) max = invoiceDate[i];
  }
  const starts = new Uint32Array(max - min + 2);
  for (let i = 0; i < length; ++i) starts[invoiceDate[i] - min + 1]++;
  for (let d = 1; d < starts.length; ++d) starts[d] += starts[d - 1];
  const order = new Uint32Array(length);
  for (let i = 0; i < length; ++i) order[starts[invoiceDate[i] - min]++] = i;
  return order;
}

/** The raw-row fields that are the same on every invoice of a customer, formatted once. */
export type CustomerFields = Pick<
  RawRow,
  "customer_id" | "customer_name" | "industry" | "region" | "credit_score" | "credit_limit" | "payment_terms" | "customer_since"
>;

/** `INV-0000001` for the first invoice. */
export function invoiceId(rank: number): string {
  return `INV-${String(rank + 1).padStart(7, "0")}`;
}

/** formatIsoDay with a cache: a ledger reuses a few thousand dates across a million rows. */
export function cachedDayFormatter(): (day: Day) => string {
  const cache = new Map<Day, string>();
  return (day) => {
    if (day === NO_DAY) return "";
    let text = cache.get(day);
    if (text === undefined) cache.set(day, (text = formatIsoDay(day)));
    return text;
  };
}

export function formatCents(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** Stored invoice `i` as the canonical raw row. */
export function rawRowAt(
  columns: InvoiceColumns,
  i: number,
  id: string,
  customer: CustomerFields,
  currency: string,
  formatDay: (day: Day) => string
): RawRow {
  // Spelled out rather than spread: a spread after another property builds each of a million rows
  // through the runtime's property-by-property copy.
  return {
    invoice_id: id,
    customer_id: customer.customer_id,
    customer_name: customer.customer_name,
    industry: customer.industry,
    region: customer.region,
    credit_score: customer.credit_score,
    credit_limit: customer.credit_limit,
    payment_terms: customer.payment_terms,
    customer_since: customer.customer_since,
    invoice_date: formatDay(columns.invoiceDate[i]),
    due_date: formatDay(columns.dueDate[i]),
    amount: formatCents(columns.amountCents[i]),
    currency,
    paid_date: formatDay(columns.paidDate[i]),
    paid_amount: formatCents(columns.paidCents[i]),
    last_payment_date: formatDay(columns.lastPaymentDate[i]),
    installments: String(columns.installments[i]),
    disputed: columns.disputed[i] ? "1" : "0",
    reminders_sent: String(columns.remindersSent[i]),
    last_reminder_date: formatDay(columns.lastReminderDate[i]),
    extension_requested: columns.extensionRequested[i] ? "1" : "0",
    write_off_date: formatDay(columns.writeOffDate[i])
  };
}
