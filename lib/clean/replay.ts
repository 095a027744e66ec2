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
import {setDerivedFields} from "./derive.js";
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
  // The receipts known by then are gathered in the same pass: one lookup per invoice, not two.
  const payments = history.payments ? new Map<string, readonly Payment[]>() : undefined;
  for (const invoice of history.invoices) {
    if (invoice.invoiceDate > asOf) continue;
    const receipts = history.payments?.get(invoice.invoiceId);
    invoices.push(invoiceAsOf(invoice, asOf, receipts, options));
    if (receipts) {
      const known = receiptsKnownBy(receipts, asOf);
      if (known.length) payments!.set(invoice.invoiceId, known);
    }
  }
  const ledger: Ledger = {
    invoices,
    customers: buildCustomers(invoices),
    asOf,
    currency: history.currency,
    source: history.source,
    available: history.available
  };
  if (payments) ledger.payments = payments;
  return ledger;
}

/** One invoice as it stood at the end of `asOf` (issued on or before it); `receipts` are its listed payments, if any. */
export function invoiceAsOf(invoice: Invoice, asOf: Day, receipts: readonly Payment[] | undefined, {reminderWindowDays = 14}: ReplayOptions = {}): Invoice {
  const settled = invoice.settledDate !== null && invoice.settledDate <= asOf;
  if (settled && !recordsAfter(invoice, asOf, receipts)) return invoice;
  const replayed = replayedInvoice(invoice, factsAsOf(invoice, asOf, receipts, settled));
  return setDerivedFields(replayed, asOf, {reminderWindowDays});
}

/**
 * The invoice with the facts known on the replayed date, derived fields to be filled in. One object
 * literal with the fields in the order cleaning writes them (lib/clean/index.ts), so that the engine
 * gives replayed invoices the hidden class of every other invoice: a spread copy got one of its own,
 * and every loop over the ledger then met two kinds of invoice. The portfolio stage at 1M invoices
 * spent 2.2 s more in its KPI loops that way (CPU profiles against 18cc242, 2026-12-03).
 */
function replayedInvoice(invoice: Invoice, known: ReplayedFacts): Invoice {
  return {
    invoiceId: invoice.invoiceId,
    customerId: invoice.customerId,
    customerName: invoice.customerName,
    industry: invoice.industry,
    region: invoice.region,
    creditScore: invoice.creditScore,
    creditLimit: invoice.creditLimit,
    customerSince: invoice.customerSince,
    invoiceDate: invoice.invoiceDate,
    dueDate: invoice.dueDate,
    termsDays: invoice.termsDays,
    amount: invoice.amount,
    currency: invoice.currency,
    paidDate: known.paidDate,
    paidAmount: known.paidAmount,
    lastPaymentDate: known.lastPaymentDate,
    installments: known.installments,
    disputed: known.disputed,
    remindersSent: known.remindersSent,
    lastReminderDate: known.lastReminderDate,
    extensionRequested: known.extensionRequested,
    writeOffDate: known.writeOffDate,
    status: "open",
    settledDate: null,
    openAmount: 0,
    daysToPay: null,
    daysLate: null,
    paidLate: null,
    daysOverdue: 0,
    agingBucket: null,
    partialPayment: false,
    paidAfterReminder: null
  };
}

/** The recorded facts of an invoice that were known at the end of `asOf`. */
type ReplayedFacts = Omit<InvoiceFacts, "invoiceDate" | "dueDate" | "amount"> & Pick<Invoice, "lastPaymentDate" | "disputed" | "extensionRequested">;

function factsAsOf(invoice: Invoice, asOf: Day, receipts: readonly Payment[] | undefined, settled: boolean): ReplayedFacts {
  const paidDate = knownBy(invoice.paidDate, asOf);
  const payments = receipts ? receiptsKnown(receipts, asOf, invoice.amount) : totalsKnown(invoice, asOf, paidDate);
  const reminders =
    invoice.lastReminderDate !== null
      ? invoice.lastReminderDate <= asOf ? {remindersSent: invoice.remindersSent, lastReminderDate: invoice.lastReminderDate} : {remindersSent: 0, lastReminderDate: null}
      : {remindersSent: settled ? invoice.remindersSent : 0, lastReminderDate: null};
  return {
    paidDate,
    writeOffDate: knownBy(invoice.writeOffDate, asOf),
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

// The two day tests below are module functions rather than arrows inside their callers: they run for
// every invoice of every replayed date, and the build's TypeScript runner (tsx, esbuild's keepNames)
// wraps each named inner arrow in a `__name` call on every call of its parent — 0.68 s of the 1M
// source's 22 s CPU profile (scripts/bench/pipeline.ts, 2026-12-03).

/** The day if it is on or before `asOf`, else null: a fact not yet known then. */
function knownBy(day: Day | null, asOf: Day): Day | null {
  return day !== null && day <= asOf ? day : null;
}

function isAfter(day: Day | null, asOf: Day): boolean {
  return day !== null && day > asOf;
}

/** Whether anything about the invoice is recorded with a date after `asOf`. */
function recordsAfter(invoice: Invoice, asOf: Day, receipts: readonly Payment[] | undefined): boolean {
  if (isAfter(invoice.paidDate, asOf) || isAfter(invoice.writeOffDate, asOf) || isAfter(invoice.lastPaymentDate, asOf) || isAfter(invoice.lastReminderDate, asOf)) return true;
  if (receipts !== undefined) for (const receipt of receipts) if (receipt.day > asOf) return true;
  return false;
}

/** The receipts dated on or before `asOf`: the same array when that is all of them (most invoices, on most dates). */
function receiptsKnownBy(receipts: readonly Payment[], asOf: Day): readonly Payment[] {
  for (const receipt of receipts) if (receipt.day > asOf) return receipts.filter((r) => r.day <= asOf);
  return receipts;
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
