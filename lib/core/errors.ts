// Errors in a user's input file. They name the file, where in it, the column and the offending value, so
// that a finance user can open the export, go to that line and fix it without reading a stack trace.

export interface InputErrorDetails {
  file: string;
  /** 1-based physical line in the file; the header is line 1. */
  line?: number;
  /** 1-based data row (the first record after the header is row 1). */
  row?: number;
  /** Header name as written in the file. */
  column?: string;
  /** The offending text, as found. */
  value?: string;
  /** What is wrong, phrased to follow the value: `is not a valid date (expected YYYY-MM-DD)`. */
  reason: string;
}

/** Long values are shortened in messages; the full value stays on the error's `value` field. */
const maxQuotedValue = 60;

export class InputError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly row: number | undefined;
  readonly column: string | undefined;
  readonly value: string | undefined;
  readonly reason: string;

  constructor(details: InputErrorDetails) {
    super(describeInputError(details));
    this.name = "InputError";
    this.file = details.file;
    this.line = details.line;
    this.row = details.row;
    this.column = details.column;
    this.value = details.value;
    this.reason = details.reason;
  }
}

/**
 * `invoices.csv, line 18 (row 17), column "invoice_date": "2024-02-30" is not a valid date (expected YYYY-MM-DD)`;
 * parts the details lack are left out (`invoices.csv: the file is empty`).
 */
export function describeInputError({file, line, row, column, value, reason}: InputErrorDetails): string {
  let where = file;
  if (line !== undefined) where += `, line ${line}`;
  if (row !== undefined) where += line !== undefined ? ` (row ${row})` : `, row ${row}`;
  if (column !== undefined) where += `, column ${JSON.stringify(column)}`;
  const subject = value === undefined ? "" : `${quoteValue(value)} `;
  return `${where}: ${subject}${reason}`;
}

function quoteValue(value: string): string {
  const shown = value.length > maxQuotedValue ? `${value.slice(0, maxQuotedValue - 1)}…` : value;
  return JSON.stringify(shown);
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}
