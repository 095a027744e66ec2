// How each column of a user's export writes its dates and numbers, decided from all of its values, as
// a spreadsheet's import wizard would: a date column is read in the layout that reads the most of its
// values ("1/26/2013" settles M/D/Y for a column whose first row is "1/2/2013"); a number column takes
// the decimal separator its values agree on ("55,94" says comma, "1,234.56" says point). A column no
// value can decide borrows the decision of the file's other columns of its kind; only when none can
// decide does the build stop, showing two values and the setting that settles it.
//
// One pass over the records, holding per column only its distinct dates (a few thousand) and five
// counters for numbers, so inference stays a small share of reading a million-row file.
import {InputError} from "../core/errors.js";
import {formatSettings} from "./settings.js";
import {formatIsoDay} from "../core/dates.js";
import {dateFormats, decimalEvidenceCode, evidenceKinds, parseAmount, parseDate, twoDigitYearPivot} from "./values.js";
import type {DateFormat, DecimalEvidence, DecimalSeparator} from "./values.js";
import type {ColumnMapping, InputColumn} from "./mapping.js";
import type {Day} from "../core/dates.js";

export const dateColumns: readonly InputColumn[] = ["invoice_date", "due_date", "paid_date", "last_payment_date", "last_reminder_date", "write_off_date", "customer_since"];
export const numberColumns: readonly InputColumn[] = ["amount", "paid_amount", "remaining_amount", "credit_limit", "credit_score"];
export const idColumns: readonly InputColumn[] = ["invoice_id", "customer_id"];

/** A whole number written with a decimal zero: "1929000000.0", "42.00". */
const decimalZero = /^-?\d+\.0+$/;
const numeric = /^-?\d+(?:\.\d+)?$/;

/** `text` without its decimal zero when it is a whole number written with one ("1929000000.0" → "1929000000"); else as it is. */
export function withoutDecimalZero(text: string): string {
  return decimalZero.test(text) ? text.slice(0, text.indexOf(".")) : text;
}

export {formatSettings};

export interface FormatOptions {
  file: string;
  /** Every date column is read in this layout (a strict YYYY-MM-DD is read too). */
  dateFormat?: DateFormat;
  /** Every number column uses this decimal separator. */
  decimal?: DecimalSeparator;
  /** Distinct values kept per date column; past it, new values are counted but not weighed. Default 200,000. */
  maxDistinctDates?: number;
}

/**
 * How an id column is written: as in the file, or as whole numbers with a decimal zero ("1929000000.0",
 * what pandas writes for an integer column with a blank in it), read without it.
 */
export type IdForm = "as written" | "decimal zero";

/**
 * Why a column's format was chosen, as facts (counts, layouts, sample values); the Data page and
 * `npm run inspect` put them in words (lib/views/data.ts `formatReason`).
 */
export type FormatDecision =
  /** Given by a setting (AR_DATE_FORMAT / AR_DECIMAL_SEPARATOR or the mapping file). */
  | {by: "setting"}
  | {by: "no values"}
  /** A date column none of whose values is a date in any layout. */
  | {by: "no layout"}
  /** The date layout that reads the most values; `decisive`: values the runner-up layout cannot read. */
  | {by: "values"; read: number; of: number; decisive: {count: number; example: string; rival: DateFormat} | null}
  /** A date column whose values two layouts read alike, read as a sibling column whose values decide it. */
  | {by: "like column"; read: number; of: number; alike: DateFormat; header: string}
  /** Numbers: `only` values read only with this separator (such as `example`), `other` only with the other. */
  | {by: "separator"; only: number; example: string; other: number}
  /** Numbers no value decides, read like a sibling column whose values do. */
  | {by: "like number column"; header: string}
  /** Whole numbers, which either separator reads alike. */
  | {by: "whole numbers"}
  /** Ids: `numeric` values, every one a whole number written with a decimal zero. */
  | {by: "decimal zeros"; numeric: number};

export interface ColumnFormat {
  column: InputColumn;
  header: string;
  kind: "date" | "number" | "id";
  /** The layout for a date column, the decimal separator for a number column, the form of an id column. */
  format: DateFormat | DecimalSeparator | IdForm;
  /** How it was decided. */
  decision: FormatDecision;
  /** Two-digit years below this are 20xx, the others 19xx; null where the column has none. */
  twoDigitYearPivot: number | null;
  /** Non-blank values. */
  values: number;
  /** Values the chosen format reads. */
  readable: number;
  /** A value as written in the file, and what it reads as. */
  sample: {text: string; reads: string} | null;
  /** Currency codes named by the column's amounts ("€", "USD"), most common first. */
  currencies: string[];
  /** The currency mark most of the column's values carry ("$1,234.56" throughout): part of its format, not a fix. */
  currencyMark: string | null;
}

export interface InferredFormats {
  columns: ColumnFormat[];
  /** Chosen date layout per date column present. */
  dateFormat: Partial<Record<InputColumn, DateFormat>>;
  /** Chosen decimal separator per number column present. */
  decimal: Partial<Record<InputColumn, DecimalSeparator>>;
  /** How each id column present is written. */
  ids: Partial<Record<InputColumn, IdForm>>;
  /** The currency mark most values of a number column carry, where one does (see `ColumnFormat.currencyMark`). */
  marks: Partial<Record<InputColumn, string>>;
  /** The two-digit-year pivot, stated wherever a column has two-digit years. */
  twoDigitYears: boolean;
}

interface DateTally {
  kind: "date";
  counts: Map<string, number>;
  values: number;
}

interface IdTally {
  kind: "id";
  values: number;
  /** Values that are numbers ("123", "123.0", "12.5"). */
  numeric: number;
  /** Of those, whole numbers written with a decimal zero. */
  decimalZeros: number;
  example: string | null;
}

interface NumberTally {
  kind: "number";
  evidence: Record<DecimalEvidence, number>;
  /** A few values of each kind, for samples and messages. */
  examples: Partial<Record<DecimalEvidence, string[]>>;
  currencies: Map<string, number>;
  /** Values that start or end with something other than a digit ("$12", "12 USD"), looked at for currency marks. */
  marked: number;
  /** Values counted while marked values were still looked at: the base of a mark's share. */
  sampled: number;
  values: number;
}

const maxMarkedValues = 5_000;

function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || c === 9 || c === 160;
}

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Counts one column's values as they come; `add` is called with every non-empty value. */
export interface ValueCounter {
  add(text: string): void;
}

/**
 * What the values of each date and number column say about their format, counted one value at a time:
 * distinct dates with their counts, and per number how it reads with either decimal separator. Fed by
 * `inferFormats`' own pass, or by cleaning as it reads every row (see `decideFormats`).
 */
export interface FormatTally {
  /** The counter of a date or number column present in the mapping, or null. */
  counter(column: InputColumn): ValueCounter | null;
  /** Settles the runs of repeated dates still being counted; call before deciding. */
  finish(): void;
  dates: {column: InputColumn; tally: DateTally}[];
  numbers: {column: InputColumn; tally: NumberTally}[];
  ids: {column: InputColumn; tally: IdTally}[];
}

export function createFormatTally(mapping: ColumnMapping, {maxDistinctDates = 200_000}: Pick<FormatOptions, "maxDistinctDates"> = {}): FormatTally {
  const present = (columns: readonly InputColumn[]) => columns.filter((c) => mapping.index[c] !== undefined);
  const counters = new Map<InputColumn, ValueCounter & {finish(): void}>();
  const dates = present(dateColumns).map((column) => {
    const tally: DateTally = {kind: "date", counts: new Map(), values: 0};
    // Counted in boxes, so that a repeated value costs one lookup, not a lookup and a store.
    const boxes = new Map<string, {n: number}>();
    let last = "", repeats = 0;
    /** Counts the run of `last` (its first sighting and its repeats). */
    const flush = () => {
      if (!last) return;
      const trimmed = isSpaceAt(last, 0) || isSpaceAt(last, last.length - 1) ? last.trim() : last;
      const n = repeats + 1;
      (last = ""), (repeats = 0);
      if (!trimmed) return;
      tally.values += n;
      const box = boxes.get(trimmed);
      if (box !== undefined) box.n += n;
      else if (boxes.size < maxDistinctDates) boxes.set(trimmed, {n});
    };
    counters.set(column, {
      add(text) {
        // Ledgers run in date order: a value like the previous one is counted without a lookup.
        if (text === last) ++repeats;
        else flush(), (last = text);
      },
      finish() {
        flush();
        tally.counts = new Map([...boxes].map(([text, box]) => [text, box.n]));
      }
    });
    return {column, tally};
  });
  const numbers = present(numberColumns).map((column) => {
    const tally: NumberTally = {kind: "number", evidence: {".": 0, ",": 0, either: 0, ambiguous: 0, none: 0}, examples: {}, currencies: new Map(), marked: 0, sampled: 0, values: 0};
    // Per kind of evidence, indexed as `evidenceKinds`: a million values are counted without string keys.
    const counts = new Float64Array(evidenceKinds.length);
    counters.set(column, {
      add(text) {
        const code = decimalEvidenceCode(text);
        if (code === 0 && !text.trim()) return;
        ++tally.values;
        if (++counts[code] <= 3) (tally.examples[evidenceKinds[code]] ??= []).push(text.trim());
        // Currency marks are reported, not decided on: the first few thousand marked values tell them.
        if (tally.marked < maxMarkedValues) ++tally.sampled;
        if (tally.marked < maxMarkedValues && (!isDigitAt(text, 0) || !isDigitAt(text, text.length - 1))) {
          ++tally.marked;
          const currency = parseAmount(text, code === 2 ? "," : ".")?.currency;
          if (currency) tally.currencies.set(currency, (tally.currencies.get(currency) ?? 0) + 1);
        }
      },
      finish() {
        evidenceKinds.forEach((kind, code) => (tally.evidence[kind] = counts[code]));
      }
    });
    return {column, tally};
  });
  const ids = present(idColumns).map((column) => {
    const tally: IdTally = {kind: "id", values: 0, numeric: 0, decimalZeros: 0, example: null};
    counters.set(column, {
      add(text) {
        const trimmed = text.trim();
        if (!trimmed) return;
        ++tally.values;
        if (!numeric.test(trimmed)) return;
        ++tally.numeric;
        if (decimalZero.test(trimmed)) (++tally.decimalZeros, (tally.example ??= trimmed));
      },
      finish() {}
    });
    return {column, tally};
  });
  return {
    counter: (column) => counters.get(column) ?? null,
    finish: () => counters.forEach((c) => c.finish()),
    dates,
    numbers,
    ids
  };
}

export interface PrefixOptions extends FormatOptions {
  /**
   * Rows read before deciding, when every column is decided by then; the rest of the file is counted
   * by cleaning as it reads each row, and `decideFormats` on that tally settles the format from all
   * values. Default: every row.
   */
  maxRows?: number;
}

/**
 * Infers every date and number column's format from `records` (all of them, or the first `maxRows`
 * when those decide every column; an undecided column reads on to the end).
 */
export function inferFormats(
  records: Iterable<{fields: readonly string[]}> | ((only: readonly number[]) => Iterable<{fields: readonly string[]}>),
  mapping: ColumnMapping,
  options: PrefixOptions
): InferredFormats & {rowsRead: number; complete: boolean} {
  const tally = createFormatTally(mapping, options);
  const columns = [...tally.dates, ...tally.numbers, ...tally.ids].map(({column}) => ({position: mapping.index[column]!, counter: tally.counter(column)!}));
  const rows = typeof records === "function" ? records(columns.map((c) => c.position)) : records;
  const {maxRows = Infinity} = options;
  let rowsRead = 0, complete = true;
  for (const {fields} of rows) {
    if (rowsRead === maxRows) {
      tally.finish();
      if (decideFormats(tally, mapping, {...options, settle: false})) {
        complete = false;
        break;
      }
    }
    ++rowsRead;
    for (const {position, counter} of columns) {
      const text = fields[position];
      if (text !== undefined && text !== "") counter.add(text);
    }
  }
  tally.finish();
  return {...decideFormats(tally, mapping, options)!, rowsRead, complete};
}

/**
 * Each column's format from its tally. With `settle` (the default) an undecidable column throws the
 * InputError that says how to set it; without, an undecidable column returns null.
 */
export function decideFormats(tally: FormatTally, mapping: ColumnMapping, options: FormatOptions & {settle?: boolean}): InferredFormats | null {
  const {settle = true} = options;
  const {dates, numbers, ids: idTallies} = tally;
  const header = (column: InputColumn) => mapping.headers[column] ?? column;
  const dateChoices = dates.map(({column, tally}) => ({column, tally, choice: chooseDateFormat(tally, options.dateFormat)}));
  const numberChoices = numbers.map(({column, tally}) => ({column, tally, choice: chooseDecimal(tally, options.decimal)}));

  // Undecided columns borrow a sibling's decision, when it is among their candidates.
  const decidedDates = dateChoices.filter((c) => c.choice.format !== null);
  for (const entry of dateChoices) {
    if (entry.choice.format !== null) continue;
    const sibling = decidedDates.find((d) => entry.choice.candidates.includes(d.choice.format as DateFormat));
    if (sibling) {
      const {read, of} = entry.choice.decision as {read: number; of: number};
      entry.choice = {...entry.choice, format: sibling.choice.format, decision: {by: "like column", read, of, alike: entry.choice.candidates.find((f) => f !== sibling.choice.format)!, header: header(sibling.column)}};
    } else {
      if (!settle) return null;
      const [a, b] = entry.choice.candidates;
      const [first, second] = entry.choice.disagreeing;
      throw new InputError({
        file: options.file,
        column: header(entry.column),
        reason:
          `cannot tell which date layout the column uses: ${JSON.stringify(first)} and ${JSON.stringify(second)} read as ${a} or as ${b}, and no value in the file decides it. ` +
          `Set it with ${formatSettings.dateFormat.env}=${a} (or ${b}) before the command, or "${formatSettings.dateFormat.key}": "${a}" in the mapping file (AR_MAPPING)`
      });
    }
  }
  const decidedNumbers = numberChoices.filter((c) => c.choice.format !== null);
  for (const entry of numberChoices) {
    if (entry.choice.format !== null) continue;
    const sibling = decidedNumbers.find((d) => d.tally.evidence[d.choice.format as DecimalSeparator] > 0);
    if (sibling) {
      entry.choice = {...entry.choice, format: sibling.choice.format, decision: {by: "like number column", header: header(sibling.column)}};
    } else {
      if (!settle) return null;
      const [first, second = first] = entry.tally.examples.ambiguous ?? [];
      throw new InputError({
        file: options.file,
        column: header(entry.column),
        reason:
          `cannot tell the decimal separator: ${JSON.stringify(first)} and ${JSON.stringify(second)} read as thousands (1,234 = 1234) or as decimals (1,234 = 1.234), and no value in the file decides it. ` +
          `Set it with ${formatSettings.decimal.env}=. (or ,) before the command, or "${formatSettings.decimal.key}": "." in the mapping file (AR_MAPPING)`
      });
    }
  }

  const columns: ColumnFormat[] = [];
  const dateFormat: InferredFormats["dateFormat"] = {};
  const decimal: InferredFormats["decimal"] = {};
  const ids: InferredFormats["ids"] = {};
  const marks: InferredFormats["marks"] = {};
  let twoDigitYears = false;
  for (const {column, tally, choice} of dateChoices) {
    const format = choice.format as DateFormat;
    dateFormat[column] = format;
    const {readable, sample, shortYears} = dateSummary(tally, format);
    twoDigitYears ||= shortYears;
    columns.push({column, header: header(column), kind: "date", format, decision: choice.decision, twoDigitYearPivot: shortYears ? twoDigitYearPivot : null, values: tally.values, readable, sample, currencies: [], currencyMark: null});
  }
  for (const {column, tally, choice} of numberChoices) {
    const format = choice.format as DecimalSeparator;
    decimal[column] = format;
    const readable = tally.values - tally.evidence.none - tally.evidence[format === "." ? "," : "."];
    const text = tally.examples[format]?.[0] ?? tally.examples.either?.[0] ?? tally.examples.ambiguous?.[0];
    const parsed = text === undefined ? undefined : parseAmount(text, format);
    const counted = [...tally.currencies].sort((a, b) => b[1] - a[1]);
    const currencyMark = counted.length && 2 * counted[0][1] > tally.sampled ? counted[0][0] : null;
    if (currencyMark) marks[column] = currencyMark;
    columns.push({column, header: header(column), kind: "number", format, decision: choice.decision, twoDigitYearPivot: null, values: tally.values, readable, sample: text && parsed ? {text, reads: String(parsed.value)} : null, currencies: counted.map(([code]) => code), currencyMark});
  }
  for (const {column, tally: id} of idTallies) {
    // Whole numbers with a decimal zero, every numeric value so and most values numeric (a "TOTAL" label among them does not count).
    const zeros = id.numeric > 0 && id.decimalZeros === id.numeric && 2 * id.numeric >= id.values;
    ids[column] = zeros ? "decimal zero" : "as written";
    if (!zeros) continue;
    const example = id.example!;
    columns.push({column, header: header(column), kind: "id", format: "decimal zero", decision: {by: "decimal zeros", numeric: id.numeric}, twoDigitYearPivot: null, values: id.values, readable: id.values, sample: {text: example, reads: withoutDecimalZero(example)}, currencies: [], currencyMark: null});
  }
  const order = (c: ColumnFormat) => mapping.index[c.column]!;
  columns.sort((a, b) => order(a) - order(b));
  return {columns, dateFormat, decimal, ids, marks, twoDigitYears};
}

/** Whether two inferences read every column in the same format. */
export function sameFormats(a: ColumnForms, b: ColumnForms): boolean {
  const same = (x: Record<string, string | undefined> = {}, y: Record<string, string | undefined> = {}) => Object.keys({...x, ...y}).every((k) => x[k] === y[k]);
  return same(a.dateFormat, b.dateFormat) && same(a.decimal, b.decimal) && same(a.ids, b.ids);
}

/** What reading a column needs of an inference: date layouts, decimal separators, id forms (none: as written). */
export type ColumnForms = Pick<InferredFormats, "dateFormat" | "decimal"> & Partial<Pick<InferredFormats, "ids" | "marks">>;

interface DateChoice {
  format: DateFormat | null;
  decision: FormatDecision;
  /** Layouts tied for the most values read. */
  candidates: DateFormat[];
  /** Two values that tied layouts read differently. */
  disagreeing: string[];
}

/**
 * The layout that reads the most values (a strict YYYY-MM-DD counts for every layout: it cannot be
 * misread). Ties between layouts that read every value alike are no ties; others leave it undecided.
 */
function chooseDateFormat(tally: DateTally, given: DateFormat | undefined): DateChoice {
  if (given) return {format: given, decision: {by: "setting"}, candidates: [given], disagreeing: []};
  if (!tally.counts.size) return {format: "YYYY-MM-DD", decision: {by: "no values"}, candidates: ["YYYY-MM-DD"], disagreeing: []};
  const score = new Map<DateFormat, number>(dateFormats.map((f) => [f, 0]));
  const reads = new Map<DateFormat, Map<string, Day>>(dateFormats.map((f) => [f, new Map()]));
  for (const [text, count] of tally.counts) {
    for (const format of dateFormats) {
      const day = parseDate(text, format);
      if (day === undefined) continue;
      score.set(format, score.get(format)! + count);
      reads.get(format)!.set(text, day);
    }
  }
  const best = Math.max(...score.values());
  if (best === 0) return {format: "YYYY-MM-DD", decision: {by: "no layout"}, candidates: ["YYYY-MM-DD"], disagreeing: []};
  const tied = dateFormats.filter((f) => score.get(f) === best);
  const [first, ...others] = tied;
  const differing = others.filter((f) => !sameReadings(reads.get(first)!, reads.get(f)!));
  if (!differing.length) return {format: first, decision: {by: "values", read: best, of: tally.values, decisive: decisiveCount(tally, reads, first)}, candidates: tied, disagreeing: []};
  const other = differing[0];
  const disagreeing = [...reads.get(first)!.keys()].filter((text) => reads.get(other)!.get(text) !== reads.get(first)!.get(text)).slice(0, 2);
  return {format: null, decision: {by: "values", read: best, of: tally.values, decisive: null}, candidates: [first, other], disagreeing};
}

function sameReadings(a: ReadonlyMap<string, Day>, b: ReadonlyMap<string, Day>): boolean {
  if (a.size !== b.size) return false;
  for (const [text, day] of a) if (b.get(text) !== day) return false;
  return true;
}

/** Values `format` reads that the runner-up layout (the next most successful) cannot read: the deciding ones. */
function decisiveCount(tally: DateTally, reads: ReadonlyMap<DateFormat, ReadonlyMap<string, Day>>, format: DateFormat): {count: number; example: string; rival: DateFormat} | null {
  const mine = reads.get(format)!;
  let rival: DateFormat | null = null;
  for (const f of dateFormats) if (f !== format && reads.get(f)!.size && (!rival || reads.get(f)!.size > reads.get(rival)!.size)) rival = f;
  if (!rival) return null;
  const theirs = reads.get(rival)!;
  let count = 0, example = "";
  for (const text of mine.keys()) {
    if (theirs.has(text)) continue;
    count += tally.counts.get(text)!;
    if (!example) example = text;
  }
  return count ? {count, example, rival} : null;
}

function dateSummary(tally: DateTally, format: DateFormat): {readable: number; sample: ColumnFormat["sample"]; shortYears: boolean} {
  let readable = 0;
  let sample: ColumnFormat["sample"] = null;
  let shortYears = false;
  for (const [text, count] of tally.counts) {
    const day = parseDate(text, format) ?? parseDate(text, "YYYY-MM-DD");
    if (day === undefined) continue;
    readable += count;
    sample ??= {text, reads: formatIsoDay(day)};
    if (format !== "YYYY-MM-DD" && format !== "Excel serial" && format !== "YYYYMMDD" && !/\d{4}/.test(text)) shortYears = true;
  }
  return {readable, sample, shortYears};
}

interface DecimalChoice {
  format: DecimalSeparator | null;
  decision: FormatDecision;
}

/** The separator more values can be read with only; undecided when every separated value reads both ways. */
function chooseDecimal(tally: NumberTally, given: DecimalSeparator | undefined): DecimalChoice {
  if (given) return {format: given, decision: {by: "setting"}};
  const point = tally.evidence["."], comma = tally.evidence[","];
  const example = (kind: DecimalSeparator) => tally.examples[kind]![0];
  if (point > comma) return {format: ".", decision: {by: "separator", only: point, example: example("."), other: comma}};
  if (comma > point) return {format: ",", decision: {by: "separator", only: comma, example: example(","), other: point}};
  if (!tally.evidence.ambiguous) return {format: ".", decision: tally.values ? {by: "whole numbers"} : {by: "no values"}};
  return {format: null, decision: {by: "no values"}};
}
