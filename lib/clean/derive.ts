// What an invoice's facts mean on the report date: settled or open, late or not, how overdue, and
// whether a reminder preceded payment. Recomputed from the facts alone, so any as-of date can be asked.
import {agingBucket} from "../input/ledger.js";
import type {Day} from "../core/dates.js";
import type {Invoice} from "../input/ledger.js";

/** The fields of an `Invoice` that cleaning derives. */
export type DerivedInvoiceFields = Pick<
  Invoice,
  "status" | "settledDate" | "openAmount" | "daysToPay" | "daysLate" | "paidLate" | "daysOverdue" | "agingBucket" | "partialPayment" | "paidAfterReminder"
>;

/** The recorded facts the derived fields are computed from. */
export type InvoiceFacts = Pick<
  Invoice,
  "invoiceDate" | "dueDate" | "amount" | "paidDate" | "paidAmount" | "installments" | "remindersSent" | "lastReminderDate" | "writeOffDate"
>;

export interface DeriveOptions {
  /** A payment within this many days after the last reminder counts as prompted by it. */
  reminderWindowDays?: number;
}

/**
 * Derived fields as of `asOf`. A paid date wins over a write-off date (the write-off was reversed); a
 * write-off counts as late. Facts dated after `asOf` are taken as recorded: callers set such rows aside
 * rather than pretend the event had not happened.
 */
export function deriveInvoiceFields(facts: InvoiceFacts, asOf: Day, {reminderWindowDays = 14}: DeriveOptions = {}): DerivedInvoiceFields {
  const {invoiceDate, dueDate, amount, paidDate, paidAmount, installments, remindersSent, lastReminderDate, writeOffDate} = facts;
  const status = paidDate !== null ? "paid" : writeOffDate !== null ? "written_off" : "open";
  const settledDate = status === "paid" ? paidDate : status === "written_off" ? writeOffDate : null;
  const open = settledDate === null;
  const pastDue = asOf - dueDate;
  const reminded = remindersSent > 0 || lastReminderDate !== null;
  return {
    status,
    settledDate,
    openAmount: open ? Math.max(0, amount - paidAmount) : 0,
    daysToPay: paidDate !== null ? paidDate - invoiceDate : null,
    daysLate: settledDate !== null ? settledDate - dueDate : null,
    paidLate: settledDate !== null ? status === "written_off" || settledDate > dueDate : null,
    daysOverdue: open ? Math.max(0, pastDue) : 0,
    agingBucket: open ? agingBucket(pastDue) : null,
    partialPayment: installments > 1 || (open && paidAmount > 0),
    // Reminders counted without a date cannot be placed against the payment: unknown, like none sent.
    paidAfterReminder: !reminded || lastReminderDate === null
      ? null
      : paidDate !== null && paidDate >= lastReminderDate && paidDate - lastReminderDate <= reminderWindowDays
  };
}
