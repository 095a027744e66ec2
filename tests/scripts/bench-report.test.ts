// The bench's rule for pages' tables (issue 16): a page keeps hand-written table code only where arquero is
// more than 1.5× slower. The report says which path each page ships and which the rule picks, and its
// targets fail when the two part.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import type {BenchResult} from "../../scripts/bench/index.js";
import {reportTables, targets} from "../../scripts/bench/report.js";
import {root} from "../../scripts/site.js";
import {pagePaths, rulePath} from "../../scripts/bench/tabular.js";
import type {TabularMeasure} from "../../scripts/bench/tabular.js";

const measure = (name: string, handMs: number, arqueroMs: number, pageUses: TabularMeasure["pageUses"] = "hand-written"): TabularMeasure => ({
  name, rows: 500, handMs, arqueroMs, ratio: arqueroMs / handMs, agree: true, pageUses
});

/** A bench that measured only the pages' tables. */
function bench(tabular: TabularMeasure[]): BenchResult {
  return {
    startedAt: "2026-12-04T00:00:00Z", finishedAt: "2026-12-04T00:01:00Z",
    machine: {node: "v20", cpus: 2, cpuModel: "test", memoryGb: 24, loadAverageStart: [0, 0, 0], loadAverageEnd: [0, 0, 0]},
    options: {sizes: [], seed: 1, futureDays: null, skipBuild: true, skipBrowser: true, skipPeer: true, skipInference: true, peerInvoices: 0, heapMb: null, keepSite: false, siteDir: "dist", skipTraining: true, trainingInvoices: 0, trainingRows: []},
    sizes: [], build: null, pages: null, tabular, peer: null, training: null, errors: [], targets: []
  };
}

const tablesTarget = (result: BenchResult) => targets(result).find((t) => t.target.startsWith("pages' tables"));

describe("the 1.5× rule for pages' tables", () => {
  test("picks hand-written code only above 1.5×", () => {
    expect(rulePath({ratio: 1.6})).toBe("hand-written");
    expect(rulePath({ratio: 1.5})).toBe("arquero");
    expect(rulePath({ratio: 0.9})).toBe("arquero");
  });

  test("is met when every page ships the path the rule picks", () => {
    const target = tablesTarget(bench([measure("EDA: filters", 1.05, 7.2), measure("Strategy: worklist", 0.36, 0.57)]));
    expect(target).toMatchObject({met: true, measured: "EDA 6.9×, Strategy 1.6×"});
  });

  test("fails, naming the page, when arquero comes within 1.5× of a hand-written path", () => {
    const target = tablesTarget(bench([measure("EDA: filters", 1.05, 7.2), measure("Strategy: worklist", 0.4, 0.5)]));
    expect(target?.met).toBe(false);
    expect(target?.measured).toMatch(/^Strategy uses hand-written, rule picks arquero/);
  });

  test("the table shows what the page ships, not what the rule would pick", () => {
    const [table] = reportTables(bench([measure("Strategy: worklist", 0.4, 0.5)])).filter((t) => t.title.startsWith("Pages' tabular work"));
    expect(table.columns.slice(-2)).toEqual(["page uses", "1.5× rule picks"]);
    expect(table.rows[0].slice(-2)).toEqual(["hand-written", "arquero"]);
  });
});

describe("what the bench says each page ships", () => {
  // The page and the view module that hold each case's table code.
  const code = {eda: ["src/eda.md", "lib/views/eda.ts"], worklist: ["src/strategy.md", "lib/views/worklist.ts"], sample: ["src/data.md"]};
  const importsArquero = (file: string) => /(from\s*|import\(\s*)["'](npm:)?arquero["']/.test(readFileSync(join(root, file), "utf8"));

  test.each(Object.entries(code))("%s: the declared path matches the code's imports", (name, files) => {
    const declared = pagePaths[name as keyof typeof pagePaths];
    expect(files.some(importsArquero) ? "arquero" : "hand-written", files.join(", ")).toBe(declared);
  });
});
