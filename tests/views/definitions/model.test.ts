import {describe, expect, test} from "vitest";
import {groupSpecs} from "../../../lib/model/features/catalogue.js";
import {defaultFeatureOptions} from "../../../lib/model/features/index.js";
import {calibrationRule, familyRule, featureGroupDescription, splitSharesSentence, thresholdRule, variantRule} from "../../../lib/views/definitions/model.js";

describe("every name a data file ships has its words", () => {
  test("each model feature group", () => {
    for (const spec of groupSpecs) expect(featureGroupDescription(spec.name, defaultFeatureOptions).length, spec.name).toBeGreaterThan(20);
  });

  test("a feature group's settings come from the file's options, not from the text", () => {
    const options = {recentWindow: 7, trendWindow: 4, priorWeight: 2, monthEndDays: 5};
    expect(featureGroupDescription("lateRate", options)).toContain("over the last 7, shrunk towards the ledger-wide rate by 2 invoices' weight");
    expect(featureGroupDescription("trend", options)).toContain("last 4 settled invoices");
    expect(featureGroupDescription("monthEnd", options)).toBe("1 if issued in the last 5 days of a month.");
    for (const spec of groupSpecs) expect(featureGroupDescription(spec.name, options)).not.toMatch(/[{}]/);
  });
});

describe("the rules, in words, from the settings model.json ships", () => {
  test("selection: the tolerance, and the variants in the order ties are broken in", () => {
    expect(familyRule(0.002)).toBe(
      "The family whose chosen variant has the highest PR AUC (average precision) on the validation slice; families within 0.002 of the best count as tied " +
        "and the tie goes to the one with the fewest fitted parameters (coefficients or tree leaves). The test slice plays no part in the choice."
    );
    expect(variantRule(0.01)).toBe(
      "For each family, the imbalance variant with the highest validation PR AUC; variants within 0.01 of it count as tied and the tie goes to the one " +
        "that changes the training data least (no re-weighting → balanced class weights → smote)."
    );
  });

  test("calibration and threshold", () => {
    expect(calibrationRule({folds: 4, minImprovement: 0.0005})).toBe(
      "Chosen by the lowest 4-fold cross-fitted Brier score on the validation slice; a more flexible method (none → Platt → isotonic) must improve it by more than 0.0005. " +
        "Fitted on the validation slice; the figures below are on the test slice."
    );
    expect(thresholdRule(200)).toMatch(/^The calibrated probability, in steps of 0.005, that maximises F1/);
  });

  test("split shares: the cuts when the default held, the reason when the slices were widened", () => {
    const defaultShares = {train: 0.6, validation: 0.15, test: 0.25};
    expect(splitSharesSentence({shares: defaultShares, defaultShares, minClassCount: 20, defaultShortfall: null})).toBe(
      "The cuts fall at 60 % and 75 % of the labelled invoices by invoice date: a 60 / 15 / 25 % split into training, validation and test."
    );
    const widened = {shares: {train: 0.4, validation: 0.25, test: 0.35}, defaultShares, minClassCount: 20, defaultShortfall: {slice: "train" as const, late: 17, onTime: 9}};
    expect(splitSharesSentence(widened)).toBe(
      "The default 60 / 15 / 25 % split left fewer than 20 late and on-time invoices in the training slice (17 late and 9 on-time), " +
        "so the later slices were widened to 40 / 25 / 35 %, the first wider split with at least 20 late and 20 on-time invoices in each slice; " +
        "the shares depend on these counts alone, never on a model's score."
    );
  });
});
