import {describe, expect, test} from "vitest";
import type {OpenInvoice} from "../../lib/portfolio/openInvoices.js";
import {
  assignStrategies,
  decideStrategy,
  resolveStrategyOptions,
  roundToSignificant,
  strategyDefinitions,
  strategyKeys,
  strategyMatrix,
  strategyTable,
  strategyThemes,
  suggestedValueCutoffs,
  valueBand
} from "../../lib/portfolio/strategy.js";
import {makeOpen} from "../fixtures/kpi/fixtures.js";

const asOf = 20_000;
const options = resolveStrategyOptions([], {invoiceValueCutoff: 10_000, customerValueCutoff: 50_000});
const decide = (pLate: number, value: number, segment: string | null = null) => decideStrategy({pLate, value, segment}, 10_000, options).strategy;

describe("strategy rules", () => {
  test("risk cut-offs: a P(late) exactly on a cut-off takes the band above", () => {
    expect(decide(0.2999, 5_000)).toBe("standard");
    expect(decide(0.3, 5_000)).toBe("reminders");
    expect(decide(0.5999, 5_000)).toBe("reminders");
    expect(decide(0.6, 5_000)).toBe("restrict");
    expect(decide(0.6, 50_000)).toBe("restrict");
  });

  test("value cut-off: an amount exactly on it is high value", () => {
    expect(valueBand(10_000, 10_000)).toBe("high");
    expect(valueBand(9_999.99, 10_000)).toBe("low");
    expect(decide(0.45, 10_000)).toBe("followUp");
    expect(decide(0.45, 9_999.99)).toBe("reminders");
  });

  test("loyalty for low-risk customers in qualifying segments only", () => {
    expect(decide(0.1, 100, "A")).toBe("loyalty");
    expect(decide(0.1, 100, "A2")).toBe("loyalty");
    expect(decide(0.1, 100, "C")).toBe("standard");
    expect(decide(0.1, 100, null)).toBe("standard");
    expect(decide(0.3, 100, "A")).toBe("reminders");
    const withC = resolveStrategyOptions([], {invoiceValueCutoff: 1, customerValueCutoff: 1, loyaltySegments: ["A", "C"]});
    expect(decideStrategy({pLate: 0.1, value: 100, segment: "C"}, 1, withC).strategy).toBe("loyalty");
  });

  test("custom rules and cut-offs are honoured; no matching rule means standard", () => {
    const custom = resolveStrategyOptions([], {
      invoiceValueCutoff: 1,
      customerValueCutoff: 1,
      cutoffs: {medium: 0.2, high: 0.9},
      rules: [{strategy: "followUp", risk: ["high"], value: ["high"]}]
    });
    expect(decideStrategy({pLate: 0.95, value: 5, segment: null}, 1, custom)).toMatchObject({strategy: "followUp", rule: 0});
    expect(decideStrategy({pLate: 0.8, value: 5, segment: null}, 1, custom)).toMatchObject({strategy: "standard", riskBand: "medium", rule: -1});
  });

  test("every strategy carries an action plan in due-date order", () => {
    for (const key of strategyKeys) {
      const offsets = strategyDefinitions[key].actions.map((a) => a.offsetDays);
      expect(offsets.length).toBeGreaterThan(0);
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    }
  });

  test("data-driven value cut-offs are round numbers", () => {
    expect(roundToSignificant(12_345)).toBe(12_000);
    expect(roundToSignificant(987)).toBe(990);
    expect(roundToSignificant(0)).toBe(0);
    const invoices = [1_000, 2_000, 3_000, 4_000, 5_000].map((amount, i) => makeOpen({id: `I${i}`, customer: `C${i % 2}`, amount, dueIn: 5, pLate: 0.1}, asOf));
    // Invoice amounts: 75th percentile 4,000. Customers: C0 9,000 and C1 6,000 → 8,250 → 8,300.
    expect(suggestedValueCutoffs(invoices)).toEqual({invoice: 4_000, customer: 8_300});
  });
});

describe("assignment, matrix, table and themes", () => {
  const specs = [
    {id: "I1", customer: "C1", amount: 20_000, pLate: 0.1, segment: "A"},
    {id: "I2", customer: "C1", amount: 5_000, pLate: 0.2, segment: "A"},
    {id: "I3", customer: "C2", amount: 4_000, pLate: 0.05, segment: "C"},
    {id: "I4", customer: "C3", amount: 15_000, pLate: 0.45, segment: "B"},
    {id: "I5", customer: "C4", amount: 2_000, pLate: 0.35, segment: "D"},
    {id: "I6", customer: "C4", amount: 3_000, pLate: 0.9, segment: "D"},
    {id: "I7", customer: "C5", amount: 1_000, pLate: 0.7, segment: null}
  ];
  const invoices: OpenInvoice[] = specs.map((s) => makeOpen({...s, dueIn: 10}, asOf));
  const assignment = assignStrategies(invoices, {invoiceValueCutoff: 10_000, customerValueCutoff: 10_000});

  test("invoices and customers", () => {
    expect(assignment.invoices.map((s) => s.strategy)).toEqual(["loyalty", "loyalty", "standard", "followUp", "reminders", "restrict", "restrict"]);
    const c4 = assignment.customers.find((c) => c.customerId === "C4")!;
    // C4: (2,000 × 0.35 + 3,000 × 0.9) / 5,000 = 0.68 → high risk.
    expect(c4.meanPLate).toBeCloseTo(0.68, 12);
    expect(c4.strategy).toBe("restrict");
    expect(assignment.customers.find((c) => c.customerId === "C3")).toMatchObject({strategy: "followUp", valueBand: "high"});
  });

  test("the matrix covers every risk × value × segment cell and adds up", () => {
    const {cells, grid} = strategyMatrix(invoices, assignment);
    expect(cells).toHaveLength(3 * 2 * 5);
    expect(cells.reduce((s, c) => s + c.count, 0)).toBe(7);
    expect(cells.reduce((s, c) => s + c.amount, 0)).toBe(50_000);
    expect(cells.find((c) => c.risk === "low" && c.value === "low" && c.segment === "A")).toMatchObject({strategy: "loyalty", count: 1, amount: 5_000});
    expect(cells.find((c) => c.risk === "low" && c.value === "low" && c.segment === "C")).toMatchObject({strategy: "standard", count: 1});
    const lowLow = grid.find((g) => g.risk === "low" && g.value === "low")!;
    expect(lowLow.strategies).toEqual([
      {strategy: "loyalty", count: 1, amount: 5_000},
      {strategy: "standard", count: 1, amount: 4_000}
    ]);
    expect(grid.find((g) => g.risk === "high" && g.value === "low")!.strategies).toEqual([{strategy: "restrict", count: 2, amount: 4_000}]);
  });

  test("the strategy table: counts, shares, mean P(late), plans", () => {
    const rows = strategyTable(invoices, assignment);
    expect(rows.map((r) => r.strategy)).toEqual([...strategyKeys]);
    const byKey = new Map(rows.map((r) => [r.strategy, r]));
    expect(byKey.get("loyalty")).toMatchObject({invoices: 2, amount: 25_000, amountShare: 0.5, customers: 1});
    expect(byKey.get("loyalty")!.invoiceShare).toBeCloseTo(2 / 7, 12);
    expect(byKey.get("loyalty")!.meanPLate).toBeCloseTo(0.15, 12);
    expect(byKey.get("restrict")!.meanPLate).toBeCloseTo(0.8, 12);
    expect(rows.reduce((s, r) => s + r.invoiceShare, 0)).toBeCloseTo(1, 12);
    expect(byKey.get("restrict")!.actions).toBe(strategyDefinitions.restrict.actions);
  });

  test("themes are computed from the numbers", () => {
    const themes = new Map(strategyThemes(invoices, assignment, {topCustomers: 2}).map((t) => [t.key, t]));
    expect(themes.get("routine")!.share).toBeCloseTo(3 / 7, 12);
    expect(themes.get("automated")!.share).toBeCloseTo(1 / 7, 12);
    expect(themes.get("focused")!).toMatchObject({count: 3, amount: 19_000});
    expect(themes.get("focused")!.share).toBeCloseTo(3 / 7, 12);
    expect(themes.get("focusedValue")!.share).toBeCloseTo(19_000 / 50_000, 12);
    // Expected late: C3 6,750; C1 3,000; C4 3,400; C5 700; C2 200 → top two 10,150 of 14,050.
    expect(themes.get("concentration")!.share).toBeCloseTo(10_150 / 14_050, 12);
    expect(themes.get("concentration")!.count).toBe(2);
    expect(themes.get("loyalty")!.share).toBe(0.5);
  });

  test("a table for other invoices than the assignment's is refused", () => {
    expect(() => strategyTable(invoices.slice(1), assignment)).toThrow();
  });
});
