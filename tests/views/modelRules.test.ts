import {describe, expect, test} from "vitest";
import {calibrationRule, familyRule, splitSharesSentence, thresholdRule, variantRule} from "../../lib/views/modelRules.js";

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
