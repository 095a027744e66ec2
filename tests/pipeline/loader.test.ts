// The loader as the build runs it: bad input ends it with one clear line naming the file, row and
// column, a non-zero exit, and nothing on stdout (so Framework caches no half-written report).
import {spawn} from "node:child_process";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, test} from "vitest";

const root = new URL("../..", import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), "ar-loader-"));
const header = "Invoice No,Account,Invoice Date,Due Date,Total,Payment Date";
const good = ["INV-1,C1,2025-01-05,2025-02-04,100.00,2025-02-01", "INV-2,C2,2025-01-06,2025-02-05,250.00,"];

function file(name: string, content: string | Buffer): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

function runLoader(env: Record<string, string>): Promise<{code: number | null; stdout: number; stderr: string}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(root, "data-loaders/report.tgz.ts")], {
      cwd: root,
      env: {PATH: process.env.PATH, HOME: process.env.HOME, ...env}
    });
    let stdout = 0;
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.length));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("close", (code) => resolve({code, stdout, stderr}));
  });
}

const cases: {name: string; env: () => Record<string, string>; message: RegExp}[] = [
  {name: "empty file", env: () => ({AR_DATA: file("empty.csv", "")}), message: /empty\.csv: the file is empty/},
  {name: "binary file", env: () => ({AR_DATA: file("book.csv", Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 0x78, 0x6c, 0, 1, 2]))}), message: /book\.csv: cannot be read as an Excel workbook/},
  {name: "missing file", env: () => ({AR_DATA: join(folder, "nowhere.csv")}), message: /nowhere\.csv: does not exist/},
  {
    name: "missing required column",
    env: () => ({AR_DATA: file("no-amount.csv", ["Invoice No,Account,Invoice Date,Due Date,Payment Date", "INV-1,C1,2025-01-05,2025-02-04,2025-02-01"].join("\n"))}),
    message: /no-amount\.csv.*amount/i
  },
  {
    name: "impossible dates in rows 2 and 3",
    env: () => ({AR_DATA: file("bad-date.csv", [header, good[0], "INV-2,C2,2025-02-30,2025-03-30,250.00,", "INV-3,C2,2025-02-31,2025-03-30,250.00,"].join("\n"))}),
    message: /bad-date\.csv, line 3 \(row 2\), column "Invoice Date": 2 of 3 rows .*line 3 "2025-02-30", line 4 "2025-02-31"/
  },
  {
    name: "amounts not numbers",
    env: () => ({AR_DATA: file("bad-amount.csv", [header, good[0], "INV-2,C2,2025-01-06,2025-02-05,two hundred,", "INV-3,C2,2025-01-06,2025-02-05,three,"].join("\n"))}),
    message: /bad-amount\.csv, line 3 \(row 2\), column "Total": 2 of 3 rows .*"two hundred"/
  },
  {
    name: "nothing but credit notes",
    env: () => ({AR_DATA: file("negative.csv", [header, "INV-1,C1,2025-01-05,2025-02-04,-100.00,", "INV-2,C2,2025-01-06,2025-02-05,-250.00,"].join("\n"))}),
    message: /negative\.csv: has no usable rows: all 2 were set aside \(negative-amount: 2\)/
  },
  {
    name: "duplicate header",
    env: () => ({AR_DATA: file("dup.csv", ["Invoice No,Account,Invoice Date,Due Date,Total,Total,Payment Date", "INV-1,C1,2025-01-05,2025-02-04,1,1,"].join("\n"))}),
    message: /dup\.csv.*"Total"/
  },
  {
    name: "unknown delimiter",
    env: () => ({AR_DATA: file("tilde.csv", ["Invoice No~Account~Invoice Date~Total~Payment Date", "INV-1~C1~2025-01-05~100~", "INV-2~C2~2025-01-06~200~"].join("\n"))}),
    message: /tilde\.csv.*delimiter/
  },
  {name: "invalid size variable", env: () => ({AR_INVOICES: "lots"}), message: /AR_INVOICES: "lots" must be a number/},
  {
    name: "as-of date before the first invoice",
    env: () => ({AR_DATA: file("early.csv", [header, ...good].join("\n")), AR_AS_OF: "2024-12-31"}),
    message: /AR_AS_OF: "2024-12-31" is before the first invoice \(2025-01-05\); choose a date from 2025-01-05 to 2025-02-01\n/
  },
  {
    name: "as-of date after the last activity",
    env: () => ({AR_DATA: file("late.csv", [header, ...good].join("\n")), AR_AS_OF: "2025-03-01"}),
    message: /AR_AS_OF: "2025-03-01" is after the last activity in the data \(2025-02-01\); choose a date from 2025-01-05 to 2025-02-01\n/
  },
  {name: "invalid mapping file", env: () => ({AR_DATA: file("ok.csv", [header, ...good].join("\n")), AR_MAPPING: file("mapping.json", '{"columns": {"amount_due": "Total"}}')}), message: /mapping\.json.*"amount_due" is not a ledger column/}
];

describe("the loader refuses bad input", () => {
  test.concurrent.each(cases)("$name", async ({env, message}) => {
    const result = await runLoader(env());
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(0);
  });
});
