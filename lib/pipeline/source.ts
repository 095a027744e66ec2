// Where the report's ledger comes from: the seeded synthetic generator (dirtied, then cleaned like any
// export, so the cleaning report shows real work) or the user's own CSV text. Reading the file is the
// loader's job; this module only sees text or a table. Either way the result is the ledger as it stood
// on the report date, which every stage reads, and the history beyond it, which only the backtest reads.
import {cleanLedger, FormatsRevised} from "../clean/index.js";
import type {AsOfChoice, CleanedLedger, CleaningReport} from "../clean/index.js";
import {createDirtTally, defaultDirtRate, dirtDescriptions, injectDirt} from "../source/dirt.js";
import type {DirtKind} from "../source/dirt.js";
import {generateLedger} from "../source/generate.js";
import type {GeneratorOptions, SyntheticLedger} from "../source/generate.js";
import {rawColumns} from "../input/ledger.js";
import type {Ledger, RawRow} from "../input/ledger.js";
import type {ColumnMapping, ColumnOverrides, InputColumn} from "../input/mapping.js";
import {headerLikeness, inputColumns, mapColumns, mappedRows, numberedRows} from "../input/mapping.js";
import {inferFormats} from "../input/infer.js";
import type {ColumnFormat, InferredFormats} from "../input/infer.js";
import {readPayments} from "../input/payments.js";
import {textTable} from "../input/table.js";
import type {InputTable} from "../input/table.js";
import type {DecimalSeparator} from "../input/values.js";
import {createRandom, defaultSeed} from "../core/random.js";
import type {Random} from "../core/random.js";
import type {Day} from "../core/dates.js";
import {formatIsoDay} from "../core/dates.js";
import type {DateFormat} from "../clean/index.js";
import type {InputProvenance, LedgerProvenance} from "./contract.js";

export type {InputProvenance, LedgerProvenance} from "./contract.js";

/** A payment this many days after the last reminder counts as prompted by it (the generator's reminder lag). */
export const syntheticReminderWindowDays = 7;

export interface SyntheticSourceOptions extends GeneratorOptions {
  seed?: number;
  /** Share of rows given one kind of dirt. Default 2 %. */
  dirtRate?: number;
}

export interface FileSourceOptions {
  /** The user's file as a table (`readTable`: CSV in any encoding, or a workbook). */
  table: InputTable;
  /** Explicit `{canonical: "Their Header"}` choices; common header names are recognised without it. */
  columns?: ColumnOverrides;
  asOf?: Day;
  /** Where `asOf` came from, for the message when it is out of range ("AR_AS_OF"). */
  asOfSource?: string;
  /** Every date column's layout, instead of inferring it. */
  dateFormat?: DateFormat;
  /** Every number column's decimal separator, instead of inferring it. */
  decimal?: DecimalSeparator;
  /** Largest share of rows a column's unreadable values may set aside (default 0.02). */
  unreadableShare?: number;
  /** The currency of amounts whose row names none (AR_CURRENCY or the mapping's currency). */
  currency?: string;
  /** A separate payments file (invoice id, date, amount per receipt). */
  payments?: InputTable;
  reminderWindowDays?: number;
}

export interface CsvSourceOptions extends Omit<FileSourceOptions, "table"> {
  /** Name of the file, for messages and the Data page. */
  file: string;
  text: string;
}

export interface SourcedLedger {
  /** The ledger as it stood on the report date (`ledger.asOf`): what every stage reads. */
  ledger: Ledger;
  /** The ledger as recorded, to the last day of data: read by the backtest alone. */
  history: Ledger;
  /** How the report date was chosen, and the last day of data. */
  asOf: AsOfChoice;
  report: CleaningReport;
  provenance: LedgerProvenance;
}

export {defaultSeed};

/**
 * Rows format inference reads before cleaning starts, when they decide every column; cleaning checks
 * the decision against every value. A few thousand rows settle real files; reading them all twice
 * would cost a second pass over a million-row export.
 */
export const prefixRows = 20_000;

/** The generated ledger before dirt and cleaning, with the random stream the later steps continue. */
export interface SyntheticDraft {
  synthetic: SyntheticLedger;
  seed: number;
  dirtRate: number;
  random: Random;
}

/** Generates, dirties and cleans the synthetic ledger. */
export function syntheticLedger(options: SyntheticSourceOptions = {}): SourcedLedger {
  return cleanSyntheticLedger(draftSyntheticLedger(options));
}

/** Step one of `syntheticLedger`: the generator, whose rows are produced lazily. */
export function draftSyntheticLedger(options: SyntheticSourceOptions = {}): SyntheticDraft {
  const {seed = defaultSeed, dirtRate = defaultDirtRate, ...generatorOptions} = options;
  const random = createRandom(seed);
  return {synthetic: generateLedger(generatorOptions, random.fork("generate")), seed, dirtRate, random};
}

/**
 * Step two: dirt, then cleaning like any export. `rows` defaults to the draft's own stream; the benchmark
 * passes them already drained so that generation is timed on its own.
 */
export function cleanSyntheticLedger({synthetic, seed, dirtRate, random}: SyntheticDraft, rows: Iterable<RawRow> = synthetic.rows()): SourcedLedger {
  const tally = createDirtTally();
  // Mistyped dates land past the last simulated day, where cleaning finds them as typos.
  const dirty = injectDirt(rows, {rate: dirtRate, asOf: synthetic.end}, random.fork("dirt"), tally);
  const file = `synthetic-ledger-seed-${seed}.csv`;
  const {ledger, history, asOf, report} = cleanLedger(numberedRows(dirty), {
    file,
    asOf: synthetic.asOf,
    endOfData: synthetic.end,
    payments: synthetic.payments(),
    negativeAmounts: "quarantine",
    reminderWindowDays: syntheticReminderWindowDays,
    source: {kind: "synthetic", name: "Synthetic ledger (seeded generator)", seed}
  });
  return {
    ledger,
    history,
    asOf,
    report,
    provenance: {
      kind: "synthetic",
      file,
      seed,
      generator: synthetic.options,
      dirtRate,
      dirt: (Object.keys(dirtDescriptions) as DirtKind[]).map((kind) => ({kind, description: dirtDescriptions[kind], rows: tally.injected[kind]})),
      mapping: null,
      reminderWindowDays: syntheticReminderWindowDays
    }
  };
}

/** Reads, maps and cleans a user's CSV text (tests and callers that hold text). */
export function csvLedger({file, text, ...options}: CsvSourceOptions): SourcedLedger {
  return fileLedger({...options, table: textTable(text, null, {file, headerScore: headerLikeness(options.columns)})});
}

/**
 * Maps, infers each column's format from all its values, and cleans a user's export (with its payments
 * file, if any). Bad input throws an InputError naming file, row and column.
 */
export function fileLedger({table, columns, asOf, asOfSource, dateFormat, decimal, unreadableShare, currency, payments, reminderWindowDays = 14}: FileSourceOptions): SourcedLedger {
  const {file} = table;
  const mapping = mapColumns(table.header, {file, columns});
  const formatOptions = {file, dateFormat, decimal};
  // Formats come from the first rows when those decide every column; cleaning then counts every value
  // and, where all of them choose otherwise, the file is cleaned again in their formats.
  const prefix = inferFormats((only) => table.records(only), mapping, {...formatOptions, maxRows: prefixRows});
  const receipts = payments ? readPayments(payments.header, payments.records, {file: payments.file, dateFormat, decimal, unreadableShare}) : null;
  const clean = (formats: InferredFormats, verify: boolean) =>
    cleanLedger(mappedRows(table.records(), mapping), {
      file,
      mapping,
      formats,
      verifyFormats: verify ? formatOptions : undefined,
      asOf,
      asOfSource,
      reminderWindowDays,
      unreadableShare,
      currency,
      receipts: receipts?.index,
      negativeAmounts: "quarantine"
    });
  let cleaned: CleanedLedger;
  try {
    cleaned = clean(prefix, !prefix.complete);
  } catch (error) {
    if (!(error instanceof FormatsRevised)) throw error;
    cleaned = clean(error.formats, false);
  }
  const {ledger, history, asOf: choice, report} = cleaned;
  const formats = cleaned.formats ?? prefix;
  const input: InputProvenance = {
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    sheet: table.sheet,
    headerLine: table.headerLine,
    titleLines: table.titleLines,
    formats: formats.columns,
    passedOver: Object.entries(mapping.passedOver).map(([column, headers]) => ({column, headers: headers!})),
    byWords: mapping.byWords ?? [],
    amountFromOpenAmount: mapping.amountFromOpenAmount ?? false,
    mappingJson: reproducingMapping(mapping, formats.columns, table, {asOf, unreadableShare, currency: report.currency}),
    payments: receipts?.report ?? null
  };
  return {
    ledger,
    history,
    asOf: choice,
    report,
    provenance: {kind: "csv", file, seed: null, generator: null, dirtRate: null, dirt: null, mapping: mappingRows(mapping), reminderWindowDays, input}
  };
}

/** The AR_MAPPING file that reads the same columns in the same formats without inferring anything. */
function reproducingMapping(
  mapping: ColumnMapping,
  formats: readonly ColumnFormat[],
  table: InputTable,
  {asOf, unreadableShare, currency}: {asOf?: Day; unreadableShare?: number; currency: CleaningReport["currency"]}
): InputProvenance["mappingJson"] {
  const columns: Record<string, string> = {};
  for (const column of inputColumns) {
    const header = mapping.headers[column as InputColumn];
    if (header !== undefined && !(column === "customer_id" && mapping.customerIdFromName)) columns[column] = header;
  }
  const json: InputProvenance["mappingJson"] = {columns};
  const dates = formats.filter((f) => f.kind === "date" && f.values > 0 && f.format !== "YYYY-MM-DD");
  if (dates.length) json.dateFormat = mostCommon(dates.map((f) => f.format));
  const numbers = formats.filter((f) => f.kind === "number" && f.values > 0);
  if (numbers.length) json.decimalSeparator = mostCommon(numbers.map((f) => f.format));
  if (table.sheet !== null && table.sheet !== 1) json.sheet = table.sheet;
  if (asOf !== undefined) json.asOf = formatIsoDay(asOf);
  if (unreadableShare !== undefined) json.unreadableShare = unreadableShare;
  // A currency the file does not name is written down, assumed or set, so the build says it outright.
  if (currency.from === "setting" || currency.from === "assumed") json.currency = currency.code;
  return json;
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

function mappingRows(mapping: ColumnMapping): {column: string; header: string | null}[] {
  return rawColumns.map((column) => ({column, header: mapping.headers[column] ?? null}));
}
