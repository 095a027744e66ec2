// The report's choices, each made by a stated rule on the validation slice and never on the test slice:
// which imbalance variant of each family, which family, and the decision threshold.
import {confusionFromBins, confusionRates, scoreBins} from "./metrics.js";
import {familyNames, variantKeys, variantNames} from "./families.js";
import type {FamilyKey, VariantKey} from "./families.js";
import {least} from "d3";

export interface Candidate {
  family: FamilyKey;
  variant: VariantKey;
  /** The validation score the rule ranks by (PR AUC). */
  score: number;
  /** Fitted numbers, the measure of simplicity between families. */
  parameters: number;
}

export interface SelectionRuleOptions {
  /** Scores within this of the best count as a tie. Default 0.002. */
  tolerance?: number;
}

/** Rank of a variant by how much it intervenes in the training data (none < class weights < SMOTE). */
const interventionRank = (variant: VariantKey) => variantKeys.indexOf(variant);

/**
 * Among candidates scoring within `tolerance` of the best, the one with the least `simplicity` (ties in
 * that by list order). A difference this small on a validation slice of a few thousand invoices is
 * noise, and the simpler choice is easier to explain and to trust.
 */
function bestWithinTolerance(candidates: readonly Candidate[], tolerance: number, simplicity: (c: Candidate) => number): Candidate {
  if (!candidates.length) throw new Error("selection: no candidates");
  let best = -Infinity;
  for (const c of candidates) if (c.score > best) best = c.score;
  let chosen: Candidate | undefined;
  for (const c of candidates) {
    if (!(c.score >= best - tolerance)) continue;
    if (!chosen || simplicity(c) < simplicity(chosen)) chosen = c;
  }
  // Every score NaN (a validation slice without late invoices): fall back to the simplest.
  return chosen ?? least(candidates, simplicity)!;
}

/** A family's variant: highest validation PR AUC; within the tolerance, the least intervention wins. */
export function selectVariant(candidates: readonly Candidate[], options: SelectionRuleOptions = {}): Candidate {
  return bestWithinTolerance(candidates, options.tolerance ?? 0.002, (c) => interventionRank(c.variant));
}

export interface FamilySelection {
  chosen: Candidate;
  /** The best other family by validation PR AUC; null with a single family. */
  runnerUp: Candidate | null;
  /** chosen − runner-up validation PR AUC (negative when a simpler family won a tie). */
  margin: number | null;
}

/** The report's family: highest validation PR AUC; within the tolerance, the fewest fitted parameters. */
export function selectFamily(candidates: readonly Candidate[], options: SelectionRuleOptions = {}): FamilySelection {
  const chosen = bestWithinTolerance(candidates, options.tolerance ?? 0.002, (c) => c.parameters);
  let runnerUp: Candidate | null = null;
  for (const c of candidates) if (c !== chosen && (!runnerUp || c.score > runnerUp.score)) runnerUp = c;
  return {chosen, runnerUp, margin: runnerUp ? chosen.score - runnerUp.score : null};
}

export interface ThresholdChoice {
  value: number;
  /** F1 at the threshold on the slice it was chosen on. */
  f1: number;
}

/**
 * The decision threshold: the bin edge k / bins (k = 1 … bins − 1) that maximises F1 on the given
 * (validation) labels and calibrated scores; ties go to the higher threshold, which flags fewer
 * invoices. Edges, because the page's slider moves over the same bins: the threshold it starts at then
 * reproduces the reported test figures exactly.
 */
export function chooseThreshold(labels: ArrayLike<number>, scores: ArrayLike<number>, bins: number): ThresholdChoice {
  const binned = scoreBins(labels, scores, new Float64Array(labels.length), bins);
  let value = 0.5, best = -1;
  for (let k = 1; k < bins; ++k) {
    const threshold = k / bins;
    const {f1} = confusionRates(confusionFromBins(binned, threshold));
    if (f1 >= best) (best = f1), (value = threshold);
  }
  return {value, f1: Math.max(0, best)};
}

export const describeCandidate = (c: Pick<Candidate, "family" | "variant">): string => `${familyNames[c.family]} (${variantNames[c.variant].toLowerCase()})`;
