// From raw rows to the typed ledger, with a report of everything that was changed or set aside. Rows
// stream through once: each is read into its typed invoice straight away and the raw text is dropped.
// What needs the whole file — the last day of data, the dominant customer-id form, the ledger currency —
// is settled afterwards over the typed invoices. Nothing is dropped silently: every row is kept, or
// counted under the rule that set it aside.
//
// The result is the history as recorded, to the last day of data, and the report date chosen on it
// (`chooseAsOf`): the ledger every stage reads is the history cut at that date (lib/clean/replay.ts);
// what lies between the two is kept for the backtest to score the report against.
import {readCsv} from "../input/csv.js";
import {formatIsoDay} from "../core/dates.js";
import {InputError} from "../core/errors.js";
import {rawColumns} from "../input/ledger.js";
import {canonicalMapping, headerLikeness, inputColumns, mapColumns, mappedRows} from "../input/mapping.js";
import {debitCreditSign, documentKind, isSummaryLabel, openState} from "../input/documents.js";
import type {DocumentKind} from "../input/documents.js";
import {createFormatTally, decideFormats, inferFormats, sameFormats, withoutDecimalZero} from "../input/infer.js";
import type {ColumnForms, FormatOptions, FormatTally, InferredFormats, ValueCounter} from "../input/infer.js";
import {settleFromPayments} from "../input/payments.js";
import type {PaymentIndex} from "../input/payments.js";
import {chooseAsOf, inferAsOf} from "./asOf.js";
import type {AsOfChoice} from "./asOf.js";
import {buildCustomers} from "./customers.js";
import {ledgerAsOf} from "./replay.js";
import {createCustomerIdNormalizer} from "./customerIds.js";
import {setDerivedFields} from "./derive.js";
import {createFirstRows, rowFingerprint} from "./firstRows.js";
import {createRuleTally} from "./rules.js";
import {dateFormatsMatching, dateParser, decimalEvidence, headerCurrency, isPlaceholder, maxPlaceholderLength, parseAmount, parseCount, parseFlag, parseNumber, parsePaymentTerms} from "../input/values.js";
import type {CsvDelimiter} from "../input/csv.js";
import type {Day} from "../core/dates.js";
import type {Availability, Invoice, Ledger, LedgerSource, Payment, RawColumn, RawRow} from "../input/ledger.js";
import type {ColumnMapping, ColumnOverrides, InputColumn, InputRow, SourceRow} from "../input/mapping.js";
import type {CleaningExample, CleaningRule, CleaningRuleId, QuarantinedRow, RuleTally} from "./rules.js";
import type {DateFormat, DecimalSeparator} from "../input/values.js";
import {defaultUnreadableShare} from "../input/settings.js";

export type {CleaningExample, CleaningRule, QuarantinedRow} from "./rules.js";
export type {AsOfChoice, AsOfKind} from "./asOf.js";
export {buildCustomers} from "./customers.js";
export type {DateFormat} from "../input/values.js";

export interface CleaningOptions {
  /** File name, for messages and the report. */
  file: string;
  /**
   * The report date. Must lie between the first invoice and the last day of data; chosen from the data
   * when not given (see `chooseAsOf`).
   */
  asOf?: Day;
  /** Where a given report date came from, for the message when it is out of range ("AR_AS_OF"). */
  asOfSource?: string;
  /** The last day of data, when the source knows it (the generator); inferred otherwise (see `inferAsOf`). */
  endOfData?: Day;
  /** Receipts by invoice id where the source lists them: kept on the history, read by the as-of cut. */
  payments?: ReadonlyMap<string, readonly Payment[]>;
  /** How dates are written in the file, for date columns `formats` does not cover. */
  dateFormat?: DateFormat;
  /** Each column's date layout and decimal separator, as inferred from the file (`inferFormats`). */
  formats?: ColumnForms;
  /**
   * When `formats` were decided from the first rows only: count every value as it is read and decide
   * again from all of them after the pass. Where all values choose otherwise, cleaning stops with
   * `FormatsRevised` before judging any value unreadable, and the caller cleans again in those formats.
   */
  verifyFormats?: FormatOptions;
  /**
   * Largest share of rows one column's unreadable values may set aside (at least one row); more stops
   * cleaning with an InputError naming the column, the first bad rows and the likely cause. Default 0.02.
   */
  unreadableShare?: number;
  /** Where to say how to change `unreadableShare`, for the error message. */
  unreadableSetting?: string;
  /** Receipts by invoice id (a separate payments file): paid dates, amounts and instalments come from them. */
  receipts?: PaymentIndex;
  /** Negative amounts stop cleaning with an InputError ("error") or are set aside with their total (the default). */
  negativeAmounts?: "error" | "quarantine";
  /** A payment within this many days after the last reminder counts as prompted by it. */
  reminderWindowDays?: number;
  /** Which columns the file has and what it calls them; all canonical columns when not given. */
  mapping?: ColumnMapping;
  /** Recorded on the ledger; a CSV source named after `file` when not given. */
  source?: LedgerSource;
  /** Currency of rows that name none, when no row does ("USD" when not given: the report then says it assumed it). */
  defaultCurrency?: string;
  /** The currency a user set (AR_CURRENCY or the mapping's currency) for rows that name none. */
  currency?: string;
  /** Length of the quarantine list in the report (the counts are always complete). */
  quarantineListLimit?: number;
}

export interface CleaningReport {
  file: string;
  rowsIn: number;
  rowsKept: number;
  /** Rows set aside or removed; rowsIn = rowsKept + rowsQuarantined. */
  rowsQuarantined: number;
  /** Every rule, in a fixed order, with what it did (count 0 when it found nothing). */
  rules: CleaningRule[];
  /** The first rows set aside, in file order. */
  quarantine: QuarantinedRow[];
  unmappedColumns: string[];
  /** The report date. */
  asOf: Day;
  /** How it was chosen, in words. */
  asOfRule: string;
  /** Rows per document type in a mixed ledger ("Invoice": 2,310, "Payment": 1,980), as written; empty without a type column. */
  documentTypes: {type: string; kind: DocumentKind | "by sign"; rows: number}[];
  /** Customer ids that are names (the file has no id column). */
  customerIdFromName: boolean;
  /** The file has no paid date, open flag, remaining amount or payments: every invoice is read as open. */
  openItemsOnly: boolean;
  /** Receipts of a separate payments file that match no kept invoice. */
  unmatchedPayments: {count: number; amount: number; examples: string[]} | null;
  /** The ledger's currency and where it came from (a currency column, marks on the amounts, a setting, or assumed). */
  currency: {code: string; from: CurrencySource};
}

/**
 * Where the ledger's currency came from: a currency column, currency marks on the amounts ("$", "EUR"),
 * the user's setting, or nothing at all (then "USD" is assumed, and the Data page says so).
 */
export type CurrencySource = "column" | "amounts" | "setting" | "header" | "assumed";

export interface CleanedLedger {
  /** The ledger as it stood on the report date: what every stage reads. */
  ledger: Ledger;
  /** The ledger as recorded, to the last day of data (`history.asOf`): for the backtest only. */
  history: Ledger;
  /** How the report date was chosen, and the last day of data. */
  asOf: AsOfChoice;
  report: CleaningReport;
  /** The formats decided from every row's values, when `verifyFormats` was asked for. */
  formats?: InferredFormats;
}

/** Thrown by `cleanLedger` when all values choose other formats than the first rows did. */
export class FormatsRevised extends Error {
  constructor(readonly formats: InferredFormats) {
    super("the formats decided from all values differ from those decided from the first rows");
  }
}

/**
 * Cleans canonical rows (from `mappedRows` for a CSV, `numberedRows` for the generator) into a ledger.
 * Throws an InputError, naming the line, column and value, for text that is not recognisable dirt.
 */
export function cleanLedger(rows: Iterable<SourceRow>, options: CleaningOptions): CleanedLedger {
  const {file, negativeAmounts = "quarantine", reminderWindowDays = 14, defaultCurrency = "USD", quarantineListLimit = 200, unreadableShare = defaultUnreadableShare} = options;
  const mapping = options.mapping ?? canonicalMapping(file);
  const tally = createRuleTally();
  const quarantine: QuarantinedRow[] = [];
  const formatTally = options.verifyFormats ? createFormatTally(mapping, options.verifyFormats) : null;
  const reader = createRowReader({file, mapping, dateFormat: options.dateFormat ?? "YYYY-MM-DD", formats: options.formats, negativeAmounts, tally, payments: options.receipts, formatTally, currencySetting: options.currency});
  const setAside = (rule: CleaningRuleId, line: number, invoiceId: string, example: CleaningExample, amount?: number) => {
    tally.record(rule, example, amount);
    quarantine.push({line, rule, invoiceId, column: example.column, value: example.before});
  };

  // Pass 1: read every row; rules that need only the row itself apply here.
  const firstRows = createFirstRows();
  const pending: Invoice[] = [];
  const pendingLines: number[] = [];
  let rowsIn = 0;
  for (const source of rows) {
    ++rowsIn;
    const {line, values} = source;
    if (isBlankRow(values)) {
      // Text only in columns the report does not read: a heading (QuickBooks puts customer names there).
      const heading = source.fields?.find((field) => field.trim() !== "");
      if (heading !== undefined) setAside("summary-row", line, "", {line, column: "", before: heading.trim(), after: "(removed)"});
      else setAside("blank-row", line, "", {line, column: "", before: "", after: "(removed)"});
      continue;
    }
    const summary = reader.summaryLabel(values);
    if (summary !== null) {
      setAside("summary-row", line, "", {line, column: summary.column, before: summary.text, after: "(removed)"});
      continue;
    }
    const invoiceId = reader.id(values.invoice_id, "invoice_id").trim();
    const column = reader.header("invoice_id");
    if (!invoiceId) {
      setAside("missing-invoice-id", line, "", {line, column, before: values.invoice_id, after: "(set aside)"});
      continue;
    }
    const fingerprint = rowFingerprint(values);
    const first = firstRows.firstOf(invoiceId, line, fingerprint);
    if (first !== undefined) {
      const duplicate = first.fingerprint === fingerprint;
      setAside(duplicate ? "duplicate-row" : "conflicting-invoice-id", line, invoiceId, {
        line,
        column,
        before: invoiceId,
        after: duplicate ? `(removed: same as line ${first.line})` : `(set aside: line ${first.line} has this invoice id)`
      });
      continue;
    }
    const result = reader.read(source, invoiceId);
    if ("rule" in result) {
      setAside(result.rule, line, invoiceId, result.example, result.amount);
      continue;
    }
    pending.push(result);
    pendingLines.push(line);
  }
  if (rowsIn === 0) throw new InputError({file, reason: "has a header but no data rows"});
  let formats: InferredFormats | undefined;
  if (formatTally) {
    formatTally.finish();
    formats = decideFormats(formatTally, mapping, options.verifyFormats!)!;
    if (options.formats && !sameFormats(formats, options.formats)) throw new FormatsRevised(formats);
  }
  reader.checkUnreadable(rowsIn, unreadableShare, options.unreadableSetting);

  // Pass 2: rules that need the whole file, against the last day of data.
  const {asOf: endOfData, rule: endOfDataRule} =
    options.endOfData !== undefined
      ? {asOf: options.endOfData, rule: `The last day of data, ${formatIsoDay(options.endOfData)}.`}
      : pending.length
        ? inferAsOf(reader.invoiceDays, reader.activityDays)
        : {asOf: NaN, rule: "No usable rows to infer it from."};
  const currency = mostCommonKey(reader.currencies) ?? options.currency ?? reader.currencyOfHeader ?? defaultCurrency;
  const currencyFrom: CurrencySource = reader.currencySources.column ? "column" : reader.currencySources.mark ? "amounts" : options.currency ? "setting" : reader.currencyOfHeader ? "header" : "assumed";
  reader.reportCustomerIdFixes();
  const invoices: Invoice[] = [];
  const deriveOptions = {reminderWindowDays};
  for (let i = 0; i < pending.length; ++i) {
    const invoice = pending[i];
    const line = pendingLines[i];
    const outcome = checkAgainstLedger(invoice, endOfData, currency);
    if (outcome) {
      const {rule, column, before} = outcome;
      setAside(rule, line, invoice.invoiceId, {line, column: reader.header(column), before, after: "(set aside)"});
      continue;
    }
    invoice.currency = currency;
    invoice.customerId = reader.customerId(invoice.customerId);
    setDerivedFields(invoice, endOfData, deriveOptions);
    invoices.push(invoice);
  }
  pending.length = 0;
  if (!invoices.length) {
    const reasons = tally.rules().filter((r) => r.count).map((r) => `${r.id}: ${r.count}`).join(", ");
    throw new InputError({file, reason: `has no usable rows: all ${rowsIn} were set aside (${reasons})`});
  }

  const asOf = chooseAsOf(invoices, endOfData, {given: options.asOf, givenSource: options.asOfSource, endOfDataRule});
  // When the report date is earlier than the last day of data, the history's customers are built when
  // first read, and nothing but a test reads them (every stage reads the cut's own): 0.6 s of the 1M
  // source's CPU spared. Built first, they also named the cut's unnamed invoices after the customer's
  // latest name, even one first used after the report date. On the last day of data the history is the
  // ledger, built now as before.
  let customers = asOf.asOf === endOfData ? buildCustomers(invoices) : undefined;
  const history: Ledger = {
    invoices,
    get customers() {
      return (customers ??= buildCustomers(invoices));
    },
    asOf: endOfData,
    currency,
    source: options.source ?? {kind: "csv", name: file},
    available: reader.availability()
  };
  if (options.receipts) history.payments = keptPayments(options.receipts, invoices);
  else if (options.payments) history.payments = options.payments;
  quarantine.sort((a, b) => a.line - b.line);
  const report: CleaningReport = {
    file,
    rowsIn,
    rowsKept: invoices.length,
    rowsQuarantined: rowsIn - invoices.length,
    rules: tally.rules(),
    quarantine: quarantine.slice(0, quarantineListLimit),
    unmappedColumns: [...mapping.unmappedColumns],
    asOf: asOf.asOf,
    asOfRule: asOf.rule,
    documentTypes: reader.documentTypes(),
    customerIdFromName: mapping.customerIdFromName,
    openItemsOnly: !options.receipts && mapping.index.paid_date === undefined && mapping.index.open_item === undefined,
    unmatchedPayments: options.receipts ? unmatchedPayments(options.receipts, invoices) : null,
    currency: {code: currency, from: currencyFrom}
  };
  const ledger = ledgerAsOf(history, asOf.asOf, {reminderWindowDays});
  return formats ? {ledger, history, asOf, report, formats} : {ledger, history, asOf, report};
}

export interface CleanCsvOptions extends Omit<CleaningOptions, "mapping"> {
  /** Explicit `{canonical: "Their Header"}` choices. */
  columns?: ColumnOverrides;
  /** Skip delimiter detection. */
  delimiter?: CsvDelimiter;
}

/** Reads, maps, infers each column's format and cleans a CSV export in one go. */
export function cleanCsv(text: string, options: CleanCsvOptions): CleanedLedger & {mapping: ColumnMapping; formats: InferredFormats} {
  const {columns, delimiter, ...cleaning} = options;
  const table = readCsv(text, {file: options.file, delimiter, headerScore: headerLikeness(columns)});
  const mapping = mapColumns(table.header, {file: options.file, columns});
  const formats = inferFormats((only) => table.records(only), mapping, {file: options.file, dateFormat: options.dateFormat});
  return {...cleanLedger(mappedRows(table.records(), mapping), {...cleaning, mapping, formats}), mapping, formats};
}

/** Receipts of kept invoices only, so replay never meets a payment without its invoice. */
function keptPayments(payments: PaymentIndex, invoices: readonly Invoice[]): Map<string, readonly Payment[]> {
  const kept = new Map<string, readonly Payment[]>();
  for (const invoice of invoices) {
    const list = payments.lookup(invoice.invoiceId);
    if (list) kept.set(invoice.invoiceId, list);
  }
  return kept;
}

function unmatchedPayments(payments: PaymentIndex, invoices: readonly Invoice[]): CleaningReport["unmatchedPayments"] {
  const ids = new Set(invoices.map((invoice) => payments.key(invoice.invoiceId)));
  let count = 0, amount = 0;
  const examples: string[] = [];
  for (const [key, list] of payments.byInvoice) {
    if (ids.has(key)) continue;
    count += list.length;
    for (const payment of list) amount += payment.amount;
    if (examples.length < 3) examples.push(list[0].invoiceId);
  }
  return {count, amount: Math.round(amount * 100) / 100, examples};
}

// ——— Reading one row ———

interface SetAside {
  rule: CleaningRuleId;
  example: CleaningExample;
  /** The row's amount, for rules that total what they set aside. */
  amount?: number;
}

interface RowReaderContext {
  file: string;
  /** The currency of rows that name none, as the user set it. */
  currencySetting?: string;
  mapping: ColumnMapping;
  dateFormat: DateFormat;
  formats?: ColumnForms;
  negativeAmounts: "error" | "quarantine";
  tally: RuleTally;
  payments?: PaymentIndex;
  /** Counts every date and number value, to check the formats against all of them. */
  formatTally: FormatTally | null;
}

/** Columns whose presence with data makes an optional analysis available. */
const availabilityColumns: Record<keyof Availability, readonly RawColumn[]> = {
  industry: ["industry"],
  region: ["region"],
  creditScore: ["credit_score"],
  creditLimit: ["credit_limit"],
  customerSince: ["customer_since"],
  disputes: ["disputed"],
  reminders: ["reminders_sent", "last_reminder_date"],
  extensions: ["extension_requested"],
  installments: ["installments"]
};

/** Columns in which a placeholder ("N/A", "-") is a missing value to set aside rather than a blank. */
const requiredValueColumns = new Set<InputColumn>(["invoice_id", "customer_id", "invoice_date", "amount"]);

/**
 * What reading one column's values needs, looked up once per column rather than by the column's name
 * on each of a million rows: in the 1M source, reads by a variable key (values[column], counters[column],
 * a map of parsers by column) cost 1.3 s of cleaning's CPU, spread over textOf, date, money and optional.
 */
interface ColumnReader {
  column: InputColumn;
  /** A placeholder ("N/A") in a required column is not a blank: the row is set aside as missing it. */
  required: boolean;
  /** Counts the values, when the formats are checked against all of them. */
  counter: ValueCounter | undefined;
  decimal: DecimalSeparator;
  dateFormat: DateFormat;
  parseDay: (text: string) => Day | undefined;
}

/** A value a column's format cannot read. */
class Unreadable {
  constructor(readonly column: InputColumn, readonly expected: string) {}
}

interface UnreadableTally {
  count: number;
  first: {line: number; row: number; text: string}[];
  expected: string;
}

/**
 * Reads rows into typed invoices, setting aside rows with values their column's format cannot read
 * (counted per column, to stop the build when a column is mostly unreadable) and counting row-level
 * fixes, while gathering what pass 2 needs: date counts, currencies, customer-id spellings, and which
 * optional columns carry data.
 */
function createRowReader({file, mapping, dateFormat, formats, negativeAmounts, tally, payments, formatTally, currencySetting}: RowReaderContext) {
  const counters: Partial<Record<InputColumn, ValueCounter>> = {};
  if (formatTally) for (const {column} of [...formatTally.dates, ...formatTally.numbers, ...formatTally.ids]) counters[column] = formatTally.counter(column)!;
  const header = (column: InputColumn) => mapping.headers[column] ?? column;
  const hasColumn = (column: InputColumn) => mapping.index[column] !== undefined;
  const dateFormatOf = (column: InputColumn) => formats?.dateFormat[column] ?? dateFormat;
  const decimalOf = (column: InputColumn): DecimalSeparator => formats?.decimal[column] ?? ".";
  // Object.fromEntries builds an object with fast properties; 25 keyed stores would leave it a dictionary.
  const at = Object.fromEntries(
    inputColumns.map((column): [InputColumn, ColumnReader] => [
      column,
      {column, required: requiredValueColumns.has(column), counter: counters[column], decimal: decimalOf(column), dateFormat: dateFormatOf(column), parseDay: dateParser(dateFormatOf(column))}
    ])
  ) as Record<InputColumn, ColumnReader>;
  const customerIds = createCustomerIdNormalizer({names: mapping.customerIdFromName});
  const customerIdSpellings = new Map<string, {rows: number; lines: number[]}>();
  const invoiceDays = new Map<Day, number>();
  const activityDays = new Set<Day>();
  const currencies = new Map<string, number>();
  /** Rows whose currency a currency column named, or a mark on the amount. */
  const currencySources = {column: 0, mark: 0};
  /** The currency the amount column's header names ("Betrag EUR"), for rows with no column and no mark. */
  const currencyOfHeader = headerCurrency(mapping.headers.amount ?? mapping.headers.remaining_amount ?? "");
  const columnsWithData = new Set<RawColumn>();
  const unreadable = new Map<InputColumn, UnreadableTally>();
  const types = new Map<string, {kind: DocumentKind | "by sign"; rows: number}>();
  let columnsAwaitingData: RawColumn[] = mapping.columns.filter((c): c is RawColumn => (rawColumns as readonly string[]).includes(c));
  /** The invoice-id column's header as a body row would repeat it; null without such a column. */
  const invoiceIdHeader = hasColumn("invoice_id") ? header("invoice_id").trim() : null;

  function noteColumnsWithData(values: RawRow): void {
    const found = columnsAwaitingData.filter((column) => values[column].trim() !== "");
    if (!found.length) return;
    for (const column of found) columnsWithData.add(column);
    columnsAwaitingData = columnsAwaitingData.filter((column) => !columnsWithData.has(column));
  }

  function fail(source: SourceRow, column: InputColumn, reason: string): never {
    throw new InputError({file, line: source.line, row: source.row, column: header(column), value: source.values[column], reason});
  }

  /** The value's text, or null when blank (or a placeholder, outside the required columns). */
  function textOf(text: string | undefined, reader: ColumnReader): string | null {
    if (text === undefined || text === "") return null;
    const trimmed = trimmedText(text);
    if (!trimmed) return null;
    // Placeholders are short: the length test spares most values the placeholder test.
    if (trimmed.length <= maxPlaceholderLength && !reader.required && isPlaceholder(trimmed)) return null;
    return trimmed;
  }

  function date(raw: string | undefined, reader: ColumnReader): Day | null {
    const text = textOf(raw, reader);
    if (text === null) return null;
    reader.counter?.add(text);
    const day = reader.parseDay(text);
    if (day === undefined) throw new Unreadable(reader.column, `a date in ${reader.dateFormat}`);
    return day;
  }

  /** An id as the file means it: without its decimal zero where the column writes every id so, else as written. */
  function id(text: string, column: "invoice_id" | "customer_id"): string {
    const trimmed = text.trim();
    counters[column]?.add(trimmed);
    return formats?.ids?.[column] === "decimal zero" && withoutDecimalZero(trimmed) !== trimmed ? withoutDecimalZero(trimmed) : text;
  }

  /**
   * Money, noting the first value of the row that needed more than its column's format (a currency
   * mark the column does not usually carry, parentheses, a trailing minus, stray spaces) as an
   * amount-text fix. Thousands groups and a mark on most of the column's values are its format.
   */
  function money(source: SourceRow, raw: string | undefined, reader: ColumnReader, fixes: CleaningExample[]): {value: number; currency: string | null} | null {
    const text = textOf(raw, reader);
    if (text === null) return null;
    reader.counter?.add(text);
    const parsed = parseAmount(raw!, reader.decimal);
    if (!parsed) throw new Unreadable(reader.column, `an amount with a decimal ${reader.decimal === "." ? "point" : "comma"}`);
    if (parsed.signMarks || (parsed.currency !== null && parsed.currency !== formats?.marks?.[reader.column])) fixes.push({line: source.line, column: header(reader.column), before: raw!, after: String(parsed.value)});
    return parsed;
  }

  function creditScoreOf(text: string): number | undefined {
    at.credit_score.counter?.add(text);
    return parseNumber(text, at.credit_score.decimal);
  }

  function optional<T>(raw: string | undefined, reader: ColumnReader, parse: (text: string) => T | undefined, expected: string): T | null {
    const text = textOf(raw, reader);
    if (text === null) return null;
    const value = parse(text);
    if (value === undefined) throw new Unreadable(reader.column, expected);
    return value;
  }

  function quarantined(rule: CleaningRuleId, source: SourceRow, column: InputColumn, amount?: number): SetAside {
    return {rule, example: {line: source.line, column: header(column), before: source.values[column] ?? "", after: "(set aside)"}, amount};
  }

  function noteUnreadable(source: SourceRow, problem: Unreadable): SetAside {
    let entry = unreadable.get(problem.column);
    if (!entry) unreadable.set(problem.column, (entry = {count: 0, first: [], expected: problem.expected}));
    ++entry.count;
    const text = source.values[problem.column] ?? "";
    if (entry.first.length < 3) entry.first.push({line: source.line, row: source.row, text});
    return {rule: "unreadable-value", example: {line: source.line, column: header(problem.column), before: text, after: `(set aside: not ${problem.expected})`}};
  }

  /** The label of a subtotal, total or heading row, or null for an ordinary row. */
  function summaryLabel(values: InputRow): {column: string; text: string} | null {
    // Read by name, as every row passes here.
    if (values.invoice_id && isSummaryLabel(values.invoice_id)) return {column: header("invoice_id"), text: values.invoice_id};
    if (values.customer_id && isSummaryLabel(values.customer_id)) return {column: header("customer_id"), text: values.customer_id};
    if (values.customer_name && isSummaryLabel(values.customer_name)) return {column: header("customer_name"), text: values.customer_name};
    // A header repeated in the body (exports paged for printing), or a heading row: a customer's name
    // alone above its invoices, with no invoice id, date or amount.
    const invoiceId = values.invoice_id.trim();
    if (invoiceId === invoiceIdHeader) return {column: header("invoice_id"), text: values.invoice_id};
    if (!invoiceId) {
      // Without an invoice id, a total's label may sit in any column (Xero writes "Total" under the date).
      for (const column of mapping.columns) {
        const text = values[column];
        if (text && isSummaryLabel(text)) return {column: header(column), text};
      }
    }
    if (!invoiceId && !values.invoice_date.trim()) {
      // A customer's name alone above its invoices, or an unlabelled total: an amount and nothing to say whose.
      if (!values.amount.trim()) {
        const label = inputLabel(values);
        if (label) return {column: label.column, text: label.text};
      } else if (!values.customer_id.trim()) {
        return {column: header("amount"), text: values.amount};
      }
    }
    return null;
  }

  function inputLabel(values: InputRow): {column: string; text: string} | null {
    for (const column of mapping.columns) {
      const text = values[column];
      if (text && text.trim()) return {column: header(column), text: text.trim()};
    }
    return null;
  }

  /** The row's document kind from its type column; unknown types and rows without one go by sign. */
  function kindOf(values: InputRow): DocumentKind | null {
    const text = values.document_type;
    if (text === undefined) return null;
    const kind = documentKind(text);
    const key = text.trim() || "(blank)";
    const entry = types.get(key);
    if (entry) ++entry.rows;
    else types.set(key, {kind: kind ?? "by sign", rows: 1});
    return kind;
  }

  function read(source: SourceRow, invoiceId: string): Invoice | SetAside {
    try {
      return readValues(source, invoiceId);
    } catch (error) {
      if (error instanceof Unreadable) return noteUnreadable(source, error);
      throw error;
    }
  }

  function readValues(source: SourceRow, invoiceId: string): Invoice | SetAside {
    const {line, values} = source;
    const kind = kindOf(values);

    // Every value is read first, so an unreadable value is reported even on a row set aside for another reason.
    const moneyFixes: CleaningExample[] = [];
    // Values are read by name, and each column's reader is a named property: see ColumnReader.
    const invoiceDate = date(values.invoice_date, at.invoice_date);
    const dueDate = date(values.due_date, at.due_date);
    const amount = money(source, values.amount, at.amount, moneyFixes);
    const paid = money(source, values.paid_amount, at.paid_amount, moneyFixes);
    const remaining = money(source, values.remaining_amount, at.remaining_amount, moneyFixes);
    const creditLimit = money(source, values.credit_limit, at.credit_limit, moneyFixes);
    let paidDate = date(values.paid_date, at.paid_date);
    const lastPaymentDate = date(values.last_payment_date, at.last_payment_date);
    const lastReminderDate = date(values.last_reminder_date, at.last_reminder_date);
    const writeOffDate = date(values.write_off_date, at.write_off_date);
    const customerSince = date(values.customer_since, at.customer_since);
    // Terms are read only where they are needed: a due date makes them redundant, and systems write
    // terms as codes ("ZB30", "0001") that say nothing in days.
    const terms = dueDate === null || (invoiceDate !== null && dueDate < invoiceDate) ? optional(values.payment_terms, at.payment_terms, parsePaymentTerms, 'payment terms in days (30, "Net 30")') : null;
    const creditScore = optional(values.credit_score, at.credit_score, creditScoreOf, "a number");
    const installments = optional(values.installments, at.installments, parseCount, "a whole number of payments");
    const remindersSent = optional(values.reminders_sent, at.reminders_sent, parseCount, "a whole number of reminders");
    const disputed = optional(values.disputed, at.disputed, parseFlag, "a yes/no flag");
    const extensionRequested = optional(values.extension_requested, at.extension_requested, parseFlag, "a yes/no flag");
    const open = optional(values.open_item, at.open_item, openState, "an open/closed flag (Yes/No, Open/Paid)");
    const sign = optional(values.debit_credit, at.debit_credit, debitCreditSign, "a debit/credit indicator (S/H, D/C)");
    if (paid && paid.value < 0) paid.value = -paid.value;
    if (remaining && sign === -1) remaining.value = -remaining.value;
    if (columnsAwaitingData.length) noteColumnsWithData(values);

    const rawCustomerId = id(values.customer_id, "customer_id");
    if (!rawCustomerId.trim()) return quarantined("missing-customer-id", source, "customer_id");
    if (invoiceDate === null) return quarantined("missing-invoice-date", source, "invoice_date");
    if (amount === null) return quarantined("missing-amount", source, "amount");
    const signed = sign === -1 ? -Math.abs(amount.value) : sign === 1 ? Math.abs(amount.value) : amount.value;
    if (kind === "credit") return quarantined("credit-memo", source, hasColumn("document_type") ? "document_type" : "amount", -Math.abs(signed));
    if (kind === "payment" || kind === "refund" || kind === "other" || open === "void") {
      return quarantined("not-an-invoice", source, open === "void" ? "open_item" : "document_type", signed);
    }
    if (signed < 0) {
      if (negativeAmounts === "error") fail(source, "amount", "is a negative amount (a credit note?); only invoices can be analysed, so remove credit notes from the file");
      return quarantined(sign === -1 ? "credit-memo" : "negative-amount", source, sign === -1 ? "debit_credit" : "amount", signed);
    }
    if (signed === 0) return quarantined("zero-amount", source, "amount", 0);
    noteCustomerId(rawCustomerId, line);

    let due = dueDate;
    if (due === null || due < invoiceDate) {
      if (terms === null) return quarantined("due-date-unknown", source, "due_date");
      due = invoiceDate + terms;
      // A file without a due-date column is not dirty for lacking one.
      if (dueDate !== null || hasColumn("due_date")) {
        tally.record(dueDate === null ? "due-date-from-terms" : "due-before-invoice", {line, column: header("due_date"), before: values.due_date, after: formatIsoDay(due)});
      }
    }

    // What was paid, and when the invoice was settled: from a payments file, an open flag or the
    // remaining amount (ledger entries), or the paid date and amount columns.
    let paidAmount = paid?.value ?? null;
    let lastPayment = lastPaymentDate;
    let paymentCount = installments;
    if (remaining !== null && paidAmount === null) paidAmount = Math.max(0, signed - Math.max(0, remaining.value));
    if (open === "open") paidDate = null;
    const settled = open === "closed" || (open === null && remaining !== null && remaining.value <= 0.005);
    if (payments) {
      const receipts = payments.lookup(invoiceId);
      const settlement = settleFromPayments(receipts ?? [], signed);
      if (receipts || !hasColumn("paid_date")) {
        paidDate = settlement.paidDate;
        paidAmount = settlement.paidAmount;
        lastPayment = settlement.lastPaymentDate;
        paymentCount = settlement.installments;
      }
    } else if (settled && paidDate === null) {
      // Settled, with no paid date but the date of its last payment (Zoho's export): that payment settled it.
      if (lastPaymentDate === null) return quarantined("paid-date-unknown", source, hasColumn("open_item") ? "open_item" : "remaining_amount");
      paidDate = lastPaymentDate;
    }
    paidAmount ??= paidDate !== null ? signed : 0;
    if (paidAmount > signed) {
      tally.record("paid-amount-capped", {line, column: header("paid_amount"), before: values.paid_amount, after: String(signed)});
      paidAmount = signed;
    }
    // Fixes are counted on rows kept as invoices: a payment row's trailing minus was no repair.
    if (moneyFixes.length) tally.record("amount-text", moneyFixes[0]);
    if (invoiceId !== values.invoice_id.trim() || rawCustomerId !== values.customer_id) {
      const [column, before, after] = invoiceId !== values.invoice_id.trim() ? (["invoice_id", values.invoice_id, invoiceId] as const) : (["customer_id", values.customer_id, rawCustomerId] as const);
      tally.record("id-decimal-zero", {line, column: header(column), before, after});
    }
    const named = values.currency.trim().toUpperCase();
    if (named) ++currencySources.column;
    else if (amount.currency) ++currencySources.mark;
    const currency = named || amount.currency || currencySetting || currencyOfHeader || "";
    if (currency) currencies.set(currency, (currencies.get(currency) ?? 0) + 1);
    invoiceDays.set(invoiceDate, (invoiceDays.get(invoiceDate) ?? 0) + 1);
    if (paidDate !== null) activityDays.add(paidDate);
    if (lastPayment !== null) activityDays.add(lastPayment);
    if (lastReminderDate !== null) activityDays.add(lastReminderDate);
    if (writeOffDate !== null) activityDays.add(writeOffDate);

    return {
      invoiceId,
      customerId: rawCustomerId,
      customerName: values.customer_name.trim(),
      industry: values.industry.trim() || null,
      region: values.region.trim() || null,
      creditScore,
      creditLimit: creditLimit?.value ?? null,
      customerSince,
      invoiceDate,
      dueDate: due,
      termsDays: due - invoiceDate,
      amount: signed,
      currency,
      paidDate,
      paidAmount,
      lastPaymentDate: lastPayment ?? (paidAmount > 0 ? paidDate : null),
      installments: paymentCount ?? (paidAmount > 0 ? 1 : 0),
      disputed: disputed ?? false,
      remindersSent: remindersSent ?? (lastReminderDate !== null ? 1 : 0),
      lastReminderDate,
      extensionRequested: extensionRequested ?? false,
      writeOffDate,
      // Derived in pass 2, once the last day of data is known. The placeholders are of the kinds the final
      // values take (numbers or null), so filling them in does not make the engine reshape a million
      // objects already built.
      status: "open",
      settledDate: paidDate,
      openAmount: signed,
      daysToPay: paidDate,
      daysLate: paidDate,
      paidLate: null,
      daysOverdue: 0,
      agingBucket: null,
      partialPayment: false,
      paidAfterReminder: null
    };
  }

  /**
   * Stops cleaning when a column's unreadable values set aside more than `share` of the rows (at least
   * one row may always be set aside), naming the column, its first three bad rows and the likely cause.
   */
  function checkUnreadable(rowsIn: number, share: number, setting = "AR_UNREADABLE_SHARE (or \"unreadableShare\" in the mapping file)"): void {
    const allowed = Math.max(1, Math.floor(share * rowsIn));
    for (const [column, entry] of unreadable) {
      if (entry.count <= allowed) continue;
      const first = entry.first[0];
      const shown = entry.first.map((f) => `line ${f.line} ${JSON.stringify(f.text)}`).join(", ");
      const percent = ((100 * entry.count) / rowsIn).toFixed(1);
      throw new InputError({
        file,
        line: first.line,
        row: first.row,
        column: header(column),
        reason:
          `${entry.count.toLocaleString("en-US")} of ${rowsIn.toLocaleString("en-US")} rows (${percent} %) cannot be read as ${entry.expected} (${shown}), more than the ${+(share * 100).toFixed(2)} % that may be set aside. ` +
          `Likely cause: ${likelyCause(column, entry)}. Fix those values, map another column, or allow more with ${setting}`
      });
    }
  }

  function likelyCause(column: InputColumn, entry: UnreadableTally): string {
    const texts = entry.first.map((f) => f.text.trim());
    if (texts.every((t) => isPlaceholder(t) || /^#[A-Z/0!?]+[!?]?$/i.test(t))) return "the export writes placeholders or spreadsheet errors (N/A, #VALUE!, -) where values are missing";
    if (dateColumnsSet.has(column)) {
      const other = texts.map((t) => dateFormatsMatching(t).filter((f) => f !== dateFormatOf(column))[0]).find(Boolean);
      if (other) return `the values are written as ${other}, but most of the column reads as ${dateFormatOf(column)}: the column mixes layouts (set the layout with AR_DATE_FORMAT=${other} if that is the file's)`;
      if (texts.every((t) => decimalEvidence(t) !== "none")) return "numbers in a date column: check that the header mapping picked the right column";
      return "text that is not a date in any layout: check that the header mapping picked the right column";
    }
    if (numberColumnsSet.has(column)) {
      const other = decimalOf(column) === "." ? "," : ".";
      if (texts.some((t) => parseAmount(t, other))) return `the values use a decimal ${other === "," ? "comma" : "point"}, but most of the column a decimal ${other === "," ? "point" : "comma"}: set it with AR_DECIMAL_SEPARATOR=${other} if that is the file's`;
      if (texts.some((t) => dateFormatsMatching(t).length)) return "dates in an amount column: check that the header mapping picked the right column";
      return "text in a number column: check that the header mapping picked the right column";
    }
    return `values that are not ${entry.expected}`;
  }

  function noteCustomerId(raw: string, line: number): void {
    let spelling = customerIdSpellings.get(raw);
    if (!spelling) customerIdSpellings.set(raw, (spelling = {rows: 0, lines: []}));
    ++spelling.rows;
    if (spelling.lines.length < 3) spelling.lines.push(line);
  }

  /**
   * Learns the dominant customer-id form from the spellings seen and counts the rows whose id is not
   * already in it. Call once, after pass 1 and before `customerId`.
   */
  function reportCustomerIdFixes(): void {
    for (const [raw, spelling] of customerIdSpellings) customerIds.observe(raw, spelling.rows);
    let rows = 0;
    const examples: CleaningExample[] = [];
    for (const [raw, spelling] of customerIdSpellings) {
      const canonical = customerIds.resolve(raw);
      if (canonical === raw) continue;
      rows += spelling.rows;
      for (const line of spelling.lines) examples.push({line, column: header("customer_id"), before: raw, after: canonical});
    }
    tally.add("customer-id-form", rows, examples);
  }

  function availability(): Availability {
    const available = {} as Availability;
    for (const [key, columns] of Object.entries(availabilityColumns) as [keyof Availability, readonly RawColumn[]][]) {
      available[key] = columns.some((column) => columnsWithData.has(column));
    }
    return available;
  }

  function documentTypes(): CleaningReport["documentTypes"] {
    return [...types].map(([type, {kind, rows}]) => ({type, kind, rows})).sort((a, b) => b.rows - a.rows || (a.type < b.type ? -1 : 1));
  }

  return {read, id, header, summaryLabel, checkUnreadable, customerId: customerIds.resolve, reportCustomerIdFixes, availability, documentTypes, invoiceDays, activityDays, currencies, currencySources, currencyOfHeader};
}

const dateColumnsSet = new Set<InputColumn>(["invoice_date", "due_date", "paid_date", "last_payment_date", "last_reminder_date", "write_off_date", "customer_since"]);
const numberColumnsSet = new Set<InputColumn>(["amount", "paid_amount", "remaining_amount", "credit_limit", "credit_score"]);

/**
 * The first whole-ledger rule a row breaks, with the column and value to show, or null. Dates after the
 * last day of data lie beyond a long silence in the data (see `inferAsOf`): typos, not the future.
 */
function checkAgainstLedger(invoice: Invoice, endOfData: Day, currency: string): {rule: CleaningRuleId; column: RawColumn; before: string} | null {
  if (invoice.invoiceDate > endOfData) return {rule: "future-invoice-date", column: "invoice_date", before: formatIsoDay(invoice.invoiceDate)};
  if (invoice.paidDate !== null && invoice.paidDate < invoice.invoiceDate) return {rule: "paid-before-invoice", column: "paid_date", before: formatIsoDay(invoice.paidDate)};
  if (invoice.writeOffDate !== null && invoice.writeOffDate < invoice.invoiceDate) return {rule: "paid-before-invoice", column: "write_off_date", before: formatIsoDay(invoice.writeOffDate)};
  if (isAfter(invoice.paidDate, endOfData)) return {rule: "event-after-end-of-data", column: "paid_date", before: formatIsoDay(invoice.paidDate!)};
  if (isAfter(invoice.lastPaymentDate, endOfData)) return {rule: "event-after-end-of-data", column: "last_payment_date", before: formatIsoDay(invoice.lastPaymentDate!)};
  if (isAfter(invoice.lastReminderDate, endOfData)) return {rule: "event-after-end-of-data", column: "last_reminder_date", before: formatIsoDay(invoice.lastReminderDate!)};
  if (isAfter(invoice.writeOffDate, endOfData)) return {rule: "event-after-end-of-data", column: "write_off_date", before: formatIsoDay(invoice.writeOffDate!)};
  if (invoice.currency && invoice.currency !== currency) return {rule: "other-currency", column: "currency", before: invoice.currency};
  return null;
}

function isAfter(day: Day | null, endOfData: Day): boolean {
  return day !== null && day > endOfData;
}

// ——— Helpers ———

/**
 * `text.trim()`, without the call where both ends are printable ASCII, as nearly every value is: it
 * runs some 20M times at 1M rows.
 */
function trimmedText(text: string): string {
  const first = text.charCodeAt(0), last = text.charCodeAt(text.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? text : text.trim();
}

function isBlankRow(values: InputRow): boolean {
  for (const column of rawColumns) if (values[column].trim() !== "") return false;
  return !values.document_type?.trim() && !values.remaining_amount?.trim();
}

function mostCommonKey(counts: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined, bestCount = 0;
  for (const [key, count] of counts) if (count > bestCount) (best = key), (bestCount = count);
  return best;
}
