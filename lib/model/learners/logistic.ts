// L2-regularised logistic regression, solved by Newton's method with a backtracking line search.
//
// Parameterised as scikit-learn's LogisticRegression so the two can be pinned to each other: minimise
//   C · Σᵢ wᵢ · logloss(yᵢ, σ(b₀ + β·zᵢ)) + ½‖β‖²
// where zᵢ is row i standardised with the training means and population sds (StandardScaler) and the
// intercept b₀ is not penalised. With ~35 features the (p+1)² Hessian is tiny, so Newton reaches machine
// precision in a handful of passes over the data where first-order solvers need hundreds.
import {columnScale, logistic} from "../../core/stats.js";
import type {ColumnScale} from "../../core/stats.js";
import type {Classifier, Dataset, Learner, Matrix} from "./types.js";

export interface LogisticOptions {
  /** Inverse regularisation strength, as sklearn's C. Default 1. */
  C?: number;
  /** Most Newton iterations. Default 100. */
  maxIterations?: number;
  /** Converged when the largest coefficient step (standardised scale) falls below this. Default 1e-8. */
  tolerance?: number;
}

export interface LogisticClassifier extends Classifier {
  /** Coefficients on the standardised scale, one per feature. */
  coefficients: Float64Array;
  intercept: number;
  /** The training means and sds the inputs are standardised with. */
  scale: ColumnScale;
  featureNames: readonly string[];
  /** Newton iterations used, and whether the tolerance was met within maxIterations. */
  iterations: number;
  converged: boolean;
  /** The linear predictor b₀ + β·z (log-odds of late payment) for each row. */
  decisionFunction(x: Matrix): Float64Array;
}

/** log(1 + eᶻ) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** Row-major standardised copy of x with a leading column of ones for the intercept. */
function designMatrix(x: Matrix, {means, scales}: ColumnScale): Float64Array {
  const {rows, cols, values} = x;
  const width = cols + 1;
  const design = new Float64Array(rows * width);
  for (let i = 0; i < rows; ++i) {
    design[i * width] = 1;
    for (let j = 0; j < cols; ++j) design[i * width + j + 1] = (values[i * cols + j] - means[j]) / scales[j];
  }
  return design;
}

/** Solves A·x = b for a symmetric positive-definite A (n×n, row-major) by Cholesky; null if A is not PD. */
export function solveSymmetric(a: Float64Array, b: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; ++i) {
    for (let j = 0; j <= i; ++j) {
      let s = a[i * n + j];
      for (let k = 0; k < j; ++k) s -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(s > 0)) return null;
        l[i * n + i] = Math.sqrt(s);
      } else {
        l[i * n + j] = s / l[j * n + j];
      }
    }
  }
  const x = Float64Array.from(b);
  for (let i = 0; i < n; ++i) {
    let s = x[i];
    for (let k = 0; k < i; ++k) s -= l[i * n + k] * x[k];
    x[i] = s / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; --i) {
    let s = x[i];
    for (let k = i + 1; k < n; ++k) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}

interface Problem {
  design: Float64Array;
  rows: number;
  width: number;
  y: Uint8Array;
  weights: Float64Array | undefined;
  C: number;
}

function objective({design, rows, width, y, weights, C}: Problem, beta: Float64Array): number {
  let loss = 0;
  for (let i = 0; i < rows; ++i) {
    let z = 0;
    for (let j = 0; j < width; ++j) z += design[i * width + j] * beta[j];
    loss += (weights ? weights[i] : 1) * (softplus(z) - (y[i] === 1 ? z : 0));
  }
  let penalty = 0;
  for (let j = 1; j < width; ++j) penalty += beta[j] * beta[j];
  return C * loss + 0.5 * penalty;
}

/**
 * Gradient and Hessian (full symmetric, row-major) of the objective at beta. The Hessian Σ cᵢ·xᵢxᵢᵀ is
 * the cost of a fit; rows are taken four at a time so that each Hessian entry is loaded and stored once
 * per four rows instead of once per row (measured 1.7× faster in V8 at 20 k × 35).
 */
function gradientAndHessian({design, rows, width, y, weights, C}: Problem, beta: Float64Array): {gradient: Float64Array; hessian: Float64Array} {
  const gradient = new Float64Array(width);
  const hessian = new Float64Array(width * width);
  const curvature = new Float64Array(rows);
  for (let i = 0; i < rows; ++i) {
    const offset = i * width;
    let z = 0;
    for (let j = 0; j < width; ++j) z += design[offset + j] * beta[j];
    const p = logistic(z);
    const w = C * (weights ? weights[i] : 1);
    const residual = w * (p - y[i]);
    curvature[i] = w * p * (1 - p);
    for (let j = 0; j < width; ++j) gradient[j] += residual * design[offset + j];
  }
  let i = 0;
  for (; i + 4 <= rows; i += 4) {
    const o0 = i * width, o1 = o0 + width, o2 = o1 + width, o3 = o2 + width;
    const c0 = curvature[i], c1 = curvature[i + 1], c2 = curvature[i + 2], c3 = curvature[i + 3];
    for (let j = 0; j < width; ++j) {
      const a0 = c0 * design[o0 + j], a1 = c1 * design[o1 + j], a2 = c2 * design[o2 + j], a3 = c3 * design[o3 + j];
      const row = j * width;
      for (let k = j; k < width; ++k) {
        hessian[row + k] += a0 * design[o0 + k] + a1 * design[o1 + k] + a2 * design[o2 + k] + a3 * design[o3 + k];
      }
    }
  }
  for (; i < rows; ++i) {
    const offset = i * width;
    for (let j = 0; j < width; ++j) {
      const a = curvature[i] * design[offset + j];
      for (let k = j; k < width; ++k) hessian[j * width + k] += a * design[offset + k];
    }
  }
  for (let j = 1; j < width; ++j) {
    gradient[j] += beta[j];
    hessian[j * width + j] += 1;
  }
  for (let j = 0; j < width; ++j) for (let k = 0; k < j; ++k) hessian[j * width + k] = hessian[k * width + j];
  return {gradient, hessian};
}

/** Newton direction; when the Hessian is numerically singular (all rows saturated), a growing ridge keeps it solvable. */
function newtonStep(hessian: Float64Array, gradient: Float64Array, width: number): Float64Array {
  let trace = 0;
  for (let j = 0; j < width; ++j) trace += hessian[j * width + j];
  for (let ridge = 0; ; ridge = ridge ? ridge * 10 : 1e-12 * (trace || 1)) {
    const damped = Float64Array.from(hessian);
    for (let j = 0; j < width; ++j) damped[j * width + j] += ridge;
    const step = solveSymmetric(damped, gradient, width);
    if (step) return step;
  }
}

export function fitLogistic(data: Dataset, options: LogisticOptions = {}): LogisticClassifier {
  const {C = 1, maxIterations = 100, tolerance = 1e-8} = options;
  if (!(C > 0)) throw new Error(`logisticRegression: C must be positive, got ${C}`);
  const {x, y, weights} = data;
  if (y.length !== x.rows) throw new Error(`logisticRegression: ${y.length} labels for ${x.rows} rows`);
  const scale = columnScale(x);
  const width = x.cols + 1;
  const problem: Problem = {design: designMatrix(x, scale), rows: x.rows, width, y, weights, C};

  // Start from the intercept-only fit so that the first Newton step is already well scaled.
  const beta = new Float64Array(width);
  let positiveWeight = 0, totalWeight = 0;
  for (let i = 0; i < y.length; ++i) {
    const w = weights ? weights[i] : 1;
    totalWeight += w;
    if (y[i] === 1) positiveWeight += w;
  }
  const baseRate = Math.min(1 - 1e-9, Math.max(1e-9, positiveWeight / (totalWeight || 1)));
  beta[0] = Math.log(baseRate / (1 - baseRate));

  let value = objective(problem, beta);
  let iterations = 0, converged = false;
  const candidate = new Float64Array(width);
  while (iterations < maxIterations && !converged) {
    ++iterations;
    const {gradient, hessian} = gradientAndHessian(problem, beta);
    const step = newtonStep(hessian, gradient, width);
    let decrease = 0;
    for (let j = 0; j < width; ++j) decrease += gradient[j] * step[j];
    // Backtracking (Armijo) so that near-separable data cannot make a full step overshoot.
    let t = 1, next = value;
    for (let halvings = 0; halvings < 60; ++halvings, t /= 2) {
      for (let j = 0; j < width; ++j) candidate[j] = beta[j] - t * step[j];
      next = objective(problem, candidate);
      if (next <= value - 1e-4 * t * decrease) break;
    }
    let largestStep = 0;
    for (let j = 0; j < width; ++j) largestStep = Math.max(largestStep, Math.abs(t * step[j]));
    // A step that no longer lowers the objective means we are at its floating-point floor; t has then
    // shrunk so far that largestStep is below any sensible tolerance.
    if (next <= value) {
      beta.set(candidate);
      value = next;
    }
    converged = largestStep < tolerance;
  }

  const coefficients = beta.slice(1);
  const intercept = beta[0];
  // Folding the scaler into the coefficients saves a subtraction and a division per value at prediction.
  const rawCoefficients = new Float64Array(x.cols);
  let rawIntercept = intercept;
  for (let j = 0; j < x.cols; ++j) {
    rawCoefficients[j] = coefficients[j] / scale.scales[j];
    rawIntercept -= rawCoefficients[j] * scale.means[j];
  }
  const decisionFunction = (input: Matrix): Float64Array => {
    if (input.cols !== x.cols) throw new Error(`logisticRegression: fitted on ${x.cols} features, got ${input.cols}`);
    const {rows, cols, values} = input;
    const out = new Float64Array(rows);
    for (let i = 0; i < rows; ++i) {
      let z = rawIntercept;
      for (let j = 0; j < cols; ++j) z += rawCoefficients[j] * values[i * cols + j];
      out[i] = z;
    }
    return out;
  };
  return {
    coefficients,
    intercept,
    scale,
    featureNames: data.featureNames,
    iterations,
    converged,
    decisionFunction,
    predict(input) {
      const z = decisionFunction(input);
      for (let i = 0; i < z.length; ++i) z[i] = logistic(z[i]);
      return z;
    }
  };
}

/** The logistic-regression `Learner` (deterministic: the random source is not used). */
export const logisticRegression: Learner<LogisticOptions> = (data, options) => fitLogistic(data, options);
