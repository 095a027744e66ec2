// Classification metrics for P(paid late) scores. Definitions follow scikit-learn 1.2 so that figures
// computed here can be checked against the Python peer: ties share average ranks, average precision is
// the step-wise sum Σ (Rₙ − Rₙ₋₁)·Pₙ over distinct thresholds, zero divisions give 0.
//
// Convention: a row is *flagged* (predicted late) when its score is >= the threshold. Labels are 0/1.
import {quantileSorted} from "../core/stats.js";

export interface ConfusionMatrix {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  /** Rows flagged as late (tp + fp). */
  flagged: number;
}

/** A confusion matrix that also carries the invoice amounts in each cell. */
export interface AmountConfusionMatrix extends ConfusionMatrix {
  tpAmount: number;
  fpAmount: number;
  tnAmount: number;
  fnAmount: number;
  /** Amount of the flagged invoices (tpAmount + fpAmount). */
  flaggedAmount: number;
}

/** The threshold-dependent rates of a confusion matrix. */
export interface ConfusionRates {
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  /** Share of rows flagged. */
  flaggedRate: number;
}

function checkLengths(yTrue: ArrayLike<number>, yScore: ArrayLike<number>, name: string): void {
  if (yTrue.length !== yScore.length) throw new Error(`${name}: ${yTrue.length} labels for ${yScore.length} scores`);
}

/** Counts of each cell when rows with score >= threshold are flagged. */
export function confusionMatrix(yTrue: ArrayLike<number>, yScore: ArrayLike<number>, threshold?: number): ConfusionMatrix;
export function confusionMatrix(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  threshold: number,
  amounts: ArrayLike<number>
): AmountConfusionMatrix;
export function confusionMatrix(
  yTrue: ArrayLike<number>,
  yScore: ArrayLike<number>,
  threshold = 0.5,
  amounts?: ArrayLike<number>
): ConfusionMatrix | AmountConfusionMatrix {
  checkLengths(yTrue, yScore, "confusionMatrix");
  let tp = 0, fp = 0, tn = 0, fn = 0;
  let tpAmount = 0, fpAmount = 0, tnAmount = 0, fnAmount = 0;
  for (let i = 0; i < yTrue.length; ++i) {
    const positive = yTrue[i] === 1;
    const flagged = yScore[i] >= threshold;
    const amount = amounts ? amounts[i] : 0;
    if (flagged && positive) {
      ++tp;
      tpAmount += amount;
    } else if (flagged) {
      ++fp;
      fpAmount += amount;
    } else if (positive) {
      ++fn;
      fnAmount += amount;
    } else {
      ++tn;
      tnAmount += amount;
    }
  }
  const counts = {tp, fp, tn, fn, flagged: tp + fp};
  if (!amounts) return counts;
  return {...counts, tpAmount, fpAmount, tnAmount, fnAmount, flaggedAmount: tpAmount + fpAmount};
}

const ratio = (numerator: number, denominator: number): number => (denominator > 0 ? numerator / denominator : 0);

/** Accuracy, precision, recall, F1 and flagged share of a confusion matrix; zero divisions give 0 (as sklearn). */
export function confusionRates({tp, fp, tn, fn}: ConfusionMatrix): ConfusionRates {
  const n = tp + fp + tn + fn;
  return {
    accuracy: ratio(tp + tn, n),
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    flaggedRate: ratio(tp + fp, n)
  };
}

export function accuracy(yTrue: ArrayLike<number>, yScore: ArrayLike<number>, threshold = 0.5): number {
  return confusionRates(confusionMatrix(yTrue, yScore, threshold)).accuracy;
}

export function precision(yTrue: ArrayLike<number>, yScore: ArrayLike<number>, threshold = 0.5): number {
  return confusionRates(confusionMatrix(yTrue, yScore, threshold)).precision;
}

export function recall(yTrue: ArrayLike<number>, yScore: ArrayLike<number>, threshold = 0.5): number {
  return confusionRates(confusionMatrix(yTrue, yScore, threshold)).recall;
}

export function f1(yTrue: ArrayLike<number>, yScore: ArrayLike<number>, threshold = 0.5): number {
  return confusionRates(confusionMatrix(yTrue, yScore, threshold)).f1;
}

/** Row indices ordered by descending score (ties keep input order, for determinism). */
function descendingOrder(yScore: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(yScore.length);
  for (let i = 0; i < order.length; ++i) order[i] = i;
  return order.sort((a, b) => yScore[b] - yScore[a] || a - b);
}

/** Cumulative true/false positives at each distinct score, from the highest score down (sklearn's _binary_clf_curve). */
interface ThresholdCounts {
  thresholds: number[];
  tps: number[];
  fps: number[];
}

function thresholdCounts(yTrue: ArrayLike<number>, yScore: ArrayLike<number>): ThresholdCounts {
  const order = descendingOrder(yScore);
  const thresholds: number[] = [], tps: number[] = [], fps: number[] = [];
  let tp = 0, fp = 0;
  for (let k = 0; k < order.length; ++k) {
    const i = order[k];
    if (yTrue[i] === 1) ++tp;
    else ++fp;
    // Emit only at the last row of a run of tied scores, so that ties move the curve diagonally.
    if (k === order.length - 1 || yScore[order[k + 1]] !== yScore[i]) {
      thresholds.push(yScore[i]);
      tps.push(tp);
      fps.push(fp);
    }
  }
  return {thresholds, tps, fps};
}

/**
 * Area under the ROC curve by the Mann–Whitney statistic, a tied (positive, negative) pair counting one
 * half, as average ranks do (equal to sklearn's roc_auc_score). NaN when either class is absent.
 */
export function rocAuc(yTrue: ArrayLike<number>, yScore: ArrayLike<number>): number {
  checkLengths(yTrue, yScore, "rocAuc");
  // Equivalent to the rank sum, computed as Σ over positives of (negatives below + ½ negatives tied)
  // by merging the two classes' sorted scores: native typed-array sorts, and exact half-integer counts.
  let positives = 0;
  for (let i = 0; i < yTrue.length; ++i) if (yTrue[i] === 1) ++positives;
  const negatives = yTrue.length - positives;
  if (!positives || !negatives) return NaN;
  const positiveScores = new Float64Array(positives), negativeScores = new Float64Array(negatives);
  for (let i = 0, p = 0, n = 0; i < yTrue.length; ++i) {
    if (yTrue[i] === 1) positiveScores[p++] = yScore[i];
    else negativeScores[n++] = yScore[i];
  }
  positiveScores.sort();
  negativeScores.sort();
  let below = 0, notAbove = 0, wins = 0;
  for (let p = 0; p < positives; ++p) {
    const score = positiveScores[p];
    while (below < negatives && negativeScores[below] < score) ++below;
    if (notAbove < below) notAbove = below;
    while (notAbove < negatives && negativeScores[notAbove] === score) ++notAbove;
    wins += below + (notAbove - below) / 2;
  }
  return wins / (positives * negatives);
}

/** Average precision, sklearn's area under the PR curve: Σ (Rₙ − Rₙ₋₁)·Pₙ. NaN without positives. */
export function averagePrecision(yTrue: ArrayLike<number>, yScore: ArrayLike<number>): number {
  checkLengths(yTrue, yScore, "averagePrecision");
  const {tps, fps} = thresholdCounts(yTrue, yScore);
  const positives = tps.length ? tps[tps.length - 1] : 0;
  if (!positives) return NaN;
  let sum = 0, previousTp = 0;
  for (let k = 0; k < tps.length; ++k) {
    sum += ((tps[k] - previousTp) / positives) * (tps[k] / (tps[k] + fps[k]));
    previousTp = tps[k];
  }
  return sum;
}

/** Mean squared difference between the predicted probability and the 0/1 outcome. */
export function brierScore(yTrue: ArrayLike<number>, yScore: ArrayLike<number>): number {
  checkLengths(yTrue, yScore, "brierScore");
  let sum = 0;
  for (let i = 0; i < yTrue.length; ++i) sum += (yScore[i] - yTrue[i]) ** 2;
  return yTrue.length ? sum / yTrue.length : NaN;
}

/**
 * Mean negative log-likelihood. Probabilities are clipped to [ε, 1 − ε] so that one confident mistake
 * costs a large finite amount instead of infinity; ε defaults to float64 machine epsilon (sklearn 1.2's "auto").
 */
export function logLoss(yTrue: ArrayLike<number>, yScore: ArrayLike<number>, epsilon = Number.EPSILON): number {
  checkLengths(yTrue, yScore, "logLoss");
  let sum = 0;
  for (let i = 0; i < yTrue.length; ++i) {
    const p = Math.min(1 - epsilon, Math.max(epsilon, yScore[i]));
    sum -= yTrue[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return yTrue.length ? sum / yTrue.length : NaN;
}

export interface RocPoint {
  /** Rows with score >= threshold are flagged; the first point's threshold is +Infinity (nothing flagged). */
  threshold: number;
  falsePositiveRate: number;
  truePositiveRate: number;
}

export interface PrPoint {
  /** Rows with score >= threshold are flagged; the first point's threshold is +Infinity (nothing flagged). */
  threshold: number;
  precision: number;
  recall: number;
}

export interface CurveOptions {
  /** Keep at most this many points (the first and last always kept). Default: all. */
  maxPoints?: number;
}

export interface RocCurveOptions extends CurveOptions {
  /** Drop points collinear with their neighbours, which do not change the plotted curve (sklearn's default). Default true. */
  dropIntermediate?: boolean;
}

/**
 * ROC curve from (0, 0) to (1, 1), one point per distinct score in descending order. NaN rates when a
 * class is absent, as sklearn.
 */
export function rocCurve(yTrue: ArrayLike<number>, yScore: ArrayLike<number>, options: RocCurveOptions = {}): RocPoint[] {
  checkLengths(yTrue, yScore, "rocCurve");
  const {dropIntermediate = true, maxPoints = Infinity} = options;
  let {thresholds, tps, fps} = thresholdCounts(yTrue, yScore);
  if (dropIntermediate && tps.length > 2) {
    const keep: number[] = [0];
    for (let k = 1; k < tps.length - 1; ++k) {
      if (fps[k + 1] - 2 * fps[k] + fps[k - 1] !== 0 || tps[k + 1] - 2 * tps[k] + tps[k - 1] !== 0) keep.push(k);
    }
    keep.push(tps.length - 1);
    thresholds = keep.map((k) => thresholds[k]);
    tps = keep.map((k) => tps[k]);
    fps = keep.map((k) => fps[k]);
  }
  const positives = tps.length ? tps[tps.length - 1] : 0;
  const negatives = fps.length ? fps[fps.length - 1] : 0;
  const points: RocPoint[] = [{threshold: Infinity, falsePositiveRate: negatives ? 0 : NaN, truePositiveRate: positives ? 0 : NaN}];
  for (let k = 0; k < tps.length; ++k) {
    points.push({
      threshold: thresholds[k],
      falsePositiveRate: negatives ? fps[k] / negatives : NaN,
      truePositiveRate: positives ? tps[k] / positives : NaN
    });
  }
  return downsampleCurve(points, maxPoints);
}

/**
 * Precision–recall curve from (recall 0, precision 1) through one point per distinct score in descending
 * order (sklearn's precision_recall_curve, reversed). Recall is 1 everywhere when there are no positives, as sklearn.
 */
export function prCurve(yTrue: ArrayLike<number>, yScore: ArrayLike<number>, options: CurveOptions = {}): PrPoint[] {
  checkLengths(yTrue, yScore, "prCurve");
  const {maxPoints = Infinity} = options;
  const {thresholds, tps, fps} = thresholdCounts(yTrue, yScore);
  const positives = tps.length ? tps[tps.length - 1] : 0;
  const points: PrPoint[] = [{threshold: Infinity, precision: 1, recall: 0}];
  for (let k = 0; k < tps.length; ++k) {
    points.push({threshold: thresholds[k], precision: ratio(tps[k], tps[k] + fps[k]), recall: positives ? tps[k] / positives : 1});
  }
  return downsampleCurve(points, maxPoints);
}

/** At most `maxPoints` points evenly spaced by index, always keeping the first and the last. */
export function downsampleCurve<T>(points: readonly T[], maxPoints: number): T[] {
  const n = points.length;
  if (!(maxPoints < n)) return points.slice();
  if (maxPoints < 2) throw new Error(`downsampleCurve: maxPoints must be at least 2, got ${maxPoints}`);
  const sampled: T[] = [];
  for (let k = 0; k < maxPoints; ++k) sampled.push(points[Math.round((k * (n - 1)) / (maxPoints - 1))]);
  return sampled;
}

export interface CalibrationBin {
  /** Bin edges: the bin holds scores in (lower, upper], the first bin also its lower edge. */
  lower: number;
  upper: number;
  meanPredicted: number;
  observedRate: number;
  count: number;
}

export interface CalibrationBinOptions {
  /** Number of bins. Default 10. */
  bins?: number;
  /** "uniform": equal-width bins on [0, 1]; "quantile": bins with equal numbers of scores. Default "uniform". */
  strategy?: "uniform" | "quantile";
}

/**
 * Reliability-diagram bins (sklearn's calibration_curve, with edges and counts). Empty bins are left out,
 * as sklearn does; quantile bins whose edges coincide on tied scores are therefore dropped too.
 */
export function calibrationBins(yTrue: ArrayLike<number>, yScore: ArrayLike<number>, options: CalibrationBinOptions = {}): CalibrationBin[] {
  checkLengths(yTrue, yScore, "calibrationBins");
  const {bins = 10, strategy = "uniform"} = options;
  if (!(bins >= 1 && Number.isInteger(bins))) throw new Error(`calibrationBins: bins must be a positive integer, got ${bins}`);
  const edges = new Float64Array(bins + 1);
  if (strategy === "quantile") {
    const sorted = Float64Array.from(yScore).sort();
    for (let k = 0; k <= bins; ++k) edges[k] = quantileSorted(sorted, k / bins);
  } else {
    for (let k = 0; k <= bins; ++k) edges[k] = k / bins;
  }
  const sums = new Float64Array(bins), positives = new Float64Array(bins), counts = new Float64Array(bins);
  for (let i = 0; i < yScore.length; ++i) {
    // Bin = number of inner edges strictly below the score (numpy searchsorted, side "left").
    let lo = 1, hi = bins;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (edges[mid] < yScore[i]) lo = mid + 1;
      else hi = mid;
    }
    const b = lo - 1;
    sums[b] += yScore[i];
    positives[b] += yTrue[i] === 1 ? 1 : 0;
    counts[b] += 1;
  }
  const result: CalibrationBin[] = [];
  for (let b = 0; b < bins; ++b) {
    if (!counts[b]) continue;
    result.push({lower: edges[b], upper: edges[b + 1], meanPredicted: sums[b] / counts[b], observedRate: positives[b] / counts[b], count: counts[b]});
  }
  return result;
}

/**
 * Counts and amounts of positives and negatives per score bin of width 1/bins, bin k holding scores in
 * [k/bins, (k+1)/bins) (the last bin also 1). Plain arrays so that the object ships to a page as JSON.
 */
export interface ScoreBins {
  bins: number;
  positives: number[];
  negatives: number[];
  positiveAmount: number[];
  negativeAmount: number[];
}

/** The bin of a score, consistent with `score >= k / bins` for the double k / bins (a product can round across an edge). */
function scoreBin(score: number, bins: number): number {
  let b = Math.floor(score * bins);
  if (b >= bins) return bins - 1;
  if (b < 0) return 0;
  if (score < b / bins) --b;
  else if (b + 1 < bins && score >= (b + 1) / bins) ++b;
  return b;
}

export function scoreBins(yTrue: ArrayLike<number>, yScore: ArrayLike<number>, amounts: ArrayLike<number>, bins = 1000): ScoreBins {
  checkLengths(yTrue, yScore, "scoreBins");
  if (amounts.length !== yTrue.length) throw new Error(`scoreBins: ${amounts.length} amounts for ${yTrue.length} labels`);
  const zeros = () => new Array<number>(bins).fill(0);
  const result: ScoreBins = {bins, positives: zeros(), negatives: zeros(), positiveAmount: zeros(), negativeAmount: zeros()};
  for (let i = 0; i < yTrue.length; ++i) {
    const b = scoreBin(yScore[i], bins);
    if (yTrue[i] === 1) {
      ++result.positives[b];
      result.positiveAmount[b] += amounts[i];
    } else {
      ++result.negatives[b];
      result.negativeAmount[b] += amounts[i];
    }
  }
  return result;
}

/**
 * The confusion matrix (counts and amounts) at a threshold, from score bins. Exact when the threshold is
 * a bin edge k/bins for k < bins; otherwise the threshold is rounded up to the next edge (a bin is never
 * split). The top edge 1 is the exception: scores of exactly 1 share the last bin, so a threshold of 1
 * flags nothing here.
 */
export function confusionFromBins(binned: ScoreBins, threshold: number): AmountConfusionMatrix {
  const {bins} = binned;
  // First flagged bin: the smallest k with k / bins >= threshold.
  let first = Math.min(bins, Math.max(0, Math.ceil(threshold * bins)));
  while (first > 0 && (first - 1) / bins >= threshold) --first;
  while (first < bins && first / bins < threshold) ++first;
  const cells = {tp: 0, fp: 0, tn: 0, fn: 0, tpAmount: 0, fpAmount: 0, tnAmount: 0, fnAmount: 0};
  for (let b = 0; b < bins; ++b) {
    if (b >= first) {
      cells.tp += binned.positives[b];
      cells.fp += binned.negatives[b];
      cells.tpAmount += binned.positiveAmount[b];
      cells.fpAmount += binned.negativeAmount[b];
    } else {
      cells.fn += binned.positives[b];
      cells.tn += binned.negatives[b];
      cells.fnAmount += binned.positiveAmount[b];
      cells.tnAmount += binned.negativeAmount[b];
    }
  }
  return {...cells, flagged: cells.tp + cells.fp, flaggedAmount: cells.tpAmount + cells.fpAmount};
}
