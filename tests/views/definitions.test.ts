import {describe, expect, test} from "vitest";
import {groupSpecs} from "../../lib/model/features/catalogue.js";
import {defaultFeatureOptions} from "../../lib/model/features/index.js";
import {cardOrder} from "../../lib/portfolio/files/kpis.js";
import {strategyKeys} from "../../lib/portfolio/strategy.js";
import {customerFeatureKeys} from "../../lib/segments/customerFeatures.js";
import {segmentLetters} from "../../lib/segments/letters.js";
import {
  customerFeatureDefinitions, featureGroupDescription, kpiFormulas, proposalAction, quadrantActions, strategySummaries, withDefinitions
} from "../../lib/views/definitions.js";

describe("every name a data file ships has its words", () => {
  test("each KPI card, model feature group, customer feature, strategy and quadrant", () => {
    for (const key of cardOrder) expect(kpiFormulas[key].length, key).toBeGreaterThan(20);
    for (const spec of groupSpecs) expect(featureGroupDescription(spec.name, defaultFeatureOptions).length, spec.name).toBeGreaterThan(20);
    for (const key of customerFeatureKeys) expect(customerFeatureDefinitions[key].length, key).toBeGreaterThan(20);
    for (const key of strategyKeys) expect(strategySummaries[key].length, key).toBeGreaterThan(20);
    for (const letter of segmentLetters) expect(quadrantActions[letter].length, letter).toBeGreaterThan(20);
  });

  test("a feature group's settings come from the file's options, not from the text", () => {
    const options = {recentWindow: 7, trendWindow: 4, priorWeight: 2, monthEndDays: 5};
    expect(featureGroupDescription("lateRate", options)).toContain("over the last 7, shrunk towards the ledger-wide rate by 2 invoices' weight");
    expect(featureGroupDescription("trend", options)).toContain("last 4 settled invoices");
    expect(featureGroupDescription("monthEnd", options)).toBe("1 if issued in the last 5 days of a month.");
    for (const spec of groupSpecs) expect(featureGroupDescription(spec.name, options)).not.toMatch(/[{}]/);
  });

  test("proposals: the quadrant's treatment, or the invoice-level strategy for customers too new to segment", () => {
    expect(proposalAction("B")).toMatch(/follow-up/);
    expect(proposalAction("C")).toMatch(/Automate/);
    expect(proposalAction("D")).toMatch(/prepayment/);
    expect(proposalAction(null)).toMatch(/invoice-level strategy/);
  });

  test("withDefinitions adds each feature's definition and keeps the rest", () => {
    const [f] = withDefinitions([{key: "onTimeShare" as const, label: "On-time share", clustering: true}]);
    expect(f).toEqual({key: "onTimeShare", label: "On-time share", clustering: true, definition: customerFeatureDefinitions.onTimeShare});
  });
});
