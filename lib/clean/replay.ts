// Replay: the ledger as it stood at the end of an earlier day. Cleaning yields the history as recorded
// (every invoice and every fact up to the last day of data); `ledgerAsOf` cuts it at a report date, and
// every stage of the report reads only that cut — only the backtest reads the history, to score the
// report against what happened next. A module of its own rather than part of cleaning: cleaning decides
// what a row says, this decides what was known of it on a given day, and the backtest asks that again
// for every date it replays.
//
// What is known on day D (end of day):
// - An invoice issued after D does not exist yet.
// - A payment, write-off or reminder dated after D has not happened yet: an invoice issued on or before D
//   and settled after it is open on D, for whatever was still unpaid then.
// - Partial payments. Where the source lists receipts one by one (`Ledger.payments`), the receipts dated
//   on or before D are known. Where it gives only totals (paid amount, instalments, last payment date),
//   they are known when the last payment is dated on or before D; otherwise nothing is known of them on
//   D — the conservative reading: the whole amount is open until the recorded date, as an invoice with
//   no receipts would be. A single part payment is exact either way (its date is the last payment date).
// - Reminders. The count is known when the last reminder is dated on or before D; otherwise none are
//   known (the same conservative reading).
// - Undated flags — disputed, extension requested, a reminder count without a date — say what happened
//   at some point in the invoice's life, and a flag raised after D would leak the future. They are known
//   only once the invoice is settled by D; for an invoice still open on D they read as not (yet) raised.
// An invoice settled by D with nothing dated after D is the same object in the history and the cut.
import type {Day} from "../core/dates.js";
import type {Invoice, Ledger, Payment} from "../input/ledger.js";
import {buildCustomers} from "./customers.js";
import {deriveInvoiceFields} from "./derive.js";
import type {InvoiceFacts} from "./derive.js";

export interface ReplayOptions {
  /** A payment within this many days after the last reminder counts as prompted by it (as in cleaning). */
  reminderWindowDays?: number;
}

/**
 * The ledger as it stood at the end of `asOf`: the invoices issued by then, each with only the facts dated
 * by then (see the module comment), derived fields as of `asOf`, customers rebuilt from those invoices,
 * and receipts by then. `asOf` may not be after the history's own date (its last day of data).
 */
export function ledgerAsOf(history: Ledger, asOf: Day, options: ReplayOptions = {}): Ledger {
  if (asOf > history.asOf) throw new RangeError(`ledgerAsOf: ${asOf} is after the history's last day (${history.asOf})`);
  if (asOf === history.asOf) return history;
  const invoices: Invoice[] = [];
  for (const invoice of history.invoices) {
    if (invoice.invoiceDate > asOf) continue;
    invoices.push(invoiceAsOf(invoice, asOf, history.payments?.get(invoice.invoiceId), options));
  }
  const ledger: Ledger = {
    invoices,
    customers: buildCustomers(invoices),
    asOf,
    currency: history.currency,
    source: history.source,
    available: history.available
  };
  if (history.payments) ledger.payments = receiptsAsOf(history.payments, invoices, asOf);
  return ledger;
}

/** One invoice as it stood at the end of `asOf` (issued on or before it); `receipts` are its listed payments, if any. */
export function invoiceAsOf(invoice: Invoice, asOf: Day, receipts: readonly Payment[] | undefined, {reminderWindowDays = 14}: ReplayOptions = {}): Invoice {
  const settled = invoice.settledDate !== null && invoice.settledDate <= asOf;
  if (settled && !recordsAfter(invoice, asOf, receipts)) return invoice;
  const facts = factsAsOf(invoice, asOf, receipts, settled);
  const replayed: Invoice = {...invoice, ...facts};
  return Object.assign(replayed, deriveInvoiceFields(replayed, asOf, {reminderWindowDays}));
}

/** The recorded facts of an invoice that were known at the end of `asOf`. */
type ReplayedFacts = Omit<InvoiceFacts, "invoiceDate" | "dueDate" | "amount"> & Pick<Invoice, "lastPaymentDate" | "disputed" | "extensionRequested">;

function factsAsOf(invoice: Invoice, asOf: Day, receipts: readonly Payment[] | undefined, settled: boolean): ReplayedFacts {
  const known = (day: Day | null) => (day !== null && day <= asOf ? day : null);
  const paidDate = known(invoice.paidDate);
  const payments = receipts ? receiptsKnown(receipts, asOf, invoice.amount) : totalsKnown(invoice, asOf, paidDate);
  const reminders =
    invoice.lastReminderDate !== null
      ? invoice.lastReminderDate <= asOf ? {remindersSent: invoice.remindersSent, lastReminderDate: invoice.lastReminderDate} : {remindersSent: 0, lastReminderDate: null}
      : {remindersSent: settled ? invoice.remindersSent : 0, lastReminderDate: null};
  return {
    paidDate,
    writeOffDate: known(invoice.writeOffDate),
    ...payments,
    ...reminders,
    disputed: settled && invoice.disputed,
    extensionRequested: settled && invoice.extensionRequested
  };
}

type PaymentFacts = Pick<Invoice, "paidAmount" | "installments" | "lastPaymentDate">;

function receiptsKnown(receipts: readonly Payment[], asOf: Day, amount: number): PaymentFacts {
  let paidAmount = 0, installments = 0, lastPaymentDate: Day | null = null;
  for (const receipt of receipts) {
    if (receipt.day > asOf) continue;
    paidAmount += receipt.amount;
    ++installments;
    if (lastPaymentDate === null || receipt.day > lastPaymentDate) lastPaymentDate = receipt.day;
  }
  return {paidAmount: Math.min(amount, paidAmount), installments, lastPaymentDate};
}

function totalsKnown(invoice: Invoice, asOf: Day, paidDate: Day | null): PaymentFacts {
  const {paidAmount, installments, lastPaymentDate} = invoice;
  if (lastPaymentDate !== null && lastPaymentDate <= asOf) return {paidAmount, installments, lastPaymentDate};
  // Paid in full by then, though a payment is recorded later (an inconsistent export): the full payment
  // is what was known.
  if (paidDate !== null) return {paidAmount, installments, lastPaymentDate: paidDate};
  return {paidAmount: 0, installments: 0, lastPaymentDate: null};
}

/** Whether anything about the invoice is recorded with a date after `asOf`. */
function recordsAfter(invoice: Invoice, asOf: Day, receipts: readonly Payment[] | undefined): boolean {
  const after = (day: Day | null) => day !== null && day > asOf;
  if (after(invoice.paidDate) || after(invoice.writeOffDate) || after(invoice.lastPaymentDate) || after(invoice.lastReminderDate)) return true;
  return receipts !== undefined && receipts.some((receipt) => receipt.day > asOf);
}

function receiptsAsOf(payments: ReadonlyMap<string, readonly Payment[]>, invoices: readonly Invoice[], asOf: Day): Map<string, Payment[]> {
  const out = new Map<string, Payment[]>();
  for (const {invoiceId} of invoices) {
    const known = payments.get(invoiceId)?.filter((receipt) => receipt.day <= asOf);
    if (known?.length) out.set(invoiceId, known);
  }
  return out;
}

/** A receipt of cash against an invoice, as the history records it. */
export interface Receipt {
  day: Day;
  amount: number;
}

/**
 * The cash received against an invoice after the end of `asOf`, in date order: the listed receipts dated
 * later, or from totals, whatever was recorded but not yet known on `asOf` (see the module comment),
 * dated on the last payment date (the paid date when there is none). What is known on `asOf` plus this
 * is everything the history records as received.
 */
export function cashAfter(invoice: Invoice, asOf: Day, receipts: readonly Payment[] | undefined): Receipt[] {
  if (receipts) return receipts.filter((receipt) => receipt.day > asOf).map(({day, amount}) => ({day, amount}));
  const day = invoice.lastPaymentDate ?? invoice.paidDate;
  if (day === null || day <= asOf || !(invoice.paidAmount > 0)) return [];
  const known = invoice.paidDate !== null && invoice.paidDate <= asOf ? invoice.paidAmount : 0;
  return invoice.paidAmount > known ? [{day, amount: invoice.paidAmount - known}] : [];
}

/**
 * What was still unpaid on an invoice at the end of `asOf`, as `invoiceAsOf(...).openAmount` would say,
 * without building the replayed invoice: 0 if it was not yet issued or already settled.
 */
export function openAmountAsOf(invoice: Invoice, asOf: Day, receipts: readonly Payment[] | undefined): number {
  if (invoice.invoiceDate > asOf || (invoice.settledDate !== null && invoice.settledDate <= asOf)) return 0;
  const paid = receipts ? receiptsKnown(receipts, asOf, invoice.amount).paidAmount : invoice.lastPaymentDate !== null && invoice.lastPaymentDate <= asOf ? invoice.paidAmount : 0;
  return Math.max(0, invoice.amount - paid);
}
