import {describe, expect, test} from "vitest";
import {
  baseRateBrier, brierFinding, calibrationError, calibrationFinding, comparisonFinding, droppedFeaturesNote, featureLabel, imbalanceFinding,
  importanceFinding, listWords, modelDetail, modelLede, outOfTen, precisionAtRecall, prFinding, rocFinding, scoreDistributionFinding, signalShare,
  snapThreshold, thresholdFinding, thresholdOutcome, thresholdSentence, thresholdSweep, tradeoffFinding
} from "../../lib/views/model.js";
import type {CalibrationSummary, ComparisonFacts, ModelNarrative, ThresholdBins} from "../../lib/views/model.js";
import type {FamilyCurves, ReliabilityBins} from "../../lib/pipeline/contract.js";
import type {FamilyKey, VariantKey} from "../../lib/model/families.js";
import {confusionFromBins} from "../../lib/model/metrics.js";
import {thresholds} from "../../lib/views/thresholds.js";

const narrative: ModelNarrative = {
  model: "Gradient-boosted trees",
  variant: "No re-weighting",
  testAuc: 0.8391,
  testPrAuc: 0.6664,
  runnerUp: "Logistic regression",
  runnerUpTestAuc: 0.8294,
  runnerUpTestPrAuc: 0.6566,
  aucGap: 0.0097,
  prAucGap: 0.0098,
  bestOnTest: "Gradient-boosted trees",
  bestOnTestPrAuc: 0.6664,
  choiceConfirmedOnTest: true,
  testInvoices: 5818,
  baseRate: 0.2136,
  liftTopDecile: 3.6351,
  lateShareInTopDecile: 0.3636,
  threshold: 0.36,
  flaggedShare: 0.193,
  lateCaughtShare: 0.5656,
  precisionAtThreshold: 0.626,
  lateAmountCaughtShare: 0.4477,
  topGroups: [{group: "lateRate"}, {group: "creditScore"}, {group: "utilisation"}]
};

/** 10 bins: 4 late and 6 on-time invoices, amounts 100 each except a late 1,000 in the top bin. */
const bins: ThresholdBins = {
  bins: 10,
  positives: [0, 0, 0, 1, 0, 0, 1, 0, 1, 1],
  negatives: [2, 2, 0, 1, 0, 1, 0, 0, 0, 0],
  positiveAmount: [0, 0, 0, 100, 0, 0, 100, 0, 100, 1000],
  negativeAmount: [200, 200, 0, 100, 0, 100, 0, 0, 0, 0],
  currency: "USD",
  n: 10,
  late: 4,
  amountTotal: 1900,
  lateAmount: 1300,
  threshold: 0.5
};

describe("words", () => {
  test("feature labels: known groups by name, others from camelCase", () => {
    expect(featureLabel("lateRate")).toBe("Past late rate");
    expect(featureLabel("someNewGroup")).toBe("Some new group");
  });

  test("lists and shares out of ten", () => {
    expect(listWords(["a"])).toBe("a");
    expect(listWords(["a", "b", "c"])).toBe("a, b and c");
    expect(outOfTen(0.626)).toBe("6 of every 10");
    expect(outOfTen(0.2136)).toBe("2 of every 10");
    // Ten is too coarse near the ends.
    expect(outOfTen(0.97)).toBe("97 of every 100");
    expect(outOfTen(0.03)).toBe("3 of every 100");
  });
});

describe("the lede", () => {
  test("names the winner, its margin and what a flag means", () => {
    expect(modelLede(narrative)).toBe(
      "The gradient-boosted trees model predicts late payment best, but only narrowly: on 5,818 later invoices it never saw, its PR AUC is 0.666, " +
        "0.010 ahead of logistic regression's 0.657 (ROC AUC 0.839 against 0.829). " +
        "Of the invoices it flags at its threshold of 36.0%, 6 of every 10 are paid late — against 2 of every 10 overall — " +
        "and the flags catch 57% of late invoices (45% of their value)."
    );
  });

  const importance = (means: number[]) => ({groups: means.map((mean, k) => ({group: `g${k}`, mean, sd: 0}))});

  test("the detail: lift in the riskiest tenth and the drivers", () => {
    // The three drivers hold (0.07 + 0.06 + 0.02) / 0.17 = 88% of the signal.
    expect(modelDetail(narrative, importance([0.07, 0.06, 0.02, 0.01, 0.01, -0.001]))).toBe(
      "The tenth of invoices it rates riskiest is paid late 3.6× as often as the average invoice and holds 36% of all late ones, " +
        "so a collector who starts from the top of its list reaches late payers first. " +
        "Most of the signal, 88%, comes from three feature groups: past late rate, credit score and credit utilisation."
    );
    expect(modelDetail({...narrative, topGroups: []})).not.toContain("signal");
    expect(modelDetail(narrative)).toContain("Its strongest signals: past late rate, credit score and credit utilisation.");
  });

  test("signal share: the first groups' part of the positive importance", () => {
    expect(signalShare([{mean: 0.3}, {mean: 0.1}, {mean: -0.2}, {mean: 0.1}], 2)).toBeCloseTo(0.8, 12);
    expect(signalShare([{mean: -0.1}])).toBeNaN();
  });

  test("contrary data: lift and signal below their thresholds say so", () => {
    // usefulLift 2 and weakLift 1.25: a collector "reaches late payers first" only from 2×.
    expect(thresholds.usefulLift.value).toBe(2);
    expect(modelDetail({...narrative, liftTopDecile: 1.6})).toContain(
      "1.6× as often as the average invoice and holds 36% of all late ones, so the top of its list holds more late payers than a random pick, though not twice as many."
    );
    expect(modelDetail({...narrative, liftTopDecile: 1.1})).toContain("so the top of its list is hardly richer in late payers than a random pick.");
    expect(modelDetail({...narrative, liftTopDecile: 1.1})).not.toContain("reaches late payers first");
    // Three of ten equal groups hold 30%: not "most".
    const spread = modelDetail(narrative, importance(Array(10).fill(0.01)));
    expect(spread).toContain("The signal is spread out: the strongest three feature groups, past late rate, credit score and credit utilisation, carry only 30% of it.");
    expect(spread).not.toContain("Most of the signal");
  });

  test("a wide margin is clear; a choice beaten on test says so", () => {
    expect(modelLede({...narrative, prAucGap: 0.05})).toContain("best, clearly:");
    const beaten = modelLede({...narrative, choiceConfirmedOnTest: false, bestOnTest: "Random forest", runnerUp: "Random forest", runnerUpTestPrAuc: 0.67, bestOnTestPrAuc: 0.67, prAucGap: -0.0036});
    expect(beaten).toContain(
      "chosen on the validation slice, is not the best on 5,818 later invoices it never saw: random forest reaches a PR AUC of 0.670 against its 0.666, a gap small enough to treat the two as equivalent."
    );
  });

  test("contrary data: a model beaten on test by more than the narrow lead is not called equivalent", () => {
    // The best on test is a third family, not the runner-up: its own PR AUC is the one compared.
    const beaten = modelLede({...narrative, choiceConfirmedOnTest: false, bestOnTest: "Random forest", bestOnTestPrAuc: 0.7164, prAucGap: 0.0098});
    expect(beaten).toContain(
      "random forest reaches a PR AUC of 0.716 against its 0.666, a lead of 0.050, beyond the 0.020 that would make the two equivalent: on these invoices the validation slice chose the weaker model."
    );
    expect(beaten).not.toContain("equivalent.");
  });

  test("a single family has no runner-up", () => {
    expect(modelLede({...narrative, runnerUp: null, prAucGap: null, runnerUpTestAuc: null, runnerUpTestPrAuc: null})).toMatch(
      /^On 5,818 later invoices it never saw, the gradient-boosted trees model ranks late payers with a PR AUC of 0.666 and a ROC AUC of 0.839\./
    );
  });
});

describe("chart findings", () => {
  test("comparison: choice and validation margin", () => {
    expect(
      comparisonFinding({
        familyName: "Gradient-boosted trees",
        variantName: "No re-weighting",
        validationPrAuc: 0.6841,
        runnerUp: {familyName: "Random forest", variantName: "No re-weighting", validationPrAuc: 0.6667},
        margin: 0.0173
      })
    ).toBe("The gradient-boosted trees model (no re-weighting) has the highest validation PR AUC, 0.684: 0.017 ahead of random forest");
  });

  const row = (family: FamilyKey, variant: VariantKey, validationPrAuc: number, testBrier: number, calibratedBrier: number): ComparisonFacts => ({
    family,
    familyName: family === "logistic" ? "Logistic regression" : "Random forest",
    variant,
    variantName: {none: "No re-weighting", balanced: "Balanced class weights", smote: "SMOTE"}[variant]!,
    validationPrAuc,
    testBrier,
    calibratedBrier
  });

  test("imbalance: the largest re-weighting gain, and Brier inflation hand-computed", () => {
    const rows = [
      row("logistic", "none", 0.66, 0.12, 0.12),
      row("logistic", "balanced", 0.663, 0.15, 0.116),
      row("forest", "none", 0.67, 0.116, 0.116),
      row("forest", "smote", 0.64, 0.158, 0.12)
    ];
    // Re-weighted raw Brier (0.15 + 0.158) / 2 = 0.154; without (0.12 + 0.116) / 2 = 0.118; calibrated (0.116 + 0.12) / 2 = 0.118.
    expect(imbalanceFinding(rows)).toBe(
      "Class weights and SMOTE barely change the ranking: no re-weighting is the best variant in 1 of 2 families, and the largest gain from re-weighting is 0.003 " +
        "of validation PR AUC (logistic regression, balanced class weights). They do inflate the raw probabilities — a mean test Brier score of 0.154 against 0.118 " +
        "without re-weighting — which calibration on the validation slice undoes (0.118)."
    );
    expect(imbalanceFinding([row("logistic", "none", 0.7, 0.12, 0.12), row("logistic", "smote", 0.6, 0.2, 0.14)])).toContain(
      "No re-weighting is the best variant in every family"
    );
    expect(imbalanceFinding([row("logistic", "none", 0.7, 0.12, 0.12), row("logistic", "smote", 0.6, 0.2, 0.14)])).toContain("only partly undoes (0.140)");
  });

  test("contrary data: a re-weighting gain beyond the narrow lead is not 'barely'", () => {
    const helped = imbalanceFinding([row("logistic", "none", 0.6, 0.12, 0.12), row("logistic", "smote", 0.66, 0.15, 0.12), row("forest", "none", 0.67, 0.116, 0.116), row("forest", "balanced", 0.66, 0.15, 0.116)]);
    expect(helped).toMatch(/^Re-weighting helps: it is the best variant in 1 of 2 families, and its largest gain is 0\.060 of validation PR AUC \(logistic regression, SMOTE\)\./);
    expect(helped).not.toContain("barely");
  });

  const curve = (familyName: string, auc: number, recall: number[], precision: number[]): Pick<FamilyCurves, "familyName" | "auc" | "pr"> => ({
    familyName,
    auc,
    pr: {length: recall.length, threshold: recall.map(() => null), recall, precision}
  });

  test("ROC: a tie within 0.02 or a winner", () => {
    expect(rocFinding([curve("Logistic regression", 0.8294, [], []), curve("Gradient-boosted trees", 0.8391, [], [])])).toBe(
      "All 2 model families rank late payers about as well as each other: test ROC AUC 0.829 to 0.839"
    );
    expect(rocFinding([curve("Logistic regression", 0.8, [], []), curve("Gradient-boosted trees", 0.85, [], [])])).toBe(
      "The gradient-boosted trees model ranks late payers best: test ROC AUC 0.850 against 0.800 for logistic regression"
    );
  });

  test("PR: interpolated precision at half recall against the base rate", () => {
    const c = curve("Gradient-boosted trees", 0.84, [0, 0.25, 0.5, 0.75, 1], [1, 0.9, 0.7, 0.72, 0.2]);
    // The best precision at recall ≥ 0.5 is 0.72 (at 0.75), not 0.7.
    expect(precisionAtRecall(c.pr, 0.5)).toBe(0.72);
    expect(precisionAtRecall(c.pr, 1.01)).toBeNaN();
    expect(prFinding(c, 0.2)).toBe("Flagging enough invoices to catch half of the late ones, the gradient-boosted trees model is right 72% of the time — 3.6× the 20% base rate");
  });

  const reliability = (meanPredicted: (number | null)[], observedRate: (number | null)[], count: number[]): ReliabilityBins => ({
    length: count.length,
    lower: count.map((_, k) => k / count.length),
    upper: count.map((_, k) => (k + 1) / count.length),
    meanPredicted,
    observedRate,
    count
  });

  test("calibration error weights each bin's gap by its invoices and skips empty bins", () => {
    // (100 · 0.02 + 300 · 0.04) / 400 = 0.035
    expect(calibrationError(reliability([0.1, 0.5, null], [0.12, 0.46, null], [100, 300, 0]))).toBeCloseTo(0.035, 12);
    expect(calibrationError(reliability([], [], []))).toBeNaN();
  });

  test("calibration findings for no mapping and for Platt scaling", () => {
    const bins = reliability([0.1, 0.5], [0.12, 0.46], [100, 300]);
    const facts: CalibrationSummary = {method: "none", brierBefore: 0.1142, brierAfter: 0.1142, binsAfter: bins};
    // 3.5 points apart on average: beyond readableProbabilities (3 points).
    expect(calibrationFinding(facts)).toBe(
      "Neither Platt scaling nor isotonic regression improved the Brier score on validation, so the raw probabilities are used, though predicted and observed late rates differ by 3.5 percentage points on average: read them as a ranking more than as exact rates"
    );
    const close = reliability([0.1, 0.5], [0.11, 0.49], [100, 300]);
    expect(calibrationFinding({...facts, binsAfter: close})).toBe(
      "The model's probabilities can be read as they are: predicted and observed late rates differ by 1.0 percentage points on average, and neither Platt scaling nor isotonic regression improved the Brier score on validation"
    );
    expect(calibrationFinding({...facts, method: "platt", brierBefore: 0.1524, brierAfter: 0.1156})).toBe(
      "Platt scaling, fitted on the validation slice, lowers the test Brier score from 0.152 to 0.116; predicted and observed late rates now differ by 3.5 percentage points on average"
    );
    expect(baseRateBrier(0.2)).toBeCloseTo(0.16, 12);
    expect(brierFinding(facts, 0.2)).toBe("No mapping beat the raw scores on validation, so the test Brier score stays 0.114; always guessing 20% scores 0.160");
    expect(brierFinding({...facts, method: "isotonic", brierBefore: 0.1487, brierAfter: 0.1167}, 0.2)).toBe(
      "Isotonic regression lowers the test Brier score from 0.149 to 0.117; always guessing 20% scores 0.160"
    );
    expect(brierFinding({...facts, method: "platt", brierBefore: 0.114, brierAfter: 0.115}, 0.2)).toBe(
      "Platt scaling, chosen on validation, does not improve the test Brier score (0.115 against 0.114 raw); always guessing 20% scores 0.160"
    );
  });

  test("importance: two leaders or one dominant group", () => {
    const groups = (means: number[]) => means.map((mean, k) => ({group: ["lateRate", "creditScore", "utilisation"][k], mean, sd: 0}));
    expect(importanceFinding({familyName: "Gradient-boosted trees", groups: groups([0.0746, 0.0634, 0.0161])})).toBe(
      "Past late rate and credit score carry the gradient-boosted trees model: shuffling them lowers test ROC AUC by 0.075 and 0.063; no other feature costs more than 0.016"
    );
    expect(importanceFinding({familyName: "Random forest", groups: groups([0.08, 0.02, 0.01])})).toBe(
      "Past late rate dominates the random forest model: shuffling it lowers test ROC AUC by 0.080; no other feature costs more than 0.020"
    );
  });

  test("contrary data: two leaders that hold little of the signal lead rather than carry; no signal at all says so", () => {
    const groups = (means: number[]) => means.map((mean, k) => ({group: ["lateRate", "creditScore", ...Array(10).fill("month")][k], mean, sd: 0}));
    expect(importanceFinding({familyName: "Random forest", groups: groups([0.02, 0.015, 0.012, 0.012, 0.012, 0.012])})).toBe(
      "Past late rate and credit score lead the random forest model: shuffling them lowers test ROC AUC by 0.020 and 0.015; no other feature costs more than 0.012"
    );
    expect(importanceFinding({familyName: "Random forest", groups: groups([0, -0.001])})).toBe(
      "No single feature group matters to the random forest model: shuffling any one of them leaves test ROC AUC where it was"
    );
  });

  test("trade-off and score distribution titles follow the bins", () => {
    // Precision rises from 0.4 (everything flagged) to 0.75 at 0.5: more of the flags are late.
    expect(tradeoffFinding(thresholdSweep(bins), 0.5)).toBe("A higher threshold flags fewer invoices, more of them late, and catches fewer late ones");
    expect(scoreDistributionFinding(bins)).toBe("Late invoices score higher than on-time ones (median P(late) 65% against 15%): the threshold decides where the overlap is cut");
    // Contrary data: late and on-time invoices spread alike over the bins.
    const alike: ThresholdBins = {...bins, positives: [1, 1, 0, 0, 0, 1, 0, 0, 1, 0], negatives: [1, 1, 0, 1, 0, 1, 0, 0, 1, 1]};
    expect(tradeoffFinding(thresholdSweep(alike), 0.5)).toBe(
      "A higher threshold flags fewer invoices and catches fewer late ones, without making the flags much more often right"
    );
    expect(scoreDistributionFinding(alike)).toBe("Late and on-time invoices score much alike (median P(late) 15% against 35%): no threshold separates them well");
  });
});

describe("missing data", () => {
  test("dropped feature groups are named in words and grouped by reason", () => {
    expect(droppedFeaturesNote([])).toBe("");
    expect(
      droppedFeaturesNote([
        {group: "amountToLimit", reason: "the ledger has no credit_limit data"},
        {group: "utilisation", reason: "the ledger has no credit_limit data"},
        {group: "industry", reason: "the ledger has no industry data"}
      ])
    ).toBe(
      "The ledger lacks some optional columns, so the model goes without these features: amount vs credit limit and credit utilisation (the ledger has no credit_limit data); industry (the ledger has no industry data)."
    );
  });
});

describe("threshold", () => {
  test("snaps floating-point slider values to bin edges", () => {
    expect(snapThreshold(0.36500000000000005, 200)).toBe(73 / 200);
    expect(snapThreshold(0.3649999999, 200)).toBe(73 / 200);
    expect(snapThreshold(-1, 10)).toBe(0);
    expect(snapThreshold(2, 10)).toBe(1);
  });

  test("the outcome at 0.5, hand-computed from the bins", () => {
    // Flagged: bins 5..9 → tp 3 (100 + 100 + 1,000), fp 1 (100); missed: tp bin 3 (100); tn 5 (500).
    const o = thresholdOutcome(bins, 0.5);
    expect(o.cells).toMatchObject({tp: 3, fp: 1, tn: 5, fn: 1, tpAmount: 1200, fpAmount: 100, fnAmount: 100, tnAmount: 500, flagged: 4, flaggedAmount: 1300});
    expect(o.precision).toBe(0.75);
    expect(o.recall).toBe(0.75);
    expect(o.flaggedShare).toBe(0.4);
    expect(o.flaggedAmountShare).toBeCloseTo(1300 / 1900, 12);
    expect(o.lateAmountCaught).toBeCloseTo(1200 / 1300, 12);
    expect(thresholdFinding(o)).toBe("At P(late) ≥ 50.0%, 8 of every 10 flagged invoices are paid late, and the flags catch 75% of late invoices");
    expect(thresholdSentence(o, "USD")).toBe(
      "The model flags 4 of the 10 test invoices (40.0%), worth $1,300 (68% of the value). 3 of them were paid late ($1,200); 1 on-time invoice ($100) would be chased needlessly, and 1 late invoice ($100) is missed."
    );
  });

  test("a threshold above every score flags nothing", () => {
    const o = thresholdOutcome(bins, 1);
    expect(o.cells.flagged).toBe(0);
    expect(o.precision).toBeNaN();
    expect(thresholdFinding(o)).toBe("At P(late) ≥ 100.0% no invoice is flagged");
    expect(thresholdSentence(o, "USD")).toBe("No test invoice scores this high: nothing is flagged, and all 4 late invoices ($1,300) go unflagged.");
  });

  test("the sweep agrees with confusionFromBins at every edge", () => {
    const sweep = thresholdSweep(bins);
    expect(sweep).toHaveLength(11);
    expect(sweep[0]).toEqual({threshold: 0, precision: 0.4, recall: 1, flaggedShare: 1});
    for (const point of sweep) {
      const cells = confusionFromBins(bins, point.threshold);
      expect(point.flaggedShare).toBeCloseTo(cells.flagged / 10, 12);
      expect(point.recall).toBeCloseTo(cells.tp / 4, 12);
      if (cells.flagged) expect(point.precision).toBeCloseTo(cells.tp / cells.flagged, 12);
      else expect(point.precision).toBeNaN();
    }
  });
});
