// Per-invoice explanations of a score: which feature groups push this invoice's P(late) up, and by how
// much. The model-agnostic measure replaces a group's values with those of a typical invoice (the
// reference row) and reads the change in predicted probability; it works for forests and boosting alike.
// For the logistic model the exact additive split of the log-odds is also available.
import {median, mean} from "../../core/stats.js";
import {checkColumns} from "./importance.js";
import type {ColumnGroup} from "./importance.js";
import type {LogisticClassifier} from "./logistic.js";
import type {Classifier, Matrix} from "./types.js";

export interface ReferenceOptions {
  /** Typical value of a numeric column. Default "median". */
  numeric?: "median" | "mean";
}

/**
 * The typical invoice: per numeric column its median (or mean), per one-hot group its most frequent
 * code (all-zero included, for a dropped baseline category; ties to the first seen). Columns in no group
 * get their median too.
 */
export function referenceRow(x: Matrix, groups: readonly ColumnGroup[], options: ReferenceOptions = {}): Float64Array {
  const {numeric = "median"} = options;
  const typical = numeric === "mean" ? mean : median;
  const reference = new Float64Array(x.cols);
  const column = new Float64Array(x.rows);
  for (let j = 0; j < x.cols; ++j) {
    for (let i = 0; i < x.rows; ++i) column[i] = x.values[i * x.cols + j];
    reference[j] = typical(column);
  }
  for (const group of groups) {
    checkColumns(group, x.cols);
    if (groupKind(x, group) !== "onehot") continue;
    const counts = new Map<string, number>();
    let modal = "", modalCount = 0;
    for (let i = 0; i < x.rows; ++i) {
      const code = group.columns.map((j) => x.values[i * x.cols + j]).join(",");
      const count = (counts.get(code) ?? 0) + 1;
      counts.set(code, count);
      if (count > modalCount) {
        modal = code;
        modalCount = count;
      }
    }
    modal.split(",").forEach((value, k) => (reference[group.columns[k]] = Number(value)));
  }
  return reference;
}

/** The group's kind as given, else "onehot" when it has several 0/1 columns with at most one 1 per row. */
export function groupKind(x: Matrix, group: ColumnGroup): "numeric" | "onehot" {
  if (group.kind) return group.kind;
  if (group.columns.length < 2) return "numeric";
  for (let i = 0; i < x.rows; ++i) {
    let ones = 0;
    for (const j of group.columns) {
      const v = x.values[i * x.cols + j];
      if (v !== 0 && v !== 1) return "numeric";
      ones += v;
    }
    if (ones > 1) return "numeric";
  }
  return "onehot";
}

export interface GroupContributions {
  /** P(late) of each row as it is. */
  probability: Float64Array;
  /**
   * rows × groups: P(row) − P(row with the group set to the reference). Positive: the row's values of
   * this group raise its probability compared with a typical invoice.
   */
  contributions: Matrix;
}

/**
 * Model-agnostic contributions, batched: one prediction of all rows per group, so the cost is
 * (groups + 1) predictions of x. Contributions need not sum to P − P(reference), since groups interact.
 */
export function groupContributions(classifier: Classifier, x: Matrix, groups: readonly ColumnGroup[], reference: ArrayLike<number>): GroupContributions {
  if (reference.length !== x.cols) throw new Error(`groupContributions: reference has ${reference.length} values for ${x.cols} columns`);
  const probability = classifier.predict(x);
  const g = groups.length;
  const contributions: Matrix = {values: new Float64Array(x.rows * g), rows: x.rows, cols: g};
  const scratch: Matrix = {values: Float64Array.from(x.values), rows: x.rows, cols: x.cols};
  groups.forEach((group, k) => {
    checkColumns(group, x.cols);
    for (const j of group.columns) for (let i = 0; i < x.rows; ++i) scratch.values[i * x.cols + j] = reference[j];
    const replaced = classifier.predict(scratch);
    for (let i = 0; i < x.rows; ++i) contributions.values[i * g + k] = probability[i] - replaced[i];
    for (const j of group.columns) for (let i = 0; i < x.rows; ++i) scratch.values[i * x.cols + j] = x.values[i * x.cols + j];
  });
  return {probability, contributions};
}

/**
 * Exact additive contributions of a logistic model on the log-odds scale: per group, Σ coefficient ×
 * standardised value over its columns. Relative to the training mean (standardised value 0), so that
 * intercept + Σ groups = log-odds when the groups cover every column.
 */
export function logisticContributions(model: LogisticClassifier, x: Matrix, groups: readonly ColumnGroup[]): Matrix {
  const {coefficients, scale} = model;
  if (x.cols !== coefficients.length) throw new Error(`logisticContributions: model has ${coefficients.length} features, x has ${x.cols}`);
  const g = groups.length;
  const values = new Float64Array(x.rows * g);
  groups.forEach((group, k) => {
    checkColumns(group, x.cols);
    for (let i = 0; i < x.rows; ++i) {
      let sum = 0;
      for (const j of group.columns) sum += coefficients[j] * ((x.values[i * x.cols + j] - scale.means[j]) / scale.scales[j]);
      values[i * g + k] = sum;
    }
  });
  return {values, rows: x.rows, cols: g};
}

export interface RankedContribution {
  group: string;
  /** Position of the group in the list given. */
  index: number;
  contribution: number;
}

export interface RankingOptions {
  /** Groups to keep per row. Default 3. */
  k?: number;
  /** Keep only groups that raise the probability (contribution > 0). Default true. */
  positiveOnly?: boolean;
}

/** Per row, the groups with the largest contributions, largest first (ties by group order). */
export function topContributions(contributions: Matrix, groups: readonly ColumnGroup[], options: RankingOptions = {}): RankedContribution[][] {
  const {k = 3, positiveOnly = true} = options;
  if (contributions.cols !== groups.length) throw new Error(`topContributions: ${contributions.cols} columns for ${groups.length} groups`);
  const result: RankedContribution[][] = [];
  for (let i = 0; i < contributions.rows; ++i) {
    const ranked: RankedContribution[] = [];
    for (let index = 0; index < groups.length; ++index) {
      const contribution = contributions.values[i * groups.length + index];
      if (positiveOnly && !(contribution > 0)) continue;
      ranked.push({group: groups[index].name, index, contribution});
    }
    ranked.sort((a, b) => b.contribution - a.contribution || a.index - b.index);
    result.push(ranked.slice(0, k));
  }
  return result;
}

export interface RowExplanation {
  probability: number;
  /** The groups that raise this row's probability most, compared with the reference invoice. */
  reasons: RankedContribution[];
}

/** Model-agnostic explanations of each row: its probability and its top-k raising groups. */
export function explainRows(
  classifier: Classifier,
  x: Matrix,
  groups: readonly ColumnGroup[],
  reference: ArrayLike<number>,
  options: RankingOptions = {}
): RowExplanation[] {
  const {probability, contributions} = groupContributions(classifier, x, groups, reference);
  return topContributions(contributions, groups, options).map((reasons, i) => ({probability: probability[i], reasons}));
}
