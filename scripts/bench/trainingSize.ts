// Does test AUC level off with more training invoices? One large synthetic ledger, its features and time
// split computed once as the model stage does; then each family (no re-weighting) fitted on growing,
// seeded uniform samples of the training slice — the model stage's own `capRows` — and scored on the whole
// test slice. The table is the evidence for the model stage's `maxTrainingRows` and is committed in
// benchmarks/training-size.md (`npm run bench` rewrites it; `--skip-training` leaves it).
//
//   npm run bench -- [--training-invoices 600k] [--training-rows 10k,25k,50k,100k,200k,300k] [--skip-training]
//   tsx scripts/bench/trainingSize.ts [--invoices 600k] [--rows …] [--families boosting,forest,logistic] [--seed N] [--out result.json]
import {writeFileSync} from "node:fs";
import {cpus, loadavg} from "node:os";
import {join} from "node:path";
import {capRows} from "../../lib/model/capRows.js";
import {defaultFamilySettings, familyNames, fitFamily} from "../../lib/model/families.js";
import type {FamilyKey} from "../../lib/model/families.js";
import {invoiceFeatures} from "../../lib/model/features/index.js";
import {averagePrecision, rocAuc} from "../../lib/model/metrics.js";
import {sliceDataset, timeSplit} from "../../lib/model/split.js";
import {createRandom} from "../../lib/core/random.js";
import {defaultSeed, syntheticLedger} from "../../lib/pipeline/source.js";
import {root} from "../site.js";
import {cpuMs, parseSize, sizeLabel} from "./measure.js";
import {fixed, formatTable, seconds} from "./table.js";
import type {Table} from "./table.js";

export interface TrainingSizeOptions {
  invoices: number;
  rows: number[];
  families: FamilyKey[];
  seed: number;
  log?: (line: string) => void;
}

export interface TrainingSizePoint {
  family: FamilyKey;
  /** Rows asked for and rows the model saw (fewer when the training slice is smaller). */
  rows: number;
  trainingRows: number;
  fitMs: number;
  fitCpuMs: number;
  testAuc: number;
  testPrAuc: number;
}

export interface TrainingSizeResult {
  invoices: number;
  seed: number;
  trainingSlice: number;
  testSlice: number;
  points: TrainingSizePoint[];
  machine: {cpus: number; loadAverage: {start: number; end: number}};
}

export function measureTrainingSizes({invoices, rows, families, seed, log = () => {}}: TrainingSizeOptions): TrainingSizeResult {
  const loadStart = loadavg()[0];
  log(`training size: generating and cleaning ${sizeLabel(invoices)} invoices`);
  const {ledger} = syntheticLedger({seed, invoices});
  const split = timeSplit(ledger);
  log(`training size: features of ${ledger.invoices.length.toLocaleString("en-US")} invoices`);
  const features = invoiceFeatures(ledger, {categoriesKnownBefore: split.validationStart});
  const train = sliceDataset(features, split.train);
  const test = sliceDataset(features, split.test);
  const modelSeed = String(defaultSeed);
  const points: TrainingSizePoint[] = [];
  for (const family of families) {
    for (const cap of rows) {
      // The same sample the model stage would draw at this cap.
      const sample = capRows(train, cap, createRandom(`${modelSeed}:training rows`));
      const cpu = cpuMs();
      const start = performance.now();
      const model = fitFamily(family, "none", sample, defaultFamilySettings, modelSeed);
      const fitMs = performance.now() - start;
      const fitCpuMs = cpuMs() - cpu;
      const scores = model.classifier.predict(test.x);
      const point = {family, rows: cap, trainingRows: sample.x.rows, fitMs, fitCpuMs, testAuc: rocAuc(test.y, scores), testPrAuc: averagePrecision(test.y, scores)};
      points.push(point);
      log(`training size: ${family} on ${sizeLabel(point.trainingRows)} rows: test ROC AUC ${point.testAuc.toFixed(4)}, fit ${(fitCpuMs / 1000).toFixed(1)} s CPU`);
      if (sample.x.rows < cap) break; // the whole slice: larger caps would fit the same rows again
    }
  }
  return {invoices, seed, trainingSlice: train.x.rows, testSlice: test.x.rows, points, machine: {cpus: cpus().length, loadAverage: {start: loadStart, end: loadavg()[0]}}};
}

/** One row per training size, a column pair (test ROC AUC, fit CPU) per family. */
export function trainingSizeTable(result: TrainingSizeResult): Table {
  const families = [...new Set(result.points.map((p) => p.family))];
  const sizes = [...new Set(result.points.map((p) => p.trainingRows))].sort((a, b) => a - b);
  return {
    title: `Test AUC by training rows (${sizeLabel(result.invoices)}-invoice synthetic ledger, seed ${result.seed})`,
    columns: ["training rows", ...families.flatMap((f) => [`${familyNames[f]}: ROC AUC`, "PR AUC", "fit CPU s"])],
    rows: sizes.map((size) => [
      size.toLocaleString("en-US"),
      ...families.flatMap((family) => {
        const p = result.points.find((q) => q.family === family && q.trainingRows === size);
        return p ? [fixed(p.testAuc, 4), fixed(p.testPrAuc, 4), seconds(p.fitCpuMs)] : [null, null, null];
      })
    ]),
    notes: [
      `Each row: the family with no re-weighting, fitted on a seeded uniform sample of that many invoices of the ${result.trainingSlice.toLocaleString("en-US")}-invoice training slice (lib/model/capRows.ts, as the model stage draws it),`,
      `scored on the whole test slice (${result.testSlice.toLocaleString("en-US")} invoices). Fit CPU is user + system time of the fit alone, on ${result.machine.cpus} cores (load average ${result.machine.loadAverage.start.toFixed(1)} → ${result.machine.loadAverage.end.toFixed(1)}).`
    ]
  };
}

/** The committed Markdown file: the table and how to reproduce it. */
export function trainingSizeMarkdown(result: TrainingSizeResult, command: string): string {
  return [
    "# Training rows against test AUC",
    "",
    "Why the model stage fits on at most `maxTrainingRows` invoices (lib/model/index.ts). Written by `npm run bench`",
    `(scripts/bench/trainingSize.ts); this run: \`${command}\`. AUCs are deterministic for a seed; times depend on the machine.`,
    "",
    formatTable(trainingSizeTable(result), "markdown")
  ].join("\n");
}

export const trainingSizeFile = join(root, "benchmarks/training-size.md");

// Run directly: measure and write the committed table.
if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const value = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
  };
  const options: TrainingSizeOptions = {
    invoices: parseSize(value("invoices", "600k")),
    rows: value("rows", "10k,25k,50k,100k,200k,300k").split(",").map(parseSize),
    families: value("families", "boosting,forest,logistic").split(",") as FamilyKey[],
    seed: Number(value("seed", String(defaultSeed))),
    log: (line) => process.stderr.write(`${line}\n`)
  };
  const out = argv.indexOf("--out") >= 0 ? argv[argv.indexOf("--out") + 1] : null;
  const result = measureTrainingSizes(options);
  if (out) writeFileSync(out, JSON.stringify(result, null, 1));
  else process.stdout.write(`\n${formatTable(trainingSizeTable(result))}\n`);
  const command = `npm run bench -- --training-invoices ${sizeLabel(options.invoices)} --training-rows ${options.rows.map(sizeLabel).join(",")}`;
  writeFileSync(trainingSizeFile, trainingSizeMarkdown(result, command));
  process.stderr.write(`training size: wrote ${trainingSizeFile.replace(`${root}/`, "")}\n`);
}
