// Measuring a fitted model: scores on the validation and test slices, calibration chosen on validation,
// its own threshold chosen on validation, and the test metrics the comparison table shows — plus the
// JSON pieces (curves, reliability bins, importance, score bins) the Model page draws.
import {
  averagePrecision,
  brierScore,
  calibrationBins,
  confusionMatrix,
  confusionRates,
  logLoss,
  prCurve,
  rocAuc,
  rocCurve,
  scoreBins
} from "./metrics.js";
import type {CalibrationBin} from "./metrics.js";
import {chooseCalibration} from "./learners/calibration.js";
import type {CalibrationChoice, ChooseCalibrationOptions} from "./learners/calibration.js";
import type {PermutationImportance} from "./learners/importance.js";
import type {Dataset} from "./learners/types.js";
import {createRandom} from "../core/random.js";
import {columnar, round, roundAll, roundAllFinite, roundFinite} from "../core/json.js";
import {familyNames, variantNames} from "./families.js";
import type {FittedModel} from "./families.js";
import {chooseThreshold} from "./selection.js";
import type {CalibrationFacts, ComparisonRow, FamilyCurves, FamilyImportance, ReliabilityBins, ScoreBinsFile} from "../pipeline/contract.js";
import type {ThresholdChoice} from "./selection.js";

export interface EvaluatedModel {
  model: FittedModel;
  validationScores: Float64Array;
  testScores: Float64Array;
  calibration: CalibrationChoice;
  validationCalibrated: Float64Array;
  testCalibrated: Float64Array;
  threshold: ThresholdChoice;
  validationAuc: number;
  validationPrAuc: number;
}

export interface EvaluationOptions {
  calibration: ChooseCalibrationOptions;
  /** Bins of the score histogram, which are also the threshold's steps. */
  bins: number;
}

/** Scores, calibration (cross-fitted on validation) and threshold (max F1 on validation) of one model. */
export function evaluateModel(model: FittedModel, validation: Dataset, test: Dataset, options: EvaluationOptions, seed: string): EvaluatedModel {
  const validationScores = model.classifier.predict(validation.x);
  const testScores = model.classifier.predict(test.x);
  const calibration = chooseCalibration(validationScores, validation.y, options.calibration, createRandom(`${seed}:calibration:${model.family}:${model.variant}`));
  const validationCalibrated = calibration.calibrator.apply(validationScores);
  return {
    model,
    validationScores,
    testScores,
    calibration,
    validationCalibrated,
    testCalibrated: calibration.calibrator.apply(testScores),
    threshold: chooseThreshold(validation.y, validationCalibrated, options.bins),
    validationAuc: rocAuc(validation.y, validationScores),
    validationPrAuc: averagePrecision(validation.y, validationScores)
  };
}

export function comparisonRow(evaluated: EvaluatedModel, test: Dataset, flags: {familyChoice: boolean; selected: boolean}): ComparisonRow {
  const {model, testScores, testCalibrated, threshold, calibration} = evaluated;
  const atHalf = confusionRates(confusionMatrix(test.y, testScores, 0.5));
  const atThreshold = confusionRates(confusionMatrix(test.y, testCalibrated, threshold.value));
  return {
    family: model.family,
    familyName: familyNames[model.family],
    variant: model.variant,
    variantName: variantNames[model.variant],
    ...flags,
    trainingRows: model.trainingRows,
    syntheticRows: model.syntheticRows,
    parameters: model.parameters,
    rounds: model.rounds,
    validationAuc: round(evaluated.validationAuc),
    validationPrAuc: round(evaluated.validationPrAuc),
    testAuc: round(rocAuc(test.y, testScores)),
    testPrAuc: round(averagePrecision(test.y, testScores)),
    testBrier: round(brierScore(test.y, testScores)),
    testLogLoss: round(logLoss(test.y, testScores)),
    calibration: calibration.method,
    calibratedBrier: round(brierScore(test.y, testCalibrated)),
    calibratedLogLoss: round(logLoss(test.y, testCalibrated)),
    accuracyAt50: round(atHalf.accuracy),
    precisionAt50: round(atHalf.precision),
    recallAt50: round(atHalf.recall),
    f1At50: round(atHalf.f1),
    threshold: round(threshold.value),
    accuracyAtThreshold: round(atThreshold.accuracy),
    precisionAtThreshold: round(atThreshold.precision),
    recallAtThreshold: round(atThreshold.recall),
    f1AtThreshold: round(atThreshold.f1),
    flaggedAtThreshold: round(atThreshold.flaggedRate)
  };
}

/** ROC and PR points of a family's calibrated test scores, columnar, at most `maxPoints` each. */
export function curvesOf(evaluated: EvaluatedModel, test: Dataset, maxPoints: number): FamilyCurves {
  const scores = evaluated.testCalibrated;
  const roc = rocCurve(test.y, scores, {maxPoints});
  const pr = prCurve(test.y, scores, {maxPoints});
  return {
    family: evaluated.model.family,
    familyName: familyNames[evaluated.model.family],
    variant: evaluated.model.variant,
    auc: roundFinite(rocAuc(test.y, scores)),
    prAuc: roundFinite(averagePrecision(test.y, scores)),
    roc: {
      length: roc.length,
      threshold: roundAll(roc.map((p) => p.threshold)),
      falsePositiveRate: roundAllFinite(roc.map((p) => p.falsePositiveRate)),
      truePositiveRate: roundAllFinite(roc.map((p) => p.truePositiveRate))
    },
    pr: {
      length: pr.length,
      threshold: roundAll(pr.map((p) => p.threshold)),
      recall: roundAllFinite(pr.map((p) => p.recall)),
      precision: roundAllFinite(pr.map((p) => p.precision))
    }
  };
}

export function binsTable(bins: readonly CalibrationBin[]): ReliabilityBins {
  return columnar(bins, {
    lower: (b) => roundFinite(b.lower),
    upper: (b) => roundFinite(b.upper),
    meanPredicted: (b) => round(b.meanPredicted),
    observedRate: (b) => round(b.observedRate),
    count: (b) => b.count
  });
}

/** The chosen model's calibration: the rule, cross-fitted figures on validation, and test figures before and after. */
export function calibrationSummary(evaluated: EvaluatedModel, test: Dataset, reliabilityBins: number): CalibrationFacts {
  const {calibration, testScores, testCalibrated} = evaluated;
  const calibrator = calibration.calibrator as {slope?: number; intercept?: number; knotScores?: Float64Array};
  return {
    family: evaluated.model.family,
    method: calibration.method,
    validationBrier: {none: round(calibration.brier.none), platt: round(calibration.brier.platt), isotonic: round(calibration.brier.isotonic)},
    validationLogLoss: {none: round(calibration.logLoss.none), platt: round(calibration.logLoss.platt), isotonic: round(calibration.logLoss.isotonic)},
    plattSlope: calibrator.slope === undefined ? null : round(calibrator.slope),
    plattIntercept: calibrator.intercept === undefined ? null : round(calibrator.intercept),
    isotonicKnots: calibrator.knotScores ? calibrator.knotScores.length : null,
    brierBefore: roundFinite(brierScore(test.y, testScores)),
    brierAfter: roundFinite(brierScore(test.y, testCalibrated)),
    logLossBefore: roundFinite(logLoss(test.y, testScores)),
    logLossAfter: roundFinite(logLoss(test.y, testCalibrated)),
    binsBefore: binsTable(calibrationBins(test.y, testScores, {bins: reliabilityBins})),
    binsAfter: binsTable(calibrationBins(test.y, testCalibrated, {bins: reliabilityBins}))
  };
}

/** A family's permutation importance, groups sorted by mean drop in test AUC (ties by catalogue order). */
export function importanceSummary(model: FittedModel, importance: PermutationImportance, repeats: number, rows: number): FamilyImportance {
  const ranked = importance.groups.map((g, k) => ({g, k})).sort((a, b) => b.g.mean - a.g.mean || a.k - b.k);
  return {
    family: model.family,
    familyName: familyNames[model.family],
    variant: model.variant,
    baselineAuc: roundFinite(importance.baseline),
    repeats,
    rows,
    groups: ranked.map(({g}) => ({group: g.name, mean: roundFinite(g.mean), sd: roundFinite(g.sd)}))
  };
}

/** The chosen model's test scores in `bins` bins, by label, with counts and amounts: the threshold slider's data. */
export function scoreBinsFile(evaluated: EvaluatedModel, test: Dataset, amounts: Float64Array, bins: number, currency: string): ScoreBinsFile {
  const binned = scoreBins(test.y, evaluated.testCalibrated, amounts, bins);
  let late = 0, amountTotal = 0, lateAmount = 0;
  for (let i = 0; i < test.y.length; ++i) {
    late += test.y[i];
    amountTotal += amounts[i];
    if (test.y[i] === 1) lateAmount += amounts[i];
  }
  return {
    family: evaluated.model.family,
    familyName: familyNames[evaluated.model.family],
    variant: evaluated.model.variant,
    calibration: evaluated.calibration.method,
    slice: "test",
    currency,
    n: test.y.length,
    late,
    amountTotal: roundFinite(amountTotal, 2),
    lateAmount: roundFinite(lateAmount, 2),
    threshold: roundFinite(evaluated.threshold.value),
    bins,
    positives: binned.positives,
    negatives: binned.negatives,
    positiveAmount: roundAllFinite(binned.positiveAmount, 2),
    negativeAmount: roundAllFinite(binned.negativeAmount, 2)
  };
}

/** Late rate among the `share` highest-scored rows divided by the overall late rate (ties: input order). */
export function liftAtTop(labels: ArrayLike<number>, scores: ArrayLike<number>, share: number): {lift: number; caught: number} {
  const n = labels.length;
  const order = Array.from({length: n}, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  const top = Math.max(1, Math.round(share * n));
  let lateTop = 0, late = 0;
  for (let k = 0; k < n; ++k) {
    late += labels[order[k]];
    if (k < top) lateTop += labels[order[k]];
  }
  return {lift: late ? lateTop / top / (late / n) : NaN, caught: late ? lateTop / late : NaN};
}
