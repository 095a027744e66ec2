import { quantileSorted } from "../core/stats.4736e0b5.js";
function checkLengths(yTrue, yScore, name) {
  if (yTrue.length !== yScore.length) throw new Error(`${name}: ${yTrue.length} labels for ${yScore.length} scores`);
}
export function confusionMatrix(yTrue, yScore, threshold = 0.5, amounts) {
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
  const counts = { tp, fp, tn, fn, flagged: tp + fp };
  if (!amounts) return counts;
  return { ...counts, tpAmount, fpAmount, tnAmount, fnAmount, flaggedAmount: tpAmount + fpAmount };
}
const ratio = (numerator, denominator) => denominator > 0 ? numerator / denominator : 0;
export function confusionRates({ tp, fp, tn, fn }) {
  const n = tp + fp + tn + fn;
  return {
    accuracy: ratio(tp + tn, n),
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    flaggedRate: ratio(tp + fp, n)
  };
}
export function accuracy(yTrue, yScore, threshold = 0.5) {
  return confusionRates(confusionMatrix(yTrue, yScore, threshold)).accuracy;
}
export function precision(yTrue, yScore, threshold = 0.5) {
  return confusionRates(confusionMatrix(yTrue, yScore, threshold)).precision;
}
export function recall(yTrue, yScore, threshold = 0.5) {
  return confusionRates(confusionMatrix(yTrue, yScore, threshold)).recall;
}
export function f1(yTrue, yScore, threshold = 0.5) {
  return confusionRates(confusionMatrix(yTrue, yScore, threshold)).f1;
}
function descendingOrder(yScore) {
  const order = new Uint32Array(yScore.length);
  for (let i = 0; i < order.length; ++i) order[i] = i;
  return order.sort((a, b) => yScore[b] - yScore[a] || a - b);
}
function thresholdCounts(yTrue, yScore) {
  const order = descendingOrder(yScore);
  const thresholds = [], tps = [], fps = [];
  let tp = 0, fp = 0;
  for (let k = 0; k < order.length; ++k) {
    const i = order[k];
    if (yTrue[i] === 1) ++tp;
    else ++fp;
    if (k === order.length - 1 || yScore[order[k + 1]] !== yScore[i]) {
      thresholds.push(yScore[i]);
      tps.push(tp);
      fps.push(fp);
    }
  }
  return { thresholds, tps, fps };
}
export function rocAuc(yTrue, yScore) {
  checkLengths(yTrue, yScore, "rocAuc");
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
export function averagePrecision(yTrue, yScore) {
  checkLengths(yTrue, yScore, "averagePrecision");
  const { tps, fps } = thresholdCounts(yTrue, yScore);
  const positives = tps.length ? tps[tps.length - 1] : 0;
  if (!positives) return NaN;
  let sum = 0, previousTp = 0;
  for (let k = 0; k < tps.length; ++k) {
    sum += (tps[k] - previousTp) / positives * (tps[k] / (tps[k] + fps[k]));
    previousTp = tps[k];
  }
  return sum;
}
export function brierScore(yTrue, yScore) {
  checkLengths(yTrue, yScore, "brierScore");
  let sum = 0;
  for (let i = 0; i < yTrue.length; ++i) sum += (yScore[i] - yTrue[i]) ** 2;
  return yTrue.length ? sum / yTrue.length : NaN;
}
export function logLoss(yTrue, yScore, epsilon = Number.EPSILON) {
  checkLengths(yTrue, yScore, "logLoss");
  let sum = 0;
  for (let i = 0; i < yTrue.length; ++i) {
    const p = Math.min(1 - epsilon, Math.max(epsilon, yScore[i]));
    sum -= yTrue[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return yTrue.length ? sum / yTrue.length : NaN;
}
export function rocCurve(yTrue, yScore, options = {}) {
  checkLengths(yTrue, yScore, "rocCurve");
  const { dropIntermediate = true, maxPoints = Infinity } = options;
  let { thresholds, tps, fps } = thresholdCounts(yTrue, yScore);
  if (dropIntermediate && tps.length > 2) {
    const keep = [0];
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
  const points = [{ threshold: Infinity, falsePositiveRate: negatives ? 0 : NaN, truePositiveRate: positives ? 0 : NaN }];
  for (let k = 0; k < tps.length; ++k) {
    points.push({
      threshold: thresholds[k],
      falsePositiveRate: negatives ? fps[k] / negatives : NaN,
      truePositiveRate: positives ? tps[k] / positives : NaN
    });
  }
  return downsampleCurve(points, maxPoints);
}
export function prCurve(yTrue, yScore, options = {}) {
  checkLengths(yTrue, yScore, "prCurve");
  const { maxPoints = Infinity } = options;
  const { thresholds, tps, fps } = thresholdCounts(yTrue, yScore);
  const positives = tps.length ? tps[tps.length - 1] : 0;
  const points = [{ threshold: Infinity, precision: 1, recall: 0 }];
  for (let k = 0; k < tps.length; ++k) {
    points.push({ threshold: thresholds[k], precision: ratio(tps[k], tps[k] + fps[k]), recall: positives ? tps[k] / positives : 1 });
  }
  return downsampleCurve(points, maxPoints);
}
export function downsampleCurve(points, maxPoints) {
  const n = points.length;
  if (!(maxPoints < n)) return points.slice();
  if (maxPoints < 2) throw new Error(`downsampleCurve: maxPoints must be at least 2, got ${maxPoints}`);
  const sampled = [];
  for (let k = 0; k < maxPoints; ++k) sampled.push(points[Math.round(k * (n - 1) / (maxPoints - 1))]);
  return sampled;
}
export function calibrationBins(yTrue, yScore, options = {}) {
  checkLengths(yTrue, yScore, "calibrationBins");
  const { bins = 10, strategy = "uniform" } = options;
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
    let lo = 1, hi = bins;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (edges[mid] < yScore[i]) lo = mid + 1;
      else hi = mid;
    }
    const b = lo - 1;
    sums[b] += yScore[i];
    positives[b] += yTrue[i] === 1 ? 1 : 0;
    counts[b] += 1;
  }
  const result = [];
  for (let b = 0; b < bins; ++b) {
    if (!counts[b]) continue;
    result.push({ lower: edges[b], upper: edges[b + 1], meanPredicted: sums[b] / counts[b], observedRate: positives[b] / counts[b], count: counts[b] });
  }
  return result;
}
function scoreBin(score, bins) {
  let b = Math.floor(score * bins);
  if (b >= bins) return bins - 1;
  if (b < 0) return 0;
  if (score < b / bins) --b;
  else if (b + 1 < bins && score >= (b + 1) / bins) ++b;
  return b;
}
export function scoreBins(yTrue, yScore, amounts, bins = 1e3) {
  checkLengths(yTrue, yScore, "scoreBins");
  if (amounts.length !== yTrue.length) throw new Error(`scoreBins: ${amounts.length} amounts for ${yTrue.length} labels`);
  const zeros = () => new Array(bins).fill(0);
  const result = { bins, positives: zeros(), negatives: zeros(), positiveAmount: zeros(), negativeAmount: zeros() };
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
export function confusionFromBins(binned, threshold) {
  const { bins } = binned;
  let first = Math.min(bins, Math.max(0, Math.ceil(threshold * bins)));
  while (first > 0 && (first - 1) / bins >= threshold) --first;
  while (first < bins && first / bins < threshold) ++first;
  const cells = { tp: 0, fp: 0, tn: 0, fn: 0, tpAmount: 0, fpAmount: 0, tnAmount: 0, fnAmount: 0 };
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
  return { ...cells, flagged: cells.tp + cells.fp, flaggedAmount: cells.tpAmount + cells.fpAmount };
}
