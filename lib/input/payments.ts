// A separate payments (receipts) file, as most accounting systems export them apart from invoices: one
// row per receipt with the invoice it pays, its date and its amount, any number of rows per invoice.
// An invoice is paid on the day its receipts reach its amount; until then it is open, partly paid.
import {InputError} from "../core/errors.js";
import type {Day} from "../core/dates.js";
import {defaultAliases, normalizeHeader} from "./mapping.js";
import {inferFormats, withoutDecimalZero} from "./infer.js";
import type {InferredFormats} from "./infer.js";
import {dateParser, isPlaceholder, parseAmount} from "./values.js";
import type {DateFormat, DecimalSeparator} from "./values.js";
import type {CsvRecord} from "./csv.js";
import type {ColumnMapping} from "./mapping.js";
import type {Payment} from "./ledger.js";
import {defaultUnreadableShare} from "./settings.js";

export type PaymentColumn = "invoice_id" | "payment_date" | "amount";

/** Header spellings of a payments file, best first. */
export const paymentAliases: Record<PaymentColumn, readonly string[]> = {
  invoice_id: defaultAliases.invoice_id,
  payment_date: ["paymentdate", "receiptdate", "datepaid", "paiddate", "valuedate", "postingdate", "transactiondate", "depositdate", "date"],
  amount: ["paymentamount", "amountpaid", "receiptamount", "amountreceived", "appliedamount", "amountapplied", "paid", "amount", "total", "value"]
};

export interface PaymentIndex {
  /** Receipts by matching key (the invoice id trimmed and uppercased), each list in date order. */
  byInvoice: ReadonlyMap<string, readonly Payment[]>;
  key(invoiceId: string): string;
  lookup(invoiceId: string): readonly Payment[] | undefined;
}

export interface PaymentsReport {
  file: string;
  rowsIn: number;
  rowsKept: number;
  /** Rows set aside, by reason, with the first few lines. */
  setAside: {reason: string; rows: number; lines: number[]}[];
  headers: Record<PaymentColumn, string>;
  formats: InferredFormats["columns"];
  total: number;
}

export interface ReadPaymentsOptions {
  file: string;
  dateFormat?: DateFormat;
  decimal?: DecimalSeparator;
  /** Share of rows that may be unreadable before the file is refused. Default 0.02. */
  unreadableShare?: number;
}

/** Reads a payments table (header and records, from CSV or a workbook) into receipts by invoice. */
export function readPayments(header: readonly string[], records: () => Iterable<CsvRecord>, options: ReadPaymentsOptions): {index: PaymentIndex; report: PaymentsReport} {
  const {file, unreadableShare = defaultUnreadableShare} = options;
  const positions = mapPaymentColumns(header, file);
  // Inference reads the columns under ledger names: the payment date is a date, the amount a number.
  const mapping: ColumnMapping = {
    file,
    columns: ["invoice_id", "paid_date", "amount"],
    index: {invoice_id: positions.invoice_id, paid_date: positions.payment_date, amount: positions.amount},
    headers: {invoice_id: header[positions.invoice_id], paid_date: header[positions.payment_date], amount: header[positions.amount]},
    unmappedColumns: [],
    passedOver: {},
    customerIdFromName: false
  };
  const formats = inferFormats(records(), mapping, {file, dateFormat: options.dateFormat, decimal: options.decimal});
  const parseDay = dateParser(formats.dateFormat.paid_date as DateFormat);
  const decimal = formats.decimal.amount ?? ".";
  const byInvoice = new Map<string, Payment[]>();
  const reasons = new Map<string, {rows: number; lines: number[]}>();
  const unreadable: {line: number; row: number; column: string; text: string}[] = [];
  const setAside = (reason: string, line: number) => {
    const entry = reasons.get(reason) ?? {rows: 0, lines: []};
    ++entry.rows;
    if (entry.lines.length < 3) entry.lines.push(line);
    reasons.set(reason, entry);
  };
  let rowsIn = 0, rowsKept = 0, total = 0;
  for (const {line, row, fields} of records()) {
    ++rowsIn;
    const id = (fields[positions.invoice_id] ?? "").trim();
    const dateText = (fields[positions.payment_date] ?? "").trim();
    const amountText = (fields[positions.amount] ?? "").trim();
    if (!id && !dateText && !amountText) {
      setAside("blank row", line);
      continue;
    }
    if (!id || isPlaceholder(id)) {
      setAside("no invoice id (a total line, or a payment on account)", line);
      continue;
    }
    const day = dateText ? parseDay(dateText) : undefined;
    const amount = amountText ? parseAmount(amountText, decimal) : undefined;
    if (day === undefined || amount === undefined) {
      const column = day === undefined ? header[positions.payment_date] : header[positions.amount];
      unreadable.push({line, row, column, text: day === undefined ? dateText : amountText});
      setAside("unreadable date or amount", line);
      continue;
    }
    if (amount.value <= 0) {
      setAside("zero or negative amount (a reversal or refund)", line);
      continue;
    }
    const key = paymentKey(id);
    let list = byInvoice.get(key);
    if (!list) byInvoice.set(key, (list = []));
    list.push({invoiceId: id, day, amount: amount.value});
    ++rowsKept;
    total += amount.value;
  }
  if (!rowsIn) throw new InputError({file, reason: "has a header but no payment rows"});
  const allowed = Math.max(1, Math.floor(unreadableShare * rowsIn));
  if (unreadable.length > allowed) {
    const [first] = unreadable;
    throw new InputError({
      file,
      line: first.line,
      row: first.row,
      column: first.column,
      reason: `${unreadable.length} of ${rowsIn} payment rows cannot be read (${unreadable.slice(0, 3).map((u) => `line ${u.line} ${JSON.stringify(u.text)}`).join(", ")}), more than the ${+(unreadableShare * 100).toFixed(2)} % that may be set aside`
    });
  }
  for (const list of byInvoice.values()) list.sort((a, b) => a.day - b.day);
  const index: PaymentIndex = {byInvoice, key: paymentKey, lookup: (invoiceId) => byInvoice.get(paymentKey(invoiceId))};
  const report: PaymentsReport = {
    file,
    rowsIn,
    rowsKept,
    setAside: [...reasons].map(([reason, {rows, lines}]) => ({reason, rows, lines})),
    headers: {invoice_id: header[positions.invoice_id], payment_date: header[positions.payment_date], amount: header[positions.amount]},
    formats: formats.columns,
    total: Math.round(total * 100) / 100
  };
  return {index, report};
}

/**
 * Invoice ids match across files whatever their case or surrounding spaces, and whether a spreadsheet or
 * pandas wrote a whole number with a decimal zero ("1929000000.0" is 1929000000); leading zeros count.
 */
function paymentKey(invoiceId: string): string {
  return withoutDecimalZero(invoiceId.trim()).toUpperCase();
}

function mapPaymentColumns(header: readonly string[], file: string): Record<PaymentColumn, number> {
  const normalized = header.map(normalizeHeader);
  const claimed = new Set<number>();
  const positions = {} as Record<PaymentColumn, number>;
  for (const column of ["invoice_id", "payment_date", "amount"] as const) {
    const aliases = [normalizeHeader(column), ...paymentAliases[column]];
    let best = -1, bestRank = Infinity;
    normalized.forEach((name, position) => {
      const rank = aliases.indexOf(name);
      if (rank >= 0 && rank < bestRank && !claimed.has(position)) (best = position), (bestRank = rank);
    });
    if (best < 0) {
      throw new InputError({
        file,
        reason: `has no ${column} column for a payments file (invoice id, payment date and amount are needed); headers found: ${header.map((h) => JSON.stringify(h)).join(", ")}`
      });
    }
    positions[column] = best;
    claimed.add(best);
  }
  return positions;
}

export interface Settlement {
  /** The day the receipts reach the invoice's amount (within half a cent), or null while short of it. */
  paidDate: Day | null;
  /** Received in total, at most the amount. */
  paidAmount: number;
  lastPaymentDate: Day | null;
  installments: number;
}

/** What an invoice's receipts (in date order) say: paid in full on which day, or how much is in. */
export function settleFromPayments(receipts: readonly Payment[], amount: number): Settlement {
  let received = 0;
  let paidDate: Day | null = null;
  for (const receipt of receipts) {
    received += receipt.amount;
    if (paidDate === null && received >= amount - 0.005) paidDate = receipt.day;
  }
  return {
    paidDate,
    paidAmount: Math.min(received, amount),
    lastPaymentDate: receipts.length ? receipts[receipts.length - 1].day : null,
    installments: receipts.length
  };
}
