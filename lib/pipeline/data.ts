// The data stage: what the Data and EDA pages read — where the ledger came from, its dictionary, the
// cleaning report, sample rows, the invoice-level table the EDA filters, and the cleaned ledger as CSV.
import type {CleaningReport} from "../clean/index.js";
import {csvLines} from "../input/csv.js";
import {formatIsoDay} from "../core/dates.js";
import {agingBuckets, rawColumnDescriptions, rawColumns} from "../input/ledger.js";
import type {Invoice, Ledger} from "../input/ledger.js";
import {columnar, round, roundFinite} from "../core/json.js";
import type {SourcedLedger} from "./source.js";
import type {DictionaryFile, EdaFile, LedgerSampleFile, MetaFile, CleaningFile, ReportFiles} from "./contract.js";

export interface DataStageOptions {
  /** Most invoices in the EDA table; above it, an evenly spaced sample in invoice-date order. Default 30,000. */
  edaLimit?: number;
  /** Rows in the Data page's sample table. Default 1,000. */
  sampleLimit?: number;
}

/** The cleaned ledger's columns, beyond the raw ones, for the data dictionary. */
export const derivedColumnDescriptions: Record<string, string> = {
  status: "paid, open or written_off, as of the as-of date.",
  open_amount: "Amount still owed at the as-of date (0 once settled).",
  days_to_pay: "Paid date − invoice date, in days (paid invoices only).",
  days_late: "Settled date − due date, in days; negative when paid early (settled invoices only).",
  paid_late: "1 if settled after the due date (a write-off counts as late); blank while open.",
  days_overdue: "Days past due at the as-of date for open invoices; 0 once settled.",
  aging_bucket: "Current, 1–30, 31–60, 61–90 or 90+ days past due at the as-of date (open invoices only).",
  partial_payment: "1 if paid in more than one instalment, or partly paid and still open.",
  paid_after_reminder: "1 if settled within the reminder window after the last reminder; blank if no reminder was sent."
};

const derivedColumns = Object.keys(derivedColumnDescriptions);

export type DataFiles = Pick<ReportFiles, "meta" | "cleaning" | "dictionary" | "ledger-sample" | "eda">;

export function dataStage({ledger, report, provenance}: SourcedLedger, options: DataStageOptions = {}): {files: DataFiles; cleanedCsv: () => Generator<string>} {
  const {edaLimit = 30_000, sampleLimit = 1_000} = options;
  const invoices = ledger.invoices;
  const files: DataFiles = {
    meta: meta(ledger, provenance),
    cleaning: cleaningFile(report),
    dictionary: dictionary(ledger, provenance.mapping),
    "ledger-sample": ledgerSample(invoices, sampleLimit),
    eda: edaTable(ledger, edaLimit)
  };
  return {files, cleanedCsv: () => cleanedCsvLines(ledger)};
}

function meta(ledger: Ledger, provenance: SourcedLedger["provenance"]): MetaFile {
  let first = Infinity;
  let last = -Infinity;
  for (const {invoiceDate} of ledger.invoices) (first = Math.min(first, invoiceDate)), (last = Math.max(last, invoiceDate));
  return {
    title: "AR Cashflow Intelligence",
    synthetic: provenance.kind === "synthetic",
    source: {...provenance, name: ledger.source.name},
    asOf: formatIsoDay(ledger.asOf),
    currency: ledger.currency,
    invoices: ledger.invoices.length,
    customers: ledger.customers.length,
    firstInvoiceDate: formatIsoDay(first),
    lastInvoiceDate: formatIsoDay(last),
    available: ledger.available,
    writtenOff: writtenOff(ledger.invoices)
  };
}

/** Invoices written off by the as-of date, and their share of all invoices. */
function writtenOff(invoices: readonly Invoice[]): {invoices: number; share: number | null} {
  let count = 0;
  for (const invoice of invoices) if (invoice.status === "written_off") ++count;
  return {invoices: count, share: invoices.length ? round(count / invoices.length, 6) : null};
}

function cleaningFile(report: CleaningReport): CleaningFile {
  return {...report, asOf: formatIsoDay(report.asOf)};
}

function dictionary(ledger: Ledger, mapping: SourcedLedger["provenance"]["mapping"]): DictionaryFile {
  const header = new Map(mapping?.map((m) => [m.column, m.header]) ?? []);
  return {
    raw: rawColumns.map((column) => ({
      column,
      description: rawColumnDescriptions[column],
      // For a synthetic ledger every column exists; for a CSV, the header it was read from, or null.
      sourceHeader: mapping ? header.get(column) ?? null : column
    })),
    derived: derivedColumns.map((column) => ({column, description: derivedColumnDescriptions[column]})),
    available: ledger.available
  };
}

/** Evenly spaced positions: all of 0..n−1 when n ≤ limit. */
export function evenSample(n: number, limit: number): number[] {
  if (n <= limit) return Array.from({length: n}, (_, i) => i);
  return Array.from({length: limit}, (_, i) => Math.floor((i * n) / limit));
}

function ledgerSample(invoices: readonly Invoice[], limit: number): LedgerSampleFile {
  const rows = evenSample(invoices.length, limit).map((i) => invoices[i]);
  return {
    total: invoices.length,
    rows: rows.map((v) => ({
      invoice: v.invoiceId,
      customer: v.customerName || v.customerId,
      customerId: v.customerId,
      industry: v.industry,
      region: v.region,
      invoiceDate: formatIsoDay(v.invoiceDate),
      dueDate: formatIsoDay(v.dueDate),
      amount: roundFinite(v.amount, 2),
      status: v.status,
      paidDate: v.paidDate === null ? null : formatIsoDay(v.paidDate),
      daysLate: v.daysLate,
      openAmount: roundFinite(v.openAmount, 2),
      agingBucket: v.agingBucket
    }))
  };
}

const statuses = ["paid", "open", "written_off"] as const;

/**
 * One row per invoice (or an even sample), columnar, with categories as indices into lists: the EDA page
 * filters and aggregates it in the browser. Days are day numbers (lib/core/dates.ts `dayToDate`).
 */
function edaTable(ledger: Ledger, limit: number): EdaFile {
  const positions = evenSample(ledger.invoices.length, limit);
  const rows = positions.map((i) => ledger.invoices[i]);
  const industries = categories(rows.map((v) => v.industry));
  const regions = categories(rows.map((v) => v.region));
  const industryIndex = new Map(industries.map((c, i) => [c, i]));
  const regionIndex = new Map(regions.map((c, i) => [c, i]));
  return {
    total: ledger.invoices.length,
    sampled: rows.length < ledger.invoices.length,
    asOf: ledger.asOf,
    industries,
    regions,
    statuses,
    agingBuckets,
    rows: columnar(rows, {
      invoiceDate: (v) => v.invoiceDate,
      termsDays: (v) => v.termsDays,
      // Whole currency units are plenty for charts and halve the file.
      amount: (v) => Math.round(v.amount),
      creditScore: (v) => v.creditScore,
      amountToLimit: (v) => (v.creditLimit ? round(v.amount / v.creditLimit, 3) : null),
      industry: (v) => (v.industry === null ? null : industryIndex.get(v.industry) ?? null),
      region: (v) => (v.region === null ? null : regionIndex.get(v.region) ?? null),
      status: (v) => statuses.indexOf(v.status),
      daysLate: (v) => v.daysLate,
      paidLate: (v) => (v.paidLate === null ? null : v.paidLate ? 1 : 0),
      settledDate: (v) => v.settledDate,
      paidAmount: (v) => Math.round(v.paidAmount),
      openAmount: (v) => Math.round(v.openAmount),
      daysOverdue: (v) => v.daysOverdue,
      agingBucket: (v) => (v.agingBucket === null ? null : agingBuckets.indexOf(v.agingBucket)),
      disputed: (v) => (v.disputed ? 1 : 0),
      remindersSent: (v) => v.remindersSent
    })
  };
}

function categories(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))].sort();
}

function* cleanedCsvLines(ledger: Ledger): Generator<string> {
  const columns = [...rawColumns.filter((c) => c !== "payment_terms"), "payment_terms", ...derivedColumns];
  yield* csvLines(columns, csvRows(ledger.invoices));
}

function* csvRows(invoices: readonly Invoice[]) {
  const day = (d: number | null) => (d === null ? "" : formatIsoDay(d));
  const flag = (b: boolean | null) => (b === null ? "" : b ? 1 : 0);
  for (const v of invoices)
    yield {
      invoice_id: v.invoiceId,
      customer_id: v.customerId,
      customer_name: v.customerName,
      industry: v.industry,
      region: v.region,
      credit_score: v.creditScore,
      credit_limit: v.creditLimit,
      customer_since: day(v.customerSince),
      invoice_date: day(v.invoiceDate),
      due_date: day(v.dueDate),
      amount: v.amount,
      currency: v.currency,
      paid_date: day(v.paidDate),
      paid_amount: v.paidAmount,
      last_payment_date: day(v.lastPaymentDate),
      installments: v.installments,
      disputed: flag(v.disputed),
      reminders_sent: v.remindersSent,
      last_reminder_date: day(v.lastReminderDate),
      extension_requested: flag(v.extensionRequested),
      write_off_date: day(v.writeOffDate),
      payment_terms: v.termsDays,
      status: v.status,
      open_amount: round(v.openAmount, 2),
      days_to_pay: v.daysToPay,
      days_late: v.daysLate,
      paid_late: flag(v.paidLate),
      days_overdue: v.daysOverdue,
      aging_bucket: v.agingBucket,
      partial_payment: flag(v.partialPayment),
      paid_after_reminder: flag(v.paidAfterReminder)
    };
}
