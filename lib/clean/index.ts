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
import {canonicalMapping, mapColumns, mappedRows} from "../input/mapping.js";
import {chooseAsOf, inferAsOf} from "./asOf.js";
import type {AsOfChoice} from "./asOf.js";
import {buildCustomers} from "./customers.js";
import {ledgerAsOf} from "./replay.js";
import {createCustomerIdNormalizer} from "./customerIds.js";
import {deriveInvoiceFields} from "./derive.js";
import {createRuleTally} from "./rules.js";
import {dateFormatsMatching, dateParser, parseAmount, parseCount, parseFlag, parseNumber, parsePaymentTerms} from "../input/values.js";
import type {CsvDelimiter} from "../input/csv.js";
import type {Day} from "../core/dates.js";
import type {Availability, Invoice, Ledger, LedgerSource, Payment, RawColumn, RawRow} from "../input/ledger.js";
import type {ColumnMapping, ColumnOverrides, SourceRow} from "../input/mapping.js";
import type {CleaningExample, CleaningRule, CleaningRuleId, QuarantinedRow, RuleTally} from "./rules.js";
import type {DateFormat} from "../input/values.js";

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
  /** How dates are written in the file. */
  dateFormat?: DateFormat;
  /** Negative amounts stop cleaning with an InputError ("error", for user files) or are set aside. */
  negativeAmounts?: "error" | "quarantine";
  /** A payment within this many days after the last reminder counts as prompted by it. */
  reminderWindowDays?: number;
  /** Which columns the file has and what it calls them; all canonical columns when not given. */
  mapping?: ColumnMapping;
  /** Recorded on the ledger; a CSV source named after `file` when not given. */
  source?: LedgerSource;
  /** Currency of rows that name none, when no row does. */
  defaultCurrency?: string;
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
}

export interface CleanedLedger {
  /** The ledger as it stood on the report date: what every stage reads. */
  ledger: Ledger;
  /** The ledger as recorded, to the last day of data (`history.asOf`): for the backtest only. */
  history: Ledger;
  /** How the report date was chosen, and the last day of data. */
  asOf: AsOfChoice;
  report: CleaningReport;
}

/**
 * Cleans canonical rows (from `mappedRows` for a CSV, `numberedRows` for the generator) into a ledger.
 * Throws an InputError, naming the line, column and value, for text that is not recognisable dirt.
 */
export function cleanLedger(rows: Iterable<SourceRow>, options: CleaningOptions): CleanedLedger {
  const {file, negativeAmounts = "error", reminderWindowDays = 14, defaultCurrency = "USD", quarantineListLimit = 200} = options;
  const mapping = options.mapping ?? canonicalMapping(file);
  const tally = createRuleTally();
  const quarantine: QuarantinedRow[] = [];
  const reader = createRowReader({file, mapping, dateFormat: options.dateFormat ?? "YYYY-MM-DD", negativeAmounts, tally});
  const setAside = (rule: CleaningRuleId, line: number, invoiceId: string, example: CleaningExample) => {
    tally.record(rule, example);
    quarantine.push({line, rule, invoiceId});
  };

  // Pass 1: read every row; rules that need only the row itself apply here.
  const firstByInvoiceId = new Map<string, number>();
  const firstFingerprints: number[] = [];
  const firstLines: number[] = [];
  const pending: Invoice[] = [];
  const pendingLines: number[] = [];
  let rowsIn = 0;
  for (const source of rows) {
    ++rowsIn;
    const {line, values} = source;
    if (isBlankRow(values)) {
      setAside("blank-row", line, "", {line, column: "", before: "", after: "(removed)"});
      continue;
    }
    const invoiceId = values.invoice_id.trim();
    const column = reader.header("invoice_id");
    if (!invoiceId) {
      setAside("missing-invoice-id", line, "", {line, column, before: values.invoice_id, after: "(set aside)"});
      continue;
    }
    const fingerprint = rowFingerprint(values);
    const first = firstByInvoiceId.get(invoiceId);
    if (first !== undefined) {
      const duplicate = firstFingerprints[first] === fingerprint;
      setAside(duplicate ? "duplicate-row" : "conflicting-invoice-id", line, invoiceId, {
        line,
        column,
        before: invoiceId,
        after: duplicate ? `(removed: same as line ${firstLines[first]})` : `(set aside: line ${firstLines[first]} has this invoice id)`
      });
      continue;
    }
    firstByInvoiceId.set(invoiceId, firstFingerprints.length);
    firstFingerprints.push(fingerprint);
    firstLines.push(line);
    const result = reader.read(source, invoiceId);
    if ("rule" in result) {
      setAside(result.rule, line, invoiceId, result.example);
      continue;
    }
    pending.push(result);
    pendingLines.push(line);
  }
  if (rowsIn === 0) throw new InputError({file, reason: "has a header but no data rows"});

  // Pass 2: rules that need the whole file, against the last day of data.
  const {asOf: endOfData, rule: endOfDataRule} =
    options.endOfData !== undefined
      ? {asOf: options.endOfData, rule: `The last day of data, ${formatIsoDay(options.endOfData)}.`}
      : pending.length
        ? inferAsOf(reader.invoiceDays, reader.activityDays)
        : {asOf: NaN, rule: "No usable rows to infer it from."};
  const currency = mostCommonKey(reader.currencies) ?? defaultCurrency;
  reader.reportCustomerIdFixes();
  const invoices: Invoice[] = [];
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
    Object.assign(invoice, deriveInvoiceFields(invoice, endOfData, {reminderWindowDays}));
    invoices.push(invoice);
  }
  pending.length = 0;
  if (!invoices.length) {
    const reasons = tally.rules().filter((r) => r.count).map((r) => `${r.id}: ${r.count}`).join(", ");
    throw new InputError({file, reason: `has no usable rows: all ${rowsIn} were set aside (${reasons})`});
  }

  const history: Ledger = {
    invoices,
    customers: buildCustomers(invoices),
    asOf: endOfData,
    currency,
    source: options.source ?? {kind: "csv", name: file},
    available: reader.availability()
  };
  if (options.payments) history.payments = options.payments;
  const asOf = chooseAsOf(invoices, endOfData, {given: options.asOf, givenSource: options.asOfSource, endOfDataRule});
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
    asOfRule: asOf.rule
  };
  return {ledger: ledgerAsOf(history, asOf.asOf, {reminderWindowDays}), history, asOf, report};
}

export interface CleanCsvOptions extends Omit<CleaningOptions, "mapping"> {
  /** Explicit `{canonical: "Their Header"}` choices. */
  columns?: ColumnOverrides;
  /** Skip delimiter detection. */
  delimiter?: CsvDelimiter;
}

/** Reads, maps and cleans a CSV export in one go. */
export function cleanCsv(text: string, options: CleanCsvOptions): CleanedLedger & {mapping: ColumnMapping} {
  const {columns, delimiter, ...cleaning} = options;
  const table = readCsv(text, {file: options.file, delimiter});
  const mapping = mapColumns(table.header, {file: options.file, columns});
  return {...cleanLedger(mappedRows(table.records(), mapping), {...cleaning, mapping}), mapping};
}

// ——— Reading one row ———

interface SetAside {
  rule: CleaningRuleId;
  example: CleaningExample;
}

interface RowReaderContext {
  file: string;
  mapping: ColumnMapping;
  dateFormat: DateFormat;
  negativeAmounts: "error" | "quarantine";
  tally: RuleTally;
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

/**
 * Reads rows into typed invoices, throwing InputErrors for malformed values and counting row-level
 * fixes, while gathering what pass 2 needs: date counts, currencies, customer-id spellings, and which
 * optional columns carry data.
 */
function createRowReader({file, mapping, dateFormat, negativeAmounts, tally}: RowReaderContext) {
  const parseDay = dateParser(dateFormat);
  const header = (column: RawColumn) => mapping.headers[column] ?? column;
  const hasColumn = (column: RawColumn) => mapping.index[column] !== undefined;
  const customerIds = createCustomerIdNormalizer();
  const customerIdSpellings = new Map<string, {rows: number; lines: number[]}>();
  const invoiceDays = new Map<Day, number>();
  const activityDays = new Set<Day>();
  const currencies = new Map<string, number>();
  const columnsWithData = new Set<RawColumn>();
  let columnsAwaitingData: RawColumn[] = [...mapping.columns];

  function noteColumnsWithData(values: RawRow): void {
    const found = columnsAwaitingData.filter((column) => values[column].trim() !== "");
    if (!found.length) return;
    for (const column of found) columnsWithData.add(column);
    columnsAwaitingData = columnsAwaitingData.filter((column) => !columnsWithData.has(column));
  }

  function fail(source: SourceRow, column: RawColumn, reason: string): never {
    throw new InputError({file, line: source.line, row: source.row, column: header(column), value: source.values[column], reason});
  }

  function date(source: SourceRow, column: RawColumn): Day | null {
    const text = source.values[column].trim();
    if (!text) return null;
    const day = parseDay(text);
    if (day === undefined) {
      const others = dateFormatsMatching(text).filter((format) => format !== dateFormat);
      const hint = others.length ? `; it reads as ${others.join(" or ")}, so set the date format option to match the file` : "";
      fail(source, column, `is not a valid date (expected ${dateFormat}${hint})`);
    }
    return day;
  }

  /** Money, noting the first reformatted value of the row as an amount-text fix. */
  function money(source: SourceRow, column: RawColumn, fixes: CleaningExample[]): {value: number; currency: string | null} | null {
    const text = source.values[column];
    if (!text.trim()) return null;
    const parsed = parseAmount(text);
    if (!parsed) fail(source, column, "is not a number (expected an amount such as 1234.50)");
    if (parsed.reformatted) fixes.push({line: source.line, column: header(column), before: text, after: String(parsed.value)});
    return parsed;
  }

  function optional<T>(source: SourceRow, column: RawColumn, parse: (text: string) => T | undefined, expected: string): T | null {
    const text = source.values[column].trim();
    if (!text) return null;
    const value = parse(text);
    if (value === undefined) fail(source, column, expected);
    return value;
  }

  function nonNegative(source: SourceRow, column: RawColumn, value: number | null): number | null {
    if (value !== null && value < 0) fail(source, column, "is negative");
    return value;
  }

  function quarantined(rule: CleaningRuleId, source: SourceRow, column: RawColumn): SetAside {
    return {rule, example: {line: source.line, column: header(column), before: source.values[column], after: "(set aside)"}};
  }

  function read(source: SourceRow, invoiceId: string): Invoice | SetAside {
    const {line, values} = source;

    // Every value is read first, so a malformed value is reported even on a row that is set aside.
    const moneyFixes: CleaningExample[] = [];
    const invoiceDate = date(source, "invoice_date");
    const dueDate = date(source, "due_date");
    const amount = money(source, "amount", moneyFixes);
    const paid = money(source, "paid_amount", moneyFixes);
    const creditLimit = money(source, "credit_limit", moneyFixes);
    const paidDate = date(source, "paid_date");
    const lastPaymentDate = date(source, "last_payment_date");
    const lastReminderDate = date(source, "last_reminder_date");
    const writeOffDate = date(source, "write_off_date");
    const customerSince = date(source, "customer_since");
    const terms = optional(source, "payment_terms", parsePaymentTerms, 'is not a payment term (expected days, e.g. 30 or "Net 30")');
    const creditScore = optional(source, "credit_score", parseNumber, "is not a number (expected a credit score such as 680)");
    const installments = optional(source, "installments", parseCount, "is not a whole number of payments");
    const remindersSent = optional(source, "reminders_sent", parseCount, "is not a whole number of reminders");
    const disputed = optional(source, "disputed", parseFlag, "is not a yes/no flag (expected 1 or 0)");
    const extensionRequested = optional(source, "extension_requested", parseFlag, "is not a yes/no flag (expected 1 or 0)");
    nonNegative(source, "paid_amount", paid && paid.value);
    nonNegative(source, "credit_limit", creditLimit && creditLimit.value);
    if (moneyFixes.length) tally.record("amount-text", moneyFixes[0]);
    if (columnsAwaitingData.length) noteColumnsWithData(values);

    const rawCustomerId = values.customer_id;
    if (!rawCustomerId.trim()) return quarantined("missing-customer-id", source, "customer_id");
    noteCustomerId(rawCustomerId, line);
    if (invoiceDate === null) return quarantined("missing-invoice-date", source, "invoice_date");
    if (amount === null) return quarantined("missing-amount", source, "amount");
    if (amount.value < 0) {
      if (negativeAmounts === "error") fail(source, "amount", "is a negative amount (a credit note?); only invoices can be analysed, so remove credit notes from the file");
      return quarantined("negative-amount", source, "amount");
    }
    if (amount.value === 0) return quarantined("zero-amount", source, "amount");

    let due = dueDate;
    if (due === null || due < invoiceDate) {
      if (terms === null) return quarantined("due-date-unknown", source, "due_date");
      due = invoiceDate + terms;
      // A file without a due-date column is not dirty for lacking one.
      if (dueDate !== null || hasColumn("due_date")) {
        tally.record(dueDate === null ? "due-date-from-terms" : "due-before-invoice", {line, column: header("due_date"), before: values.due_date, after: formatIsoDay(due)});
      }
    }

    let paidAmount = paid?.value ?? (paidDate !== null ? amount.value : 0);
    if (paidAmount > amount.value) {
      tally.record("paid-amount-capped", {line, column: header("paid_amount"), before: values.paid_amount, after: String(amount.value)});
      paidAmount = amount.value;
    }
    const currency = values.currency.trim().toUpperCase() || amount.currency || "";
    if (currency) currencies.set(currency, (currencies.get(currency) ?? 0) + 1);
    invoiceDays.set(invoiceDate, (invoiceDays.get(invoiceDate) ?? 0) + 1);
    if (paidDate !== null) activityDays.add(paidDate);
    if (lastPaymentDate !== null) activityDays.add(lastPaymentDate);
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
      amount: amount.value,
      currency,
      paidDate,
      paidAmount,
      lastPaymentDate: lastPaymentDate ?? (paidAmount > 0 ? paidDate : null),
      installments: installments ?? (paidAmount > 0 ? 1 : 0),
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
      openAmount: amount.value,
      daysToPay: paidDate,
      daysLate: paidDate,
      paidLate: null,
      daysOverdue: 0,
      agingBucket: null,
      partialPayment: false,
      paidAfterReminder: null
    };
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

  return {read, header, customerId: customerIds.resolve, reportCustomerIdFixes, availability, invoiceDays, activityDays, currencies};
}

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

function isBlankRow(values: RawRow): boolean {
  for (const column of rawColumns) if (values[column].trim() !== "") return false;
  return true;
}

/**
 * A 32-bit FNV-1a hash of a row's raw text, so exact duplicates are found without keeping a million rows
 * of text. It is compared only between rows with the same invoice id, so a false match (2⁻³² per pair)
 * would need a colliding pair among the few repeated ids.
 */
function rowFingerprint(v: RawRow): number {
  // Spelled out field by field: named reads are several times faster than reads by a variable key, and
  // this runs on every row.
  let h = 0x811c9dc5;
  h = hashField(h, v.invoice_id); h = hashField(h, v.customer_id); h = hashField(h, v.customer_name);
  h = hashField(h, v.industry); h = hashField(h, v.region); h = hashField(h, v.credit_score);
  h = hashField(h, v.credit_limit); h = hashField(h, v.payment_terms); h = hashField(h, v.customer_since);
  h = hashField(h, v.invoice_date); h = hashField(h, v.due_date); h = hashField(h, v.amount);
  h = hashField(h, v.currency); h = hashField(h, v.paid_date); h = hashField(h, v.paid_amount);
  h = hashField(h, v.last_payment_date); h = hashField(h, v.installments); h = hashField(h, v.disputed);
  h = hashField(h, v.reminders_sent); h = hashField(h, v.last_reminder_date); h = hashField(h, v.extension_requested);
  h = hashField(h, v.write_off_date);
  return h >>> 0;
}

/** FNV-1a over the text, then a unit separator so that "ab","c" and "a","bc" differ. */
function hashField(hash: number, text: string): number {
  for (let i = 0; i < text.length; ++i) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(hash ^ 0x1f, 0x01000193);
}

function mostCommonKey(counts: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined, bestCount = 0;
  for (const [key, count] of counts) if (count > bestCount) (best = key), (bestCount = count);
  return best;
}
