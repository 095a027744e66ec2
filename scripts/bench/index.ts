// `npm run bench`: how fast the report is built and used, and how that grows with the ledger.
//
//   npm run bench [-- --sizes 10k,50k,200k,1m] [--skip-build] [--skip-browser] [--skip-peer] [--skip-inference]
//                 [--seed N] [--future-days 91] [--peer-invoices 25k] [--heap MB] [--keep-site]
//                 [--skip-training] [--training-invoices 600k] [--training-rows 10k,25k,50k,100k,200k,300k]
//
// 1. The pipeline at each size, each in a fresh process (scripts/bench/pipeline.ts): wall and CPU time
//    and peak memory per stage and step.
// 2. The full `npm run build` at the default size into dist-bench/ (AR_OUTPUT), its size, and every page
//    served and opened in Chromium: bytes transferred, time to charts drawn, slider-to-repaint latency.
// 1b. Format inference at each size (scripts/bench/inference.ts): the ledger written as a US export and
//    read back as a user's file; inference's share of that data stage.
// 3. The peer comparison: `npm run export`'s tables through scikit-learn and XGBoost (scripts/bench/peer.py).
// 4. Test AUC against training rows (scripts/bench/trainingSize.ts), the evidence for the model stage's
//    cap on training rows; its table is committed as benchmarks/training-size.md.
// Tables go to stdout; everything measured to bench-results/bench-<date>.json, latest.json and latest.md.
import {spawn} from "node:child_process";
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {cpus, loadavg, totalmem} from "node:os";
import {join} from "node:path";
import {defaultSeed} from "../../lib/pipeline/source.js";
import {root} from "../site.js";
import {measureBuild, removeOutput} from "./build.js";
import type {BuildMeasure} from "./build.js";
import type {PageMeasure} from "./browser.js";
import {parseSize, sizeLabel} from "./measure.js";
import {runPeer} from "./peer.js";
import {spawnInference} from "./inference.js";
import type {InferenceRun} from "./inference.js";
import type {TrainingSizeResult} from "./trainingSize.js";
import type {PeerResult} from "./peer.js";
import type {PipelineResult} from "./pipeline.js";
import {reportTables, targets} from "./report.js";
import type {Target} from "./report.js";
import {formatTable} from "./table.js";
import {measureTabular} from "./tabular.js";
import type {TabularMeasure} from "./tabular.js";

export interface SizeRun {
  invoices: number;
  ok: boolean;
  /** Wall time of the child process, including tsx start-up. */
  processMs: number;
  result: PipelineResult | null;
  error: string | null;
}

export interface BenchResult {
  startedAt: string;
  finishedAt: string;
  machine: {node: string; cpus: number; cpuModel: string; memoryGb: number; loadAverageStart: number[]; loadAverageEnd: number[]};
  options: BenchOptions;
  sizes: SizeRun[];
  build: BuildMeasure | null;
  pages: PageMeasure[] | null;
  tabular: TabularMeasure[] | null;
  peer: PeerResult | null;
  /** Format inference's share of the data stage from a file, per size (scripts/bench/inference.ts). */
  inference?: InferenceRun[];
  training: TrainingSizeResult | null;
  errors: string[];
  targets: Target[];
}

export interface BenchOptions {
  sizes: number[];
  seed: number;
  /** Days the generator simulates past the report date; 0 reproduces the ledger of benches before the backtest. */
  futureDays: number | null;
  skipBuild: boolean;
  skipBrowser: boolean;
  skipPeer: boolean;
  skipInference: boolean;
  peerInvoices: number;
  /** --max-old-space-size of each size's process, MB (null: Node's default). */
  heapMb: number | null;
  keepSite: boolean;
  siteDir: string;
  skipTraining: boolean;
  trainingInvoices: number;
  trainingRows: number[];
}

const resultsDir = join(root, "bench-results");
const say = (line: string) => process.stderr.write(`${line}\n`);

function parseOptions(argv: string[]): BenchOptions {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) throw new Error(`--${name} needs a value`);
    return v;
  };
  const known = new Set([
    "sizes", "seed", "future-days", "peer-invoices", "heap", "site", "skip-build", "skip-browser", "skip-peer", "keep-site", "skip-inference", "skip-training", "training-invoices", "training-rows"
  ]);
  for (const arg of argv) if (arg.startsWith("--") && !known.has(arg.slice(2))) throw new Error(`unknown option ${arg} (see scripts/bench/index.ts)`);
  return {
    sizes: (value("sizes") ?? "10k,50k,200k,1m").split(",").map(parseSize),
    seed: Number(value("seed") ?? defaultSeed),
    futureDays: value("future-days") === undefined ? null : Number(value("future-days")),
    skipBuild: argv.includes("--skip-build"),
    skipBrowser: argv.includes("--skip-browser"),
    skipPeer: argv.includes("--skip-peer"),
    skipInference: argv.includes("--skip-inference"),
    peerInvoices: parseSize(value("peer-invoices") ?? "25k"),
    heapMb: value("heap") === undefined ? null : Number(value("heap")),
    keepSite: argv.includes("--keep-site"),
    siteDir: value("site") ?? "dist-bench",
    skipTraining: argv.includes("--skip-training"),
    trainingInvoices: parseSize(value("training-invoices") ?? "600k"),
    trainingRows: (value("training-rows") ?? "10k,25k,50k,100k,200k,300k").split(",").map(parseSize)
  };
}

/** One size in a process of its own, so that its peak memory is its own. */
function runSize(invoices: number, options: BenchOptions): Promise<SizeRun> {
  // Named by this process too: two benches at once must not read each other's results.
  const out = join(resultsDir, `.size-${invoices}-${process.pid}.json`);
  rmSync(out, {force: true});
  const script = join(root, "scripts/bench/pipeline.ts");
  const heap = options.heapMb ? [`--max-old-space-size=${options.heapMb}`] : [];
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...heap, ...process.execArgv, script, "--invoices", String(invoices), "--seed", String(options.seed), ...(options.futureDays === null ? [] : ["--future-days", String(options.futureDays)]), "--out", out], {
      cwd: root,
      stdio: ["ignore", "inherit", "pipe"]
    });
    const stderr: string[] = [];
    child.stderr.on("data", (chunk: Buffer) => {
      stderr.push(chunk.toString());
      process.stderr.write(chunk);
    });
    child.on("close", (code, signal) => {
      const processMs = performance.now() - started;
      if (code === 0 && existsSync(out)) {
        const result = JSON.parse(readFileSync(out, "utf8")) as PipelineResult;
        rmSync(out, {force: true});
        resolve({invoices, ok: true, processMs, result, error: null});
      } else {
        const tail = stderr.join("").trim().split("\n").slice(-12).join("\n");
        resolve({invoices, ok: false, processMs, result: null, error: `exited with ${code ?? signal}: ${tail}`});
      }
    });
  });
}

/** The training-size measurement in a process of its own (it holds a large ledger); it writes benchmarks/training-size.md. */
function runTrainingSizes(options: BenchOptions): Promise<TrainingSizeResult> {
  const out = join(resultsDir, `.training-${process.pid}.json`);
  rmSync(out, {force: true});
  const args = ["--invoices", String(options.trainingInvoices), "--rows", options.trainingRows.join(","), "--seed", String(options.seed), "--out", out];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, join(root, "scripts/bench/trainingSize.ts"), ...args], {cwd: root, stdio: ["ignore", "inherit", "inherit"]});
    child.on("close", (code, signal) => {
      if (code === 0 && existsSync(out)) {
        const result = JSON.parse(readFileSync(out, "utf8")) as TrainingSizeResult;
        rmSync(out, {force: true});
        resolve(result);
      } else reject(new Error(`training size exited with ${code ?? signal}`));
    });
  });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  mkdirSync(resultsDir, {recursive: true});
  const startedAt = new Date();
  const loadAverageStart = loadavg();
  const errors: string[] = [];

  const sizes: SizeRun[] = [];
  for (const invoices of options.sizes) {
    say(`bench: pipeline at ${sizeLabel(invoices)} invoices (own process)`);
    const run = await runSize(invoices, options);
    if (!run.ok) errors.push(`pipeline at ${sizeLabel(invoices)}: ${run.error}`);
    sizes.push(run);
  }

  const inference: InferenceRun[] = [];
  if (!options.skipInference) {
    for (const invoices of options.sizes) {
      say(`bench: format inference at ${sizeLabel(invoices)} invoices read from a CSV (own process)`);
      const run = await spawnInference(invoices, {seed: options.seed, resultsDir, heapMb: options.heapMb});
      if (!run.ok) errors.push(`inference at ${sizeLabel(invoices)}: ${run.error}`);
      inference.push(run);
    }
  }

  let build: BuildMeasure | null = null;
  let pages: PageMeasure[] | null = null;
  if (!options.skipBuild) {
    say(`bench: npm run build into ${options.siteDir}/ (AR_OUTPUT; clears src/.observablehq/cache)`);
    build = await measureBuild({outputDir: options.siteDir, logFile: join(resultsDir, "build.log")});
    if (!build.ok) errors.push(`build exited with ${build.exitCode}: see bench-results/build.log`);
  }
  const siteDir = join(root, options.siteDir);
  if (!options.skipBrowser) {
    if (existsSync(join(siteDir, "index.html"))) {
      say(`bench: pages of ${options.siteDir}/ in Chromium`);
      // Imported here: playwright is only needed when the browser runs.
      const {measurePages} = await import("./browser.js");
      try {
        pages = await measurePages({dir: siteDir, log: say});
      } catch (error) {
        errors.push(`browser: ${(error as Error).message}`);
      }
    } else errors.push(`browser: no site in ${options.siteDir}/ (run without --skip-build, or pass --site)`);
  }
  let tabular: TabularMeasure[] | null = null;
  if (existsSync(join(siteDir, "index.html"))) {
    say(`bench: the pages' tabular work, hand-written against arquero, on ${options.siteDir}/'s data`);
    try {
      tabular = measureTabular(siteDir);
    } catch (error) {
      errors.push(`tabular: ${(error as Error).message}`);
    }
  }
  if (build?.ok && !options.keepSite) removeOutput(options.siteDir);

  let peer: PeerResult | null = null;
  if (!options.skipPeer) {
    say(`bench: peer comparison at ${sizeLabel(options.peerInvoices)} invoices (exports/ + scripts/bench/peer.py)`);
    try {
      peer = await runPeer({invoices: options.peerInvoices, seed: options.seed, dir: join(root, "exports"), log: say});
    } catch (error) {
      errors.push(`peer: ${(error as Error).message}`);
    }
  }

  let training: TrainingSizeResult | null = null;
  if (!options.skipTraining) {
    say(`bench: test AUC by training rows on ${sizeLabel(options.trainingInvoices)} invoices (writes benchmarks/training-size.md)`);
    try {
      training = await runTrainingSizes(options);
    } catch (error) {
      errors.push(`training size: ${(error as Error).message}`);
    }
  }

  const result: BenchResult = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "?",
      memoryGb: Math.round(totalmem() / 2 ** 30),
      loadAverageStart,
      loadAverageEnd: loadavg()
    },
    options,
    sizes,
    build,
    pages,
    tabular,
    peer,
    inference,
    training,
    errors,
    targets: []
  };
  result.targets = targets(result);

  const tables = reportTables(result);
  process.stdout.write(`\n${tables.map((t) => formatTable(t)).join("\n")}\n`);
  if (errors.length) process.stdout.write(`Errors:\n${errors.map((e) => `  ✗ ${e}`).join("\n")}\n`);

  const stamp = startedAt.toISOString().replace(/[:.]/g, "-").replace(/-\d{3}Z$/, "Z");
  const json = JSON.stringify(result, null, 1);
  writeFileSync(join(resultsDir, `bench-${stamp}.json`), json);
  writeFileSync(join(resultsDir, "latest.json"), json);
  writeFileSync(join(resultsDir, "latest.md"), `# npm run bench, ${result.startedAt}\n\n${tables.map((t) => formatTable(t, "markdown")).join("\n")}`);
  say(`bench: wrote bench-results/bench-${stamp}.json, latest.json and latest.md`);
  if (errors.length) process.exitCode = 1;
}

await main();
