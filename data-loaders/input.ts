// Reads what the build was asked to report on from the environment: the user's export (AR_DATA: CSV
// in any common encoding, or an .xlsx workbook; AR_PAYMENTS: a separate payments file; AR_MAPPING: an
// optional mapping file; AR_DATE_FORMAT, AR_DECIMAL_SEPARATOR, AR_SHEET, AR_UNREADABLE_SHARE and
// AR_CURRENCY for single settings) or the synthetic generator's parameters. Every mistake becomes an InputError naming
// the variable or file, so the loader can print one clear line and exit non-zero.
import {readFileSync} from "node:fs";
import {basename} from "node:path";
import {dateFormats, decimalSeparators} from "../lib/input/values.js";
import type {DateFormat, DecimalSeparator} from "../lib/input/values.js";
import {parseIsoDay} from "../lib/core/dates.js";
import {InputError} from "../lib/core/errors.js";
import {headerLikeness, inputColumns} from "../lib/input/mapping.js";
import type {ColumnOverrides, InputColumn} from "../lib/input/mapping.js";
import {readTable} from "../lib/input/table.js";
import type {InputTable} from "../lib/input/table.js";
import {defaultSeed, fileLedger, syntheticLedger} from "../lib/pipeline/source.js";
import type {FileSourceOptions, SourcedLedger} from "../lib/pipeline/source.js";

type Env = Record<string, string | undefined>;

export interface ReportInput {
  seed: number;
  load(): Promise<SourcedLedger>;
  describe: string;
}

/** What the environment and mapping file ask of a user's export, ready for `fileLedger` once the tables are read. */
export interface FileInput {
  path: string;
  file: string;
  paymentsPath: string | null;
  sheet: string | number | undefined;
  options: Omit<FileSourceOptions, "table" | "payments">;
}

export function reportInput(env: Env = process.env): ReportInput {
  const seed = integerVariable(env, "AR_SEED", {min: 0}) ?? defaultSeed;
  const asOf = asOfVariable(env);
  const fileInput = fileInputFrom(env);
  if (fileInput) {
    return {seed, describe: `your file ${fileInput.file}${fileInput.paymentsPath ? ` with payments from ${basename(fileInput.paymentsPath)}` : ""}`, load: () => loadFile(fileInput)};
  }
  const invoices = integerVariable(env, "AR_INVOICES", {min: 100});
  const customers = integerVariable(env, "AR_CUSTOMERS", {min: 1});
  const months = integerVariable(env, "AR_MONTHS", {min: 24});
  const dirtRate = numberVariable(env, "AR_DIRT_RATE", {min: 0, max: 0.5});
  return {
    seed,
    describe: `the synthetic ledger (seed ${seed})`,
    load: async () => syntheticLedger({seed, invoices, customers, months, asOf, dirtRate})
  };
}

function asOfVariable(env: Env): number | undefined {
  const asOfText = env.AR_AS_OF?.trim();
  const asOf = asOfText ? parseIsoDay(asOfText) : undefined;
  if (asOfText && asOf === undefined) throw new InputError({file: "AR_AS_OF", value: asOfText, reason: "is not a date (expected YYYY-MM-DD)"});
  return asOf;
}

/** The user's export and its settings, from AR_DATA and friends; null for the synthetic ledger. */
export function fileInputFrom(env: Env): FileInput | null {
  const path = env.AR_DATA?.trim();
  if (!path) return null;
  const mapping = readMapping(env.AR_MAPPING?.trim());
  const dateFormat = choiceVariable(env, "AR_DATE_FORMAT", dateFormats) ?? mapping.dateFormat;
  const decimal = choiceVariable(env, "AR_DECIMAL_SEPARATOR", decimalSeparators) ?? mapping.decimalSeparator;
  const unreadableShare = numberVariable(env, "AR_UNREADABLE_SHARE", {min: 0, max: 1}) ?? mapping.unreadableShare;
  const currency = currencyVariable(env) ?? mapping.currency;
  const sheetText = env.AR_SHEET?.trim();
  const sheet = sheetText ? (/^\d+$/.test(sheetText) ? Number(sheetText) : sheetText) : mapping.sheet;
  return {
    path,
    file: basename(path),
    paymentsPath: env.AR_PAYMENTS?.trim() || null,
    sheet,
    options: {
      columns: mapping.columns,
      dateFormat,
      decimal,
      unreadableShare,
      currency,
      asOf: asOfVariable(env) ?? mapping.asOf,
      asOfSource: asOfVariable(env) !== undefined ? "AR_AS_OF" : `${basename(env.AR_MAPPING?.trim() ?? "")}, asOf`
    }
  };
}

/** Reads the export (and payments file) and runs the file source. */
export async function loadFile(input: FileInput): Promise<SourcedLedger> {
  const headerScore = headerLikeness(input.options.columns);
  const table = await readTable(readBytes(input.path, input.file), {file: input.file, sheet: input.sheet, headerScore});
  let payments: InputTable | undefined;
  if (input.paymentsPath) {
    const file = basename(input.paymentsPath);
    payments = await readTable(readBytes(input.paymentsPath, file), {file});
  }
  return fileLedger({...input.options, table, payments});
}

interface MappingFile {
  columns?: ColumnOverrides;
  dateFormat?: DateFormat;
  decimalSeparator?: DecimalSeparator;
  sheet?: string | number;
  unreadableShare?: number;
  currency?: string;
  asOf?: number;
}

const mappingKeys = ["columns", "dateFormat", "decimalSeparator", "sheet", "unreadableShare", "currency", "asOf"];

/**
 * AR_MAPPING: `{"columns": {"invoice_id": "Doc No", ...}, "dateFormat": "DD/MM/YYYY", "decimalSeparator": ",",
 * "sheet": "Open items", "unreadableShare": 0.05, "asOf": "2025-06-30"}`; every key is optional.
 */
function readMapping(path: string | undefined): MappingFile {
  if (!path) return {};
  const file = basename(path);
  let json: unknown;
  try {
    json = JSON.parse(readText(path, file));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError({file, reason: `is not valid JSON (${(error as Error).message})`});
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new InputError({file, reason: "must be a JSON object"});
  const {columns = {}, dateFormat, decimalSeparator, sheet, unreadableShare, currency, asOf, ...rest} = json as Record<string, unknown>;
  const unknownKeys = Object.keys(rest);
  if (unknownKeys.length) throw new InputError({file, value: unknownKeys[0], reason: `is not a mapping setting (use ${mappingKeys.join(", ")})`});
  if (typeof columns !== "object" || columns === null || Array.isArray(columns)) throw new InputError({file, column: "columns", reason: "must map ledger columns to your headers"});
  for (const [column, header] of Object.entries(columns)) {
    if (!inputColumns.includes(column as InputColumn)) throw new InputError({file, column: "columns", value: column, reason: `is not a ledger column (one of ${inputColumns.join(", ")})`});
    if (typeof header !== "string" && header !== null) throw new InputError({file, column: `columns.${column}`, reason: "must be the header text in your file (or null to leave the column out)"});
  }
  if (dateFormat !== undefined && !dateFormats.includes(dateFormat as DateFormat)) {
    throw new InputError({file, column: "dateFormat", value: String(dateFormat), reason: `is not supported (one of ${dateFormats.join(", ")})`});
  }
  if (decimalSeparator !== undefined && !decimalSeparators.includes(decimalSeparator as DecimalSeparator)) {
    throw new InputError({file, column: "decimalSeparator", value: String(decimalSeparator), reason: 'is not supported (use "." or ",")'});
  }
  if (sheet !== undefined && typeof sheet !== "string" && !(typeof sheet === "number" && Number.isInteger(sheet) && sheet >= 1)) {
    throw new InputError({file, column: "sheet", value: String(sheet), reason: "must be a sheet name or a sheet number from 1"});
  }
  if (unreadableShare !== undefined && !(typeof unreadableShare === "number" && unreadableShare >= 0 && unreadableShare <= 1)) {
    throw new InputError({file, column: "unreadableShare", value: String(unreadableShare), reason: "must be a share between 0 and 1, such as 0.05"});
  }
  if (currency !== undefined && !(typeof currency === "string" && isCurrencyCode(currency))) {
    throw new InputError({file, column: "currency", value: String(currency), reason: 'must be a three-letter currency code, such as "EUR"'});
  }
  let asOfDay: number | undefined;
  if (asOf !== undefined) {
    asOfDay = typeof asOf === "string" ? parseIsoDay(asOf) : undefined;
    if (asOfDay === undefined) throw new InputError({file, column: "asOf", value: String(asOf), reason: "is not a date (expected YYYY-MM-DD)"});
  }
  return {
    columns: columns as ColumnOverrides,
    dateFormat: dateFormat as DateFormat | undefined,
    decimalSeparator: decimalSeparator as DecimalSeparator | undefined,
    sheet: sheet as string | number | undefined,
    unreadableShare: unreadableShare as number | undefined,
    currency: (currency as string | undefined)?.trim().toUpperCase(),
    asOf: asOfDay
  };
}

/** AR_CURRENCY: the ledger's currency where the file names none ("EUR"). */
function currencyVariable(env: Env): string | undefined {
  const text = env.AR_CURRENCY?.trim();
  if (!text) return undefined;
  if (!isCurrencyCode(text)) throw new InputError({file: "AR_CURRENCY", value: text, reason: "must be a three-letter currency code, such as EUR"});
  return text.toUpperCase();
}

function isCurrencyCode(text: string): boolean {
  return /^[A-Za-z]{3}$/.test(text.trim());
}

function readBytes(path: string, file: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError({file, reason: code === "ENOENT" ? `does not exist (looked for ${path})` : code === "EISDIR" ? "is a folder, not a file" : `cannot be read (${code})`});
  }
}

function readText(path: string, file: string): string {
  return new TextDecoder().decode(readBytes(path, file));
}

function choiceVariable<T extends string>(env: Env, name: string, choices: readonly T[]): T | undefined {
  const text = env[name]?.trim();
  if (!text) return undefined;
  if (!choices.includes(text as T)) throw new InputError({file: name, value: text, reason: `is not supported (one of ${choices.join(", ")})`});
  return text as T;
}

function numberVariable(env: Env, name: string, {min = -Infinity, max = Infinity} = {}): number | undefined {
  const text = env[name]?.trim();
  if (!text) return undefined;
  const value = Number(text.replaceAll("_", ""));
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new InputError({file: name, value: text, reason: `must be a number${Number.isFinite(min) ? ` ≥ ${min}` : ""}${Number.isFinite(max) ? ` and ≤ ${max}` : ""}`});
  }
  return value;
}

function integerVariable(env: Env, name: string, range: {min?: number; max?: number} = {}): number | undefined {
  const value = numberVariable(env, name, range);
  if (value !== undefined && !Number.isInteger(value)) throw new InputError({file: name, value: env[name]!.trim(), reason: "must be a whole number"});
  return value;
}
