// The model families the report compares and the three ways each meets class imbalance. A family fits
// one `Dataset` into a `Classifier`; a variant decides what the training data looks like (as it is, with
// balanced class weights, or with SMOTE's synthetic late invoices added). Every variant touches the
// training rows it is given and nothing else.
import {balancedClassWeights, smoteWithProvenance, withClassWeights} from "./learners/imbalance.js";
import type {SmoteOptions} from "./learners/imbalance.js";
import {fitGradientBoosting, stratifiedHoldout} from "./learners/boosting.js";
import type {BoostingOptions} from "./learners/boosting.js";
import {fitRandomForest} from "./learners/forest.js";
import type {ForestOptions} from "./learners/forest.js";
import {fitLogistic} from "./learners/logistic.js";
import type {LogisticOptions} from "./learners/logistic.js";
import {leafCount} from "./learners/tree.js";
import type {Tree} from "./learners/tree.js";
import {selectDataset} from "./learners/types.js";
import type {Classifier, Dataset} from "./learners/types.js";
import {createRandom} from "../core/random.js";

import type {FamilyKey, VariantKey} from "./names.js";

export {familyKeys, familyNames, variantKeys, variantNames} from "./names.js";
export type {FamilyKey, VariantKey} from "./names.js";

export interface FamilySettings {
  logistic: LogisticOptions;
  forest: ForestOptions;
  boosting: BoostingOptions;
  smote: SmoteOptions;
  /** Share of the training rows gradient boosting holds out for early stopping. */
  boostingHoldout: number;
}

/**
 * Defaults, measured on the default synthetic ledger (25,000 invoices, seeds 1–3; validation slices only):
 * - Logistic: C = 1, scikit-learn's default. With ~12,000 training rows and ~50 standardised columns the
 *   penalty barely moves the coefficients; it is there to keep near-collinear one-hot columns finite.
 * - Random forest: 60 trees, √p features per split, each tree on a half-size bootstrap sample with ≥ 20
 *   invoices per leaf. Late payment is a noisy outcome: fully grown trees on full bootstraps (sklearn's
 *   shape) scored no better on validation (−0.004 to +0.001 AUC) and took 3× as long to fit; 100 trees
 *   instead of 60 moved validation AUC by −0.003 to +0.002, within noise, for 1.7× the fit time and 1.7×
 *   the cost of every prediction — and permutation importance predicts the test rows 75 times. Inside a
 *   15 s build budget for nine fits, that time is better left to the rest of the stage.
 * - Gradient boosting: learning rate 0.1, up to 300 rounds stopped early (patience 10) on a stratified
 *   10 % of the training rows, 15 leaves per tree with ≥ 40 invoices each. Smaller trees than sklearn's
 *   31 leaves / 20 rows gained 0.002–0.005 validation AUC on all three seeds and fit faster. Early stopping
 *   uses a holdout of *training* rows so that the validation slice stays untouched for choosing the model.
 * - SMOTE: 5 neighbours, oversampling late invoices up to as many as on-time ones (imblearn's default);
 *   neighbours are searched among 500 late invoices drawn afresh for every 256 bases (lib/model/learners/imbalance.ts),
 *   half the library default: the search was a third of a SMOTE fit's time, and interpolating towards a
 *   near rather than the very nearest late invoice is what SMOTE does anyway.
 */
export const defaultFamilySettings: FamilySettings = {
  logistic: {C: 1},
  forest: {nTrees: 60, maxFeatures: "sqrt", maxSamples: 0.5, minSamplesLeaf: 20},
  boosting: {learningRate: 0.1, maxIterations: 300, maxLeafNodes: 15, minSamplesLeaf: 40, patience: 10},
  smote: {k: 5, targetRatio: 1, maxCandidates: 500},
  boostingHoldout: 0.1
};

export interface FittedModel {
  family: FamilyKey;
  variant: VariantKey;
  classifier: Classifier;
  /** Fitted numbers: coefficients + intercept, or tree leaves (+ the base score for boosting). */
  parameters: number;
  /** Rows the learner saw (SMOTE's synthetic rows included; boosting's early-stopping holdout excluded). */
  trainingRows: number;
  syntheticRows: number;
  /** Boosting rounds kept, for the page; null for other families. */
  rounds: number | null;
}

export interface VariantData {
  data: Dataset;
  syntheticRows: number;
}

/**
 * The training data of a variant, built from `train` alone. SMOTE keeps the original rows first and
 * appends synthetic late invoices interpolated between late invoices *of `train`*.
 */
export function variantTrainingSet(train: Dataset, variant: VariantKey, smoteOptions: SmoteOptions, seed: string): VariantData {
  switch (variant) {
    case "none":
      return {data: train, syntheticRows: 0};
    case "balanced":
      return {data: withClassWeights(train, balancedClassWeights(train.y)), syntheticRows: 0};
    case "smote": {
      const {data} = smoteWithProvenance(train, smoteOptions, createRandom(`${seed}:smote`));
      return {data, syntheticRows: data.x.rows - train.x.rows};
    }
  }
}

/**
 * Fits a family on a variant of `train`. `seed` names the fit: each fit draws from its own stream, so
 * adding or reordering fits changes no other. `cache` shares one SMOTE sample between the families that
 * train on all of `train` (boosting builds its own from the rows left after its early-stopping holdout).
 */
export function fitFamily(
  family: FamilyKey,
  variant: VariantKey,
  train: Dataset,
  settings: FamilySettings,
  seed: string,
  cache: Map<VariantKey, VariantData> = new Map()
): FittedModel {
  if (family === "boosting") return fitBoosting(variant, train, settings, seed);
  let prepared = cache.get(variant);
  if (!prepared) cache.set(variant, (prepared = variantTrainingSet(train, variant, settings.smote, seed)));
  const {data, syntheticRows} = prepared;
  const base = {family, variant, trainingRows: data.x.rows, syntheticRows, rounds: null};
  if (family === "logistic") {
    const classifier = fitLogistic(data, settings.logistic);
    return {...base, classifier, parameters: classifier.coefficients.length + 1};
  }
  const forest = fitRandomForest(data, settings.forest, createRandom(`${seed}:${family}:${variant}`));
  return {...base, classifier: forest, parameters: leaves(forest.trees)};
}

/**
 * Boosting stops early on a stratified holdout of the training rows, drawn *before* any re-balancing so
 * that no synthetic row (nor its parents' twin) sits in it. For the re-balanced variants the holdout's
 * log loss is weighted by balanced class weights: the model then learns a 50/50 world, and the loss it
 * stops on should be measured in the same world.
 */
function fitBoosting(variant: VariantKey, train: Dataset, settings: FamilySettings, seed: string): FittedModel {
  const random = createRandom(`${seed}:boosting:${variant}`);
  const {fit, held} = stratifiedHoldout(train.y, settings.boostingHoldout, random.fork("holdout"));
  const fitRows = selectDataset(train, fit);
  let heldRows = selectDataset(train, held);
  if (variant !== "none") heldRows = withClassWeights(heldRows, balancedClassWeights(heldRows.y));
  const {data, syntheticRows} = variantTrainingSet(fitRows, variant, settings.smote, `${seed}:boosting`);
  const model = fitGradientBoosting(
    data,
    {...settings.boosting, earlyStopping: true, validation: {x: heldRows.x, y: heldRows.y, weights: heldRows.weights}},
    random.fork("fit")
  );
  return {family: "boosting", variant, classifier: model, parameters: leaves(model.trees) + 1, trainingRows: data.x.rows, syntheticRows, rounds: model.rounds};
}

function leaves(trees: readonly Tree[]): number {
  let total = 0;
  for (const tree of trees) total += leafCount(tree);
  return total;
}
