// Excel workbooks (.xlsx) read directly: the first sheet, or the one a mapping names. Cells typed as
// dates arrive as dates and are handed on as YYYY-MM-DD, which every date layout reads; numbers are
// handed on as Excel shows them, to 15 significant digits: the file stores the binary double
// ("9535.200000000001" for 9535.2), whose last digits are artefacts no user typed.
//
// read-excel-file (maintained, MIT, three small dependencies) rather than the `xlsx` package on npm, an
// old SheetJS release with open advisories, or exceljs: on a 50,000-row workbook it took 1.6 s of CPU
// and 32 MB against exceljs' 3.0 s and 204 MB, and it installs in 3.4 MB against 23 MB.
import {readSheet, SheetNotFoundError} from "read-excel-file/universal";
import {InputError} from "../core/errors.js";
import {assertUniqueHeader, headerIndex, trimTrailingEmpty} from "./csv.js";
import type {CsvRecord} from "./csv.js";
import {dateToDay, formatIsoDay} from "../core/dates.js";

export interface SheetTable {
  file: string;
  /** The sheet read. */
  sheet: string | number;
  header: string[];
  /** Spreadsheet row of the header. */
  headerLine: number;
  titleLines: string[];
  /** Rows below the header; `line` is the spreadsheet's row number. */
  records(only?: readonly number[]): Generator<CsvRecord, void, undefined>;
}

export interface SheetReadOptions {
  file: string;
  /** Sheet name or 1-based number; the first sheet when not given. */
  sheet?: string | number;
  headerScore?: (fields: readonly string[]) => number;
  /** Rows searched for the header. Default 40. */
  sampleRecords?: number;
}

/** Reads one sheet of a workbook into text cells. */
export async function readWorkbook(bytes: Uint8Array, {file, sheet, headerScore, sampleRecords = 40}: SheetReadOptions): Promise<SheetTable> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let rows: unknown[][];
  try {
    rows = (await readSheet(buffer, sheet ?? 1, {parseNumber: excelNumberText, trim: false})) as unknown[][];
  } catch (error) {
    if (error instanceof SheetNotFoundError) {
      const names = (error as unknown as {sheets?: string[]}).sheets;
      throw new InputError({file, reason: `has no sheet ${JSON.stringify(sheet)}${names?.length ? ` (sheets: ${names.map((n) => JSON.stringify(n)).join(", ")})` : ""}; name one with "sheet" in the mapping file or AR_SHEET`});
    }
    throw new InputError({file, reason: `cannot be read as an Excel workbook (${(error as Error).message}); save it again as .xlsx or as CSV`});
  }
  const grid = rows.map((row) => row.map(cellText));
  const lines = grid.map((_, i) => i + 1);
  const filled = grid.map((fields, i) => ({fields, line: lines[i]})).filter((r) => r.fields.some((f) => f.trim() !== ""));
  if (!filled.length) throw new InputError({file, reason: `the sheet ${JSON.stringify(sheet ?? 1)} is empty`});
  const at = headerScore ? headerIndex(filled.slice(0, sampleRecords + 1), headerScore) : 0;
  const header = trimTrailingEmpty(filled[at].fields);
  const headerLine = filled[at].line;
  assertUniqueHeader(header, file, headerLine);
  const titleLines = filled.slice(0, at).map((r) => r.fields.filter((f) => f.trim()).join(" "));
  const body = grid.slice(headerLine);

  function* records(): Generator<CsvRecord, void, undefined> {
    let row = 0;
    for (let i = 0; i < body.length; ++i) {
      const fields = body[i].slice(0, header.length);
      if (fields.every((f) => f.trim() === "")) continue;
      while (fields.length < header.length) fields.push("");
      yield {line: headerLine + 1 + i, row: ++row, fields};
    }
  }
  return {file, sheet: sheet ?? 1, header, headerLine, titleLines, records};
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : formatIsoDay(dateToDay(value));
  return String(value);
}

/**
 * A number cell's stored text as Excel displays it: at most 15 significant digits ("9535.200000000001"
 * → "9535.2", "0.30000000000000004" → "0.3"), as Excel shows it. Text that is not a plain number, and
 * magnitudes from 1e21 (which JavaScript writes with an exponent), are kept as stored.
 */
export function excelNumberText(text: string): string {
  if (!/^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/.test(text)) return text;
  const digits = text.replace(/[eE].*$/, "").replace(/[-.]/g, "").replace(/^0+/, "");
  if (digits.length <= 15) return text;
  const value = Number(Number(text).toPrecision(15));
  return Math.abs(value) < 1e21 ? String(value) : text;
}
