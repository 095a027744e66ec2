import {describe, expect, test} from "vitest";
import {featuresWorded, riskWords} from "../../lib/views/risk.js";
import {riskLevelRule} from "../../lib/views/definitions/segments.js";
import {restrictFinding} from "../../lib/views/strategy.js";

describe("risk in words, by where it comes from", () => {
  test("a model's scores are predictions; the past-due rule's are not", () => {
    expect(Object.values(riskWords("model")).join(" ")).toMatch(/predicted/);
    expect(Object.values(riskWords("rule")).join(" ")).not.toMatch(/predict|model['’]s/);
    expect(riskWords("rule").source).toMatch(/^the past-due rule, as the ledger has no payment history to fit a model on/);
  });

  test("the customer feature that says 'model' is reworded without one, the others kept", () => {
    const features = [
      {key: "averageDelay", label: "Average delay", definition: "Days late, amount-weighted."},
      {key: "predictedLate", label: "Predicted P(late)", definition: "The payment model's mean predicted probability."}
    ];
    expect(featuresWorded(features, "model")).toEqual(features);
    const worded = featuresWorded(features, "rule");
    expect(worded[0]).toBe(features[0]);
    expect(worded[1].label).toBe("Risk by the past-due rule");
    expect(worded[1].definition).not.toMatch(/model's|predicted/);
  });

  test("sentences that name the score take the rule's words", () => {
    const {score} = riskWords("rule");
    expect(riskLevelRule({low: 0.8, high: 1.2}, score)).toMatch(/^Risk level: the cluster's mean rule-based risk over its invoices/);
    expect(restrictFinding([{strategy: "restrict", invoices: 3, invoiceShare: 0.3, meanPLate: 1}], score)).toBe("30% of open invoices need a credit restriction; their average rule-based risk is 1.00");
  });
});
