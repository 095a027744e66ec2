// Random forest classifier on the histogram tree learner: each tree sees a bootstrap sample (as
// per-row counts, so no rows are copied) and a fresh random subset of features at every split;
// P(late) is the mean of the trees' leaf frequencies (soft voting, as scikit-learn does).
//
// Why a regression tree on g = −w·y, h = w is a Gini tree: with λ = 0 a node's value −G/H is the
// weighted share of positives p, and a split's gain G_L²/H_L + G_R²/H_R − G²/H is the drop in the
// weighted sum of squares Σw(y − p)² = H·p(1 − p). For 0/1 labels the Gini impurity is 2p(1 − p), so the
// gain is exactly half the weighted Gini decrease H·Gini − H_L·Gini_L − H_R·Gini_R: the same split wins.
import {rocAuc} from "../metrics.js";
import type {Random} from "../../core/random.js";
import {binMatrix, fitBinEdges} from "./binning.js";
import {addTreePredictions, addTreePredictionsBinned, createTreeGrower, featureGains} from "./tree.js";
import type {Tree} from "./tree.js";
import {balancedClassWeights} from "./imbalance.js";
import type {ClassWeights} from "./imbalance.js";
import type {Classifier, Dataset, Learner, Matrix} from "./types.js";

export interface ForestOptions {
  /** Trees in the forest. Default 200. */
  nTrees?: number;
  /** Features drawn per split: "sqrt" (⌊√features⌋, default) or a fraction in (0, 1] (1 = all). */
  maxFeatures?: "sqrt" | number;
  /** Fewest distinct training rows in a leaf. Default 5. */
  minSamplesLeaf?: number;
  /** Fewest distinct training rows a node needs to be split. Default 2. */
  minSamplesSplit?: number;
  /** Deepest leaf. Default unlimited. */
  maxDepth?: number;
  /** Most leaves per tree (grown best-first when finite). Default unlimited. */
  maxLeafNodes?: number;
  /** Draw each tree's rows with replacement. Default true; false grows every tree on all rows. */
  bootstrap?: boolean;
  /** Rows drawn per bootstrap sample as a fraction of the data. Default 1. */
  maxSamples?: number;
  /** Weights per class, multiplied into sample weights: "balanced" gives each class equal total weight. */
  classWeight?: "balanced" | ClassWeights;
  /** Also compute out-of-bag probabilities and their ROC AUC. Default false. */
  oobScore?: boolean;
  /** Bins per feature, ≤ 255. Default 255. */
  maxBins?: number;
}

export const forestDefaults = {
  nTrees: 200,
  maxFeatures: "sqrt" as "sqrt" | number,
  minSamplesLeaf: 5,
  minSamplesSplit: 2,
  maxDepth: Infinity,
  maxLeafNodes: Infinity,
  bootstrap: true,
  maxSamples: 1,
  oobScore: false,
  maxBins: 255
};

export interface RandomForest extends Classifier {
  trees: Tree[];
  /** Mean over trees of each tree's normalised Gini decrease per feature (sklearn's impurity importance). */
  featureImportance: Float64Array;
  featureNames: readonly string[];
  /** With `oobScore`: each training row's mean prediction over the trees that did not see it (NaN if none). */
  oobProbabilities?: Float64Array;
  /** With `oobScore`: ROC AUC of the out-of-bag probabilities over rows that have one. */
  oobAuc?: number;
}

export function fitRandomForest(data: Dataset, options: ForestOptions = {}, random: Random): RandomForest {
  const o = {...forestDefaults, ...definedOnly(options)};
  const {x, y, featureNames} = data;
  const n = x.rows;
  const edges = fitBinEdges(x, {maxBins: o.maxBins}, random.fork("bins"));
  const binned = binMatrix(x, edges);
  const grower = createTreeGrower(binned, edges, {
    featuresPerSplit: featuresPerSplit(o.maxFeatures, x.cols),
    minSamplesLeaf: o.minSamplesLeaf,
    minSamplesSplit: o.minSamplesSplit,
    maxDepth: o.maxDepth,
    maxLeafNodes: o.maxLeafNodes
  });

  const baseWeights = rowWeights(y, data.weights, o.classWeight);
  const draws = Math.max(1, Math.round(o.maxSamples * n));
  const counts = new Int32Array(n);
  const gradients = new Float64Array(n);
  const hessians = new Float64Array(n);
  const oobSum = o.oobScore ? new Float64Array(n) : undefined;
  const oobVotes = o.oobScore ? new Int32Array(n) : undefined;
  const oobScratch = o.oobScore ? new Float64Array(n) : undefined;
  const importance = new Float64Array(x.cols);
  const trees: Tree[] = [];

  for (let t = 0; t < o.nTrees; ++t) {
    const treeRandom = random.fork(`tree ${t}`);
    if (o.bootstrap) {
      counts.fill(0);
      for (let k = 0; k < draws; ++k) ++counts[treeRandom.int(n)];
    } else counts.fill(1);
    const rows: number[] = [];
    for (let i = 0; i < n; ++i) {
      hessians[i] = counts[i] * baseWeights[i];
      gradients[i] = -y[i] * hessians[i];
      if (counts[i] > 0) rows.push(i);
    }
    const {tree} = grower.grow(gradients, hessians, Int32Array.from(rows), treeRandom);
    trees.push(tree);

    const gains = featureGains(tree, x.cols);
    const total = gains.reduce((a, b) => a + b, 0);
    if (total > 0) for (let j = 0; j < x.cols; ++j) importance[j] += gains[j] / total;

    if (oobSum && oobVotes && oobScratch) {
      const outOfBag: number[] = [];
      for (let i = 0; i < n; ++i) if (counts[i] === 0) outOfBag.push(i);
      addTreePredictionsBinned(tree, binned, oobScratch, outOfBag);
      for (const i of outOfBag) {
        oobSum[i] += oobScratch[i];
        oobScratch[i] = 0;
        ++oobVotes[i];
      }
    }
  }

  const importanceTotal = importance.reduce((a, b) => a + b, 0);
  if (importanceTotal > 0) for (let j = 0; j < x.cols; ++j) importance[j] /= importanceTotal;

  const forest: RandomForest = {
    trees,
    featureImportance: importance,
    featureNames,
    predict(xNew: Matrix): Float64Array {
      const out = new Float64Array(xNew.rows);
      for (const tree of trees) addTreePredictions(tree, xNew, out);
      for (let i = 0; i < out.length; ++i) out[i] /= trees.length;
      return out;
    }
  };
  if (oobSum && oobVotes) {
    const probabilities = oobSum.map((s, i) => (oobVotes[i] ? s / oobVotes[i] : NaN));
    forest.oobProbabilities = probabilities;
    forest.oobAuc = aucWhereScored(y, probabilities);
  }
  return forest;
}

/** `Learner` form of `fitRandomForest`. */
export const randomForest: Learner<ForestOptions> = fitRandomForest;

/** Features examined per split: ⌊√p⌋ for "sqrt" (as sklearn), else ⌊fraction × p⌋, at least one. */
export function featuresPerSplit(maxFeatures: "sqrt" | number, cols: number): number {
  if (maxFeatures === "sqrt") return Math.max(1, Math.floor(Math.sqrt(cols)));
  if (!(maxFeatures > 0 && maxFeatures <= 1)) throw new Error(`randomForest: maxFeatures must be "sqrt" or a fraction in (0, 1], got ${maxFeatures}`);
  return Math.max(1, Math.floor(maxFeatures * cols));
}

/** Sample weights (default 1) times class weights, if any. */
export function rowWeights(y: Uint8Array, weights: Float64Array | undefined, classWeight: ForestOptions["classWeight"]): Float64Array {
  const out = weights ? Float64Array.from(weights) : new Float64Array(y.length).fill(1);
  if (!classWeight) return out;
  const {negative, positive} = classWeight === "balanced" ? balancedClassWeights(y) : classWeight;
  for (let i = 0; i < y.length; ++i) out[i] *= y[i] ? positive : negative;
  return out;
}

/** ROC AUC over the rows that have a score (out-of-bag probabilities are NaN for rows always in the bag). */
function aucWhereScored(y: Uint8Array, scores: Float64Array): number {
  const scored: number[] = [];
  for (let i = 0; i < y.length; ++i) if (scores[i] === scores[i]) scored.push(i);
  return rocAuc(scored.map((i) => y[i]), scored.map((i) => scores[i]));
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}
