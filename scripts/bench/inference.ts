// What inferring formats costs: the synthetic ledger written out as a US export (M/D/YYYY dates, amounts
// like "$12,345.67"), then read back as the build reads a user's file — table, mapping, format
// inference, cleaning, the data stage — each step timed in CPU and wall time. Inference is a pass over
// the first rows plus the counting of every value that cleaning does to check the decision against all
// of them; the target is that it adds at most 10 % to the data stage (read + infer + clean + data
// files). Each size runs in a process of its own (index.ts spawns it).
//
//   tsx scripts/bench/inference.ts --invoices 1000000 [--seed N] [--out result.json]
import {spawn} from "node:child_process";
import {existsSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {loadavg} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {calendarParts} from "../../lib/core/dates.js";
import {parseIsoDay} from "../../lib/core/dates.js";
import {csvLines} from "../../lib/input/csv.js";
import {rawColumns} from "../../lib/input/ledger.js";
import type {RawRow} from "../../lib/input/ledger.js";
import {headerLikeness, mapColumns, mappedRows} from "../../lib/input/mapping.js";
import {createFormatTally, inferFormats} from "../../lib/input/infer.js";
import {textTable} from "../../lib/input/table.js";
import {cleanLedger} from "../../lib/clean/index.js";
import {dataStage} from "../../lib/pipeline/data.js";
import {defaultSeed, draftSyntheticLedger, prefixRows} from "../../lib/pipeline/source.js";
import {cpuMs, memory, sizeLabel} from "./measure.js";

export interface InferenceResult {
  invoices: number;
  /** Bytes of the CSV text read. */
  textBytes: number;
  /** The data stage from a file, step by step (CPU and wall ms; the cleaning steps are the faster of two runs). */
  steps: {step: string; ms: number; cpuMs: number}[];
  /** The counting of every date and number value that cleaning does, timed on its own. */
  counting: {ms: number; cpuMs: number};
  /** What inference costs: the first-rows pass plus that counting. */
  inference: {ms: number; cpuMs: number};
  /** inference ÷ the data stage (read + infer + clean + data files), in CPU time; the target is ≤ 0.10. */
  inferenceShare: number;
  inferenceShareWall: number;
  peakRssMb: number;
  loadAverage: {start: number; end: number};
}

const dateColumns = new Set(["invoice_date", "due_date", "paid_date", "last_payment_date", "last_reminder_date", "customer_since", "write_off_date"]);

/** A generated row as a US system writes it. */
function asUsExport(row: RawRow): RawRow {
  const out = {...row};
  for (const column of rawColumns) {
    const text = row[column];
    if (!text) continue;
    if (dateColumns.has(column)) {
      const day = parseIsoDay(text);
      if (day !== undefined) {
        const p = calendarParts(day);
        out[column] = `${p.month}/${p.day}/${p.year}`;
      }
    } else if (column === "amount" || column === "paid_amount" || column === "credit_limit") {
      const value = Number(text);
      if (Number.isFinite(value) && text.trim() !== "") out[column] = "$" + value.toLocaleString("en-US", {minimumFractionDigits: 2, maximumFractionDigits: 2});
    }
  }
  return out;
}

export function runInference({invoices, seed = defaultSeed}: {invoices: number; seed?: number}): InferenceResult {
  const loadStart = loadavg()[0];
  const draft = draftSyntheticLedger({seed, invoices});
  // One join builds a flat string, as reading a file does.
  const lines: string[] = [];
  for (const line of csvLines(rawColumns, (function* () {
    for (const row of draft.synthetic.rows()) yield asUsExport(row);
  })())) lines.push(line);
  const text = lines.join("");
  lines.length = 0;

  const steps: InferenceResult["steps"] = [];
  const measure = <T>(work: () => T): {out: T; ms: number; cpuMs: number} => {
    const wall = performance.now(), cpu = cpuMs();
    const out = work();
    return {out, ms: performance.now() - wall, cpuMs: cpuMs() - cpu};
  };
  const time = <T>(step: string, work: () => T): T => {
    const {out, ms, cpuMs} = measure(work);
    steps.push({step, ms, cpuMs});
    return out;
  };
  const file = `bench-${sizeLabel(invoices)}.csv`;
  const {table, mapping} = time("read + map", () => {
    const table = textTable(text, "UTF-8", {file, headerScore: headerLikeness()});
    return {table, mapping: mapColumns(table.header, {file})};
  });
  const formats = time(`infer formats (first ${prefixRows.toLocaleString("en-US")} rows)`, () => inferFormats((only) => table.records(only), mapping, {file, maxRows: prefixRows}));
  // Cleaning as the build runs it, counting every value to check the formats against all of them.
  const cleaned = time("clean, counting every value", () => cleanLedger(mappedRows(table.records(), mapping), {file, mapping, formats, verifyFormats: {file}}));
  time("data files", () => {
    const provenance = {kind: "csv" as const, file, seed: null, generator: null, dirtRate: null, dirt: null, mapping: null, reminderWindowDays: 14};
    const data = dataStage({...cleaned, provenance});
    return JSON.stringify(data.files).length;
  });
  // The counting inside cleaning, timed on its own: the same counters fed the same values, chunk by
  // chunk, with the clock running only while they count (a difference of two cleaning runs would be
  // lost in the noise of a shared machine).
  const counting = countingCost(table, mapping);
  const total = (key: "ms" | "cpuMs") => steps.reduce((t, s) => t + s[key], 0);
  const prefix = steps[1];
  const inference = {ms: prefix.ms + counting.ms, cpuMs: prefix.cpuMs + counting.cpuMs};
  return {
    invoices,
    textBytes: Buffer.byteLength(text),
    steps,
    counting,
    inference,
    inferenceShare: inference.cpuMs / total("cpuMs"),
    inferenceShareWall: inference.ms / total("ms"),
    peakRssMb: memory().peakRssMb,
    loadAverage: {start: loadStart, end: loadavg()[0]}
  };
}

function countingCost(table: ReturnType<typeof textTable>, mapping: ReturnType<typeof mapColumns>): {ms: number; cpuMs: number} {
  const tally = createFormatTally(mapping);
  const columns = [...tally.dates, ...tally.numbers].map(({column}) => ({position: mapping.index[column]!, counter: tally.counter(column)!}));
  let ms = 0, cpu = 0;
  let chunk: string[][] = [];
  const count = () => {
    const wall = performance.now(), start = cpuMs();
    for (const fields of chunk) {
      for (const {position, counter} of columns) {
        const text = fields[position];
        if (text) counter.add(text.trim());
      }
    }
    ms += performance.now() - wall;
    cpu += cpuMs() - start;
    chunk = [];
  };
  for (const {fields} of table.records(columns.map((c) => c.position))) {
    chunk.push(fields);
    if (chunk.length === 20_000) count();
  }
  count();
  const wall = performance.now(), start = cpuMs();
  tally.finish();
  return {ms: ms + performance.now() - wall, cpuMs: cpu + cpuMs() - start};
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = runInference({invoices: Number(argument("invoices") ?? 100_000), seed: Number(argument("seed") ?? defaultSeed)});
  const json = JSON.stringify(result, null, 1);
  const out = argument("out");
  if (out) writeFileSync(out, json);
  else process.stdout.write(`${json}\n`);
}

export interface InferenceRun {
  invoices: number;
  ok: boolean;
  result: InferenceResult | null;
  error: string | null;
}

/** One size in a process of its own (its peak memory its own), as index.ts runs the pipeline sizes. */
export function spawnInference(invoices: number, {seed, resultsDir, heapMb}: {seed: number; resultsDir: string; heapMb: number | null}): Promise<InferenceRun> {
  const out = join(resultsDir, `.inference-${invoices}-${process.pid}.json`);
  rmSync(out, {force: true});
  const heap = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...heap, ...process.execArgv, fileURLToPath(import.meta.url), "--invoices", String(invoices), "--seed", String(seed), "--out", out], {stdio: ["ignore", "inherit", "pipe"]});
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("close", (code, signal) => {
      if (code === 0 && existsSync(out)) {
        const result = JSON.parse(readFileSync(out, "utf8")) as InferenceResult;
        rmSync(out, {force: true});
        resolve({invoices, ok: true, result, error: null});
      } else resolve({invoices, ok: false, result: null, error: `exited with ${code ?? signal}: ${stderr.trim().split("\n").slice(-6).join("\n")}`});
    });
  });
}
