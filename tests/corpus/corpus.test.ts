// The import corpus (tests/corpus/files/, written by make-corpus.ts) run as a user runs it: each case
// through `npm run inspect` in a process of its own, the refusals through the build's loader too, and a
// few builds through the whole loader. A build must read what the generator knows is in the file
// (invoices kept, open, rows set aside by rule with their totals, formats, end of data); a refusal must
// exit 1 with one line naming the file (and row and column where there is one), print no stack trace
// and write nothing. Seconds per case go to test-results/corpus.json for the table in the report.
import {spawn} from "node:child_process";
import {mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {afterAll, describe, expect, test} from "vitest";
import type {CaseExpectation} from "./make-corpus.js";

const root = new URL("../..", import.meta.url).pathname;
const folder = join(root, "tests/corpus/files");
const cases = JSON.parse(readFileSync(join(root, "tests/corpus/expected.json"), "utf8")) as Record<string, CaseExpectation>;

interface Run {
  code: number | null;
  stdout: Buffer;
  stderr: string;
  seconds: number;
}

// Two processes at a time: the machine has two cores.
let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  ++running;
  try {
    return await work();
  } finally {
    --running;
    waiting.shift()?.();
  }
}

function run(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  return slot(
    () =>
      new Promise((resolve) => {
        const started = performance.now();
        const child = spawn(process.execPath, ["--import", "tsx", join(root, script), ...args], {cwd: root, env: {PATH: process.env.PATH, HOME: process.env.HOME, ...env}});
        const out: Buffer[] = [];
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
        child.on("close", (code) => resolve({code, stdout: Buffer.concat(out), stderr, seconds: (performance.now() - started) / 1000}));
      })
  );
}

function caseEnv(c: CaseExpectation): Record<string, string> {
  const env: Record<string, string> = {AR_DATA: join(folder, c.data), ...(c.env ?? {})};
  if (c.payments) env.AR_PAYMENTS = join(folder, c.payments);
  if (c.mapping) env.AR_MAPPING = join(folder, c.mapping);
  return env;
}

/** Members of the loader's tar.gz by name. */
function archiveFiles(bytes: Buffer): Map<string, string> {
  const tar = gunzipSync(bytes);
  const files = new Map<string, string>();
  for (let at = 0; at + 512 <= tar.length; ) {
    const name = tar.subarray(at, at + 100).toString("utf8").replace(/\0.*$/s, "");
    if (!name) break;
    const size = parseInt(tar.subarray(at + 124, at + 136).toString("ascii"), 8);
    files.set(name, tar.subarray(at + 512, at + 512 + size).toString("utf8"));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

const timings: {case: string; about: string; outcome: string; seconds: number}[] = [];
afterAll(() => {
  mkdirSync(join(root, "test-results"), {recursive: true});
  writeFileSync(join(root, "test-results/corpus.json"), JSON.stringify(timings.sort((a, b) => (a.case < b.case ? -1 : 1)), null, 1));
});

const builds = Object.entries(cases).filter(([, c]) => c.exit === 0);
const refusals = Object.entries(cases).filter(([, c]) => c.exit === 1);

test("the corpus holds at least 30 exports, builds and refusals both", () => {
  expect(builds.length + refusals.length).toBeGreaterThanOrEqual(30);
  expect(refusals.length).toBeGreaterThanOrEqual(8);
});

describe.concurrent("exports that build: inspect reads what is in them", () => {
  test.each(builds)("%s", async (name, c) => {
    const result = await run("scripts/inspect.ts", ["--json"], caseEnv(c));
    expect(result.stderr, result.stderr).toBe("");
    expect(result.code).toBe(0);
    const seen = JSON.parse(result.stdout.toString("utf8"));
    const rules = Object.fromEntries(seen.report.rules.map((r: {id: string; count: number; amount: number | null}) => [r.id, r]));
    expect(seen.report.rowsKept, "invoices kept").toBe(c.kept);
    expect(seen.open, "open invoices").toBe(c.open);
    for (const [rule, count] of Object.entries(c.rules ?? {})) expect(rules[rule].count, rule).toBe(count);
    for (const [rule, total] of Object.entries(c.totals ?? {})) expect(rules[rule].amount, `${rule} total`).toBeCloseTo(total, 2);
    const formats = Object.fromEntries(seen.input.formats.map((f: {column: string; format: string}) => [f.column, f.format]));
    for (const [column, format] of Object.entries(c.formats ?? {})) expect(formats[column], column).toBe(format);
    if (c.asOf) expect(seen.asOf, "end of data").toBe(c.asOf);
    if (c.model !== undefined) expect(seen.model === null, `a model can be fitted (${seen.model})`).toBe(c.model);
    if (c.currency) expect(seen.currency, "currency").toBe(c.currency);
    if (c.first) expect(seen.first, "first invoice").toEqual(c.first);
    const samples = Object.fromEntries(seen.input.formats.map((f: {column: string; sample: {text: string} | null}) => [f.column, f.sample?.text]));
    for (const [column, text] of Object.entries(c.samples ?? {})) expect(samples[column], `${column} sample`).toBe(text);
    if (c.says) {
      // What a user reads: inspect's own words, which the Data page shares.
      const told = (await run("scripts/inspect.ts", [], caseEnv(c))).stdout.toString("utf8");
      for (const text of c.says) expect(told, "inspect says").toContain(text);
    }
    // Every row is accounted for.
    expect(seen.report.rowsKept + seen.report.rowsQuarantined).toBe(seen.report.rowsIn);
    timings.push({case: name, about: c.about, outcome: `builds: ${c.kept} invoices, ${c.open} open${c.model === false ? ", no model (snapshot)" : ""}`, seconds: result.seconds});
  });
});

describe.concurrent("malformed exports: one line, exit 1, nothing written, no stack trace", () => {
  test.each(refusals)("%s", async (name, c) => {
    const [build, inspect] = await Promise.all([run("data-loaders/report.tgz.ts", [], caseEnv(c)), run("scripts/inspect.ts", [], caseEnv(c))]);
    for (const result of [build, inspect]) {
      expect(result.code).toBe(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      const lines = result.stderr.trim().split("\n");
      const message = lines[lines.length - 1].trim();
      for (const part of c.message ?? []) expect(message).toContain(part);
    }
    expect(build.stdout.length, "the loader wrote part of a report").toBe(0);
    const line = (r: Run) => r.stderr.trim().split("\n").pop()!.trim();
    expect(line(inspect), "inspect and the build give the same error").toBe(line(build));
    timings.push({case: name, about: c.about, outcome: `stops: ${line(build).slice(0, 140)}`, seconds: build.seconds});
  });
});

describe.concurrent("whole builds from real-shaped exports", () => {
  test.each(builds.filter(([, c]) => c.fullBuild))("%s", async (name, c) => {
    const result = await run("data-loaders/report.tgz.ts", [], {...caseEnv(c), AR_SEED: "7"});
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.code, result.stderr).toBe(0);
    const files = archiveFiles(result.stdout);
    const meta = JSON.parse(files.get("meta.json")!);
    const model = JSON.parse(files.get("model.json")!);
    const worklist = JSON.parse(files.get("worklist.json")!);
    expect(meta.invoices).toBe(c.kept);
    expect(Boolean(model.skipped), "model skipped").toBe(c.model === false);
    expect(files.get("worklist.csv")!.trim().split("\n").length - 1, "worklist rows = open invoices").toBe(c.open);
    expect(worklist).toBeTruthy();
    timings.push({case: `${name} (full build)`, about: c.about, outcome: `built: ${meta.invoices} invoices, model ${model.skipped ? "skipped" : model.modelName}`, seconds: result.seconds});
  });
});
