// k-means with k-means++ seeding and seeded restarts, via ml-kmeans; the best restart by inertia wins.
import {kmeans} from "ml-kmeans";
import {selectRows} from "../model/learners/types.js";
import type {Matrix} from "../model/learners/types.js";
import {createRandom} from "../core/random.js";
import type {Random} from "../core/random.js";
import {sampleIndices} from "./sampling.js";

export interface KMeansOptions {
  /** Independent k-means++ starts; the lowest inertia is kept (default 10). */
  restarts?: number;
  /** Lloyd iterations per start (default 300, as scikit-learn). */
  maxIterations?: number;
  /**
   * Stop when no centroid moves by a squared distance above this share of the mean column variance
   * (default 1e-4, scikit-learn's tolerance): on data without clear clusters Lloyd's algorithm creeps
   * for hundreds of iterations with no visible change.
   */
  tolerance?: number;
  /**
   * Above this many rows the restarts run on a seeded sample of this size and only the winner is refined
   * on every row (default 5,000): ml-kmeans works on arrays of arrays, and ten full restarts per k at
   * 37,000 customers took 100 s for k = 2..10, against 17 s sampled, for inertia within 0.02 %.
   */
  sampleSize?: number;
}

export interface KMeansFit {
  k: number;
  /** Cluster index 0..k−1 of each row. */
  assignments: Int32Array;
  /** k × cols, in the (standardised) space of the input. */
  centroids: Matrix;
  sizes: Int32Array;
  /** Sum of squared distances of rows to their centroid. */
  inertia: number;
  iterations: number;
  converged: boolean;
  /** The ml-kmeans seed of the winning start, to reproduce it. */
  seed: number;
  restarts: number;
}

/** The best of several seeded k-means++ runs. Restart seeds come from `random`. */
export function fitKMeans(x: Matrix, k: number, options: KMeansOptions, random: Random): KMeansFit {
  const {restarts = 10, maxIterations = 300, sampleSize = 5_000} = options;
  const tolerance = (options.tolerance ?? 1e-4) * meanColumnVariance(x);
  if (!(k >= 1 && Number.isInteger(k))) throw new Error(`k-means: k must be a positive integer (got ${k})`);
  if (k > x.rows) throw new Error(`k-means: k = ${k} exceeds the ${x.rows} rows`);
  const sampled = x.rows > sampleSize && sampleSize >= k;
  const sample = sampled ? selectRows(x, sampleIndices(x.rows, sampleSize, random.fork("sample"))) : x;
  const data = toRows(sample);
  let best: KMeansFit | undefined;
  for (let r = 0; r < Math.max(1, restarts); ++r) {
    const seed = random.int(2 ** 31);
    const result = kmeans(data, k, {initialization: "kmeans++", seed, maxIterations, tolerance});
    const fit = settle(sample, k, result.centroids, {seed, restarts, iterations: result.iterations, converged: result.converged});
    // An empty cluster means fewer than k clusters were found; prefer any start that has none.
    if (!best || betterFit(fit, best)) best = fit;
  }
  if (!sampled) return best!;
  const refined = kmeans(toRows(x), k, {initialization: toRows(best!.centroids), maxIterations, tolerance});
  return settle(x, k, refined.centroids, {
    seed: best!.seed,
    restarts,
    iterations: best!.iterations + refined.iterations,
    converged: refined.converged
  });
}

/**
 * ml-kmeans reports the assignment from before its last centroid update; reassign and recompute the
 * means so that assignments, centroids and inertia describe one and the same partition.
 */
function settle(x: Matrix, k: number, centroidRows: number[][], run: Pick<KMeansFit, "seed" | "restarts" | "iterations" | "converged">): KMeansFit {
  const centroids = matrixOf(centroidRows, k, x.cols);
  const assignments = assignToNearest(x, centroids);
  const means = clusterMeans(x, assignments, k, centroids);
  return {k, assignments, centroids: means, sizes: clusterSizes(assignments, k), inertia: inertia(x, assignments, means), ...run};
}

function betterFit(candidate: KMeansFit, incumbent: KMeansFit): boolean {
  const emptyCandidate = candidate.sizes.some((s) => s === 0);
  const emptyIncumbent = incumbent.sizes.some((s) => s === 0);
  if (emptyCandidate !== emptyIncumbent) return emptyIncumbent;
  return candidate.inertia < incumbent.inertia;
}

export interface KMeansRangeOptions extends KMeansOptions {
  /** Smallest k (default 2). */
  kMin?: number;
  /** Largest k (default 10), capped at the number of distinct rows. */
  kMax?: number;
}

/**
 * k-means for every k in kMin..kMax. Each k draws its restart seeds from its own stream, derived from one
 * draw of `random` and k, so a fit for one k does not change when the range does.
 */
export function fitKMeansRange(x: Matrix, options: KMeansRangeOptions, random: Random): KMeansFit[] {
  const {kMin = 2, kMax = 10, ...kmeansOptions} = options;
  const top = Math.min(kMax, distinctRows(x));
  const base = random.int(2 ** 32);
  const fits: KMeansFit[] = [];
  for (let k = kMin; k <= top; ++k) fits.push(fitKMeans(x, k, kmeansOptions, createRandom(`${base}:k=${k}`)));
  return fits;
}

/** Sum of squared Euclidean distances from each row to its assigned centroid. */
export function inertia(x: Matrix, assignments: ArrayLike<number>, centroids: Matrix): number {
  const {rows, cols, values} = x;
  let total = 0;
  for (let i = 0; i < rows; ++i) total += squaredDistance(values, i * cols, centroids.values, assignments[i] * cols, cols);
  return total;
}

/** Index of the nearest centroid for each row (ties: the lowest index). */
export function assignToNearest(x: Matrix, centroids: Matrix): Int32Array {
  const {rows, cols, values} = x;
  const assignments = new Int32Array(rows);
  for (let i = 0; i < rows; ++i) {
    let nearest = 0, nearestDistance = Infinity;
    for (let c = 0; c < centroids.rows; ++c) {
      const d = squaredDistance(values, i * cols, centroids.values, c * cols, cols);
      if (d < nearestDistance) [nearest, nearestDistance] = [c, d];
    }
    assignments[i] = nearest;
  }
  return assignments;
}

/** Mean of the rows in each cluster; an empty cluster keeps its `fallback` centroid. */
export function clusterMeans(x: Matrix, assignments: ArrayLike<number>, k: number, fallback?: Matrix): Matrix {
  const {rows, cols, values} = x;
  const sums = new Float64Array(k * cols);
  const counts = new Float64Array(k);
  for (let i = 0; i < rows; ++i) {
    const c = assignments[i];
    ++counts[c];
    for (let j = 0; j < cols; ++j) sums[c * cols + j] += values[i * cols + j];
  }
  for (let c = 0; c < k; ++c) {
    for (let j = 0; j < cols; ++j) {
      sums[c * cols + j] = counts[c] ? sums[c * cols + j] / counts[c] : fallback ? fallback.values[c * cols + j] : NaN;
    }
  }
  return {values: sums, rows: k, cols};
}

export function clusterSizes(assignments: ArrayLike<number>, k: number): Int32Array {
  const sizes = new Int32Array(k);
  for (let i = 0; i < assignments.length; ++i) ++sizes[assignments[i]];
  return sizes;
}

function meanColumnVariance(x: Matrix): number {
  const {rows, cols, values} = x;
  let total = 0;
  for (let j = 0; j < cols; ++j) {
    let sum = 0, sumSquares = 0;
    for (let i = 0; i < rows; ++i) {
      const v = values[i * cols + j];
      sum += v;
      sumSquares += v * v;
    }
    total += Math.max(0, sumSquares / rows - (sum / rows) ** 2);
  }
  return cols ? total / cols : 0;
}

function squaredDistance(a: Float64Array, aOffset: number, b: Float64Array, bOffset: number, cols: number): number {
  let s = 0;
  for (let j = 0; j < cols; ++j) {
    const d = a[aOffset + j] - b[bOffset + j];
    s += d * d;
  }
  return s;
}

/** Number of distinct rows (k-means++ cannot seed more clusters than that). */
export function distinctRows(x: Matrix): number {
  const seen = new Set<string>();
  for (let i = 0; i < x.rows; ++i) seen.add(x.values.subarray(i * x.cols, (i + 1) * x.cols).join(","));
  return seen.size;
}

function toRows(x: Matrix): number[][] {
  return Array.from({length: x.rows}, (_, i) => Array.from(x.values.subarray(i * x.cols, (i + 1) * x.cols)));
}

function matrixOf(rows: readonly (readonly number[])[], k: number, cols: number): Matrix {
  const values = new Float64Array(k * cols);
  rows.forEach((row, c) => values.set(row, c * cols));
  return {values, rows: k, cols};
}
