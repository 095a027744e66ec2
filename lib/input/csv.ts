// Delimited text in and out (RFC 4180). Reading is lazy: the header and delimiter are settled up front,
// then records are produced one at a time, so a million-row export is never held twice as fields.
import {InputError} from "../core/errors.js";

export const csvDelimiters = [",", ";", "\t", "|"] as const;
export type CsvDelimiter = (typeof csvDelimiters)[number];

const delimiterNames: Record<CsvDelimiter, string> = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"};

export interface CsvRecord {
  /** Physical line where the record starts; the header is line 1. */
  line: number;
  /** 1-based data row. */
  row: number;
  fields: string[];
}

export interface CsvReadOptions {
  /** File name, for error messages. */
  file: string;
  /** Skip detection and use this delimiter. */
  delimiter?: CsvDelimiter;
  /** Records read to detect the delimiter and find the header. */
  sampleRecords?: number;
  /**
   * How much a record looks like the header (e.g. how many of its cells are known column names). With
   * it, report exports' title lines are skipped: the header is the first record scoring highest, if it
   * scores at least 2; otherwise the first record.
   */
  headerScore?: (fields: readonly string[]) => number;
}

export interface CsvTable {
  file: string;
  delimiter: CsvDelimiter;
  /** Header names as written (not trimmed). */
  header: string[];
  /** Line of the header (1 unless title or blank lines precede it). */
  headerLine: number;
  /** Title lines above the header (company, report name, period), as text. */
  titleLines: string[];
  /**
   * Data records, parsed on demand; each call starts again from the first record. With `only`, fields at
   * other positions are "" (a pass that reads a few columns need not build the others' text).
   */
  records(only?: readonly number[]): Generator<CsvRecord, void, undefined>;
}

const QUOTE = 34, LF = 10, CR = 13;
const unterminatedReason = 'has a quoted field that is never closed (a closing " is missing)';
const BOM = 0xfeff;

/**
 * Validates the start of `text` (not empty, not binary, a delimiter that splits most of the first
 * lines alike, no duplicate header names), finds the header (below any title lines) and returns it
 * with a lazy record reader. Records shorter than the header are padded with blanks and trailing empty
 * fields beyond it are dropped, as spreadsheets do; a record with more values than the header is an
 * error naming its line. Blank lines are skipped; a UTF-8 BOM is ignored.
 */
export function readCsv(text: string, {file, delimiter, sampleRecords = 40, headerScore}: CsvReadOptions): CsvTable {
  const start = text.charCodeAt(0) === BOM ? 1 : 0;
  if (isBlank(text, start)) throw new InputError({file, reason: "the file is empty"});
  if (looksBinary(text, start)) {
    throw new InputError({file, reason: "looks like a binary file, not CSV text (a spreadsheet must be saved as CSV first, or given as .xlsx)"});
  }
  const chosen = delimiter ?? detectDelimiter(text, {file, sampleRecords});
  const sample: ScannedRecord[] = [];
  for (const record of scanRecords(text, start, chosen, (line) => {
    throw new InputError({file, line, reason: unterminatedReason});
  })) {
    sample.push(record);
    if (sample.length > sampleRecords || !headerScore) break;
  }
  const headerAt = headerScore ? headerIndex(sample, headerScore) : 0;
  const headerRecord = sample[headerAt];
  const header = trimTrailingEmpty(headerRecord.fields);
  const headerLine = headerRecord.line;
  const titleLines = sample.slice(0, headerAt).map((r) => r.fields.filter((f) => f.trim()).join(" ").trim());
  const next = sample[headerAt + 1] ?? scanRecords(text, headerRecord.end, chosen, () => {}).next().value;
  const dataFields = next ? trimTrailingEmpty(next.fields).length : 0;
  if (header.length === 1 && dataFields > 1) {
    throw new InputError({
      file,
      line: headerLine,
      reason: `has an unknown delimiter: the header is a single field with no comma, semicolon, tab or pipe, but the data lines have ${dataFields} fields separated by ${delimiterNames[chosen]}s`
    });
  }
  assertUniqueHeader(header, file, headerLine);
  const bodyStart = headerRecord.end;

  function* records(only?: readonly number[]): Generator<CsvRecord, void, undefined> {
    let row = 0;
    let padded = headerRecord.fields.length;
    let keep: Uint8Array | null = null;
    if (only) {
      keep = new Uint8Array(header.length + 1);
      for (const position of only) keep[position] = 1;
    }
    const onUnterminated = (line: number, field: number) => {
      throw new InputError({file, line, row: row + 1, column: header[field], reason: unterminatedReason});
    };
    for (const {line, fields} of scanRecords(text, bodyStart, chosen, onUnterminated, headerLine + headerRecord.lines, keep)) {
      ++row;
      if (fields.length !== header.length) {
        if (fields.length < header.length) {
          while (fields.length < header.length) fields.push("");
        } else {
          const kept = trimTrailingEmpty(fields);
          // Empty fields past the header are a trailing delimiter only where the file writes one
          // throughout (the header or the first row has it); elsewhere a value was split in two.
          const trailing = kept.length <= header.length && (fields.length <= padded || (row === 1 && (padded = fields.length) > 0));
          if (!trailing) {
            throw new InputError({
              file,
              line,
              row,
              reason: `has ${Math.max(kept.length, fields.length)} values but the header has ${header.length} columns (delimiter: ${delimiterNames[chosen]}; a value containing a ${delimiterNames[chosen]} must be in quotes)`
            });
          }
          fields.length = header.length;
        }
      }
      yield {line, row, fields};
    }
  }

  return {file, delimiter: chosen, header, headerLine, titleLines, records};
}

/** The first record scoring highest (at least 2), else the first. */
export function headerIndex(sample: readonly {fields: readonly string[]}[], score: (fields: readonly string[]) => number): number {
  let best = 0, bestScore = 1;
  sample.forEach((record, i) => {
    const s = score(record.fields);
    if (s > bestScore) (best = i), (bestScore = s);
  });
  return best;
}

/** A copy without the empty fields at the end (a trailing delimiter, or a spreadsheet's padding). */
export function trimTrailingEmpty(fields: readonly string[]): string[] {
  let n = fields.length;
  while (n > 1 && fields[n - 1].trim() === "") --n;
  return fields.slice(0, n);
}

/** All records at once, for small files and tests. */
export function parseCsv(text: string, options: CsvReadOptions): {header: string[]; delimiter: CsvDelimiter; rows: string[][]} {
  const table = readCsv(text, options);
  const rows: string[][] = [];
  for (const record of table.records()) rows.push(record.fields);
  return {header: table.header, delimiter: table.delimiter, rows};
}

/**
 * The delimiter among comma, semicolon, tab and pipe that splits most of the first lines into the
 * same number (> 1) of fields, the most fields × share of lines winning (ties to the order above); title lines above
 * the header and a few malformed lines do not change it. A file none splits is a one-column file,
 * unless some other punctuation splits every line.
 */
export function detectDelimiter(text: string, {file, sampleRecords = 40}: {file: string; sampleRecords?: number}): CsvDelimiter {
  const start = text.charCodeAt(0) === BOM ? 1 : 0;
  let best: {delimiter: CsvDelimiter; fields: number; agreement: number; firstFields: number} | null = null;
  for (const delimiter of csvDelimiters) {
    const counts: number[] = [];
    // An unclosed quote ends the sample; the reader reports it with its line.
    for (const {fields} of scanRecords(text, start, delimiter, () => {})) {
      counts.push(fields.length);
      if (counts.length > sampleRecords) break;
    }
    if (!counts.length) continue;
    const modal = mostCommon(counts.filter((n) => n > 1));
    if (modal === undefined) continue;
    const agreement = counts.filter((n) => n === modal).length / counts.length;
    if (agreement < 0.5 && !best) {
      best = {delimiter, fields: modal, agreement, firstFields: counts[0]};
      continue;
    }
    // Fields × agreement: a decimal comma splits a semicolon file's lines alike too, into fewer fields.
    if (agreement >= 0.5 && (!best || best.agreement < 0.5 || modal * agreement > best.fields * best.agreement)) {
      best = {delimiter, fields: modal, agreement, firstFields: counts[0]};
    }
  }
  if (best && best.agreement >= 0.5) return best.delimiter;
  if (best) {
    throw new InputError({
      file,
      reason: "has an unknown delimiter: no comma, semicolon, tab or pipe splits the header and the first lines into the same number of fields"
    });
  }
  const other = otherDelimiter(text.slice(start), sampleRecords);
  if (other) {
    throw new InputError({
      file,
      line: 1,
      reason: `has an unknown delimiter: every line is split by ${JSON.stringify(other)}, but only comma, semicolon, tab or pipe are read (save the file as CSV with one of those)`
    });
  }
  return ",";
}

/** A punctuation character that splits the first lines into the same number (> 1) of fields, if any. */
function otherDelimiter(text: string, sampleRecords: number): string | undefined {
  const lines = text.split(/\r?\n/).filter((line) => line.trim()).slice(0, sampleRecords + 1);
  if (lines.length < 2) return undefined;
  const candidates = new Set(lines[0].replace(/[\p{L}\p{N}\s"'._\-/()#%&]/gu, ""));
  for (const candidate of candidates) {
    const counts = lines.map((line) => line.split(candidate).length - 1);
    if (counts[0] > 0 && counts.every((n) => n === counts[0])) return candidate;
  }
  return undefined;
}

// ——— Writing ———

export type CsvValue = string | number | boolean | null | undefined;
export type CsvRow = readonly CsvValue[] | Readonly<Record<string, CsvValue>>;

export interface CsvWriteOptions {
  delimiter?: CsvDelimiter;
  newline?: "\n" | "\r\n";
}

/**
 * Serialises rows (arrays in column order, or objects keyed by column) under a header line. Fields are
 * quoted only when they must be, so `readCsv(toCsv(...))` gives the same strings back. null and
 * undefined are written as empty fields, non-finite numbers too.
 */
export function toCsv(columns: readonly string[], rows: Iterable<CsvRow>, options: CsvWriteOptions = {}): string {
  // One join builds a flat string; appending would build a rope of millions of pieces.
  return Array.from(csvLines(columns, rows, options)).join("");
}

/** The lines of `toCsv` (each with its newline), for writing a large file piece by piece. */
export function* csvLines(columns: readonly string[], rows: Iterable<CsvRow>, {delimiter = ",", newline = "\n"}: CsvWriteOptions = {}): Generator<string, void, undefined> {
  // A lone empty field would be an empty line, which readers skip; quoting keeps the row.
  const quoteEmpty = columns.length === 1;
  const needsQuotes = quotingPattern(delimiter);
  const format = (value: CsvValue) => formatField(value, needsQuotes, quoteEmpty);
  yield columns.map(format).join(delimiter) + newline;
  const fields: string[] = new Array(columns.length);
  for (const row of rows) {
    if (isArrayRow(row)) for (let j = 0; j < columns.length; ++j) fields[j] = format(row[j]);
    else for (let j = 0; j < columns.length; ++j) fields[j] = format(row[columns[j]]);
    yield fields.join(delimiter) + newline;
  }
}

/** One field: quoted (with inner quotes doubled) when it contains the delimiter, a quote or a line break. */
export function formatCsvField(value: CsvValue, delimiter: CsvDelimiter = ",", quoteEmpty = false): string {
  return formatField(value, quotingPattern(delimiter), quoteEmpty);
}

const quotingPatterns: Record<CsvDelimiter, RegExp> = {",": /[",\r\n]/, ";": /[";\r\n]/, "\t": /["\t\r\n]/, "|": /["|\r\n]/};

function quotingPattern(delimiter: CsvDelimiter): RegExp {
  return quotingPatterns[delimiter];
}

function formatField(value: CsvValue, needsQuotes: RegExp, quoteEmpty: boolean): string {
  const text = typeof value === "string" ? value : value === null || value === undefined ? "" : typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : String(value);
  if (text === "") return quoteEmpty ? '""' : "";
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

// ——— Scanning ———

interface ScannedRecord {
  line: number;
  fields: string[];
  /** Offset just past the record's line break. */
  end: number;
  /** Physical lines the record spans. */
  lines: number;
}

/**
 * Records from `start`, skipping empty lines. Quotes open a quoted field only at its start; text after
 * a closing quote is kept (lenient, as spreadsheet programs are). `onUnterminated` is called with the
 * line and field index of a quote that is never closed; if it returns, scanning stops.
 */
function* scanRecords(
  text: string,
  start: number,
  delimiter: CsvDelimiter,
  onUnterminated: (line: number, field: number) => void,
  firstLine = 1,
  keep: Uint8Array | null = null
): Generator<ScannedRecord, void, undefined> {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let i = start;
  let line = firstLine;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c === LF || c === CR) {
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      ++line;
      continue;
    }
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      let value = "";
      // A field the caller does not want is stepped over without building its text.
      const wanted = keep === null || keep[fields.length] === 1;
      if (i < n && text.charCodeAt(i) === QUOTE) {
        const fieldLine = line;
        let from = ++i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            onUnterminated(fieldLine, fields.length);
            return;
          }
          line += countLineBreaks(text, i, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            if (wanted) value += text.slice(from, q + 1);
            i = from = q + 2;
          } else {
            if (wanted) value += text.slice(from, q);
            i = q + 1;
            break;
          }
        }
        const j = fieldEnd(text, i, d);
        if (j > i && wanted) value += text.slice(i, j);
        i = j;
      } else {
        const j = fieldEnd(text, i, d);
        if (wanted) value = text.slice(i, j);
        i = j;
      }
      fields.push(value);
      if (i >= n) break;
      c = text.charCodeAt(i);
      if (c === d) {
        ++i;
        continue;
      }
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      ++line;
      break;
    }
    yield {line: recordLine, fields, end: i, lines: line - recordLine};
  }
}

function fieldEnd(text: string, from: number, delimiter: number): number {
  const n = text.length;
  let j = from;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === delimiter || c === LF || c === CR) break;
    ++j;
  }
  return j;
}

/** Line breaks (LF, CRLF or a lone CR) in text[from, to). */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let j = from; j < to; ++j) {
    const c = text.charCodeAt(j);
    if (c === LF) ++count;
    else if (c === CR && text.charCodeAt(j + 1) !== LF) ++count;
  }
  return count;
}

function isBlank(text: string, start: number): boolean {
  for (let i = start; i < text.length; ++i) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== LF && c !== CR) return false;
  }
  return true;
}

/**
 * NUL bytes, or more than 10% control characters or U+FFFD (what undecodable bytes become) in the
 * first KB: a spreadsheet, archive or image rather than text.
 */
function looksBinary(text: string, start: number): boolean {
  const end = Math.min(text.length, start + 1024);
  let suspicious = 0;
  for (let i = start; i < end; ++i) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== LF && c !== CR && c !== 12) || c === 0xfffd) ++suspicious;
  }
  return suspicious * 10 > end - start;
}

export function assertUniqueHeader(header: readonly string[], file: string, line: number): void {
  const seen = new Map<string, number>();
  header.forEach((name, index) => {
    const key = name.trim();
    if (key === "") return; // unnamed columns (a trailing delimiter) carry nothing to map
    const first = seen.get(key);
    if (first !== undefined) {
      throw new InputError({file, line, column: key, reason: `appears twice in the header (columns ${first + 1} and ${index + 1})`});
    }
    seen.set(key, index);
  });
}

/** The most common value (ties to the larger), or undefined for none. */
function mostCommon(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined, bestCount = 0;
  for (const [v, count] of counts) if (count > bestCount || (count === bestCount && v > best!)) (best = v), (bestCount = count);
  return best;
}

function isArrayRow(row: CsvRow): row is readonly CsvValue[] {
  return Array.isArray(row);
}
