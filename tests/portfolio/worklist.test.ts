import {describe, expect, test} from "vitest";
import {assignStrategies, strategyDefinitions} from "../../lib/portfolio/strategy.js";
import {buildWorklist, nextAction} from "../../lib/portfolio/worklist.js";
import {compareWorklistPriority, worklistOrder} from "../../lib/portfolio/worklistOrder.js";
import {makeOpen} from "../fixtures/kpi/fixtures.js";

const asOf = 20_000;

describe("worklist order", () => {
  test("expected late amount first, then days overdue, then invoice id", () => {
    const invoices = [
      {id: "I-b", amount: 1_000, pLate: 0.5, dueIn: -10}, // 500, 10 days overdue
      {id: "I-a", amount: 1_000, pLate: 0.5, dueIn: -10}, // 500, 10 days overdue: id breaks the tie
      {id: "I-c", amount: 500, pLate: 1, dueIn: -20}, // 500, 20 days overdue
      {id: "I-d", amount: 10_000, pLate: 0.1, dueIn: 5}, // 1,000
      {id: "I-e", amount: 100, pLate: 0.9, dueIn: -90} // 90
    ].map((s) => makeOpen(s, asOf));
    expect(Array.from(worklistOrder(invoices), (i) => invoices[i].invoiceId)).toEqual(["I-d", "I-c", "I-a", "I-b", "I-e"]);
    expect(compareWorklistPriority(invoices[0], invoices[0])).toBe(0);
  });
});

describe("next action", () => {
  const plan = strategyDefinitions.reminders.actions; // −5, +1, +7, +14
  test("the first step on or after the as-of day", () => {
    expect(nextAction(plan, asOf + 10, asOf)).toEqual({action: plan[0], date: asOf + 5});
    expect(nextAction(plan, asOf + 5, asOf)).toEqual({action: plan[0], date: asOf});
    expect(nextAction(plan, asOf + 4, asOf)).toEqual({action: plan[1], date: asOf + 5});
    expect(nextAction(plan, asOf - 14, asOf)).toEqual({action: plan[3], date: asOf});
  });

  test("a plan that has run out repeats its last step now, never in the past", () => {
    expect(nextAction(plan, asOf - 100, asOf)).toEqual({action: plan[3], date: asOf});
    expect(nextAction([], asOf, asOf)).toBe(null);
  });
});

describe("buildWorklist", () => {
  const invoices = [
    {id: "I1", customer: "C1", amount: 20_000, pLate: 0.1, dueIn: 3, segment: "A", factors: ["long, reliable history"]},
    {id: "I2", customer: "C2", amount: 15_000, pLate: 0.45, dueIn: -8, segment: "B"},
    {id: "I3", customer: "C3", amount: 3_000, pLate: 0.9, dueIn: -70, segment: "D"},
    {id: "I4", customer: "C4", amount: 2_000, pLate: 0.35, dueIn: 20, segment: "C"}
  ].map((s) => makeOpen(s, asOf));
  const strategy = {invoiceValueCutoff: 10_000, customerValueCutoff: 10_000};

  test("rows in priority order with strategy, next action and its date", () => {
    const rows = buildWorklist(invoices, asOf, {strategy});
    expect(rows.map((r) => [r.rank, r.invoiceId, r.strategy])).toEqual([
      [1, "I2", "followUp"], // 6,750 expected late
      [2, "I3", "restrict"], // 2,700
      [3, "I1", "loyalty"], // 2,000
      [4, "I4", "reminders"] // 700
    ]);
    // I2 is 8 days overdue: the follow-up call (+3) is past, the next step is +14, six days from now.
    expect(rows[0]).toMatchObject({nextAction: "Agree a payment date or payment plan", nextActionChannel: "phone", nextActionDate: asOf + 6, expectedLateAmount: 6_750});
    // I3 is 70 days overdue: past its whole plan, so the last step is due now.
    expect(rows[1]).toMatchObject({nextAction: "Refer to a collection agency", nextActionDate: asOf});
    expect(rows[2]).toMatchObject({nextActionDate: asOf + 10, topFactors: ["long, reliable history"]});
    expect(rows[3]).toMatchObject({nextAction: "Automated pre-due reminder", nextActionDate: asOf + 15});
    for (const row of rows) expect(row.nextActionDate!).toBeGreaterThanOrEqual(asOf);
  });

  test("filters by strategy, limits, and accepts a ready assignment", () => {
    const assignment = assignStrategies(invoices, strategy);
    const focused = buildWorklist(invoices, asOf, {strategy: assignment, strategies: ["followUp", "restrict"]});
    expect(focused.map((r) => [r.rank, r.invoiceId])).toEqual([[1, "I2"], [2, "I3"]]);
    expect(buildWorklist(invoices, asOf, {strategy: assignment, limit: 1}).map((r) => r.invoiceId)).toEqual(["I2"]);
    expect(() => buildWorklist(invoices.slice(1), asOf, {strategy: assignment})).toThrow();
  });
});
