// `npm run export`: the model's and the segmentation's tables as CSV, so that anyone can check the
// report's numbers with another toolkit (scripts/bench/peer.py: scikit-learn and XGBoost).
//
//   npm run export [-- --invoices 25000] [--seed 20260930] [--out exports]
//
// exports/train.csv, test.csv   feature columns (as the models see them), paid_late, invoice_date
// exports/scores-<family>.csv   y_true,y_score: each family's calibrated test scores (its chosen variant)
// exports/customers.csv         customer_id, the standardised features k-means clusters, cluster_k2..k10,
//                               segment (letter at the chosen k) and, last, cluster (rank at the chosen k)
// exports/summary.json          our side of the comparison: fit times, AUCs, inertia and silhouette per k
//
// Everything is computed by the report's own stage functions on the synthetic ledger of the build.
import {createWriteStream, mkdirSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {once} from "node:events";
import {csvLines, toCsv} from "../lib/input/csv.js";
import type {CsvValue} from "../lib/input/csv.js";
import {formatIsoDay} from "../lib/core/dates.js";
import {averagePrecision, brierScore, rocAuc} from "../lib/model/metrics.js";
import {createRandom} from "../lib/core/random.js";
import {familyKeys, modelStage} from "../lib/model/index.js";
import type {FamilyKey, ModelStage} from "../lib/model/index.js";
import {round} from "../lib/core/json.js";
import {portfolioStage} from "../lib/portfolio/index.js";
import {defaultSeed, syntheticLedger} from "../lib/pipeline/source.js";
import {customerFeatures} from "../lib/segments/customerFeatures.js";
import type {CustomerFeatureTable} from "../lib/segments/customerFeatures.js";
import {segmentCustomers} from "../lib/segments/segmentCustomers.js";
import type {Segmentation} from "../lib/segments/segmentCustomers.js";
import {timeSplit} from "../lib/model/split.js";
import type {Ledger} from "../lib/input/ledger.js";
import {recordingClock} from "./bench/measure.js";
import {root} from "./site.js";

export interface ExportOptions {
  /** Synthetic invoices (default 25,000, the build's default). */
  invoices?: number;
  seed?: number;
  /** Output folder (default exports/ at the project root). */
  dir?: string;
  log?: (line: string) => void;
}

export interface ExportedFamily {
  family: FamilyKey;
  /** The variant whose scores are exported (the one the stage chose for this family). */
  chosenVariant: string;
  scoresFile: string;
  /** Our fit time on the training slice as it is (variant "none": the same rows scikit-learn gets), ms. */
  fitMsNone: number;
  /** Our fit time of the exported variant, ms. */
  fitMsChosen: number;
  /** The same two in CPU time (user + system of the process), ms: what a busy machine does not inflate. */
  fitCpuMsNone: number | null;
  fitCpuMsChosen: number | null;
  /** Test AUC of the "none" variant's own scores (from the comparison table). */
  testAucNone: number | null;
  /** Metrics of the exported (calibrated, chosen-variant) scores, by lib/model/metrics.ts. */
  exported: {rocAuc: number; prAuc: number; brier: number};
}

export interface ExportSummary {
  dir: string;
  invoices: number;
  seed: number;
  featureNames: readonly string[];
  trainRows: number;
  testRows: number;
  families: ExportedFamily[];
  clustering: {
    customersFile: string;
    columns: string[];
    customers: number;
    chosenK: number;
    perK: {k: number; inertia: number; silhouette: number; silhouetteExact: boolean}[];
  };
  /** Milliseconds: the model stage and the segmentation as run here. */
  timings: {modelStage: number; segmentation: number};
}

export async function runExport({invoices = 25_000, seed = defaultSeed, dir = join(root, "exports"), log = () => {}}: ExportOptions = {}): Promise<ExportSummary> {
  mkdirSync(dir, {recursive: true});
  log(`export: synthetic ledger of ${invoices.toLocaleString("en")} invoices, seed ${seed}`);
  const {ledger} = syntheticLedger({invoices, seed});
  let start = performance.now();
  const clock = recordingClock();
  const model = modelStage(ledger, {seed, clock: clock.clock});
  const modelMs = performance.now() - start;
  log(`export: model stage in ${(modelMs / 1000).toFixed(1)} s`);

  const {tables} = model;
  const trainIndices = trainingIndices(ledger, model);
  const columns = [...tables.featureNames, "paid_late", "invoice_date"];
  await writeLines(join(dir, "train.csv"), csvLines(columns, datasetRows(ledger, tables.train, trainIndices)));
  await writeLines(join(dir, "test.csv"), csvLines(columns, datasetRows(ledger, tables.test, tables.testIndices)));

  const families = familyKeys.map((family): ExportedFamily => {
    const scores = tables.testScores[family];
    const scoresFile = `scores-${family}.csv`;
    writeFileSync(join(dir, scoresFile), toCsv(["y_true", "y_score"], Array.from(scores, (score, i) => [tables.test.y[i], score])));
    const fit = (variant: string) => model.timings.fits.find((f) => f.family === family && f.variant === variant)?.ms ?? NaN;
    const fitCpu = (variant: string) => clock.cpuOf(fit(variant));
    const comparison = (model.files.model as {comparison: {family: string; variant: string; testAuc: number | null}[]}).comparison;
    return {
      family,
      chosenVariant: tables.testVariants[family],
      scoresFile,
      fitMsNone: fit("none"),
      fitMsChosen: fit(tables.testVariants[family]),
      fitCpuMsNone: fitCpu("none"),
      fitCpuMsChosen: fitCpu(tables.testVariants[family]),
      testAucNone: comparison.find((r) => r.family === family && r.variant === "none")?.testAuc ?? null,
      exported: {rocAuc: rocAuc(tables.test.y, scores), prAuc: averagePrecision(tables.test.y, scores), brier: brierScore(tables.test.y, scores)}
    };
  });

  start = performance.now();
  const {table, segmentation} = customerSegmentation(ledger, model, seed);
  const segmentationMs = performance.now() - start;
  checkAgainstPortfolio(ledger, model, seed, segmentation);
  const featureColumns = [...table.clusteringFeatures];
  const customersFile = "customers.csv";
  writeFileSync(join(dir, customersFile), toCsv(customerColumns(featureColumns, segmentation), customerRows(table, segmentation)));

  const summary: ExportSummary = {
    dir,
    invoices,
    seed,
    featureNames: tables.featureNames,
    trainRows: tables.train.y.length,
    testRows: tables.test.y.length,
    families,
    clustering: {
      customersFile,
      columns: featureColumns,
      customers: table.matrix.rows,
      chosenK: segmentation.choice.k,
      perK: segmentation.perK.map(({k, inertia, silhouette, silhouetteExact}) => ({k, inertia, silhouette, silhouetteExact}))
    },
    timings: {modelStage: modelMs, segmentation: segmentationMs}
  };
  writeFileSync(join(dir, "summary.json"), JSON.stringify(summary, null, 1));
  log(`export: wrote train.csv (${summary.trainRows} rows), test.csv (${summary.testRows}), ${families.map((f) => f.scoresFile).join(", ")}, customers.csv (${summary.clustering.customers}) to ${dir}`);
  return summary;
}

/**
 * Ledger indices of the training rows. ModelTables carries the test rows' indices only, so the split is
 * recomputed with the stage's (default) options and checked against the stage's own training labels.
 */
function trainingIndices(ledger: Ledger, model: ModelStage): Int32Array {
  const {indices, labels} = timeSplit(ledger).train;
  const y = model.tables.train.y;
  if (indices.length !== y.length || labels.some((label, i) => label !== y[i])) {
    throw new Error("export: the recomputed time split does not match the model stage's training slice (were split options changed?)");
  }
  return indices;
}

function* datasetRows(ledger: Ledger, {x, y}: ModelStage["tables"]["train"], indices: Int32Array): Generator<CsvValue[]> {
  for (let i = 0; i < x.rows; ++i) {
    const row: CsvValue[] = Array.from(x.values.subarray(i * x.cols, (i + 1) * x.cols));
    row.push(y[i], formatIsoDay(ledger.invoices[indices[i]].invoiceDate));
    yield row;
  }
}

/**
 * The customer table and segmentation exactly as the portfolio stage builds them (lib/portfolio/index.ts
 * keeps both internal): mean predicted P(late) per customer, customerFeatures, then segmentCustomers with
 * the stage's first fork of its seed, "segments".
 */
function customerSegmentation(ledger: Ledger, model: ModelStage, seed: number): {table: CustomerFeatureTable; segmentation: Segmentation} {
  const sums = new Map<string, {sum: number; count: number}>();
  ledger.invoices.forEach((invoice, i) => {
    const s = sums.get(invoice.customerId) ?? {sum: 0, count: 0};
    s.sum += model.scores.pLate[i];
    s.count += 1;
    sums.set(invoice.customerId, s);
  });
  const predictedLate = new Map([...sums].map(([id, s]) => [id, s.sum / s.count]));
  const table = customerFeatures(ledger.invoices, {asOf: ledger.asOf, predictedLate, available: ledger.available});
  const segmentation = segmentCustomers(table, {}, createRandom(seed).fork("segments"));
  return {table, segmentation};
}

/** The replicated segmentation must be the one the report ships: same chosen k and the same inertia per k. */
function checkAgainstPortfolio(ledger: Ledger, model: ModelStage, seed: number, segmentation: Segmentation): void {
  const file = portfolioStage(ledger, model.scores, {seed}).files.segments as {kCurve?: {inertia: (number | null)[]}; choice?: {k: number} | null};
  const ours = segmentation.perK.map((f) => round(f.inertia, 2));
  if (file.choice?.k !== segmentation.choice.k || JSON.stringify(file.kCurve?.inertia) !== JSON.stringify(ours)) {
    throw new Error("export: the customer segmentation differs from the portfolio stage's (has lib/portfolio/index.ts changed how it segments?)");
  }
}

function customerColumns(features: string[], segmentation: Segmentation): string[] {
  return ["customer_id", ...features, ...segmentation.perK.map((f) => `cluster_k${f.k}`), "segment", "cluster"];
}

function* customerRows(table: CustomerFeatureTable, segmentation: Segmentation): Generator<CsvValue[]> {
  const {values, rows, cols} = table.matrix;
  const chosen = segmentation.perK.find((f) => f.k === segmentation.choice.k)!;
  for (let i = 0; i < rows; ++i) {
    yield [
      table.profiles[i].customerId,
      ...Array.from(values.subarray(i * cols, (i + 1) * cols)),
      ...segmentation.perK.map((f) => f.assignments[i]),
      chosen.letters[i],
      chosen.assignments[i]
    ];
  }
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const stream = createWriteStream(path);
  for (const line of lines) if (!stream.write(line)) await once(stream, "drain");
  stream.end();
  await once(stream, "finish");
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const invoices = argument("invoices");
  const seed = argument("seed");
  const out = argument("out");
  await runExport({
    invoices: invoices === undefined ? undefined : Number(invoices.replaceAll("_", "")),
    seed: seed === undefined ? undefined : Number(seed),
    dir: out === undefined ? undefined : resolve(out),
    log: (line) => console.log(line)
  });
}
