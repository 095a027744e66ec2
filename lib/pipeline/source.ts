// Where the report's ledger comes from: the seeded synthetic generator (dirtied, then cleaned like any
// export, so the cleaning report shows real work) or the user's own CSV text. Reading the file is the
// loader's job; this module only sees text. Either way the result is the ledger as it stood on the report
// date, which every stage reads, and the history beyond it, which only the backtest reads.
import {cleanCsv, cleanLedger} from "../clean/index.js";
import type {AsOfChoice, CleaningReport} from "../clean/index.js";
import {createDirtTally, defaultDirtRate, dirtDescriptions, injectDirt} from "../source/dirt.js";
import type {DirtKind} from "../source/dirt.js";
import {generateLedger} from "../source/generate.js";
import type {GeneratorOptions, SyntheticLedger} from "../source/generate.js";
import {rawColumns} from "../input/ledger.js";
import type {Ledger, RawRow} from "../input/ledger.js";
import type {ColumnMapping, ColumnOverrides} from "../input/mapping.js";
import {numberedRows} from "../input/mapping.js";
import {createRandom} from "../core/random.js";
import type {Random} from "../core/random.js";
import type {Day} from "../core/dates.js";
import type {DateFormat} from "../clean/index.js";
import type {LedgerProvenance} from "./contract.js";

export type {LedgerProvenance} from "./contract.js";

/** A payment this many days after the last reminder counts as prompted by it (the generator's reminder lag). */
export const syntheticReminderWindowDays = 7;

export interface SyntheticSourceOptions extends GeneratorOptions {
  seed?: number;
  /** Share of rows given one kind of dirt. Default 2 %. */
  dirtRate?: number;
}

export interface CsvSourceOptions {
  /** Name of the file, for messages and the Data page. */
  file: string;
  text: string;
  /** Explicit `{canonical: "Their Header"}` choices; common header names are recognised without it. */
  columns?: ColumnOverrides;
  asOf?: Day;
  /** Where `asOf` came from, for the message when it is out of range ("AR_AS_OF"). */
  asOfSource?: string;
  dateFormat?: DateFormat;
  reminderWindowDays?: number;
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

export const defaultSeed = 20260930;

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

/** Reads, maps and cleans a user's invoice export. Bad input throws an InputError naming file, row and column. */
export function csvLedger({file, text, columns, asOf, asOfSource, dateFormat, reminderWindowDays = 14}: CsvSourceOptions): SourcedLedger {
  const {ledger, history, asOf: choice, report, mapping} = cleanCsv(text, {file, columns, asOf, asOfSource, dateFormat, reminderWindowDays, negativeAmounts: "error"});
  return {
    ledger,
    history,
    asOf: choice,
    report,
    provenance: {kind: "csv", file, seed: null, generator: null, dirtRate: null, dirt: null, mapping: mappingRows(mapping), reminderWindowDays}
  };
}

function mappingRows(mapping: ColumnMapping): {column: string; header: string | null}[] {
  return rawColumns.map((column) => ({column, header: mapping.headers[column] ?? null}));
}
