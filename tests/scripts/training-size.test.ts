// The model stage's cap on training rows rests on a committed measurement (benchmarks/training-size.md,
// written by `npm run bench`), not on a figure in a comment: the table must exist, include the cap, and
// show test AUC levelling off beyond it. The bench step itself is checked on a small ledger.
import {existsSync, readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {defaultMaxTrainingRows} from "../../lib/model/index.js";
import {measureTrainingSizes, trainingSizeFile, trainingSizeMarkdown, trainingSizeTable} from "../../scripts/bench/trainingSize.js";

/** Rows of the committed Markdown table: training rows → [ROC AUC, PR AUC, fit CPU s] per family. */
function committedTable(): {families: string[]; rows: Map<number, number[]>} {
  const lines = readFileSync(trainingSizeFile, "utf8").split("\n").filter((line) => line.startsWith("|"));
  const header = lines[0].split("|").slice(2, -1).map((c) => c.trim());
  const families = header.filter((c) => c.endsWith(": ROC AUC")).map((c) => c.replace(": ROC AUC", ""));
  const rows = new Map(lines.slice(2).map((line) => {
    const cells = line.split("|").slice(1, -1).map((c) => c.trim());
    return [Number(cells[0].replace(/,/g, "")), cells.slice(1).map(Number)] as [number, number[]];
  }));
  return {families, rows};
}

describe("the committed training-size table", () => {
  test("exists and was written by npm run bench", () => {
    expect(existsSync(trainingSizeFile), "benchmarks/training-size.md: run npm run bench").toBe(true);
    expect(readFileSync(trainingSizeFile, "utf8")).toMatch(/^# Training rows against test AUC\n[\s\S]*Written by `npm run bench`/);
  });

  test("includes the model stage's cap, and test AUC levels off beyond it", () => {
    const {families, rows} = committedTable();
    expect(families).toEqual(["Gradient-boosted trees", "Random forest", "Logistic regression"]);
    const atCap = rows.get(defaultMaxTrainingRows);
    expect(atCap, `a row at ${defaultMaxTrainingRows} training rows`).toBeDefined();
    const largest = Math.max(...rows.keys());
    expect(largest).toBeGreaterThanOrEqual(2 * defaultMaxTrainingRows);
    families.forEach((family, f) => {
      // Beyond the cap, at least twice the rows buy less than 0.005 of test ROC AUC, for more fit time.
      const gain = rows.get(largest)![3 * f] - atCap![3 * f];
      expect(gain, family).toBeLessThan(0.005);
      expect(rows.get(largest)![3 * f + 2], `${family} fit CPU`).toBeGreaterThan(atCap![3 * f + 2]);
    });
  });
});

test("the bench step fits each family on growing samples and writes the table", () => {
  const result = measureTrainingSizes({invoices: 8000, rows: [1000, 3000, 1_000_000], families: ["logistic"], seed: 3});
  // The last cap exceeds the training slice: the whole slice is fitted once, and larger caps stop there.
  expect(result.points.map((p) => p.rows)).toEqual([1000, 3000, 1_000_000]);
  expect(result.points.at(-1)!.trainingRows).toBe(result.trainingSlice);
  for (const p of result.points) expect(p.testAuc).toBeGreaterThan(0.6);
  const table = trainingSizeTable(result);
  expect(table.columns).toEqual(["training rows", "Logistic regression: ROC AUC", "PR AUC", "fit CPU s"]);
  expect(table.rows.map((r) => r[0])).toEqual(["1,000", "3,000", result.trainingSlice.toLocaleString("en-US")]);
  expect(trainingSizeMarkdown(result, "npm run bench")).toContain("| training rows | Logistic regression: ROC AUC |");
});
