// One histogram-based regression tree, fitted to per-row gradients and hessians (the second-order view
// of a loss, as in XGBoost, LightGBM and scikit-learn's HistGradientBoosting). A node's candidate
// splits are read from per-bin sums (gradient, hessian, count) instead of sorted rows, so a split
// search costs rows × features additions plus a scan of ≤ 255 bins per feature. The same learner grows
// boosting trees (Newton leaves −G/(H + λ)) and forest trees (g = −y, h = 1 makes leaves class-1
// frequencies and the gain a Gini decrease; see forest.ts).
import type {Random} from "../../core/random.js";
import {bundleExclusiveFeatures, maxBinCount} from "./binning.js";
import type {BinEdges, BinnedMatrix} from "./binning.js";
import type {Matrix} from "./types.js";

/** Bins 0, 1, 2, …: the list a dense histogram is scanned over. */
const everyBin = Int32Array.from({length: maxBinCount + 1}, (_, b) => b);

export interface TreeOptions {
  /** Deepest level a leaf may sit at (the root is depth 0). Default Infinity. */
  maxDepth?: number;
  /** Most leaves. Finite: grow best-first (leaf-wise, like LightGBM and sklearn HistGB). Default Infinity (depth-first). */
  maxLeafNodes?: number;
  /** Fewest training rows (not weights) in a leaf. Default 1. */
  minSamplesLeaf?: number;
  /** Fewest training rows a node needs to be split. Default 2. */
  minSamplesSplit?: number;
  /** Smallest hessian sum in a leaf (sklearn HistGB: 1e-3). Default 0. */
  minHessianLeaf?: number;
  /** A split must reduce the loss by more than this. Default 0. */
  minGainToSplit?: number;
  /** L2 penalty λ on leaf values. Default 0. */
  l2?: number;
  /** Features drawn at random per split (random forests); default all, which also enables histogram subtraction. */
  featuresPerSplit?: number;
  /** Multiplier of every node value (the boosting learning rate). Default 1. */
  shrinkage?: number;
}

/**
 * A fitted tree in flat typed arrays. Node 0 is the root; a node with `feature[i] < 0` is a leaf. A row
 * goes left when `value <= threshold[i]` (on raw data) or `code <= bin[i]` (on binned data); NaN goes right.
 */
export interface Tree {
  nodeCount: number;
  feature: Int32Array;
  threshold: Float64Array;
  bin: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  /** Output of each node, shrinkage included; only leaves' values are used to predict. */
  value: Float64Array;
  /** Loss reduction of each split (0 at leaves), for gain-based importance. */
  gain: Float64Array;
  /** Training rows reaching each node. */
  samples: Int32Array;
  /** Hessian sum (the weight, for forests) reaching each node. */
  weight: Float64Array;
}

/** A tree and where its training rows ended: node i's rows are `rows[start[i] .. start[i] + tree.samples[i])`. */
export interface GrownTree {
  tree: Tree;
  /** Owned by the grower and overwritten by its next `grow`. */
  rows: Int32Array;
  start: Int32Array;
}

export interface TreeGrower {
  /**
   * Grows one tree on `gradients`/`hessians` (one per row of the binned matrix, already multiplied by
   * any sample weight) over `rows` (default all rows). `random` is needed only when features are drawn per split.
   */
  grow(gradients: Float64Array, hessians: Float64Array, rows?: ArrayLike<number>, random?: Random): GrownTree;
}

interface Settings {
  maxDepth: number;
  maxLeafNodes: number;
  minSamplesLeaf: number;
  minSamplesSplit: number;
  minHessianLeaf: number;
  minGainToSplit: number;
  l2: number;
  featuresPerSplit: number;
  shrinkage: number;
}

/** The best split found for a node. */
interface Split {
  feature: number;
  bin: number;
  gain: number;
  leftGradient: number;
  leftHessian: number;
  leftCount: number;
}

/** A node that may still be split. */
interface Pending {
  node: number;
  start: number;
  count: number;
  sumGradient: number;
  sumHessian: number;
  depth: number;
  histogram: Float64Array | null;
  split: Split | null;
  /** Features found constant in this node or an ancestor (sampled mode); children inherit them. */
  constant: Uint8Array | null;
}

// Gains below this fraction of the node's hessian sum are rounding noise (a pure forest node can show
// a gain of 1e-17), and splitting on them would chop pure leaves apart.
const relativeGainNoise = 1e-12;

/**
 * A grower bound to one binned matrix and its edges, reusing its buffers (row partition, ordered
 * gradients, histograms) across trees; boosting grows hundreds of trees on the same matrix.
 */
export function createTreeGrower(binned: BinnedMatrix, edges: BinEdges, options: TreeOptions = {}): TreeGrower {
  const {rows: n, cols, codes, binCounts} = binned;
  const s: Settings = {
    maxDepth: options.maxDepth ?? Infinity,
    maxLeafNodes: options.maxLeafNodes ?? Infinity,
    minSamplesLeaf: Math.max(1, options.minSamplesLeaf ?? 1),
    minSamplesSplit: Math.max(2, options.minSamplesSplit ?? 2),
    minHessianLeaf: options.minHessianLeaf ?? 0,
    minGainToSplit: Math.max(0, options.minGainToSplit ?? 0),
    l2: options.l2 ?? 0,
    featuresPerSplit: Math.min(cols, Math.max(1, Math.floor(options.featuresPerSplit ?? cols))),
    shrinkage: options.shrinkage ?? 1
  };
  if (!(s.maxLeafNodes >= 2)) throw new Error(`createTreeGrower: maxLeafNodes must be at least 2`);
  const sampled = s.featuresPerSplit < cols;
  const bestFirst = Number.isFinite(s.maxLeafNodes);

  // Histogram layout: feature j's bins start at offsets[j]; each bin holds (sum g, sum h, count).
  const offsets = new Int32Array(cols + 1);
  for (let j = 0; j < cols; ++j) offsets[j + 1] = offsets[j] + binCounts[j];
  const histogramLength = offsets[cols] * 3;
  const freeHistograms: Float64Array[] = [];
  const acquire = () => freeHistograms.pop() ?? new Float64Array(histogramLength);
  const release = (h: Float64Array | null) => void (h && freeHistograms.push(h));

  const partition = new Int32Array(n);
  const spill = new Int32Array(n);
  const orderedGradients = new Float64Array(n);
  const orderedHessians = new Float64Array(n);
  const featureOrder = new Int32Array(cols);
  // Sampled mode builds one feature's histogram at a time; `touched` lists its non-empty bins.
  const scratch = new Float64Array(sampled ? 3 * 256 : 0);
  const touched = new Int32Array(256);

  let g: Float64Array = orderedGradients, h: Float64Array = orderedHessians;
  let random: Random | undefined;
  let rowsInOrder = false;

  function gatherGradients(start: number, count: number): void {
    if (rowsInOrder && count === n) {
      // The root of a tree on all rows, in storage order: a plain copy.
      orderedGradients.set(g);
      orderedHessians.set(h);
      return;
    }
    for (let k = 0; k < count; ++k) {
      const r = partition[start + k];
      orderedGradients[k] = g[r];
      orderedHessians[k] = h[r];
    }
  }

  // Histograms are built per bundle (see bundleExclusiveFeatures), four bundles per pass over the
  // rows, and then spread into the per-feature layout the split search and subtraction use.
  const bundles = sampled ? undefined : bundleExclusiveFeatures(binned);
  const bundleOffsets = new Int32Array((bundles?.count ?? 0) + 1);
  for (let q = 0; q < (bundles?.count ?? 0); ++q) bundleOffsets[q + 1] = bundleOffsets[q] + bundles!.binCounts[q];
  const bundleHistogram = new Float64Array(bundleOffsets[bundleOffsets.length - 1] * 3);

  // Every root on all rows has the same per-bin counts; only its gradients change between rounds.
  let rootCounts: Float64Array | undefined;

  /** Histograms of every feature over a node's rows, whose sums are already known. */
  function buildHistogram(histogram: Float64Array, start: number, count: number, sumGradient: number, sumHessian: number): void {
    const {codes: bundleCodes, count: bundleCount} = bundles!;
    gatherGradients(start, count);
    const hist = bundleHistogram;
    hist.fill(0);
    if (rowsInOrder && count === n) {
      if (!rootCounts) {
        rootCounts = new Float64Array(hist.length / 3);
        for (let q = 0; q < bundleCount; ++q) {
          for (let i = q * n, end = i + n, base = bundleOffsets[q]; i < end; ++i) ++rootCounts[base + bundleCodes[i]];
        }
      }
      accumulateInOrder(hist, bundleCodes, n, bundleOffsets, bundleCount, orderedGradients, orderedHessians);
      for (let b = 0; b < rootCounts.length; ++b) hist[3 * b + 2] = rootCounts[b];
    } else {
      accumulate(hist, bundleCodes, n, bundleOffsets, bundleCount, partition, start, count, orderedGradients, orderedHessians);
    }
    spreadBundles(histogram, sumGradient, sumHessian, count);
  }

  /** Copies bundle histograms into per-feature ones; a bundled feature's default bin is the node total minus its other bins. */
  function spreadBundles(histogram: Float64Array, sumGradient: number, sumHessian: number, count: number): void {
    const {count: bundleCount, memberStart, members, defaultBin, codeOffset} = bundles!;
    const hist = bundleHistogram;
    for (let q = 0; q < bundleCount; ++q) {
      const source = bundleOffsets[q] * 3;
      for (let m = memberStart[q]; m < memberStart[q + 1]; ++m) {
        const j = members[m], d = defaultBin[j], bins = binCounts[j], target = offsets[j] * 3;
        if (d < 0) {
          histogram.set(hist.subarray(source, source + bins * 3), target);
          continue;
        }
        let restGradient = 0, restHessian = 0, restCount = 0;
        for (let b = 0; b < bins; ++b) {
          if (b === d) continue;
          const from = source + (codeOffset[j] + (b < d ? b : b - 1)) * 3, to = target + b * 3;
          restGradient += histogram[to] = hist[from];
          restHessian += histogram[to + 1] = hist[from + 1];
          restCount += histogram[to + 2] = hist[from + 2];
        }
        const to = target + d * 3;
        histogram[to] = sumGradient - restGradient;
        histogram[to + 1] = sumHessian - restHessian;
        histogram[to + 2] = count - restCount;
      }
    }
  }

  /**
   * The better of `best` and `feature`'s splits between consecutive listed bins (`bins[0 .. n)`, in
   * ascending order), from its histogram of gradient, hessian and count at `base`. Listing only the
   * non-empty bins finds the same splits: an empty bin cannot change a split's sums.
   */
  function scanSplits(
    histogram: Float64Array, base: number, bins: Int32Array, n: number, feature: number,
    sumGradient: number, sumHessian: number, count: number, best: Split | null
  ): Split | null {
    const {l2, minSamplesLeaf, minHessianLeaf} = s;
    const parentScore = (sumGradient * sumGradient) / (sumHessian + l2);
    const floor = Math.max(s.minGainToSplit, relativeGainNoise * Math.abs(sumHessian));
    let leftGradient = 0, leftHessian = 0, leftCount = 0;
    for (let t = 0; t < n - 1; ++t) {
      const i = base + 3 * bins[t];
      leftGradient += histogram[i];
      leftHessian += histogram[i + 1];
      leftCount += histogram[i + 2];
      if (leftCount < minSamplesLeaf) continue;
      if (count - leftCount < minSamplesLeaf) break;
      const rightHessian = sumHessian - leftHessian;
      if (leftHessian < minHessianLeaf) continue;
      if (rightHessian < minHessianLeaf) break;
      const rightGradient = sumGradient - leftGradient;
      const gain = (leftGradient * leftGradient) / (leftHessian + l2) + (rightGradient * rightGradient) / (rightHessian + l2) - parentScore;
      if (gain > floor && (best === null || gain > best.gain)) {
        // The split goes between this bin and the next listed one: any bin in between is empty, so
        // cutting at the last non-empty one keeps the threshold where sklearn's midpoint would be.
        best = {feature, bin: bins[t], gain, leftGradient, leftHessian, leftCount};
      }
    }
    return best;
  }

  function findSplit(p: Pending): Split | null {
    const histogram = p.histogram!;
    let best: Split | null = null;
    for (let j = 0; j < cols; ++j) {
      best = scanSplits(histogram, offsets[j] * 3, everyBin, binCounts[j], j, p.sumGradient, p.sumHessian, p.count, best);
    }
    return best;
  }

  /**
   * Split search over features drawn at random, as scikit-learn's forests do: draw until
   * `featuresPerSplit` have been drawn and at least one of them is not constant in the node. A feature
   * known to be constant (here or in an ancestor) counts as drawn without being looked at.
   */
  function findSplitSampled(p: Pending): Split | null {
    if (!random) throw new Error("TreeGrower: featuresPerSplit < features needs a Random");
    const {start, count, constant} = p;
    gatherGradients(start, count);
    for (let j = 0; j < cols; ++j) featureOrder[j] = j;
    let best: Split | null = null;
    let varying = false;
    for (let drawn = 0; drawn < cols && (drawn < s.featuresPerSplit || !varying); ++drawn) {
      const pick = drawn + random.int(cols - drawn);
      const j = featureOrder[pick];
      featureOrder[pick] = featureOrder[drawn];
      featureOrder[drawn] = j;
      if (constant![j]) continue;
      const column = j * n;
      // Deep forest nodes hold a handful of rows: accumulate sparsely, then clear and scan only the
      // bins that were touched instead of all 255.
      let distinct = 0;
      for (let k = 0; k < count; ++k) {
        const b = codes[column + partition[start + k]];
        const i = 3 * b;
        if (scratch[i + 2] === 0) touched[distinct++] = b;
        scratch[i] += orderedGradients[k];
        scratch[i + 1] += orderedHessians[k];
        scratch[i + 2] += 1;
      }
      if (distinct > 1) {
        varying = true;
        const used = touched.subarray(0, distinct).sort();
        best = scanSplits(scratch, 0, used, used.length, j, p.sumGradient, p.sumHessian, p.count, best);
      } else constant![j] = 1;
      for (let t = 0; t < distinct; ++t) {
        const i = 3 * touched[t];
        scratch[i] = scratch[i + 1] = scratch[i + 2] = 0;
      }
    }
    return best;
  }

  /** Stable in-place partition of a node's rows: codes <= bin first. Returns the left count. */
  function partitionRows(start: number, count: number, feature: number, bin: number): number {
    const column = feature * n;
    let left = start, right = 0;
    for (let k = start; k < start + count; ++k) {
      const r = partition[k];
      if (codes[column + r] <= bin) partition[left++] = r;
      else spill[right++] = r;
    }
    partition.set(spill.subarray(0, right), left);
    return left - start;
  }

  function grow(gradients: Float64Array, hessians: Float64Array, subset?: ArrayLike<number>, rng?: Random): GrownTree {
    if (gradients.length !== n || hessians.length !== n) throw new Error(`TreeGrower: expected ${n} gradients and hessians`);
    g = gradients;
    h = hessians;
    random = rng;
    let rowCount = n;
    rowsInOrder = !subset;
    if (subset) {
      rowCount = subset.length;
      for (let k = 0; k < rowCount; ++k) partition[k] = subset[k];
    } else {
      for (let k = 0; k < n; ++k) partition[k] = k;
    }

    const nodes = new NodeList();
    let sumGradient = 0, sumHessian = 0;
    for (let k = 0; k < rowCount; ++k) {
      sumGradient += gradients[partition[k]];
      sumHessian += hessians[partition[k]];
    }
    const root: Pending = {node: nodes.add(0, rowCount, sumGradient, sumHessian, s), start: 0, count: rowCount, sumGradient, sumHessian, depth: 0, histogram: null, split: null, constant: sampled ? new Uint8Array(cols) : null};
    const frontier: Pending[] = [];
    if (splittable(root)) {
      if (!sampled) {
        root.histogram = acquire();
        buildHistogram(root.histogram, 0, rowCount, sumGradient, sumHessian);
      }
      consider(root, frontier);
    }

    let leaves = 1;
    while (frontier.length && leaves < s.maxLeafNodes) {
      const p = bestFirst ? takeBest(frontier) : frontier.pop()!;
      const split = p.split!;
      const leftCount = partitionRows(p.start, p.count, split.feature, split.bin);
      const left: Pending = {
        node: nodes.add(p.start, leftCount, split.leftGradient, split.leftHessian, s),
        start: p.start, count: leftCount, sumGradient: split.leftGradient, sumHessian: split.leftHessian,
        depth: p.depth + 1, histogram: null, split: null, constant: p.constant
      };
      const rightGradient = p.sumGradient - split.leftGradient, rightHessian = p.sumHessian - split.leftHessian;
      const right: Pending = {
        node: nodes.add(p.start + leftCount, p.count - leftCount, rightGradient, rightHessian, s),
        start: p.start + leftCount, count: p.count - leftCount, sumGradient: rightGradient, sumHessian: rightHessian,
        depth: p.depth + 1, histogram: null, split: null, constant: p.constant && p.constant.slice()
      };
      nodes.setSplit(p.node, split, edges.thresholds[split.feature][split.bin], left.node, right.node);
      ++leaves;

      const splitLeft = splittable(left), splitRight = splittable(right);
      if (!sampled && (splitLeft || splitRight)) {
        // Build the smaller child's histogram from its rows; the larger one is the parent's minus it.
        const [small, large] = left.count < right.count ? [left, right] : [right, left];
        small.histogram = acquire();
        buildHistogram(small.histogram, small.start, small.count, small.sumGradient, small.sumHessian);
        const parent = p.histogram!, child = small.histogram;
        for (let i = 0; i < histogramLength; ++i) parent[i] -= child[i];
        large.histogram = parent;
      } else {
        release(p.histogram);
      }
      p.histogram = null;
      if (splitLeft) consider(left, frontier);
      else release(left.histogram);
      if (splitRight) consider(right, frontier);
      else release(right.histogram);
    }
    for (const p of frontier) release(p.histogram);

    return {tree: nodes.toTree(), rows: partition.subarray(0, rowCount), start: Int32Array.from(nodes.start)};
  }

  function splittable(p: Pending): boolean {
    return p.depth < s.maxDepth && p.count >= s.minSamplesSplit && p.count >= 2 * s.minSamplesLeaf && p.sumHessian >= 2 * s.minHessianLeaf;
  }

  /** Finds the node's best split; queues it if there is one, else releases its histogram (a leaf). */
  function consider(p: Pending, frontier: Pending[]): void {
    p.split = sampled ? findSplitSampled(p) : findSplit(p);
    if (p.split) frontier.push(p);
    else {
      release(p.histogram);
      p.histogram = null;
    }
  }

  return {grow};
}

/**
 * Adds (g, h, 1) of rows `rows[start ..< start + count]` (gradients already gathered in that order)
 * to the histogram of every bundle, four bundles per pass: the hot loop of the whole learner.
 */
function accumulate(
  hist: Float64Array, codes: Uint8Array, n: number, offsets: Int32Array, bundleCount: number,
  rows: Int32Array, start: number, count: number, gs: Float64Array, hs: Float64Array
): void {
  let q = 0;
  for (; q + 3 < bundleCount; q += 4) {
    const c0 = q * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
    const b0 = offsets[q] * 3, b1 = offsets[q + 1] * 3, b2 = offsets[q + 2] * 3, b3 = offsets[q + 3] * 3;
    for (let k = 0; k < count; ++k) {
      const r = rows[start + k], gk = gs[k], hk = hs[k];
      const i0 = b0 + codes[c0 + r] * 3, i1 = b1 + codes[c1 + r] * 3;
      const i2 = b2 + codes[c2 + r] * 3, i3 = b3 + codes[c3 + r] * 3;
      hist[i0] += gk; hist[i0 + 1] += hk; hist[i0 + 2] += 1;
      hist[i1] += gk; hist[i1 + 1] += hk; hist[i1 + 2] += 1;
      hist[i2] += gk; hist[i2 + 1] += hk; hist[i2 + 2] += 1;
      hist[i3] += gk; hist[i3 + 1] += hk; hist[i3 + 2] += 1;
    }
  }
  for (; q < bundleCount; ++q) {
    const c0 = q * n, b0 = offsets[q] * 3;
    for (let k = 0; k < count; ++k) {
      const i0 = b0 + codes[c0 + rows[start + k]] * 3;
      hist[i0] += gs[k]; hist[i0 + 1] += hs[k]; hist[i0 + 2] += 1;
    }
  }
}

/** `accumulate` over all rows in storage order, gradients and hessians only (the counts are known). */
function accumulateInOrder(hist: Float64Array, codes: Uint8Array, n: number, offsets: Int32Array, bundleCount: number, gs: Float64Array, hs: Float64Array): void {
  let q = 0;
  for (; q + 3 < bundleCount; q += 4) {
    const c0 = q * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
    const b0 = offsets[q] * 3, b1 = offsets[q + 1] * 3, b2 = offsets[q + 2] * 3, b3 = offsets[q + 3] * 3;
    for (let k = 0; k < n; ++k) {
      const gk = gs[k], hk = hs[k];
      const i0 = b0 + codes[c0 + k] * 3, i1 = b1 + codes[c1 + k] * 3;
      const i2 = b2 + codes[c2 + k] * 3, i3 = b3 + codes[c3 + k] * 3;
      hist[i0] += gk; hist[i0 + 1] += hk;
      hist[i1] += gk; hist[i1 + 1] += hk;
      hist[i2] += gk; hist[i2 + 1] += hk;
      hist[i3] += gk; hist[i3 + 1] += hk;
    }
  }
  for (; q < bundleCount; ++q) {
    const c0 = q * n, b0 = offsets[q] * 3;
    for (let k = 0; k < n; ++k) {
      const i0 = b0 + codes[c0 + k] * 3;
      hist[i0] += gs[k]; hist[i0 + 1] += hs[k];
    }
  }
}

/** Removes and returns the pending node with the largest gain (first one on ties). */
function takeBest(frontier: Pending[]): Pending {
  let best = 0;
  for (let k = 1; k < frontier.length; ++k) if (frontier[k].split!.gain > frontier[best].split!.gain) best = k;
  return frontier.splice(best, 1)[0];
}

/** Growable node storage, frozen into typed arrays at the end. */
class NodeList {
  feature: number[] = [];
  threshold: number[] = [];
  bin: number[] = [];
  left: number[] = [];
  right: number[] = [];
  value: number[] = [];
  gain: number[] = [];
  samples: number[] = [];
  weight: number[] = [];
  start: number[] = [];

  add(start: number, count: number, sumGradient: number, sumHessian: number, s: Settings): number {
    const denominator = sumHessian + s.l2;
    this.feature.push(-1);
    this.threshold.push(NaN);
    this.bin.push(0);
    this.left.push(-1);
    this.right.push(-1);
    this.value.push(denominator > 0 ? (-sumGradient / denominator) * s.shrinkage : 0);
    this.gain.push(0);
    this.samples.push(count);
    this.weight.push(sumHessian);
    this.start.push(start);
    return this.feature.length - 1;
  }

  setSplit(node: number, split: Split, threshold: number, left: number, right: number): void {
    this.feature[node] = split.feature;
    this.bin[node] = split.bin;
    this.threshold[node] = threshold;
    this.gain[node] = split.gain;
    this.left[node] = left;
    this.right[node] = right;
  }

  toTree(): Tree {
    return {
      nodeCount: this.feature.length,
      feature: Int32Array.from(this.feature),
      threshold: Float64Array.from(this.threshold),
      bin: Uint8Array.from(this.bin),
      left: Int32Array.from(this.left),
      right: Int32Array.from(this.right),
      value: Float64Array.from(this.value),
      gain: Float64Array.from(this.gain),
      samples: Int32Array.from(this.samples),
      weight: Float64Array.from(this.weight)
    };
  }
}

/** Adds `scale` × the tree's output for each row of `x` to `out`. */
export function addTreePredictions(tree: Tree, x: Matrix, out: Float64Array, scale = 1): void {
  const {values, rows, cols} = x;
  const {feature, threshold, left, right, value} = tree;
  for (let i = 0, offset = 0; i < rows; ++i, offset += cols) {
    let node = 0;
    for (let f = feature[0]; f >= 0; f = feature[node]) node = values[offset + f] <= threshold[node] ? left[node] : right[node];
    out[i] += scale * value[node];
  }
}

/** Adds the tree's output to `out[r]` for each listed row `r` of a binned matrix (all rows by default). */
export function addTreePredictionsBinned(tree: Tree, binned: BinnedMatrix, out: Float64Array, rows?: ArrayLike<number>, scale = 1): void {
  const {codes, rows: n} = binned;
  const {feature, bin, left, right, value} = tree;
  const count = rows ? rows.length : n;
  for (let k = 0; k < count; ++k) {
    const r = rows ? rows[k] : k;
    let node = 0;
    for (let f = feature[0]; f >= 0; f = feature[node]) node = codes[f * n + r] <= bin[node] ? left[node] : right[node];
    out[r] += scale * value[node];
  }
}

/** Adds each leaf's value to the training rows that ended in it, without walking the tree. */
export function addLeafValues(grown: GrownTree, out: Float64Array, scale = 1): void {
  const {tree, rows, start} = grown;
  for (let node = 0; node < tree.nodeCount; ++node) {
    if (tree.feature[node] >= 0) continue;
    const v = scale * tree.value[node];
    for (let k = start[node], end = k + tree.samples[node]; k < end; ++k) out[rows[k]] += v;
  }
}

/** Sum of split gains per feature. */
export function featureGains(tree: Tree, cols: number): Float64Array {
  const gains = new Float64Array(cols);
  for (let node = 0; node < tree.nodeCount; ++node) if (tree.feature[node] >= 0) gains[tree.feature[node]] += tree.gain[node];
  return gains;
}

export function leafCount(tree: Tree): number {
  let leaves = 0;
  for (let node = 0; node < tree.nodeCount; ++node) if (tree.feature[node] < 0) ++leaves;
  return leaves;
}

/** Depth of the deepest leaf (a lone root has depth 0). */
export function treeDepth(tree: Tree): number {
  const depth = new Int32Array(tree.nodeCount);
  let deepest = 0;
  // Children are always added after their parent, so one forward pass sees every parent first.
  for (let node = 0; node < tree.nodeCount; ++node) {
    if (tree.feature[node] < 0) continue;
    depth[tree.left[node]] = depth[tree.right[node]] = depth[node] + 1;
    deepest = Math.max(deepest, depth[node] + 1);
  }
  return deepest;
}
