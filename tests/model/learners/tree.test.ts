import {DecisionTreeClassifier} from "ml-cart";
import {describe, expect, test} from "vitest";
import {binMatrix, fitBinEdges} from "../../../lib/model/learners/binning.js";
import {addLeafValues, addTreePredictions, addTreePredictionsBinned, createTreeGrower, featureGains, leafCount, treeDepth} from "../../../lib/model/learners/tree.js";
import type {Tree, TreeOptions} from "../../../lib/model/learners/tree.js";
import {matrix, selectRows} from "../../../lib/model/learners/types.js";
import type {Matrix} from "../../../lib/model/learners/types.js";
import {createRandom} from "../../../lib/core/random.js";
import type {Random} from "../../../lib/core/random.js";

function growOn(x: Matrix, gradients: Float64Array, hessians: Float64Array, options: TreeOptions = {}, rows?: Int32Array, random?: Random) {
  const edges = fitBinEdges(x);
  const binned = binMatrix(x, edges);
  return {binned, ...createTreeGrower(binned, edges, options).grow(gradients, hessians, rows, random)};
}

function predictRaw(tree: Tree, x: Matrix): Float64Array {
  const out = new Float64Array(x.rows);
  addTreePredictions(tree, x, out);
  return out;
}

/** Forest-style targets: g = −y, h = 1, so leaf values are class-1 frequencies. */
function classTargets(y: ArrayLike<number>) {
  return {gradients: Float64Array.from(y, (v) => -v), hessians: new Float64Array(y.length).fill(1)};
}

/** A small classification set whose features each take every value 0..n−1 once (n < 255, no ties). */
function distinctValueData(n: number, cols: number, random: Random) {
  const features = Array.from({length: cols}, () => random.shuffle(Array.from({length: n}, (_, i) => i)));
  const rows = Array.from({length: n}, (_, i) => features.map((f) => f[i]));
  const y = rows.map((r) => (r[0] - 0.6 * r[1] + 0.004 * r[2] * r[3] - n / 4 + random.normal(0, n / 5) > 0 ? 1 : 0));
  return {rows, y, x: matrix(rows.flat(), n, cols)};
}

/**
 * Exact best-first reference on raw values: every threshold between consecutive distinct values of a
 * node, the same gain and constraints, written for clarity rather than speed.
 */
function referenceTree(x: Matrix, g: Float64Array, h: Float64Array, o: {l2: number; minSamplesLeaf: number; maxDepth: number; maxLeafNodes: number}) {
  type Leaf = {rows: number[]; depth: number; split?: {gain: number; feature: number; threshold: number}};
  const sum = (rows: number[], a: Float64Array) => rows.reduce((s, r) => s + a[r], 0);
  const bestSplit = (leaf: Leaf) => {
    const {rows} = leaf;
    if (leaf.depth >= o.maxDepth || rows.length < 2 * o.minSamplesLeaf) return undefined;
    const G = sum(rows, g), H = sum(rows, h);
    let best: Leaf["split"];
    for (let j = 0; j < x.cols; ++j) {
      const values = [...new Set(rows.map((r) => x.values[r * x.cols + j]))].sort((a, b) => a - b);
      for (let k = 0; k + 1 < values.length; ++k) {
        const left = rows.filter((r) => x.values[r * x.cols + j] <= values[k]);
        if (left.length < o.minSamplesLeaf || rows.length - left.length < o.minSamplesLeaf) continue;
        const GL = sum(left, g), HL = sum(left, h);
        const gain = (GL * GL) / (HL + o.l2) + ((G - GL) * (G - GL)) / (H - HL + o.l2) - (G * G) / (H + o.l2);
        if (gain > 1e-12 * H && (!best || gain > best.gain)) best = {gain, feature: j, threshold: (values[k] + values[k + 1]) / 2};
      }
    }
    return best;
  };
  const leaves: Leaf[] = [{rows: Array.from({length: x.rows}, (_, i) => i), depth: 0}];
  leaves[0].split = bestSplit(leaves[0]);
  while (leaves.length < o.maxLeafNodes) {
    let pick = -1;
    leaves.forEach((leaf, k) => {
      if (leaf.split && (pick < 0 || leaf.split.gain > leaves[pick].split!.gain)) pick = k;
    });
    if (pick < 0) break;
    const [leaf] = leaves.splice(pick, 1);
    const {feature, threshold} = leaf.split!;
    for (const side of [true, false]) {
      const child: Leaf = {rows: leaf.rows.filter((r) => (x.values[r * x.cols + feature] <= threshold) === side), depth: leaf.depth + 1};
      child.split = bestSplit(child);
      leaves.push(child);
    }
  }
  const prediction = new Float64Array(x.rows);
  for (const leaf of leaves) {
    const value = -sum(leaf.rows, g) / (sum(leaf.rows, h) + o.l2);
    for (const r of leaf.rows) prediction[r] = value;
  }
  return {prediction, leaves: leaves.length};
}

describe("histogram tree", () => {
  test("a hand-checked split: threshold, gain and leaf values", () => {
    const x = matrix([1, 2, 3, 4], 4, 1);
    const {tree} = growOn(x, ...Object.values(classTargets([0, 0, 1, 1])) as [Float64Array, Float64Array]);
    expect(tree.nodeCount).toBe(3);
    expect(tree.feature[0]).toBe(0);
    expect(tree.threshold[0]).toBe(2.5);
    // G_L²/H_L + G_R²/H_R − G²/H = 0 + 4/2 − 4/4 = 1
    expect(tree.gain[0]).toBe(1);
    expect(tree.value[tree.left[0]]).toBe(-0);
    expect(tree.value[tree.right[0]]).toBe(1);
    expect(Array.from(predictRaw(tree, matrix([0, 2.4, 2.6, 9, NaN], 5, 1)))).toEqual([0, 0, 1, 1, 1]);
  });

  test("l2 and shrinkage: leaf value −G / (H + λ) × shrinkage", () => {
    const x = matrix([1, 2, 3, 4], 4, 1);
    const gradients = Float64Array.from([-1, -1, 2, 2]);
    const hessians = Float64Array.from([0.5, 0.5, 0.25, 0.25]);
    const {tree} = growOn(x, gradients, hessians, {l2: 1, shrinkage: 0.1});
    expect(tree.threshold[0]).toBe(2.5);
    expect(tree.value[tree.left[0]]).toBeCloseTo((2 / (1 + 1)) * 0.1, 15);
    expect(tree.value[tree.right[0]]).toBeCloseTo((-4 / (0.5 + 1)) * 0.1, 15);
    // gain = 4/2 + 16/1.5 − 4/2.5
    expect(tree.gain[0]).toBeCloseTo(4 / 2 + 16 / 1.5 - 4 / 2.5, 12);
  });

  test("a single deep tree equals ml-cart's CART (Gini) tree on the training rows", () => {
    // ml-cart is an independent exact implementation: it sorts the node's rows for every feature and
    // splits at midpoints of neighbouring values. With fewer than 255 distinct values per feature the
    // histogram tree sees exactly the same candidate splits, and the Gini gain ranks them as our
    // variance gain does, so the trees must agree row for row.
    const {rows, y, x} = distinctValueData(240, 5, createRandom(11));
    const {gradients, hessians} = classTargets(y);
    for (const {maxDepth, minNumSamples} of [{maxDepth: 3, minNumSamples: 1}, {maxDepth: 6, minNumSamples: 8}, {maxDepth: Infinity, minNumSamples: 4}]) {
      const cart = new DecisionTreeClassifier({gainFunction: "gini", minNumSamples, maxDepth, gainThreshold: 0});
      cart.train(rows, y);
      // ml-cart leaves nodes with at most minNumSamples rows unsplit: min_samples_split = minNumSamples + 1.
      const {tree} = growOn(x, gradients, hessians, {maxDepth, minSamplesSplit: minNumSamples + 1});
      const ours = predictRaw(tree, x);
      rows.forEach((row, i) => {
        const distribution = cart.root.classify(row);
        const theirs = distribution.columns > 1 ? distribution.get(0, 1) : 0;
        expect(ours[i]).toBeCloseTo(theirs, 12);
      });
      expect(leafCount(tree)).toBe(countLeaves(cart.root));
      if (Number.isFinite(maxDepth)) expect(treeDepth(tree)).toBeLessThanOrEqual(maxDepth);
    }
  });

  test("gradient trees equal an exact best-first reference, one-hot columns included", () => {
    const random = createRandom(5);
    const n = 400;
    const values: number[] = [];
    for (let i = 0; i < n; ++i) {
      const category = random.int(4);
      values.push(random.int(60), Math.round(random.normal() * 20) / 10, random.int(3), ...[0, 1, 2, 3].map((c) => (c === category ? 1 : 0)), random.bernoulli(0.1) ? 1 : 0);
    }
    const x = matrix(values, n, 8);
    const gradients = Float64Array.from({length: n}, (_, i) => random.normal() + 0.05 * x.values[i * 8] - 0.8 * x.values[i * 8 + 4]);
    const hessians = Float64Array.from({length: n}, () => 0.05 + 0.2 * random.next());
    for (const o of [
      {l2: 0, minSamplesLeaf: 1, maxDepth: 4, maxLeafNodes: Infinity},
      {l2: 1, minSamplesLeaf: 10, maxDepth: Infinity, maxLeafNodes: 12},
      {l2: 0.5, minSamplesLeaf: 20, maxDepth: 3, maxLeafNodes: 6}
    ]) {
      const {tree} = growOn(x, gradients, hessians, o);
      const reference = referenceTree(x, gradients, hessians, o);
      expect(leafCount(tree)).toBe(reference.leaves);
      const ours = predictRaw(tree, x);
      for (let i = 0; i < n; ++i) expect(ours[i]).toBeCloseTo(reference.prediction[i], 10);
    }
  });

  test("constraints: minSamplesLeaf, maxDepth, maxLeafNodes", () => {
    const {x, y} = distinctValueData(200, 4, createRandom(3));
    const {gradients, hessians} = classTargets(y);
    const leafy = growOn(x, gradients, hessians, {minSamplesLeaf: 15}).tree;
    for (let node = 0; node < leafy.nodeCount; ++node) if (leafy.feature[node] < 0) expect(leafy.samples[node]).toBeGreaterThanOrEqual(15);
    expect(treeDepth(growOn(x, gradients, hessians, {maxDepth: 2}).tree)).toBe(2);
    expect(leafCount(growOn(x, gradients, hessians, {maxLeafNodes: 5}).tree)).toBe(5);
    expect(() => createTreeGrower(binMatrix(x, fitBinEdges(x)), fitBinEdges(x), {maxLeafNodes: 1})).toThrow();
  });

  test("a row subset grows the same tree as a copy of those rows", () => {
    const {x, y} = distinctValueData(200, 4, createRandom(4));
    const {gradients, hessians} = classTargets(y);
    const subset = Int32Array.from({length: 200}, (_, i) => i).filter((i) => i % 3 !== 0);
    const edges = fitBinEdges(x);
    const binned = binMatrix(x, edges);
    const onSubset = createTreeGrower(binned, edges, {maxDepth: 5}).grow(gradients, hessians, subset).tree;
    const copy = selectRows(x, subset);
    const onCopy = createTreeGrower(binMatrix(copy, edges), edges, {maxDepth: 5}).grow(
      Float64Array.from(subset, (i) => gradients[i]),
      Float64Array.from(subset, (i) => hessians[i])
    ).tree;
    expect(Array.from(onSubset.threshold)).toEqual(Array.from(onCopy.threshold));
    expect(Array.from(onSubset.value)).toEqual(Array.from(onCopy.value));
  });

  test("a weight of 2 is the same as a duplicated row", () => {
    const x = matrix([1, 2, 3, 4, 5, 6], 6, 1);
    const y = [0, 1, 0, 1, 1, 1];
    const weighted = growOn(x, Float64Array.from(y, (v, i) => -v * (i === 2 ? 2 : 1)), Float64Array.from(y, (_, i) => (i === 2 ? 2 : 1)), {maxDepth: 2}).tree;
    const xx = matrix([1, 2, 3, 3, 4, 5, 6], 7, 1);
    const yy = [0, 1, 0, 0, 1, 1, 1];
    const duplicated = growOn(xx, ...Object.values(classTargets(yy)) as [Float64Array, Float64Array], {maxDepth: 2}).tree;
    expect(Array.from(predictRaw(weighted, x))).toEqual(Array.from(predictRaw(duplicated, x)));
    expect(Array.from(weighted.weight)).toEqual(Array.from(duplicated.weight));
  });

  test("leaf bookkeeping, binned and raw prediction agree on training rows", () => {
    const {x, y} = distinctValueData(150, 3, createRandom(8));
    const {gradients, hessians} = classTargets(y);
    const grown = growOn(x, gradients, hessians, {maxLeafNodes: 9});
    const viaLeaves = new Float64Array(150), viaBins = new Float64Array(150);
    addLeafValues(grown, viaLeaves);
    addTreePredictionsBinned(grown.tree, grown.binned, viaBins);
    expect(Array.from(viaLeaves)).toEqual(Array.from(predictRaw(grown.tree, x)));
    expect(Array.from(viaBins)).toEqual(Array.from(viaLeaves));
    const gains = featureGains(grown.tree, 3);
    expect(gains.reduce((a, b) => a + b, 0)).toBeCloseTo(grown.tree.gain.reduce((a, b) => a + b, 0), 12);
  });

  test("features per split: constant features are skipped until a varying one is drawn", () => {
    // Feature 1 is constant, so with one feature per split the search must keep drawing until it has
    // looked at feature 0; the tree then equals the all-feature tree.
    const {x: base, y} = distinctValueData(120, 1, createRandom(9));
    const x = matrix(Array.from(base.values).flatMap((v) => [v, 7]), 120, 2);
    const {gradients, hessians} = classTargets(y);
    const full = growOn(x, gradients, hessians, {maxDepth: 4}).tree;
    for (const seed of [1, 2, 3]) {
      const sampled = growOn(x, gradients, hessians, {maxDepth: 4, featuresPerSplit: 1}, undefined, createRandom(seed)).tree;
      expect(Array.from(predictRaw(sampled, x))).toEqual(Array.from(predictRaw(full, x)));
    }
    expect(() => growOn(x, gradients, hessians, {featuresPerSplit: 1})).toThrow(/Random/);
  });
});

function countLeaves(node: {left?: unknown; right?: unknown}): number {
  const {left, right} = node as {left?: {left?: unknown; right?: unknown}; right?: {left?: unknown; right?: unknown}};
  return left && right ? countLeaves(left) + countLeaves(right) : 1;
}
