import {describe, expect, test} from "vitest";
import {defaultStrategyRules, strategyKeys} from "../../../lib/portfolio/strategy.js";
import {describeRule, sampleRule, strategySummaries, worklistCapRule} from "../../../lib/views/definitions/strategy.js";
import type {RuleLabels} from "../../../lib/views/definitions/strategy.js";

/** strategy.json's names, as the default build ships them. */
const labels: RuleLabels = {
  definitions: [
    {key: "loyalty", label: "Loyalty — better terms"},
    {key: "standard", label: "Standard — no change"},
    {key: "reminders", label: "Medium risk — automated reminders"},
    {key: "followUp", label: "AR follow-up — manual"},
    {key: "restrict", label: "High risk — credit restriction / prepayment"}
  ],
  riskBands: [{band: "low", label: "Low risk"}, {band: "medium", label: "Medium risk"}, {band: "high", label: "High risk"}],
  valueBands: ["low", "high"],
  cutoffs: {loyaltySegments: ["A"]}
};

describe("every name a data file ships has its words", () => {
  test("each strategy", () => {
    for (const key of strategyKeys) expect(strategySummaries[key].length, key).toBeGreaterThan(20);
  });
});

describe("the rules in words", () => {
  test("each rule of the playbook, with the file's names for strategies, bands and loyal segments", () => {
    expect(describeRule(defaultStrategyRules[0], labels)).toBe("High risk, any value → High risk — credit restriction / prepayment");
    expect(describeRule(defaultStrategyRules[3], labels)).toBe("Low risk, any value, segment A → Loyalty — better terms");
    expect(describeRule(defaultStrategyRules[1], labels)).toBe("Medium risk, high value → AR follow-up — manual");
    expect(describeRule(defaultStrategyRules[3], {...labels, cutoffs: {loyaltySegments: ["A", "C"]}})).toBe("Low risk, any value, segment A or C → Loyalty — better terms");
  });

  test("what a capped file kept, and what the worklist table shows", () => {
    expect(sampleRule({cap: 4000, riskiest: 0})).toBe("At most 4,000 open invoices: whole customers in the order of a seeded hash of the customer id, until the next customer would pass the cap.");
    expect(sampleRule({cap: 4000, riskiest: 100})).toContain("4,000 open invoices: all open invoices of the 100 customers with the highest expected late amount, then whole customers");
    expect(worklistCapRule({total: 1636, shown: 500})).toBe("The first 500 of 1,636 open invoices in worklist order; the CSV download has them all.");
    expect(worklistCapRule({total: 300, shown: 300})).toBeNull();
  });
});
