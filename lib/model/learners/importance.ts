// Permutation importance: how much the held-out ROC AUC drops when one feature group's values are
// shuffled across rows, breaking its link with the outcome while keeping its distribution. Model-agnostic,
// and measured on held-out data so that it reflects what generalises rather than what was memorised.
import {rocAuc} from "../metrics.js";
import {createRandom} from "../../core/random.js";
import type {Random} from "../../core/random.js";
import type {Classifier, Matrix} from "./types.js";

/** A unit of explanation: one raw feature, or all the columns one raw feature was encoded into. */
export interface ColumnGroup {
  name: string;
  /** Column indices of the group in the feature matrix. */
  columns: readonly number[];
  /** "onehot" when the columns are a one-hot code of one categorical feature; inferred when absent. */
  kind?: "numeric" | "onehot";
}

export interface PermutationImportanceOptions {
  /** Shuffles per group. Default 5. */
  repeats?: number;
  /** The score whose drop is reported; higher must be better. Default ROC AUC. */
  metric?: (yTrue: ArrayLike<number>, yScore: ArrayLike<number>) => number;
}

export interface GroupImportance {
  name: string;
  /** Mean and population sd (as sklearn's importances_std) of the metric's drop over the repeats. */
  mean: number;
  sd: number;
  drops: number[];
}

export interface PermutationImportance {
  /** The metric on the unshuffled data. */
  baseline: number;
  /** One entry per group, in the order given. */
  groups: GroupImportance[];
}

/**
 * Shuffles each group's columns together (one row permutation per repeat, shared by the group's columns
 * so that a one-hot code stays a valid code). One seed is drawn from `random`; each group then shuffles
 * with a stream derived from that seed and its name, so adding, removing or reordering groups does not
 * change the figures of the others. Cost: groups × repeats predictions of x.
 */
export function permutationImportance(
  classifier: Classifier,
  x: Matrix,
  y: ArrayLike<number>,
  groups: readonly ColumnGroup[],
  options: PermutationImportanceOptions = {},
  random: Random
): PermutationImportance {
  const {repeats = 5, metric = rocAuc} = options;
  if (y.length !== x.rows) throw new Error(`permutationImportance: ${y.length} labels for ${x.rows} rows`);
  if (!(repeats >= 1)) throw new Error(`permutationImportance: repeats must be at least 1, got ${repeats}`);
  const seed = random.int(4294967296);
  const baseline = metric(y, classifier.predict(x));
  const scratch: Matrix = {values: Float64Array.from(x.values), rows: x.rows, cols: x.cols};
  const rowIndices = Array.from({length: x.rows}, (_, i) => i);
  const result: GroupImportance[] = [];
  for (const group of groups) {
    checkColumns(group, x.cols);
    const groupRandom = createRandom(`${seed}:${group.name}`);
    const drops: number[] = [];
    for (let r = 0; r < repeats; ++r) {
      const permutation = groupRandom.shuffle(rowIndices);
      for (const j of group.columns) {
        for (let i = 0; i < x.rows; ++i) scratch.values[i * x.cols + j] = x.values[permutation[i] * x.cols + j];
      }
      drops.push(baseline - metric(y, classifier.predict(scratch)));
    }
    for (const j of group.columns) {
      for (let i = 0; i < x.rows; ++i) scratch.values[i * x.cols + j] = x.values[i * x.cols + j];
    }
    const mean = drops.reduce((s, d) => s + d, 0) / repeats;
    const sd = Math.sqrt(drops.reduce((s, d) => s + (d - mean) ** 2, 0) / repeats);
    result.push({name: group.name, mean, sd, drops});
  }
  return {baseline, groups: result};
}

export function checkColumns(group: ColumnGroup, cols: number): void {
  for (const j of group.columns) {
    if (!(Number.isInteger(j) && j >= 0 && j < cols)) throw new Error(`feature group ${group.name}: column ${j} outside 0…${cols - 1}`);
  }
}
