// One size of the pipeline benchmark, meant to run in a process of its own (index.ts spawns one per
// size, so that each size's peak memory is its own). Runs the report's stages as the build does and
// times each one; the source is split into "generate" and "dirt + clean", which syntheticLedger fuses
// into one stream.
//
//   tsx scripts/bench/pipeline.ts --invoices 200000 [--seed 20260930] [--future-days 91] [--out result.json]
import {writeFileSync} from "node:fs";
import {cpus, loadavg} from "node:os";
import {getHeapStatistics} from "node:v8";
import type {RawRow} from "../../lib/input/ledger.js";
import {dataStage} from "../../lib/pipeline/data.js";
import {modelStage} from "../../lib/model/index.js";
import type {ModelStage} from "../../lib/model/index.js";
import {portfolioStage, worklistCsv} from "../../lib/portfolio/index.js";
import {backtestStage} from "../../lib/backtest/index.js";
import {cleanSyntheticLedger, defaultSeed, draftSyntheticLedger, syntheticLedger} from "../../lib/pipeline/source.js";
import {defaultGeneratorOptions} from "../../lib/source/generate.js";
import type {SourcedLedger} from "../../lib/pipeline/source.js";
import type {StageHook} from "../../lib/pipeline/types.js";
import {tarGz} from "../../data-loaders/archive.js";
import type {ArchiveEntry} from "../../data-loaders/archive.js";
import {cpuMs, memory, recordingClock, sizeLabel, stepLog} from "./measure.js";
import type {MemorySample, StepRecord} from "./measure.js";

export interface FitRecord {
  family: string;
  variant: string;
  fitMs: number;
  fitCpuMs: number | null;
  /** Test AUC of this family × variant's own (uncalibrated) scores, from the comparison table. */
  testAuc: number | null;
  trainingRows: number | null;
}

export interface FamilyRecord {
  family: string;
  /** The variant the stage chose for this family on validation. */
  chosenVariant: string;
  /** Permutation importance of this family's chosen model, ms. */
  importanceMs: number;
  /**
   * Microseconds per predicted row, derived from permutation importance: its time divided by the rows it
   * predicts (1 + repeats × feature groups passes over the sampled test rows). Includes the shuffling and
   * the AUC of each pass, so it is an upper bound on the model's own predict cost.
   */
  predictUsPerRow: number | null;
  /** The same from CPU time. */
  predictCpuUsPerRow: number | null;
}

export interface PipelineResult {
  invoices: number;
  /** Invoices in the cleaned ledger (dirt adds duplicates, cleaning removes them and quarantines some). */
  cleanedInvoices: number;
  customers: number;
  seed: number;
  /** Days the generator simulated past the report date (the history only the backtest reads). */
  futureDays: number;
  /** Rows the generator produced: the invoices up to the report date and those issued in the days after it. */
  generatedRows: number;
  steps: StepRecord[];
  fits: FitRecord[];
  families: FamilyRecord[];
  /** The family × variant the report uses. */
  selected: {family: string; variant: string} | null;
  /** Bytes of each file the loader writes (JSON or CSV), before the archive's gzip. */
  files: {name: string; bytes: number}[];
  archiveBytes: number;
  /** Wall time of the stages (the source check excluded). */
  totalMs: number;
  peakRssMb: number;
  /** V8's heap limit in this process (--max-old-space-size or its default). */
  heapLimitMb: number;
  node: string;
  cpus: number;
  /** 1-minute load average when the size started and ended: others' work on the machine slows every figure. */
  loadAverage: {start: number; end: number};
  /** Whether the split source matched syntheticLedger on this size (checked up to 50,000 invoices). */
  sourceCheck: "matched" | "skipped" | string;
}

export interface PipelineOptions {
  invoices: number;
  seed?: number;
  /**
   * Days simulated past the report date (default: the generator's 91). 0 gives the ledger benches before
   * the backtest measured: the same rows up to the report date and none after it.
   */
  futureDays?: number;
  /** Compare the split generate / dirt + clean with syntheticLedger (doubles the source's cost). Default: up to 50,000 invoices. */
  checkSource?: boolean;
  /** Progress lines (stderr). */
  log?: (line: string) => void;
}

export function runPipeline({invoices, seed = defaultSeed, futureDays = defaultGeneratorOptions.futureDays, checkSource = invoices <= 50_000, log = () => {}}: PipelineOptions): PipelineResult {
  const loadStart = loadavg()[0];
  const started = performance.now();
  const log2 = stepLog();
  const say = (what: string) => log(`  ${sizeLabel(invoices)}: ${what} at ${((performance.now() - started) / 1000).toFixed(1)} s, peak RSS ${memory().peakRssMb.toFixed(0)} MB`);

  // Source, as syntheticLedger does it, with the lazy rows drained first so generation is timed apart.
  const rows = log2.time("source", "generate", () => {
    const draft = draftSyntheticLedger({seed, invoices, futureDays});
    return {draft, rows: Array.from(draft.synthetic.rows())};
  });
  say("generate");
  const generatedRows = rows.rows.length;
  const sourced = log2.time("source", "dirt + clean", (): SourcedLedger => cleanSyntheticLedger(rows.draft, rows.rows!));
  (rows as {rows: RawRow[] | null}).rows = null; // the build streams them; let them go before the next stages
  say("dirt + clean");
  // Untimed: the check builds the ledger a second time.
  const checkStart = performance.now();
  const sourceCheck = checkSource ? compareWithSyntheticLedger(sourced, invoices, seed, futureDays) : "skipped";
  const checkMs = performance.now() - checkStart;
  const {ledger} = sourced;

  const data = log2.time("data", "data", () => dataStage(sourced));
  say("data");

  const modelClock = recordingClock();
  const model = log2.time("model", "model", () => modelStage(ledger, {seed, clock: modelClock.clock}));
  say("model");
  const {fits, families, selected} = modelBreakdown(model, modelClock.cpuOf);
  recordModelSteps(log2, model, modelClock.cpuOf);

  const portfolioHook = stageRecorder(log2, "portfolio");
  const portfolio = log2.time("portfolio", "portfolio", () => portfolioStage(ledger, model.scores, {seed, onStage: portfolioHook}));
  const scenario = log2.steps.find((s) => s.stage === "portfolio" && s.step === "scenario");
  for (const [step, ms] of Object.entries(portfolio.timings)) {
    if (scenario && step.startsWith("scenario.")) log2.record("portfolio", step.replace(".", ": "), ms, {note: "portfolio timings", sample: scenario});
  }
  say("portfolio");

  const backtest = log2.time("backtest", "backtest", () =>
    backtestStage(
      {...sourced, reminderWindowDays: sourced.provenance.reminderWindowDays, scores: model.scores, features: model.features, recipe: model.recipe, portfolio},
      {seed, onStage: stageRecorder(log2, "backtest")}
    )
  );
  say("backtest");

  // What the loader does after buildReport: serialise every file and pack the archive.
  const files: {name: string; bytes: number}[] = [];
  const archive = log2.time("serialise", "serialise", () => {
    const entries: ArchiveEntry[] = [];
    const all = {...data.files, ...model.files, ...portfolio.files, ...backtest.files};
    for (const [name, value] of Object.entries(all)) entries.push({name: `${name}.json`, content: JSON.stringify(value)});
    entries.push({name: "cleaned-ledger.csv", content: Array.from(data.cleanedCsv()).join("")});
    entries.push({name: "worklist.csv", content: worklistCsv(portfolio.worklist, {currency: ledger.currency})});
    for (const entry of entries) files.push({name: entry.name, bytes: Buffer.byteLength(entry.content as string)});
    return tarGz(entries);
  });
  say("serialise");

  const totalMs = performance.now() - started - checkMs;
  return {
    invoices,
    cleanedInvoices: ledger.invoices.length,
    customers: ledger.customers.length,
    seed,
    futureDays,
    generatedRows,
    steps: log2.steps,
    fits,
    families,
    selected,
    files,
    archiveBytes: archive.length,
    totalMs,
    peakRssMb: memory().peakRssMb,
    heapLimitMb: getHeapStatistics().heap_size_limit / 1_048_576,
    node: process.version,
    cpus: cpus().length,
    loadAverage: {start: loadStart, end: loadavg()[0]},
    sourceCheck
  };
}

/** The model stage's own timings as rows under "model" (memory: only the stage's end is observable). */
function recordModelSteps(log: ReturnType<typeof stepLog>, model: ModelStage, cpuOf: (ms: number) => number | null): void {
  const after = log.steps[log.steps.length - 1];
  const {steps, fits, importance} = model.timings;
  const sample: MemorySample = {peakRssMb: after.peakRssMb, rssMb: after.rssMb, heapUsedMb: after.heapUsedMb};
  const sum = (values: (number | null)[]) => values.reduce<number | null>((s, v) => (s === null || v === null ? null : s + v), 0);
  for (const [step, ms] of Object.entries(steps)) {
    if (step === "fit") {
      for (const family of new Set(fits.map((f) => f.family))) {
        const mine = fits.filter((f) => f.family === family);
        log.record("model", `fit ${family} (3 variants)`, mine.reduce((s, f) => s + f.ms, 0), {note: "timings.fits", cpu: sum(mine.map((f) => cpuOf(f.ms))), sample});
      }
      const fitCpu = sum(fits.map((f) => cpuOf(f.ms)));
      const stepCpu = cpuOf(ms);
      log.record("model", "evaluate 9 fits", ms - fits.reduce((s, f) => s + f.ms, 0), {
        note: "timings.steps.fit − Σ timings.fits: predict validation + test, calibrate, threshold",
        cpu: fitCpu === null || stepCpu === null ? null : stepCpu - fitCpu,
        sample
      });
    } else if (step === "importance") {
      for (const {family, ms: familyMs} of importance) log.record("model", `importance ${family}`, familyMs, {note: "timings.importance", cpu: cpuOf(familyMs), sample});
    } else {
      log.record("model", step, ms, {note: "timings.steps", cpu: cpuOf(ms), sample});
    }
  }
}

function modelBreakdown(model: ModelStage, cpuOf: (ms: number) => number | null): {fits: FitRecord[]; families: FamilyRecord[]; selected: PipelineResult["selected"]} {
  const file = model.files.model as {
    comparison?: {family: string; variant: string; testAuc: number | null; trainingRows: number; selected: boolean}[];
    features?: {groups?: unknown[]};
    settings?: {importance?: {repeats?: number; maxRows?: number}};
  };
  const comparison = file.comparison ?? [];
  const fits = model.timings.fits.map((f): FitRecord => {
    const row = comparison.find((r) => r.family === f.family && r.variant === f.variant);
    return {family: f.family, variant: f.variant, fitMs: f.ms, fitCpuMs: cpuOf(f.ms), testAuc: row?.testAuc ?? null, trainingRows: row?.trainingRows ?? null};
  });
  const groups = file.features?.groups?.length ?? NaN;
  const repeats = file.settings?.importance?.repeats ?? NaN;
  const maxRows = file.settings?.importance?.maxRows ?? NaN;
  const rows = Math.min(model.tables.test.y.length, maxRows);
  const families = model.timings.importance.map(({family, ms}): FamilyRecord => {
    const predictions = (1 + repeats * groups) * rows;
    const cpu = cpuOf(ms);
    return {
      family,
      chosenVariant: model.tables.testVariants[family],
      importanceMs: ms,
      predictUsPerRow: Number.isFinite(predictions) && predictions > 0 ? (ms * 1000) / predictions : null,
      predictCpuUsPerRow: Number.isFinite(predictions) && predictions > 0 && cpu !== null ? (cpu * 1000) / predictions : null
    };
  });
  const chosen = comparison.find((r) => r.selected);
  return {fits, families, selected: chosen ? {family: chosen.family, variant: chosen.variant} : null};
}

/**
 * A stage's steps from its own start/end events (`stage/step`), with the memory at each end. A step run
 * several times (the backtest's per-origin steps) is recorded once, with its times summed.
 */
function stageRecorder(log: ReturnType<typeof stepLog>, name: string): StageHook {
  const starts = new Map<string, {wall: number; cpu: number}>();
  const prefix = `${name}/`;
  return ({stage, phase}) => {
    if (!stage.startsWith(prefix)) return;
    const step = stage.slice(prefix.length);
    if (phase === "start") {
      starts.set(step, {wall: performance.now(), cpu: cpuMs()});
      return;
    }
    const start = starts.get(step) ?? {wall: NaN, cpu: NaN};
    const wall = performance.now() - start.wall, cpu = cpuMs() - start.cpu;
    const earlier = log.steps.find((s) => s.stage === name && s.step === step);
    if (!earlier) log.record(name, step, wall, {cpu});
    else Object.assign(earlier, memory(), {ms: earlier.ms + wall, cpuMs: earlier.cpuMs === null ? null : earlier.cpuMs + cpu});
  };
}

/** The split source must build the very ledger syntheticLedger builds; compared by a digest of every invoice. */
function compareWithSyntheticLedger(sourced: SourcedLedger, invoices: number, seed: number, futureDays: number): string {
  const reference = syntheticLedger({invoices, seed, futureDays});
  const digest = (s: SourcedLedger) => JSON.stringify([s.ledger.invoices.length, s.ledger.customers.length, s.provenance.dirt, s.report]);
  const same = digest(reference) === digest(sourced) && reference.ledger.invoices.every((invoice, i) => JSON.stringify(invoice) === JSON.stringify(sourced.ledger.invoices[i]));
  return same ? "matched" : "DIFFERS from syntheticLedger";
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const invoices = Number(argument("invoices") ?? 25_000);
  const seed = Number(argument("seed") ?? defaultSeed);
  const out = argument("out");
  const futureDays = argument("future-days");
  const result = runPipeline({invoices, seed, futureDays: futureDays === undefined ? undefined : Number(futureDays), log: (line) => process.stderr.write(`${line}\n`)});
  const json = JSON.stringify(result, null, 1);
  if (out) writeFileSync(out, json);
  else process.stdout.write(`${json}\n`);
}
