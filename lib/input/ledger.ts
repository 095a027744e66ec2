// The canonical receivables ledger: the raw columns an invoice export carries, and the typed, cleaned
// invoice and customer records every later stage (features, models, segments, KPIs) reads.
import type {Day} from "../core/dates.js";

/**
 * Raw columns, as they appear in the canonical CSV (the synthetic generator writes exactly these; a
 * user's export is mapped onto them). Values are strings, as read from a file.
 */
export const rawColumns = [
  "invoice_id",
  "customer_id",
  "customer_name",
  "industry",
  "region",
  "credit_score",
  "credit_limit",
  "payment_terms",
  "customer_since",
  "invoice_date",
  "due_date",
  "amount",
  "currency",
  "paid_date",
  "paid_amount",
  "last_payment_date",
  "installments",
  "disputed",
  "reminders_sent",
  "last_reminder_date",
  "extension_requested",
  "write_off_date"
] as const;

export type RawColumn = (typeof rawColumns)[number];
export type RawRow = Record<RawColumn, string>;

/**
 * Columns a ledger cannot do without. `due_date` may be replaced by `payment_terms` (due = invoice date
 * + terms); `paid_date` may be blank (the invoice is open) but the column must exist.
 */
export const requiredColumns: readonly RawColumn[] = ["invoice_id", "customer_id", "invoice_date", "amount", "paid_date"];

/** What each raw column means, for the data dictionary on the Data page. */
export const rawColumnDescriptions: Record<RawColumn, string> = {
  invoice_id: "Unique invoice number.",
  customer_id: "Customer account number.",
  customer_name: "Customer's trading name.",
  industry: "Customer's industry.",
  region: "Customer's sales region.",
  credit_score: "Customer's credit score (300–850) from the credit bureau at onboarding.",
  credit_limit: "Credit limit granted to the customer, in the ledger currency.",
  payment_terms: "Agreed payment terms in days (Net 15/30/45/60).",
  customer_since: "Date the customer account was opened.",
  invoice_date: "Date the invoice was issued (YYYY-MM-DD).",
  due_date: "Date payment is due under the terms (YYYY-MM-DD).",
  amount: "Invoice amount, in the ledger currency.",
  currency: "ISO currency code of the amount.",
  paid_date: "Date the invoice was paid in full; blank while it is open or if it was written off.",
  paid_amount: "Amount received against the invoice up to the as-of date.",
  last_payment_date: "Date of the most recent payment (an instalment, or the final payment).",
  installments: "Number of payments received against the invoice.",
  disputed: "1 if the customer disputed the invoice.",
  reminders_sent: "Number of payment reminders sent.",
  last_reminder_date: "Date of the most recent reminder.",
  extension_requested: "1 if the customer asked for more time to pay.",
  write_off_date: "Date the unpaid balance was written off as bad debt; blank otherwise."
};

export type InvoiceStatus = "paid" | "open" | "written_off";

/** Aging buckets of open invoices by days past due at the as-of date. */
export const agingBuckets = ["Current", "1–30", "31–60", "61–90", "90+"] as const;
export type AgingBucket = (typeof agingBuckets)[number];

/** The aging bucket of an invoice that is `daysPastDue` days past its due date (≤ 0: not yet due). */
export function agingBucket(daysPastDue: number): AgingBucket {
  if (daysPastDue <= 0) return "Current";
  if (daysPastDue <= 30) return "1–30";
  if (daysPastDue <= 60) return "31–60";
  if (daysPastDue <= 90) return "61–90";
  return "90+";
}

/** A cleaned, typed invoice. Dates are day numbers (see dates.ts); amounts are in the ledger currency. */
export interface Invoice {
  invoiceId: string;
  customerId: string;
  customerName: string;
  /** null where the source has no such column */
  industry: string | null;
  region: string | null;
  creditScore: number | null;
  creditLimit: number | null;
  customerSince: Day | null;
  invoiceDate: Day;
  dueDate: Day;
  /** dueDate − invoiceDate */
  termsDays: number;
  amount: number;
  currency: string;
  /** Date paid in full; null while open or if written off. */
  paidDate: Day | null;
  /** Received up to the as-of date. */
  paidAmount: number;
  lastPaymentDate: Day | null;
  installments: number;
  disputed: boolean;
  remindersSent: number;
  lastReminderDate: Day | null;
  extensionRequested: boolean;
  writeOffDate: Day | null;

  // Derived by cleaning, as of the ledger's as-of date.
  status: InvoiceStatus;
  /** paidDate, or writeOffDate for a written-off invoice; null while open. */
  settledDate: Day | null;
  /** amount − paidAmount while open; 0 once settled. */
  openAmount: number;
  /** paidDate − invoiceDate; null unless paid. */
  daysToPay: number | null;
  /** settledDate − dueDate (negative: paid early); null while open. */
  daysLate: number | null;
  /** Settled after the due date (a write-off counts as late); null while open. */
  paidLate: boolean | null;
  /** max(0, asOf − dueDate) while open; 0 once settled. */
  daysOverdue: number;
  /** Aging bucket while open; null once settled. */
  agingBucket: AgingBucket | null;
  /** Paid in more than one instalment, or partly paid and still open. */
  partialPayment: boolean;
  /** Settled within the reminder window after the last reminder; null if no reminder was sent. */
  paidAfterReminder: boolean | null;
}

/** A customer account, from the latest attributes its invoices carry. */
export interface Customer {
  customerId: string;
  name: string;
  industry: string | null;
  region: string | null;
  creditScore: number | null;
  creditLimit: number | null;
  /** The customer's most common payment terms, in days. */
  termsDays: number;
  customerSince: Day | null;
}

/** Customer attributes a user's export may lack; pages that need a missing one say so. */
export interface Availability {
  industry: boolean;
  region: boolean;
  creditScore: boolean;
  creditLimit: boolean;
  customerSince: boolean;
  disputes: boolean;
  reminders: boolean;
  extensions: boolean;
  installments: boolean;
}

export interface LedgerSource {
  kind: "synthetic" | "csv";
  /** File name for a CSV source; a description for the synthetic one. */
  name: string;
  /** Generator options for a synthetic ledger. */
  seed?: number;
}

/** One receipt applied to an invoice, as a payments file or a ledger-entries export lists it. */
export interface Payment {
  invoiceId: string;
  day: Day;
  amount: number;
}

export interface Ledger {
  invoices: Invoice[];
  customers: Customer[];
  /** The report date: the last day of data. */
  asOf: Day;
  currency: string;
  source: LedgerSource;
  available: Availability;
  /**
   * Every receipt by invoice id, in date order, where the source lists receipts one by one (a separate
   * payments file); absent when only each invoice's totals are known (paid amount, last payment date).
   * Replaying an earlier as-of date reads partial payments from here.
   */
  payments?: ReadonlyMap<string, readonly Payment[]>;
}

/** The outcome of an invoice as it was known on `cutoff`: late, on time, or not yet known. */
export function outcomeKnownAt(invoice: Invoice, cutoff: Day): boolean | null {
  if (invoice.settledDate !== null && invoice.settledDate <= cutoff) return invoice.settledDate > invoice.dueDate;
  // Unpaid on its due date means late, whenever it is eventually paid.
  if (invoice.dueDate < cutoff) return true;
  return null;
}
