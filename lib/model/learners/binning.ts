// Quantile binning for histogram trees. Each feature is cut into at most 255 bins so that a row's value
// fits in one byte and a split search only has to scan a short histogram instead of sorting rows.
// The cut points follow scikit-learn's HistGradientBoosting (_BinMapper): one bin per distinct value
// when a column has few of them, otherwise 255 quantile bins, with thresholds at midpoints, so a fitted
// split `code <= b` is the same test as `value <= thresholds[b]` on raw data.
import type {Random} from "../../core/random.js";
import type {Matrix} from "./types.js";

export interface BinningOptions {
  /** Most bins per feature, at most 255 (one byte per code). Default 255. */
  maxBins?: number;
  /** Rows beyond which the edges are fitted on a random subsample of this many rows (sklearn: 200 000). */
  subsample?: number;
}

/** Fitted bin edges: bin b of feature j holds values v with thresholds[j][b − 1] < v <= thresholds[j][b]. */
export interface BinEdges {
  /** Ascending thresholds per feature; a feature with k thresholds has k + 1 bins. */
  thresholds: Float64Array[];
}

/** A matrix mapped to bin codes, column-major so that one feature's codes are contiguous. */
export interface BinnedMatrix {
  /** Code of row i, feature j at `codes[j * rows + i]`. */
  codes: Uint8Array;
  rows: number;
  cols: number;
  /** Number of bins of each feature (thresholds + 1). */
  binCounts: Int32Array;
}

export const maxBinCount = 255;

/** Fits bin edges on the columns of `x`; `random` draws the subsample when `x` has more rows than `subsample`. */
export function fitBinEdges(x: Matrix, options: BinningOptions = {}, random?: Random): BinEdges {
  const {maxBins = maxBinCount, subsample = 200_000} = options;
  if (!(maxBins >= 2 && maxBins <= maxBinCount)) throw new Error(`fitBinEdges: maxBins must be in [2, 255], got ${maxBins}`);
  const sampleRows = binningSample(x.rows, subsample, random);
  const m = sampleRows.length, cols = x.cols;
  // Transpose the sample once, row by row: reading one column at a time would stride through the
  // whole row-major matrix once per feature.
  const columns = new Float64Array(m * cols);
  for (let k = 0; k < m; ++k) {
    const offset = sampleRows[k] * cols;
    for (let j = 0; j < cols; ++j) columns[j * m + k] = x.values[offset + j];
  }
  const thresholds: Float64Array[] = [];
  for (let j = 0; j < cols; ++j) {
    const column = columns.subarray(j * m, (j + 1) * m);
    const distinct = new Set<number>();
    let previous = NaN;
    for (let k = 0; k < m; ++k) {
      const value = column[k];
      if (value === previous) continue; // runs of one value (a flag's zeros) skip the hashing
      if (value !== value) throw new Error(`fitBinEdges: NaN in feature ${j}; impute missing values first`);
      if (distinct.size <= maxBins) distinct.add(value);
      previous = value;
    }
    // Flags, one-hot columns and small counts need no sort of the whole column: their few distinct
    // values give the same midpoints.
    if (distinct.size <= maxBins) thresholds.push(columnThresholds(Float64Array.from(distinct).sort(), maxBins));
    else thresholds.push(columnThresholds(column.sort(), maxBins));
  }
  return {thresholds};
}

/** Thresholds of one sorted column: midpoints between distinct values, or midpoint quantiles. */
export function columnThresholds(sorted: Float64Array, maxBins: number = maxBinCount): Float64Array {
  const distinct = distinctSorted(sorted);
  if (distinct.length <= maxBins) {
    const midpoints = new Float64Array(Math.max(0, distinct.length - 1));
    for (let k = 0; k < midpoints.length; ++k) midpoints[k] = (distinct[k] + distinct[k + 1]) * 0.5;
    return midpoints;
  }
  // numpy.percentile(..., method="midpoint") at linspace(0, 100, maxBins + 1)[1:-1], replicated operation
  // for operation so that thresholds equal scikit-learn's. Ties repeat a threshold; the repeats would only
  // make empty bins, so they are dropped.
  const n = sorted.length;
  const step = 100 / maxBins;
  const cuts: number[] = [];
  for (let k = 1; k < maxBins; ++k) {
    const q = (k * step) / 100;
    const virtual = 0.5 * (Math.floor((n - 1) * q) + Math.ceil((n - 1) * q));
    const previous = Math.floor(virtual);
    let value: number;
    if (virtual >= n - 1) value = sorted[n - 1];
    else if (virtual === previous) value = sorted[previous];
    else {
      const a = sorted[previous], b = sorted[previous + 1];
      value = b - (b - a) * 0.5;
    }
    if (!cuts.length || value > cuts[cuts.length - 1]) cuts.push(value);
  }
  return Float64Array.from(cuts);
}

/**
 * Maps each value of `x` to its bin: the number of thresholds strictly below it. NaN, which no
 * threshold test accepts, goes to the last bin, as it goes right at every split of a tree.
 */
export function binMatrix(x: Matrix, edges: BinEdges): BinnedMatrix {
  const {rows, cols, values} = x;
  if (edges.thresholds.length !== cols) throw new Error(`binMatrix: edges for ${edges.thresholds.length} features, matrix has ${cols}`);
  const codes = new Uint8Array(rows * cols);
  const binCounts = Int32Array.from(edges.thresholds, (t) => t.length + 1);
  // Blocks of rows small enough to stay in cache while each feature's codes are written in order.
  const block = 2048;
  for (let start = 0; start < rows; start += block) {
    const end = Math.min(rows, start + block);
    for (let j = 0; j < cols; ++j) {
      const cuts = edges.thresholds[j];
      const base = j * rows;
      for (let i = start; i < end; ++i) codes[base + i] = binOf(cuts, values[i * cols + j]);
    }
  }
  return {codes, rows, cols, binCounts};
}

/** Bin of one value: binary search for the first threshold >= value. */
export function binOf(thresholds: Float64Array, value: number): number {
  let lo = 0, hi = thresholds.length;
  if (value !== value) return hi;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (value <= thresholds[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The rows the edges are fitted on: all of them, or a seeded sample without replacement. */
function binningSample(rows: number, subsample: number, random: Random | undefined): Int32Array {
  const all = new Int32Array(rows);
  for (let i = 0; i < rows; ++i) all[i] = i;
  if (rows <= subsample) return all;
  if (!random) throw new Error(`fitBinEdges: ${rows} rows exceed subsample ${subsample}; pass a Random to draw it`);
  for (let i = 0; i < subsample; ++i) {
    const k = i + random.int(rows - i);
    const t = all[i];
    all[i] = all[k];
    all[k] = t;
  }
  return all.subarray(0, subsample);
}

function distinctSorted(sorted: Float64Array): Float64Array {
  const out = new Float64Array(sorted.length);
  let n = 0;
  for (let k = 0; k < sorted.length; ++k) if (n === 0 || sorted[k] !== out[n - 1]) out[n++] = sorted[k];
  return out.subarray(0, n);
}

/**
 * Features grouped for histogram building. Columns that are mostly one bin and never off that bin in
 * the same row (the columns of a one-hot group) share one code column, as in LightGBM's exclusive
 * feature bundling: one pass over a node's rows then fills the histograms of the whole group.
 */
export interface FeatureBundles {
  count: number;
  /** Code of row i in bundle q at `codes[q * rows + i]`; 0 in a shared bundle means every member is at its default bin. */
  codes: Uint8Array;
  /** Codes each bundle uses. */
  binCounts: Int32Array;
  /** Bundle q holds features `members[memberStart[q] .. memberStart[q + 1])`. */
  memberStart: Int32Array;
  members: Int32Array;
  /** Per feature: its default (most common) bin when it shares a bundle, else −1 (its codes are copied as they are). */
  defaultBin: Int32Array;
  /** Per feature in a shared bundle: the bundle code of its first non-default bin. */
  codeOffset: Int32Array;
}

/**
 * Bundles features that are at their most common bin in at least `minDefaultShare` of rows and are
 * never off it together (no conflicts, so the histograms are exact), up to 255 codes per bundle.
 */
export function bundleExclusiveFeatures(binned: BinnedMatrix, {minDefaultShare = 0.5} = {}): FeatureBundles {
  const {codes, rows: n, cols, binCounts} = binned;
  const defaultBin = new Int32Array(cols).fill(-1);
  const offDefault = new Int32Array(cols);
  for (let j = 0; j < cols; ++j) {
    const tally = new Int32Array(binCounts[j]);
    for (let i = j * n, end = i + n; i < end; ++i) ++tally[codes[i]];
    let mode = 0;
    for (let b = 1; b < tally.length; ++b) if (tally[b] > tally[mode]) mode = b;
    if (tally[mode] >= minDefaultShare * n) {
      defaultBin[j] = mode;
      offDefault[j] = n - tally[mode];
    }
  }

  // Greedy, densest first: each sparse feature joins the first bundle it does not collide with.
  const sparse = Array.from({length: cols}, (_, j) => j).filter((j) => defaultBin[j] >= 0).sort((a, b) => offDefault[b] - offDefault[a]);
  const groups: number[][] = [];
  const occupied: Uint8Array[] = [];
  const codesUsed: number[] = [];
  const offRows = new Int32Array(n);
  for (const j of sparse) {
    const column = j * n, d = defaultBin[j];
    let m = 0;
    for (let i = 0; i < n; ++i) if (codes[column + i] !== d) offRows[m++] = i;
    let q = 0;
    for (; q < groups.length; ++q) {
      if (codesUsed[q] + binCounts[j] - 1 > maxBinCount - 1) continue;
      const taken = occupied[q];
      let k = 0;
      while (k < m && taken[offRows[k]] === 0) ++k;
      if (k === m) break;
    }
    if (q === groups.length) {
      groups.push([]);
      occupied.push(new Uint8Array(n));
      codesUsed.push(1);
    }
    for (let k = 0; k < m; ++k) occupied[q][offRows[k]] = 1;
    groups[q].push(j);
    codesUsed[q] += binCounts[j] - 1;
  }
  // A sparse feature left alone gains nothing from remapping: keep its own codes.
  const bundles: number[][] = [];
  for (let j = 0; j < cols; ++j) if (defaultBin[j] < 0) bundles.push([j]);
  for (const group of groups) {
    if (group.length === 1) defaultBin[group[0]] = -1;
    bundles.push(group);
  }

  const count = bundles.length;
  const out = new Uint8Array(count * n);
  const bundleBins = new Int32Array(count);
  const memberStart = new Int32Array(count + 1);
  const members = new Int32Array(cols);
  const codeOffset = new Int32Array(cols);
  let m = 0;
  bundles.forEach((group, q) => {
    memberStart[q] = m;
    const target = q * n;
    if (group.length === 1 && defaultBin[group[0]] < 0) {
      const j = group[0];
      members[m++] = j;
      out.set(codes.subarray(j * n, (j + 1) * n), target);
      bundleBins[q] = binCounts[j];
      return;
    }
    let next = 1;
    for (const j of group) {
      members[m++] = j;
      codeOffset[j] = next;
      const column = j * n, d = defaultBin[j];
      for (let i = 0; i < n; ++i) {
        const b = codes[column + i];
        if (b !== d) out[target + i] = next + (b < d ? b : b - 1);
      }
      next += binCounts[j] - 1;
    }
    bundleBins[q] = next;
  });
  memberStart[count] = m;
  return {count, codes: out, binCounts: bundleBins, memberStart, members, defaultBin, codeOffset};
}
