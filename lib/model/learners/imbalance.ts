// Class imbalance: about one invoice in five is paid late, so an unweighted learner can score well by
// rarely flagging anything. Two remedies, both applied to the *training* set only: reweighting the classes
// (sklearn's class_weight="balanced") and SMOTE, which adds synthetic late invoices between real ones.
import type {Random} from "../../core/random.js";
import {columnScale} from "../../core/stats.js";
import type {Dataset} from "./types.js";

export interface ClassWeights {
  negative: number;
  positive: number;
}

/** sklearn's "balanced" weights, n / (2 · count of the class), so that both classes carry equal total weight. */
export function balancedClassWeights(y: ArrayLike<number>): ClassWeights {
  let positives = 0;
  for (let i = 0; i < y.length; ++i) if (y[i] === 1) ++positives;
  const negatives = y.length - positives;
  if (!positives || !negatives) throw new Error(`balancedClassWeights: need both classes, got ${positives} positives and ${negatives} negatives`);
  return {negative: y.length / (2 * negatives), positive: y.length / (2 * positives)};
}

/** The dataset with each row's weight multiplied by its class weight (rows without weights count 1). */
export function withClassWeights(data: Dataset, classWeights: ClassWeights): Dataset {
  const weights = new Float64Array(data.y.length);
  for (let i = 0; i < weights.length; ++i) {
    weights[i] = (data.weights ? data.weights[i] : 1) * (data.y[i] === 1 ? classWeights.positive : classWeights.negative);
  }
  return {...data, weights};
}

export interface SmoteOptions {
  /** Neighbours to interpolate towards. Default 5. */
  k?: number;
  /** Wanted minority : majority ratio after oversampling (imblearn's float sampling_strategy). Default 1. */
  targetRatio?: number;
  /**
   * Neighbours of a row are searched among this many minority rows, drawn afresh (seeded) for every
   * batch of 256 rows used as bases, so the cost is O(bases · maxCandidates · features) rather than
   * quadratic in the minority size. The search is exact when the minority class has at most
   * maxCandidates + 1 rows. Default 1000.
   */
  maxCandidates?: number;
}

export interface SmoteResult {
  /** Original rows first (unchanged), synthetic minority rows after. */
  data: Dataset;
  /** For synthetic row s (row `original + s` of data): the original rows it lies between, and where. */
  bases: Int32Array;
  neighbours: Int32Array;
  gaps: Float64Array;
}

/**
 * SMOTE with its provenance. A synthetic row is base + gap · (neighbour − base), gap uniform in [0, 1),
 * with the neighbour drawn from the base's k nearest minority rows (Euclidean on features standardised
 * over the whole training set). Binary 0/1 columns are not interpolated but copied from the nearer parent
 * (base when gap < ½), so one-hot groups stay valid one-hot codes; other columns, integer counts
 * included, are interpolated. Synthetic rows copy their base's weight when the data carries weights.
 */
export function smoteWithProvenance(data: Dataset, options: SmoteOptions = {}, random: Random): SmoteResult {
  const {k = 5, targetRatio = 1, maxCandidates = 1000} = options;
  if (!(k >= 1 && Number.isInteger(k))) throw new Error(`smote: k must be a positive integer, got ${k}`);
  if (!(targetRatio > 0)) throw new Error(`smote: targetRatio must be positive, got ${targetRatio}`);
  if (!(maxCandidates > k)) throw new Error(`smote: maxCandidates must exceed k, got ${maxCandidates}`);
  const {x, y} = data;
  const {rows, cols} = x;
  const minority: number[] = [], majority: number[] = [];
  let positives = 0;
  for (let i = 0; i < rows; ++i) if (y[i] === 1) ++positives;
  const minorityLabel = positives <= rows - positives ? 1 : 0;
  for (let i = 0; i < rows; ++i) (y[i] === minorityLabel ? minority : majority).push(i);
  const syntheticCount = Math.max(0, Math.round(targetRatio * majority.length) - minority.length);
  if (syntheticCount > 0 && minority.length < 2) throw new Error(`smote: need at least 2 minority rows, got ${minority.length}`);

  const {means, scales} = columnScale(x);
  const binary = binaryColumns(data);
  const m = minority.length;
  const standardized = new Float64Array(m * cols);
  for (let a = 0; a < m; ++a) {
    for (let j = 0; j < cols; ++j) standardized[a * cols + j] = (x.values[minority[a] * cols + j] - means[j]) / scales[j];
  }
  const neighbourCount = Math.min(k, m - 1);

  // Draw every sample's base, neighbour rank and gap first, so that the neighbour searches can be batched.
  const baseOf = new Int32Array(syntheticCount), rankOf = new Int32Array(syntheticCount), gaps = new Float64Array(syntheticCount);
  for (let s = 0; s < syntheticCount; ++s) {
    baseOf[s] = random.int(m);
    rankOf[s] = random.int(neighbourCount);
    gaps[s] = random.next();
  }
  const neighbourTable = nearestNeighbours(standardized, cols, usedBases(baseOf, m), neighbourCount, maxCandidates, random.fork("smote-candidates"));

  const values = new Float64Array((rows + syntheticCount) * cols);
  values.set(x.values);
  const labels = new Uint8Array(rows + syntheticCount);
  labels.set(y);
  labels.fill(minorityLabel, rows);
  const weights = data.weights ? new Float64Array(rows + syntheticCount) : undefined;
  weights?.set(data.weights!);
  const bases = new Int32Array(syntheticCount), neighbours = new Int32Array(syntheticCount);
  for (let s = 0; s < syntheticCount; ++s) {
    const base = minority[baseOf[s]], neighbour = minority[neighbourTable[baseOf[s] * neighbourCount + rankOf[s]]];
    const gap = gaps[s];
    const out = (rows + s) * cols;
    for (let j = 0; j < cols; ++j) {
      const from = x.values[base * cols + j], to = x.values[neighbour * cols + j];
      values[out + j] = binary[j] ? (gap < 0.5 ? from : to) : from + gap * (to - from);
    }
    if (weights) weights[rows + s] = data.weights![base];
    bases[s] = base;
    neighbours[s] = neighbour;
  }
  return {
    data: {x: {values, rows: rows + syntheticCount, cols}, y: labels, weights, featureNames: data.featureNames},
    bases,
    neighbours,
    gaps
  };
}

/** SMOTE oversampling of the minority class of a training set; see smoteWithProvenance. */
export function smote(data: Dataset, options: SmoteOptions = {}, random: Random): Dataset {
  return smoteWithProvenance(data, options, random).data;
}

/** Columns whose every value is 0 or 1. */
export function binaryColumns({x}: Dataset): Uint8Array {
  const binary = new Uint8Array(x.cols).fill(1);
  for (let i = 0; i < x.rows; ++i) {
    for (let j = 0; j < x.cols; ++j) {
      const v = x.values[i * x.cols + j];
      if (v !== 0 && v !== 1) binary[j] = 0;
    }
  }
  return binary;
}

/** The distinct minority positions drawn as bases, ascending. */
function usedBases(baseOf: Int32Array, m: number): Int32Array {
  const used = new Uint8Array(m);
  for (const a of baseOf) used[a] = 1;
  const result: number[] = [];
  for (let a = 0; a < m; ++a) if (used[a]) result.push(a);
  return Int32Array.from(result);
}

/** Bases that share one candidate sample: its rows are copied into one block that stays in cache. */
const basesPerBatch = 256;

/**
 * The `count` nearest minority positions of each base, as a table m × count (rows of unused positions
 * stay −1). Exact when m ≤ maxCandidates + 1; otherwise each batch of bases searches a fresh uniform
 * sample of maxCandidates minority rows (partial Fisher–Yates over a persistent permutation).
 */
function nearestNeighbours(z: Float64Array, cols: number, bases: Int32Array, count: number, maxCandidates: number, random: Random): Int32Array {
  const m = z.length / cols;
  const table = new Int32Array(m * count).fill(-1);
  if (m - 1 <= maxCandidates) {
    const all = Int32Array.from({length: m}, (_, a) => a);
    for (const a of bases) nearestInBlock(z, a, cols, z, all, count, table);
    return table;
  }
  const pool = Int32Array.from({length: m}, (_, a) => a);
  const ids = new Int32Array(maxCandidates);
  const block = new Float64Array(maxCandidates * cols);
  for (let start = 0; start < bases.length; start += basesPerBatch) {
    for (let t = 0; t < maxCandidates; ++t) {
      const u = t + random.int(m - t);
      const swap = pool[t];
      pool[t] = pool[u];
      pool[u] = swap;
    }
    // Ascending ids so that ties resolve the same way whatever order the sample came in.
    ids.set(pool.subarray(0, maxCandidates));
    ids.sort();
    for (let c = 0; c < maxCandidates; ++c) block.set(z.subarray(ids[c] * cols, (ids[c] + 1) * cols), c * cols);
    const end = Math.min(bases.length, start + basesPerBatch);
    for (let b = start; b < end; ++b) nearestInBlock(z, bases[b], cols, block, ids, count, table);
  }
  return table;
}

/** Fills row `a` of the table with the `count` candidates nearest to minority row `a`, excluding itself. */
function nearestInBlock(z: Float64Array, a: number, cols: number, block: Float64Array, ids: Int32Array, count: number, table: Int32Array): void {
  const best = table.subarray(a * count, (a + 1) * count);
  const bestDistance = new Float64Array(count).fill(Infinity);
  const offset = a * cols;
  for (let c = 0; c < ids.length; ++c) {
    const b = ids[c];
    if (b === a) continue;
    // Stop summing once the distance exceeds the current k-th best: most candidates are far.
    const bound = bestDistance[count - 1];
    const other = c * cols;
    let d = 0;
    for (let j = 0; j < cols && d <= bound; ++j) {
      const diff = z[offset + j] - block[other + j];
      d += diff * diff;
    }
    if (!isCloser(d, b, bestDistance, best, count - 1)) continue;
    let slot = count - 1;
    while (slot > 0 && isCloser(d, b, bestDistance, best, slot - 1)) {
      bestDistance[slot] = bestDistance[slot - 1];
      best[slot] = best[slot - 1];
      --slot;
    }
    bestDistance[slot] = d;
    best[slot] = b;
  }
}

/** Ordered by distance, then by position, so that ties do not depend on the order candidates come in. */
function isCloser(d: number, b: number, bestDistance: Float64Array, best: Int32Array, slot: number): boolean {
  return d < bestDistance[slot] || (d === bestDistance[slot] && b < best[slot]);
}
