import {describe, expect, test} from "vitest";
import {
  actionTimeline, chooseRiskCutoffs, computedView, fileView, isFileRules, matrixFinding, numberWord, offsetLabel, offsetShort, restrictFinding,
  segmentMix, segmentMixFinding, segmentMixTitle, strategyThemesFinding, timelineFinding, valueCutoffRange
} from "../../lib/views/strategy.js";
import {worklistFile} from "../../lib/portfolio/files/worklist.js";
import {decidedWorklist, decideWorklist, worklistRows} from "../../lib/views/worklist.js";
import type {SampleScale, SegmentMixRow, StrategyFileView, ViewGridCell, ViewTheme} from "../../lib/views/strategy.js";
import {openInvoicesFromTable, openInvoiceTable} from "../../lib/portfolio/openInvoiceTable.js";
import {assignStrategies, strategyDefinitions, strategyMatrix, strategyTable, strategyThemes} from "../../lib/portfolio/strategy.js";
import {buildWorklist} from "../../lib/portfolio/worklist.js";
import {makeOpen} from "../fixtures/kpi/fixtures.js";

const asOf = 20_000;
const invoices = [
  makeOpen({id: "I1", customer: "C1", amount: 20_000, dueIn: 10, pLate: 0.05, segment: "A"}, asOf),
  makeOpen({id: "I2", customer: "C2", amount: 2_000, dueIn: -5, pLate: 0.1, segment: "C"}, asOf),
  makeOpen({id: "I3", customer: "C3", amount: 3_000, dueIn: 3, pLate: 0.45, segment: "D"}, asOf),
  makeOpen({id: "I4", customer: "C4", amount: 50_000, dueIn: -40, pLate: 0.5, segment: "B"}, asOf),
  makeOpen({id: "I5", customer: "C4", amount: 5_000, dueIn: -70, pLate: 0.9, segment: "B"}, asOf),
  makeOpen({id: "I6", customer: "C5", amount: 1_000, dueIn: 20, pLate: 0.2, segment: null}, asOf)
];
const rules = {cutoffs: {medium: 0.3, high: 0.6}, invoiceValueCutoff: 10_000, customerValueCutoff: 30_000};
const unsampled: SampleScale = {capped: false, scale: {invoices: 1, amount: 1}, kept: {invoices: 6, customers: 5}, total: {invoices: 6, customers: 5}};

describe("risk cut-offs from the sliders", () => {
  test("valid cut-offs pass through without a note", () => {
    expect(chooseRiskCutoffs(0.3, 0.6)).toEqual({cutoffs: {medium: 0.3, high: 0.6}, note: null});
    expect(chooseRiskCutoffs(0.5, 0.5).note).toBeNull();
  });

  test("a medium cut-off above the high one empties the medium band and says so", () => {
    const choice = chooseRiskCutoffs(0.7, 0.4);
    expect(choice.cutoffs).toEqual({medium: 0.4, high: 0.4});
    expect(choice.note).toBe(
      "The medium-risk cut-off (0.70) is above the high-risk cut-off (0.40), so no invoice is medium risk: P(late) from 0.40 is high risk, below it low risk."
    );
    // The rules accept it: nothing lands in the medium band.
    const a = assignStrategies(invoices, {...rules, cutoffs: choice.cutoffs});
    expect(a.invoices.some((s) => s.riskBand === "medium")).toBe(false);
  });

  test("out-of-range values are clamped to [0, 1]", () => {
    expect(chooseRiskCutoffs(-0.2, 1.5).cutoffs).toEqual({medium: 0, high: 1});
  });

  test("the file's rules are recognised, and nothing else", () => {
    const file = {risk: {medium: 0.3, high: 0.6}, invoiceValue: 10_000};
    expect(isFileRules({medium: 0.3, high: 0.6}, 10_000, file)).toBe(true);
    expect(isFileRules({medium: 0.31, high: 0.6}, 10_000, file)).toBe(false);
    expect(isFileRules({medium: 0.3, high: 0.6}, 10_100, file)).toBe(false);
  });
});

describe("value cut-off slider range", () => {
  test("spans the open amounts on a step that keeps the default reachable", () => {
    const amounts = Array.from({length: 100}, (_, i) => 300 + i * 1_000);
    const range = valueCutoffRange(amounts, 10_000);
    // 5th percentile 4,300 → a 1,000 step from 4,000; 99th percentile 98,300 → up to 99,000.
    expect(range).toEqual({min: 4_000, max: 99_000, step: 1_000});
    expect((10_000 - range.min) % range.step).toBe(0);
    // A default with a second significant digit needs a finer step.
    expect(valueCutoffRange(amounts, 3_700).step).toBe(100);
  });

  test("the default is inside the range even when it lies outside the amounts", () => {
    const range = valueCutoffRange([50, 60, 70], 3_700);
    expect(range.min).toBeLessThanOrEqual(3_700);
    expect(range.max).toBeGreaterThanOrEqual(3_700);
    expect(Number.isInteger((3_700 - range.min) / range.step)).toBe(true);
  });

  test("no amounts: a usable range around the default", () => {
    const range = valueCutoffRange([], 0);
    expect(range.max).toBeGreaterThan(range.min);
    expect(range.step).toBeGreaterThan(0);
  });
});

describe("the view the page draws", () => {
  const assignment = assignStrategies(invoices, rules);

  test("unsampled: the re-run equals lib/portfolio/strategy.ts's matrix, table and themes", () => {
    const v = computedView(invoices, assignment, unsampled, []);
    expect(v.estimated).toBe(false);
    expect(v.grid).toEqual(strategyMatrix(invoices, assignment).grid);
    expect(v.table).toEqual(strategyTable(invoices, assignment));
    expect(v.themes.map((t) => t.share)).toEqual(strategyThemes(invoices, assignment).map((t) => t.share));
    expect(v.totalInvoices).toBe(6);
    expect(v.totalAmount).toBe(81_000);
  });

  test("a sample is scaled up to the whole book; shares are not; concentration comes from the file", () => {
    const sample: SampleScale = {capped: true, scale: {invoices: 2, amount: 3}, kept: {invoices: 6, customers: 5}, total: {invoices: 12, customers: 10}};
    const fileConcentration: ViewTheme = {key: "concentration", share: 0.5, count: 10, amount: 123};
    const v = computedView(invoices, assignment, sample, [fileConcentration]);
    const plain = computedView(invoices, assignment, unsampled, []);
    expect(v.estimated).toBe(true);
    expect(v.totalInvoices).toBe(12);
    expect(v.totalAmount).toBe(243_000);
    v.table.forEach((row, i) => {
      expect(row.invoices).toBe(plain.table[i].invoices * 2);
      expect(row.amount).toBe(plain.table[i].amount * 3);
      expect(row.customers).toBe(plain.table[i].customers * 2);
      expect(row.invoiceShare).toBe(plain.table[i].invoiceShare);
    });
    expect(v.grid[0].count).toBe(plain.grid[0].count * 2);
    expect(v.themes.find((t) => t.key === "concentration")).toEqual(fileConcentration);
  });

  test("the file's own figures pass through unchanged", () => {
    const file = {
      matrix: {grid: [] as ViewGridCell[]},
      table: [],
      themes: [],
      segmentProposals: [] as SegmentMixRow[],
      sample: {...unsampled, total: {invoices: 6, customers: 5, amount: 81_000}}
    } satisfies StrategyFileView;
    expect(fileView(file)).toEqual({grid: [], table: [], themes: [], segments: [], totalInvoices: 6, totalAmount: 81_000, estimated: false});
  });

  test("segment mix: per segment, strategies' amounts and shares; unsegmented last", () => {
    const rows = segmentMix(invoices, assignment);
    expect(rows.map((r) => r.segment)).toEqual(["A", "B", "C", "D", null]);
    const b = rows[1];
    expect(b.amount).toBe(55_000);
    expect(b.strategies.find((s) => s.strategy === "followUp")).toEqual({strategy: "followUp", invoices: 1, amount: 50_000, amountShare: 50_000 / 55_000});
    expect(b.strategies.find((s) => s.strategy === "restrict")?.amount).toBe(5_000);
  });
});

describe("sentences", () => {
  const assignment = assignStrategies(invoices, rules);
  const v = computedView(invoices, assignment, unsampled, []);

  test("themes lede", () => {
    expect(strategyThemesFinding(v.themes, {totalInvoices: v.totalInvoices})).toBe(
      "50% of open invoices sit with low-risk or loyal customers and can stay on standard terms or better; 17% can be left to automated reminders. " +
        "The 33% that need focused collection — a named collector or a credit restriction — are where the effort goes, and they carry 68% of the open amount ($55K). " +
        "Five customers hold 100% of the amount expected to arrive late."
    );
    expect(strategyThemesFinding(v.themes, {totalInvoices: 0})).toBe("");
  });

  test("themes lede without focused invoices", () => {
    const calm = assignStrategies(invoices, {...rules, cutoffs: {medium: 0.95, high: 0.95}});
    const text = strategyThemesFinding(computedView(invoices, calm, unsampled, []).themes, {totalInvoices: 6});
    expect(text).toContain("No invoice needs focused collection under these rules.");
    expect(text).not.toContain("automated reminders");
  });

  test("segment mix sentence names the two largest strategies by amount", () => {
    const b = segmentMix(invoices, assignment)[1];
    expect(segmentMixFinding(b)).toBe("91% of its $55K open is under AR follow-up, 9% under credit restriction (2 invoices).");
    expect(segmentMixFinding(b, {estimated: true})).toBe("91% of its ≈$55K open is under AR follow-up, 9% under credit restriction (≈2 invoices).");
    expect(segmentMixFinding({...b, invoices: 0})).toBe("No open invoices.");
    // secondStrategy (5%): a second strategy with 4% of the amount goes unnamed.
    const small = {...b, strategies: b.strategies.map((x) => (x.strategy === "restrict" ? {...x, amountShare: 0.04} : x))};
    expect(segmentMixFinding(small)).toBe("91% of its $55K open is under AR follow-up (2 invoices).");
  });

  test("strategy table and segment mix titles, and what they say when nothing qualifies", () => {
    const row = (strategy: "restrict" | "standard", invoices: number, invoiceShare: number, meanPLate: number | null) => ({strategy, invoices, invoiceShare, meanPLate});
    expect(restrictFinding([row("standard", 8, 0.8, 0.1), row("restrict", 2, 0.2, 0.716)])).toBe("20% of open invoices need a credit restriction; their average predicted P(late) is 0.72");
    expect(restrictFinding([row("standard", 8, 1, 0.1), row("restrict", 0, 0, null)])).toBe("No open invoice needs a credit restriction under these rules");
    const mix = (segment: string | null, restrictShare: number): SegmentMixRow => ({
      segment, letter: null, invoices: 2, amount: 100,
      strategies: [{strategy: "restrict", invoices: 1, amount: 100 * restrictShare, amountShare: restrictShare}]
    });
    expect(segmentMixTitle([mix("A", 0.1), mix("B", 0.4)])).toBe("40% of segment B's open amount falls under credit restriction");
    expect(segmentMixTitle([mix("A", 0), mix("B", 0)])).toBe("No segment's open amount falls under credit restriction");
    expect(segmentMixTitle([mix(null, 0.5)])).toBe("Customers are not segmented: too little payment history");
  });

  test("matrix title: the largest cell and the high-risk amount", () => {
    expect(matrixFinding(v.grid)).toBe("Medium-risk, high-value invoices hold 62% of the open amount; high-risk ones 6% ($5,000)");
    expect(matrixFinding([])).toBe("No open invoices to place in the matrix");
  });

  test("number words up to ten", () => {
    expect(numberWord(10)).toBe("ten");
    expect(numberWord(1)).toBe("one");
    expect(numberWord(12)).toBe("12");
  });
});

describe("action plans", () => {
  test("offsets read relative to the due date", () => {
    expect(offsetLabel(-5)).toBe("5 days before due");
    expect(offsetLabel(1)).toBe("1 day after due");
    expect(offsetLabel(0)).toBe("on the due date");
    expect(offsetShort(-10)).toBe("−10 d");
    expect(offsetShort(7)).toBe("+7 d");
    expect(offsetShort(0)).toBe("due");
  });

  test("the timeline holds every planned action, numbered within its plan", () => {
    const points = actionTimeline();
    const total = Object.values(strategyDefinitions).reduce((s, d) => s + d.actions.length, 0);
    expect(points).toHaveLength(total);
    expect(points.filter((p) => p.strategy === "restrict").map((p) => p.step)).toEqual([1, 2, 3, 4, 5]);
  });

  test("timeline title: the earliest starter (the more severe on a tie) and the latest", () => {
    expect(timelineFinding(actionTimeline())).toBe("Credit restriction starts 10 days before the due date; Standard waits until 3 days after it");
    expect(timelineFinding(actionTimeline(["reminders"]))).toBe("Automated reminders starts 5 days before the due date");
    expect(timelineFinding([])).toBe("Planned actions by strategy");
  });
});

describe("worklist under the reader's rules", () => {
  test("at the build's rules, strategy and next action match buildWorklist exactly", () => {
    const assignment = assignStrategies(invoices, rules);
    const built = buildWorklist(invoices, asOf, {strategy: assignment});
    const byId = new Map(invoices.map((i) => [i.invoiceId, i]));
    const rows = built.map((w) => ({invoiceId: w.invoiceId, amount: w.amount, pLate: w.pLate, segment: w.segment, dueDate: byId.get(w.invoiceId)!.dueDate}));
    const decided = decideWorklist(rows, asOf, assignment.options);
    decided.forEach((d, i) => {
      expect(d.strategy).toBe(built[i].strategy);
      expect(d.nextAction).toBe(built[i].nextAction);
      expect(d.nextActionDate).toBe(built[i].nextActionDate);
      expect(d.nextActionChannel).toBe(built[i].nextActionChannel);
    });
  });

  test("the page's table: worklist.json's rows under the reader's rules, filtered to a strategy", () => {
    const file = worklistFile(buildWorklist(invoices, asOf, {strategy: assignStrategies(invoices, rules)}), {limit: 10, asOf, currency: "USD"});
    const rows = worklistRows(file.items);
    expect(rows.map((r) => r.invoiceId)).toEqual(file.items.invoiceId);
    expect(rows.map((r) => r.due)).toEqual(file.items.dueDate.map((_, i) => asOf + [10, -5, 3, -40, -70, 20][invoices.findIndex((v) => v.invoiceId === file.items.invoiceId[i])]));
    // At the file's rules the page shows the file's strategies; a lower high-risk cut-off moves I4 (P(late) 0.5) to restriction.
    // At the file's rules the re-decided rows are the file's own.
    expect(decidedWorklist(rows, asOf, assignStrategies(invoices, rules).options)).toEqual(rows);
    expect(rows.map((r) => r.strategy)).toEqual(file.items.strategy);
    const stricter = decidedWorklist(rows, asOf, assignStrategies(invoices, {...rules, cutoffs: {medium: 0.3, high: 0.45}}).options, {strategy: "restrict"});
    expect(stricter.map((r) => r.invoiceId).sort()).toEqual(["I3", "I4", "I5"]);
    expect(stricter.every((r) => r.strategyName === "Credit restriction" && r.nextAction !== null && /^\d{4}-\d\d-\d\d$/.test(r.nextActionDate))).toBe(true);
  });

  test("a lower high-risk cut-off moves an invoice to credit restriction", () => {
    const assignment = assignStrategies(invoices, {...rules, cutoffs: {medium: 0.3, high: 0.4}});
    const row = {invoiceId: "I3", amount: 3_000, pLate: 0.45, segment: "D", dueDate: asOf + 3};
    const [d] = decideWorklist([row], asOf, assignment.options);
    expect(d.strategy).toBe("restrict");
    // The next planned step of the plan: the pre-due call 3 days before the due date, i.e. today.
    expect(d.nextAction).toBe("Pre-due call to confirm the payment date");
    expect(d.nextActionDate).toBe(asOf);
  });

  test("rows rebuilt from the shipped table decide the same as the originals", () => {
    const rebuilt = openInvoicesFromTable(openInvoiceTable(invoices, asOf));
    expect(assignStrategies(rebuilt, rules).invoices.map((s) => s.strategy)).toEqual(assignStrategies(invoices, rules).invoices.map((s) => s.strategy));
  });
});
