// Reads what the build was asked to report on from the environment: the user's CSV (AR_DATA, with an
// optional column mapping in AR_MAPPING) or the synthetic generator's parameters. Every mistake becomes
// an InputError naming the variable or file, so the loader can print one clear line and exit non-zero.
import {readFileSync} from "node:fs";
import {basename} from "node:path";
import {dateFormats} from "../lib/input/values.js";
import type {DateFormat} from "../lib/input/values.js";
import {parseIsoDay} from "../lib/core/dates.js";
import {InputError} from "../lib/core/errors.js";
import {rawColumns} from "../lib/input/ledger.js";
import type {RawColumn} from "../lib/input/ledger.js";
import type {ColumnOverrides} from "../lib/input/mapping.js";
import {csvLedger, defaultSeed, syntheticLedger} from "../lib/pipeline/source.js";
import type {SourcedLedger} from "../lib/pipeline/source.js";

type Env = Record<string, string | undefined>;

export interface ReportInput {
  seed: number;
  load(): SourcedLedger;
  describe: string;
}

export function reportInput(env: Env = process.env): ReportInput {
  const seed = integerVariable(env, "AR_SEED", {min: 0}) ?? defaultSeed;
  const asOfText = env.AR_AS_OF?.trim();
  const asOf = asOfText ? parseIsoDay(asOfText) : undefined;
  if (asOfText && asOf === undefined) throw new InputError({file: "AR_AS_OF", value: asOfText, reason: "is not a date (expected YYYY-MM-DD)"});
  const path = env.AR_DATA?.trim();
  if (path) {
    const mapping = readMapping(env.AR_MAPPING?.trim());
    const file = basename(path);
    return {
      seed,
      describe: `your CSV ${file}`,
      load: () =>
        csvLedger({
          file,
          text: readText(path, file),
          columns: mapping.columns,
          dateFormat: mapping.dateFormat,
          asOf: asOf ?? mapping.asOf,
          asOfSource: asOf !== undefined ? "AR_AS_OF" : `${basename(env.AR_MAPPING?.trim() ?? "")}, asOf`
        })
    };
  }
  const invoices = integerVariable(env, "AR_INVOICES", {min: 100});
  const customers = integerVariable(env, "AR_CUSTOMERS", {min: 1});
  const months = integerVariable(env, "AR_MONTHS", {min: 24});
  const dirtRate = numberVariable(env, "AR_DIRT_RATE", {min: 0, max: 0.5});
  return {
    seed,
    describe: `the synthetic ledger (seed ${seed})`,
    load: () => syntheticLedger({seed, invoices, customers, months, asOf, dirtRate})
  };
}

interface MappingFile {
  columns?: ColumnOverrides;
  dateFormat?: DateFormat;
  asOf?: number;
}

/** AR_MAPPING: `{"columns": {"invoice_id": "Doc No", ...}, "dateFormat": "DD/MM/YYYY", "asOf": "2025-06-30"}`. */
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
  const {columns = {}, dateFormat, asOf, ...rest} = json as Record<string, unknown>;
  const unknownKeys = Object.keys(rest);
  if (unknownKeys.length) throw new InputError({file, value: unknownKeys[0], reason: "is not a mapping setting (use columns, dateFormat, asOf)"});
  if (typeof columns !== "object" || columns === null || Array.isArray(columns)) throw new InputError({file, column: "columns", reason: "must map ledger columns to your headers"});
  for (const [column, header] of Object.entries(columns)) {
    if (!rawColumns.includes(column as RawColumn)) throw new InputError({file, column: "columns", value: column, reason: `is not a ledger column (one of ${rawColumns.join(", ")})`});
    if (typeof header !== "string") throw new InputError({file, column: `columns.${column}`, reason: "must be the header text in your file"});
  }
  if (dateFormat !== undefined && !dateFormats.includes(dateFormat as DateFormat)) {
    throw new InputError({file, column: "dateFormat", value: String(dateFormat), reason: `is not supported (one of ${dateFormats.join(", ")})`});
  }
  let asOfDay: number | undefined;
  if (asOf !== undefined) {
    asOfDay = typeof asOf === "string" ? parseIsoDay(asOf) : undefined;
    if (asOfDay === undefined) throw new InputError({file, column: "asOf", value: String(asOf), reason: "is not a date (expected YYYY-MM-DD)"});
  }
  return {columns: columns as ColumnOverrides, dateFormat: dateFormat as DateFormat | undefined, asOf: asOfDay};
}

function readText(path: string, file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError({file, reason: code === "ENOENT" ? `does not exist (looked for ${path})` : code === "EISDIR" ? "is a folder, not a file" : `cannot be read (${code})`});
  }
  // NUL bytes mean a spreadsheet or archive, not text; lib/input/csv.ts says so with the file's name.
  return bytes.toString("utf8");
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
