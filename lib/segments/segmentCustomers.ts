// The whole segmentation, precomputed for every k so that the page's k selector needs no computation:
// k-means per k, silhouettes, the chosen k, stable names, the PCA view and the rule-based comparison.
import type {Matrix} from "../model/learners/types.js";
import type {Random} from "../core/random.js";
import {chooseK} from "./chooseK.js";
import type {ChooseKOptions, KChoice} from "./chooseK.js";
import type {CustomerFeatureKey, CustomerFeatureTable} from "./customerFeatures.js";
import {fitKMeansRange} from "./kmeans.js";
import type {KMeansOptions} from "./kmeans.js";
import {customerScores, nameClusters} from "./naming.js";
import type {SegmentLetter} from "./letters.js";
import type {CustomerScores, NamedCluster, ScoreDefinition} from "./naming.js";
import {projectPca} from "./pca.js";
import type {PcaProjection} from "./pca.js";
import {ratingAgreement, ruleRating} from "./ruleRating.js";
import type {RatingAgreement, RuleRating, RuleRatingOptions} from "./ruleRating.js";
import {meanSilhouettes} from "./silhouette.js";
import type {SilhouetteOptions} from "./silhouette.js";

export interface SegmentationOptions {
  kMin?: number;
  kMax?: number;
  kmeans?: KMeansOptions;
  silhouette?: SilhouetteOptions;
  chooseK?: ChooseKOptions;
  scores?: ScoreDefinition;
  rule?: RuleRatingOptions;
}

export interface ClusterSummary extends NamedCluster {
  /** Mean raw value of each available feature over the cluster's customers (missing values skipped). */
  means: Partial<Record<CustomerFeatureKey, number>>;
}

export interface SegmentationForK {
  k: number;
  /** Each customer's cluster as its stable rank (index into `clusters`). */
  assignments: Int32Array;
  /** In stable order; `cluster` is the rank too. */
  clusters: ClusterSummary[];
  /** Standardised centroids, one row per rank. */
  centroids: Matrix;
  inertia: number;
  silhouette: number;
  /** False when the silhouette was estimated on a sample. */
  silhouetteExact: boolean;
  /** Each customer's letter (A–D) under this k. */
  letters: SegmentLetter[];
  /** Agreement of the letters with the rule-based rating. */
  agreement: RatingAgreement;
}

export interface Segmentation {
  customerIds: string[];
  clusteringFeatures: CustomerFeatureKey[];
  perK: SegmentationForK[];
  choice: KChoice;
  pca: PcaProjection;
  scores: CustomerScores;
  rule: RuleRating;
}

export function segmentCustomers(table: CustomerFeatureTable, options: SegmentationOptions, random: Random): Segmentation {
  const {kMin = 2, kMax = 10} = options;
  const x = table.matrix;
  if (x.rows < kMin + 1 || x.cols === 0) {
    throw new Error(`segmentation: ${x.rows} customers with enough history and ${x.cols} features; need at least ${kMin + 1} and one`);
  }
  const fits = fitKMeansRange(x, {...options.kmeans, kMin, kMax: Math.min(kMax, x.rows - 1)}, random.fork("kmeans"));
  const silhouettes = meanSilhouettes(x, fits.map((fit) => fit.assignments), options.silhouette ?? {}, random.fork("silhouette"));
  const scores = customerScores(table.profiles.map((p) => p.z), options.scores);
  const rule = ruleRating(table.profiles, options.rule);

  const perK = fits.map((fit, f): SegmentationForK => {
    const naming = nameClusters(fit.assignments, fit.k, scores);
    const centroids = new Float64Array(fit.k * x.cols);
    for (const c of naming.clusters) centroids.set(fit.centroids.values.subarray(c.cluster * x.cols, (c.cluster + 1) * x.cols), c.rank * x.cols);
    const clusters = naming.clusters.map((c) => ({...c, cluster: c.rank, means: featureMeans(table, naming.ranks, c.rank)}));
    const letters = Array.from(naming.ranks, (rank) => clusters[rank].letter);
    return {
      k: fit.k,
      assignments: naming.ranks,
      clusters,
      centroids: {values: centroids, rows: fit.k, cols: x.cols},
      inertia: fit.inertia,
      silhouette: silhouettes[f].score,
      silhouetteExact: silhouettes[f].exact,
      letters,
      agreement: ratingAgreement(letters, rule.letters)
    };
  });

  return {
    customerIds: table.profiles.map((p) => p.customerId),
    clusteringFeatures: table.clusteringFeatures,
    perK,
    choice: chooseK(perK, options.chooseK),
    pca: projectPca(x, table.clusteringFeatures),
    scores,
    rule
  };
}

function featureMeans(table: CustomerFeatureTable, ranks: Int32Array, rank: number): Partial<Record<CustomerFeatureKey, number>> {
  const means: Partial<Record<CustomerFeatureKey, number>> = {};
  for (const key of table.availableFeatures) {
    let sum = 0, count = 0;
    table.profiles.forEach((p, i) => {
      const v = p.features[key];
      if (ranks[i] === rank && v !== null) [sum, count] = [sum + v, count + 1];
    });
    if (count) means[key] = sum / count;
  }
  return means;
}
