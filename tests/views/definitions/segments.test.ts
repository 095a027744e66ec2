import {describe, expect, test} from "vitest";
import {customerFeatureKeys} from "../../../lib/segments/customerFeatures.js";
import {segmentLetters} from "../../../lib/segments/letters.js";
import {
  customerFeatureDefinitions, kChoiceRule, pcaCapRule, proposalAction, quadrantActions, riskLevelRule, ruleRatingRule, thinHistoryRule, unsegmentedReason,
  withDefinitions
} from "../../../lib/views/definitions/segments.js";

describe("every name a data file ships has its words", () => {
  test("each customer feature and quadrant", () => {
    for (const key of customerFeatureKeys) expect(customerFeatureDefinitions[key].length, key).toBeGreaterThan(20);
    for (const letter of segmentLetters) expect(quadrantActions[letter].length, letter).toBeGreaterThan(20);
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

describe("the segmentation's rules, in words", () => {
  test("the rules behind the table, from the numbers the file ships", () => {
    const curve = {k: [2, 3, 4, 5], inertia: [100, 40, 30, 25], silhouette: [0.39, 0.3, 0.28, 0.2]};
    expect(kChoiceRule(curve, {k: 3, elbowK: 3, silhouetteK: 2, decidedBy: "elbow", minSilhouette: 0.1})).toBe(
      "Elbow of the inertia curve over k = 2–5 (the point farthest from the chord between its ends): k = 3. " +
        "The mean silhouette is highest at k = 2 (0.39); at the elbow it is 0.30, above the 0.1 floor, so the elbow stands: k = 3."
    );
    expect(riskLevelRule({low: 0.8, high: 1.25})).toMatch(/below 0\.8× Low, above 1\.25× High, otherwise Medium\.$/);
    expect(thinHistoryRule(5)).toBe("Customers with fewer than 5 settled invoices are described but not clustered.");
    expect(pcaCapRule({capped: true, points: {length: 2500}}, 9800)).toBe("2,500 of 9,800 clustered customers, chosen by a seeded hash of the customer id.");
    expect(pcaCapRule({capped: false, points: {length: 900}}, 900)).toBeNull();
    expect(ruleRatingRule({lateDelayDays: 7, valueThreshold: 40_421.6})).toMatch(/^High risk: amount-weighted average delay over 7 days\. High value: total invoiced above the median customer's \(40,422\)\./);
    expect(unsegmentedReason({customers: {clustered: 2}, thinHistory: {minSettled: 5}, clusteringFeatures: ["averageDelay", "totalInvoiced"], minCustomers: 3})).toBe(
      "Only 2 customers have 5 or more settled invoices and 2 usable features; segmentation needs at least 3 customers and one feature."
    );
  });
});
