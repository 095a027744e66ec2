// Probability calibration: a monotone map from a model's scores to probabilities that match observed
// late-payment rates, fitted on a validation slice's (score, label) pairs and applied to new scores.
//
// Platt scaling fits σ(a·logit(s) + b), as sklearn's CalibratedClassifierCV(method="sigmoid") does on a
// decision function, with Platt's smoothed targets. Isotonic regression fits the best non-decreasing step
// function by pool-adjacent-violators and interpolates linearly between its points, as sklearn's
// IsotonicRegression(out_of_bounds="clip").
import {brierScore, logLoss} from "../metrics.js";
import type {Random} from "../../core/random.js";
import {logistic, logit} from "../../core/stats.js";
import {solveSymmetric} from "./logistic.js";

export type CalibrationMethod = "none" | "platt" | "isotonic";

export interface Calibrator {
  method: CalibrationMethod;
  /** Calibrated probabilities for `scores`. */
  apply(scores: ArrayLike<number>): Float64Array;
}

export interface PlattCalibrator extends Calibrator {
  method: "platt";
  /** P = σ(slope · logit(score) + intercept). */
  slope: number;
  intercept: number;
}

export interface IsotonicCalibrator extends Calibrator {
  method: "isotonic";
  /** Knots of the fitted piecewise-linear map: ascending scores and their non-decreasing probabilities. */
  knotScores: Float64Array;
  knotValues: Float64Array;
}

/** The identity: scores are used as they are. */
export const identityCalibrator: Calibrator = {method: "none", apply: (scores) => Float64Array.from(scores)};

function checkInputs(scores: ArrayLike<number>, labels: ArrayLike<number>, weights: ArrayLike<number> | undefined, name: string): void {
  if (scores.length !== labels.length) throw new Error(`${name}: ${scores.length} scores for ${labels.length} labels`);
  if (weights && weights.length !== scores.length) throw new Error(`${name}: ${weights.length} weights for ${scores.length} scores`);
  if (!scores.length) throw new Error(`${name}: no data`);
}

/**
 * Platt scaling on the log-odds of the scores. Targets are Platt's (N₊ + 1)/(N₊ + 2) and 1/(N₋ + 2)
 * instead of 1 and 0, which keeps the fit finite when the scores separate the classes. Solved by Newton.
 */
export function fitPlatt(scores: ArrayLike<number>, labels: ArrayLike<number>, weights?: ArrayLike<number>): PlattCalibrator {
  checkInputs(scores, labels, weights, "fitPlatt");
  const n = scores.length;
  const f = Float64Array.from(scores, (s) => logit(s));
  let prior0 = 0, prior1 = 0;
  for (let i = 0; i < n; ++i) {
    const w = weights ? weights[i] : 1;
    if (labels[i] === 1) prior1 += w;
    else prior0 += w;
  }
  const hiTarget = (prior1 + 1) / (prior1 + 2), loTarget = 1 / (prior0 + 2);
  const target = (i: number) => (labels[i] === 1 ? hiTarget : loTarget);
  const objective = (a: number, b: number): number => {
    let loss = 0;
    for (let i = 0; i < n; ++i) {
      const z = a * f[i] + b;
      // −[t·log σ(z) + (1 − t)·log(1 − σ(z))] = softplus(z) − t·z
      const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
      loss += (weights ? weights[i] : 1) * (softplus - target(i) * z);
    }
    return loss;
  };

  let a = 1, b = 0; // the identity map
  let value = objective(a, b);
  for (let iteration = 0; iteration < 100; ++iteration) {
    let ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
    for (let i = 0; i < n; ++i) {
      const w = weights ? weights[i] : 1;
      const p = logistic(a * f[i] + b);
      const r = w * (p - target(i)), c = w * p * (1 - p);
      ga += r * f[i];
      gb += r;
      haa += c * f[i] * f[i];
      hab += c * f[i];
      hbb += c;
    }
    // A tiny ridge keeps the 2×2 system solvable when every score is the same.
    const ridge = 1e-12 * (haa + hbb) + 1e-300;
    const step = solveSymmetric(Float64Array.of(haa + ridge, hab, hab, hbb + ridge), Float64Array.of(ga, gb), 2) ?? Float64Array.of(ga, gb);
    let t = 1, next = value;
    for (let halvings = 0; halvings < 60; ++halvings, t /= 2) {
      next = objective(a - t * step[0], b - t * step[1]);
      if (next <= value) break;
    }
    if (next > value) break;
    a -= t * step[0];
    b -= t * step[1];
    value = next;
    if (Math.max(Math.abs(t * step[0]), Math.abs(t * step[1])) < 1e-10) break;
  }
  return plattCalibrator(a, b);
}

export function plattCalibrator(slope: number, intercept: number): PlattCalibrator {
  return {method: "platt", slope, intercept, apply: (scores) => Float64Array.from(scores, (s) => logistic(slope * logit(s) + intercept))};
}

/**
 * Weighted isotonic (non-decreasing) regression of labels on scores. Tied scores are first merged into
 * one point with their weighted mean label, as sklearn does, then pool-adjacent-violators.
 */
export function fitIsotonic(scores: ArrayLike<number>, labels: ArrayLike<number>, weights?: ArrayLike<number>): IsotonicCalibrator {
  checkInputs(scores, labels, weights, "fitIsotonic");
  const n = scores.length;
  const order = Array.from({length: n}, (_, i) => i).sort((i, j) => scores[i] - scores[j] || i - j);
  // Unique scores with their weighted label sums.
  const xs: number[] = [], sums: number[] = [], totals: number[] = [];
  for (const i of order) {
    const w = weights ? weights[i] : 1;
    const last = xs.length - 1;
    if (last >= 0 && xs[last] === scores[i]) {
      sums[last] += w * labels[i];
      totals[last] += w;
    } else {
      xs.push(scores[i]);
      sums.push(w * labels[i]);
      totals.push(w);
    }
  }
  // Pool adjacent violators: a stack of blocks, each (start index, Σ w·y, Σ w).
  const blockStart: number[] = [], blockSum: number[] = [], blockWeight: number[] = [];
  for (let k = 0; k < xs.length; ++k) {
    let start = k, sum = sums[k], weight = totals[k];
    while (blockStart.length && blockSum[blockSum.length - 1] / blockWeight[blockWeight.length - 1] >= sum / weight) {
      start = blockStart.pop()!;
      sum += blockSum.pop()!;
      weight += blockWeight.pop()!;
    }
    blockStart.push(start);
    blockSum.push(sum);
    blockWeight.push(weight);
  }
  const values = new Float64Array(xs.length);
  for (let block = 0; block < blockStart.length; ++block) {
    const end = block + 1 < blockStart.length ? blockStart[block + 1] : xs.length;
    values.fill(blockSum[block] / blockWeight[block], blockStart[block], end);
  }
  // Keep only the knots where the map bends: inside a flat run, interior points change nothing.
  const keptScores: number[] = [], keptValues: number[] = [];
  for (let k = 0; k < xs.length; ++k) {
    if (k === 0 || k === xs.length - 1 || values[k] !== values[k - 1] || values[k] !== values[k + 1]) {
      keptScores.push(xs[k]);
      keptValues.push(values[k]);
    }
  }
  return isotonicCalibrator(Float64Array.from(keptScores), Float64Array.from(keptValues));
}

export function isotonicCalibrator(knotScores: Float64Array, knotValues: Float64Array): IsotonicCalibrator {
  const last = knotScores.length - 1;
  const at = (s: number): number => {
    if (!(s > knotScores[0])) return knotValues[0]; // clip below (and NaN to the lowest value)
    if (s >= knotScores[last]) return knotValues[last];
    let lo = 0, hi = last; // knotScores[lo] < s < knotScores[hi] after the search
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (knotScores[mid] <= s) lo = mid;
      else hi = mid;
    }
    const t = (s - knotScores[lo]) / (knotScores[hi] - knotScores[lo]);
    return knotValues[lo] + t * (knotValues[hi] - knotValues[lo]);
  };
  return {method: "isotonic", knotScores, knotValues, apply: (scores) => Float64Array.from(scores, at)};
}

export function fitCalibrator(method: CalibrationMethod, scores: ArrayLike<number>, labels: ArrayLike<number>, weights?: ArrayLike<number>): Calibrator {
  switch (method) {
    case "none":
      return identityCalibrator;
    case "platt":
      return fitPlatt(scores, labels, weights);
    case "isotonic":
      return fitIsotonic(scores, labels, weights);
  }
}

export interface ChooseCalibrationOptions {
  /** Cross-fitting folds over the validation slice. Default 5. */
  folds?: number;
  /**
   * A more flexible method (none → Platt → isotonic) must lower the cross-fitted Brier score by more
   * than this to be chosen over the best simpler one. Default 0.0002.
   */
  minImprovement?: number;
}

export interface CalibrationChoice {
  method: CalibrationMethod;
  /** The chosen method refitted on the whole validation slice. */
  calibrator: Calibrator;
  /** Cross-fitted (out-of-fold) Brier score and log loss of each method. */
  brier: Record<CalibrationMethod, number>;
  logLoss: Record<CalibrationMethod, number>;
}

const methods: readonly CalibrationMethod[] = ["none", "platt", "isotonic"];

/**
 * Chooses between no calibration, Platt and isotonic by cross-fitting on the validation slice: rows are
 * shuffled (seeded) into `folds` folds, each method is fitted on the other folds and scored on the held-out
 * one, and the out-of-fold Brier scores are compared. The most flexible method wins only if it beats
 * the simpler choice by more than `minImprovement`, because isotonic in particular can overfit a small
 * slice while looking better in-sample.
 */
export function chooseCalibration(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  options: ChooseCalibrationOptions = {},
  random: Random
): CalibrationChoice {
  const {folds = 5, minImprovement = 0.0002} = options;
  checkInputs(scores, labels, undefined, "chooseCalibration");
  const n = scores.length;
  if (!(folds >= 2 && folds <= n)) throw new Error(`chooseCalibration: need 2 ≤ folds ≤ ${n}, got ${folds}`);
  const permutation = random.shuffle(Array.from({length: n}, (_, i) => i));
  const fold = new Int32Array(n);
  permutation.forEach((row, position) => (fold[row] = position % folds));

  const outOfFold: Record<CalibrationMethod, Float64Array> = {none: Float64Array.from(scores), platt: new Float64Array(n), isotonic: new Float64Array(n)};
  for (let k = 0; k < folds; ++k) {
    const train: number[] = [], test: number[] = [];
    for (let i = 0; i < n; ++i) (fold[i] === k ? test : train).push(i);
    const trainScores = train.map((i) => scores[i]), trainLabels = train.map((i) => labels[i]);
    const testScores = test.map((i) => scores[i]);
    for (const method of ["platt", "isotonic"] as const) {
      const predicted = fitCalibrator(method, trainScores, trainLabels).apply(testScores);
      test.forEach((row, t) => (outOfFold[method][row] = predicted[t]));
    }
  }
  const brier = {} as Record<CalibrationMethod, number>;
  const logLosses = {} as Record<CalibrationMethod, number>;
  for (const method of methods) {
    brier[method] = brierScore(labels, outOfFold[method]);
    logLosses[method] = logLoss(labels, outOfFold[method]);
  }
  let method: CalibrationMethod = "none";
  for (const candidate of methods) if (brier[candidate] < brier[method] - minImprovement) method = candidate;
  return {
    method,
    calibrator: fitCalibrator(method, scores, labels),
    brier,
    logLoss: logLosses
  };
}
