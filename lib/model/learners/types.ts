// The shapes every model shares: a dense row-major feature matrix, binary labels, optional sample
// weights, and a fitted classifier that maps rows to P(late).
import type {Random} from "../../core/random.js";

/** A dense matrix, row-major: value (i, j) is `values[i * cols + j]`. */
export interface Matrix {
  values: Float64Array;
  rows: number;
  cols: number;
}

/** Training data: features, 0/1 labels, and optional per-row weights (class weights, SMOTE none). */
export interface Dataset {
  x: Matrix;
  y: Uint8Array;
  weights?: Float64Array;
  featureNames: readonly string[];
}

/** A fitted binary classifier. */
export interface Classifier {
  /** P(y = 1) for each row of `x`. */
  predict(x: Matrix): Float64Array;
}

/** Something that learns a classifier from data, with its options and a seeded random source. */
export type Learner<Options> = (data: Dataset, options: Options, random: Random) => Classifier;

export function matrix(values: Float64Array | number[], rows: number, cols: number): Matrix {
  const array = values instanceof Float64Array ? values : Float64Array.from(values);
  if (array.length !== rows * cols) throw new Error(`matrix: ${array.length} values for ${rows}×${cols}`);
  return {values: array, rows, cols};
}

/** Row `i` of a matrix, as a view (no copy). */
export function row(x: Matrix, i: number): Float64Array {
  return x.values.subarray(i * x.cols, (i + 1) * x.cols);
}

/** The rows at `indices`, copied into a new matrix. */
export function selectRows(x: Matrix, indices: ArrayLike<number>): Matrix {
  const values = new Float64Array(indices.length * x.cols);
  for (let k = 0; k < indices.length; ++k) values.set(row(x, indices[k]), k * x.cols);
  return {values, rows: indices.length, cols: x.cols};
}

/** The dataset restricted to `indices` (rows, labels and weights). */
export function selectDataset(data: Dataset, indices: ArrayLike<number>): Dataset {
  const y = new Uint8Array(indices.length);
  for (let k = 0; k < indices.length; ++k) y[k] = data.y[indices[k]];
  let weights: Float64Array | undefined;
  if (data.weights) {
    weights = new Float64Array(indices.length);
    for (let k = 0; k < indices.length; ++k) weights[k] = data.weights[indices[k]];
  }
  return {x: selectRows(data.x, indices), y, weights, featureNames: data.featureNames};
}
