// Small statistics shared across stages. Typed inputs (`ArrayLike<number>`) so that plain arrays and
// typed arrays both work without copies.
import type {Matrix} from "../model/learners/types.js";

export function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; ++i) s += values[i];
  return s;
}

export function mean(values: ArrayLike<number>): number {
  return values.length ? sum(values) / values.length : NaN;
}

/** Weighted mean; NaN when the weights sum to zero. */
export function weightedMean(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  let s = 0, w = 0;
  for (let i = 0; i < values.length; ++i) {
    s += values[i] * weights[i];
    w += weights[i];
  }
  return w > 0 ? s / w : NaN;
}

/** Sample standard deviation (n − 1); NaN below two values. */
export function standardDeviation(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return NaN;
  const m = mean(values);
  let ss = 0;
  for (let i = 0; i < n; ++i) ss += (values[i] - m) ** 2;
  return Math.sqrt(ss / (n - 1));
}

/** Quantile by linear interpolation between order statistics (type 7, as numpy and d3). */
export function quantile(values: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(values).sort();
  return quantileSorted(sorted, p);
}

export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (!n) return NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  return lo + 1 < n ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

export function median(values: ArrayLike<number>): number {
  return quantile(values, 0.5);
}

/** Pearson correlation; NaN when either variable is constant. */
export function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  const mx = mean(x), my = mean(y);
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; ++i) {
    const dx = x[i] - mx, dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

/** Least-squares slope of y on x; NaN when x is constant. */
export function slope(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const mx = mean(x), my = mean(y);
  let sxy = 0, sxx = 0;
  for (let i = 0; i < x.length; ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : NaN;
}

/** Column means and standard deviations of a matrix, for standardising. */
export interface ColumnScale {
  means: Float64Array;
  /** Population standard deviations; a constant column gets 1 so that it standardises to 0. */
  scales: Float64Array;
}

export function columnScale(x: Matrix): ColumnScale {
  const {rows, cols, values} = x;
  const means = new Float64Array(cols);
  const scales = new Float64Array(cols);
  for (let i = 0; i < rows; ++i) for (let j = 0; j < cols; ++j) means[j] += values[i * cols + j];
  for (let j = 0; j < cols; ++j) means[j] /= rows || 1;
  for (let i = 0; i < rows; ++i) for (let j = 0; j < cols; ++j) scales[j] += (values[i * cols + j] - means[j]) ** 2;
  for (let j = 0; j < cols; ++j) {
    const sd = Math.sqrt(scales[j] / (rows || 1));
    scales[j] = sd > 1e-12 ? sd : 1;
  }
  return {means, scales};
}

/** (x − mean) / sd per column, into a new matrix. */
export function standardize(x: Matrix, {means, scales}: ColumnScale = columnScale(x)): Matrix {
  const {rows, cols} = x;
  const values = new Float64Array(rows * cols);
  for (let i = 0; i < rows; ++i) {
    for (let j = 0; j < cols; ++j) values[i * cols + j] = (x.values[i * cols + j] - means[j]) / scales[j];
  }
  return {values, rows, cols};
}

export function logistic(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function logit(p: number, epsilon = 1e-12): number {
  const q = Math.min(1 - epsilon, Math.max(epsilon, p));
  return Math.log(q / (1 - q));
}
