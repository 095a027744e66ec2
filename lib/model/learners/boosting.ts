// Gradient-boosted trees for P(late) with the logistic loss (binary cross-entropy), in the manner of
// scikit-learn's HistGradientBoostingClassifier: start at the log-odds of the base rate, then add
// leaf-wise histogram trees fitted to each row's gradient p − y and hessian p(1 − p), each shrunk by the
// learning rate. Defaults equal sklearn's, so the two can be compared setting for setting.
import type {Random} from "../../core/random.js";
import {logistic} from "../../core/stats.js";
import {binMatrix, fitBinEdges} from "./binning.js";
import {addLeafValues, addTreePredictions, addTreePredictionsBinned, createTreeGrower, featureGains} from "./tree.js";
import type {Tree} from "./tree.js";
import {selectDataset} from "./types.js";
import type {Classifier, Dataset, Learner, Matrix} from "./types.js";

export interface BoostingOptions {
  /** Shrinkage of every tree. Default 0.1. */
  learningRate?: number;
  /** Most boosting rounds (trees). Default 100. */
  maxIterations?: number;
  /** Leaves per tree, grown best-first. Default 31. */
  maxLeafNodes?: number;
  /** Deepest leaf; default unlimited (the leaf count bounds the tree). */
  maxDepth?: number;
  /** Fewest training rows per leaf. Default 20. */
  minSamplesLeaf?: number;
  /** L2 penalty on leaf values. Default 0. */
  l2?: number;
  /** Smallest hessian sum per leaf. Default 1e-3. */
  minHessianLeaf?: number;
  /** Bins per feature, ≤ 255. Default 255. */
  maxBins?: number;
  /** Fraction of training rows drawn (without replacement) for each tree. Default 1 (all rows). */
  subsample?: number;
  /**
   * Stop when the validation log loss has not improved by `tolerance` for `patience` rounds, and keep
   * the trees up to the best round. "auto" (default): on when `validation` is given or there are more
   * than 10 000 rows, as in sklearn.
   */
  earlyStopping?: boolean | "auto";
  /** The rows early stopping scores; without it a stratified `validationFraction` of the data is held out. */
  validation?: {x: Matrix; y: Uint8Array; weights?: Float64Array};
  /** Share of rows held out for early stopping when no validation set is given. Default 0.1. */
  validationFraction?: number;
  /** Rounds without improvement before stopping. Default 10. */
  patience?: number;
  /** Smallest decrease in validation log loss that counts as an improvement. Default 1e-7. */
  tolerance?: number;
}

export const boostingDefaults = {
  learningRate: 0.1,
  maxIterations: 100,
  maxLeafNodes: 31,
  maxDepth: Infinity,
  minSamplesLeaf: 20,
  l2: 0,
  minHessianLeaf: 1e-3,
  maxBins: 255,
  subsample: 1,
  earlyStopping: "auto" as boolean | "auto",
  validationFraction: 0.1,
  patience: 10,
  tolerance: 1e-7
};

/** A fitted gradient-boosted model. */
export interface BoostedTrees extends Classifier {
  /** Log-odds every prediction starts from (the weighted base rate). */
  baseScore: number;
  /** Trees kept, learning rate already applied to their values. */
  trees: Tree[];
  /** Rounds kept (the best round under early stopping), equal to `trees.length`. */
  rounds: number;
  /** Rounds fitted before stopping. */
  roundsFitted: number;
  /** Validation log loss before any tree (index 0) and after each round; empty without early stopping. */
  validationLoss: Float64Array;
  /** Split gain per feature summed over the kept trees, normalised to sum to 1. */
  featureImportance: Float64Array;
  featureNames: readonly string[];
  /** Log-odds of P(y = 1) for each row. */
  decisionFunction(x: Matrix): Float64Array;
}

export function fitGradientBoosting(data: Dataset, options: BoostingOptions = {}, random: Random): BoostedTrees {
  const o = {...boostingDefaults, ...definedOnly(options)};
  const {x, featureNames} = data;
  const early = o.earlyStopping === "auto" ? o.validation !== undefined || x.rows > 10_000 : o.earlyStopping;

  let train: Dataset = data;
  let validation = early ? o.validation : undefined;
  if (validation && validation.x.cols !== x.cols) throw new Error(`gradientBoosting: validation has ${validation.x.cols} features, training ${x.cols}`);
  if (early && !validation) {
    const {fit, held} = stratifiedHoldout(data.y, o.validationFraction, random.fork("validation"));
    train = selectDataset(data, fit);
    const heldData = selectDataset(data, held);
    validation = {x: heldData.x, y: heldData.y, weights: heldData.weights};
  }

  const n = train.x.rows;
  const y = train.y;
  const weights = train.weights;
  const edges = fitBinEdges(train.x, {maxBins: o.maxBins}, random.fork("bins"));
  const binned = binMatrix(train.x, edges);
  const grower = createTreeGrower(binned, edges, {
    maxLeafNodes: o.maxLeafNodes,
    maxDepth: o.maxDepth,
    minSamplesLeaf: o.minSamplesLeaf,
    minHessianLeaf: o.minHessianLeaf,
    l2: o.l2,
    shrinkage: o.learningRate
  });

  const baseScore = baseLogOdds(y, weights);
  const scores = new Float64Array(n).fill(baseScore);
  const gradients = new Float64Array(n);
  const hessians = new Float64Array(n);
  const rowRandom = random.fork("subsample");
  const sampleSize = Math.max(1, Math.floor(o.subsample * n));
  const allRows = new Int32Array(n).map((_, i) => i);

  const validationScores = validation ? new Float64Array(validation.y.length).fill(baseScore) : undefined;
  const losses: number[] = validation ? [logLoss(validation.y, validationScores!, validation.weights)] : [];
  let bestLoss = losses.length ? losses[0] : Infinity;
  let bestRounds = 0, sinceBest = 0;

  const trees: Tree[] = [];
  for (let round = 0; round < o.maxIterations; ++round) {
    for (let i = 0; i < n; ++i) {
      const p = 1 / (1 + Math.exp(-scores[i]));
      const w = weights ? weights[i] : 1;
      gradients[i] = (p - y[i]) * w;
      hessians[i] = Math.max(p * (1 - p), 1e-16) * w;
    }
    const rows = sampleSize < n ? sampleRows(allRows, sampleSize, rowRandom) : undefined;
    const grown = grower.grow(gradients, hessians, rows);
    trees.push(grown.tree);
    // Rows the tree was grown on are already sorted into its leaves; the rest must walk it.
    if (rows) addTreePredictionsBinned(grown.tree, binned, scores);
    else addLeafValues(grown, scores);

    if (validation) {
      addTreePredictions(grown.tree, validation.x, validationScores!);
      const loss = logLoss(validation.y, validationScores!, validation.weights);
      losses.push(loss);
      if (loss < bestLoss - o.tolerance) {
        bestLoss = loss;
        bestRounds = round + 1;
        sinceBest = 0;
      } else if (++sinceBest >= o.patience) break;
    }
    if (grown.tree.nodeCount === 1 && !rows) break; // nothing left to learn: every further tree would be a lone leaf
  }

  const roundsFitted = trees.length;
  const kept = validation ? trees.slice(0, bestRounds) : trees;
  return boostedTrees(baseScore, kept, roundsFitted, Float64Array.from(losses), x.cols, featureNames);
}

/** `Learner` form of `fitGradientBoosting`, for comparing model families through one interface. */
export const gradientBoosting: Learner<BoostingOptions> = fitGradientBoosting;

function boostedTrees(
  baseScore: number, trees: Tree[], roundsFitted: number, validationLoss: Float64Array, cols: number, featureNames: readonly string[]
): BoostedTrees {
  const importance = new Float64Array(cols);
  for (const tree of trees) {
    const gains = featureGains(tree, cols);
    for (let j = 0; j < cols; ++j) importance[j] += gains[j];
  }
  const total = importance.reduce((a, b) => a + b, 0);
  if (total > 0) for (let j = 0; j < cols; ++j) importance[j] /= total;

  const decisionFunction = (x: Matrix): Float64Array => {
    const out = new Float64Array(x.rows).fill(baseScore);
    for (const tree of trees) addTreePredictions(tree, x, out);
    return out;
  };
  return {
    baseScore,
    trees,
    rounds: trees.length,
    roundsFitted,
    validationLoss,
    featureImportance: importance,
    featureNames,
    decisionFunction,
    predict: (x) => decisionFunction(x).map(logistic)
  };
}

/** Log-odds of the (weighted) share of positives, clipped away from ±∞ when a class is absent. */
export function baseLogOdds(y: Uint8Array, weights?: Float64Array): number {
  let positive = 0, total = 0;
  for (let i = 0; i < y.length; ++i) {
    const w = weights ? weights[i] : 1;
    positive += w * y[i];
    total += w;
  }
  const p = Math.min(1 - 1e-15, Math.max(1e-15, positive / total));
  return Math.log(p / (1 - p));
}

/** Mean (weighted) binary cross-entropy of log-odds `scores`, computed without overflow. */
export function logLoss(y: Uint8Array, scores: Float64Array, weights?: Float64Array): number {
  let loss = 0, total = 0;
  for (let i = 0; i < y.length; ++i) {
    const w = weights ? weights[i] : 1;
    // −log σ(z) = softplus(−z) for y = 1; −log(1 − σ(z)) = softplus(z) for y = 0.
    const z = y[i] ? -scores[i] : scores[i];
    loss += w * (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
    total += w;
  }
  return loss / total;
}

/** Indices split into fitting and held-out rows, holding out the same share of each class. */
export function stratifiedHoldout(y: Uint8Array, fraction: number, random: Random): {fit: Int32Array; held: Int32Array} {
  const isHeld = new Uint8Array(y.length);
  for (const label of [0, 1]) {
    const members: number[] = [];
    for (let i = 0; i < y.length; ++i) if (y[i] === label) members.push(i);
    const take = Math.round(fraction * members.length);
    // Partial Fisher–Yates: the first `take` positions become a uniform sample.
    for (let k = 0; k < take; ++k) {
      const pick = k + random.int(members.length - k);
      [members[k], members[pick]] = [members[pick], members[k]];
      isHeld[members[k]] = 1;
    }
  }
  const held: number[] = [], fit: number[] = [];
  for (let i = 0; i < y.length; ++i) (isHeld[i] ? held : fit).push(i);
  return {fit: Int32Array.from(fit), held: Int32Array.from(held)};
}

/** `size` distinct rows drawn uniformly, in ascending order (sequential access while building histograms). */
function sampleRows(all: Int32Array, size: number, random: Random): Int32Array {
  for (let k = 0; k < size; ++k) {
    const pick = k + random.int(all.length - k);
    const t = all[k];
    all[k] = all[pick];
    all[pick] = t;
  }
  return all.slice(0, size).sort();
}

/** Options without their undefined entries, so that `{...defaults, ...options}` keeps the defaults. */
function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}
