// A user's file as a table of text cells, whatever it was saved as: delimited text in any of the
// encodings exports come in, or an .xlsx workbook. Both give a header (found below any title lines)
// and records with the line or spreadsheet row each starts on, so every later message can point there.
import {InputError} from "../core/errors.js";
import {readCsv} from "./csv.js";
import type {CsvDelimiter, CsvRecord} from "./csv.js";
import {decodeText, isZip} from "./decode.js";
import type {TextEncoding} from "./decode.js";
import {readWorkbook} from "./xlsx.js";

export interface InputTable {
  file: string;
  format: "csv" | "xlsx";
  /** Text encoding (delimited text only). */
  encoding: TextEncoding | null;
  delimiter: CsvDelimiter | null;
  /** The sheet read (workbooks only). */
  sheet: string | number | null;
  header: string[];
  headerLine: number;
  titleLines: string[];
  /** Records below the header; `only` limits which fields need their text (others may be ""). */
  records(only?: readonly number[]): Generator<CsvRecord, void, undefined>;
}

export interface TableOptions {
  file: string;
  /** Workbook sheet, by name or 1-based number. */
  sheet?: string | number;
  delimiter?: CsvDelimiter;
  headerScore?: (fields: readonly string[]) => number;
}

/** Old binary workbooks (.xls) and other compound documents start with these bytes. */
const compoundDocument = [0xd0, 0xcf, 0x11, 0xe0];

/** Reads `bytes` as a workbook (a ZIP archive) or as delimited text. */
export async function readTable(bytes: Uint8Array, {file, sheet, delimiter, headerScore}: TableOptions): Promise<InputTable> {
  if (isZip(bytes)) {
    const book = await readWorkbook(bytes, {file, sheet, headerScore});
    return {file, format: "xlsx", encoding: null, delimiter: null, sheet: book.sheet, header: book.header, headerLine: book.headerLine, titleLines: book.titleLines, records: book.records};
  }
  if (compoundDocument.every((b, i) => bytes[i] === b)) {
    throw new InputError({file, reason: "is an old Excel .xls workbook, which is not read: save it as .xlsx (Excel Workbook) or as CSV"});
  }
  const {text, encoding} = decodeText(bytes);
  return textTable(text, encoding, {file, delimiter, headerScore});
}

/** Delimited text already decoded. */
export function textTable(text: string, encoding: TextEncoding | null, {file, delimiter, headerScore}: TableOptions): InputTable {
  const csv = readCsv(text, {file, delimiter, headerScore});
  return {file, format: "csv", encoding, delimiter: csv.delimiter, sheet: null, header: csv.header, headerLine: csv.headerLine, titleLines: csv.titleLines, records: csv.records};
}
