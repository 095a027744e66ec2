// A rule-of-thumb A–D rating a credit team could apply by hand, to set the k-means segments against:
// high risk if the amount-weighted average delay exceeds a few days, high value if the customer's total
// invoiced is above the median customer's.
import {median} from "../core/stats.js";
import type {CustomerProfile} from "./customerFeatures.js";
import {segmentLetters} from "./letters.js";
import type {SegmentLetter} from "./letters.js";

export interface RuleRatingOptions {
  /** Average delay (days, amount-weighted) above which a customer counts as high risk (default 7). */
  lateDelayDays?: number;
}

export interface RuleRating {
  /** One letter per profile, in profile order. */
  letters: SegmentLetter[];
  lateDelayDays: number;
  /** The median total invoiced: above it, high value. */
  valueThreshold: number;
}

export function ruleRating(profiles: readonly CustomerProfile[], options: RuleRatingOptions = {}): RuleRating {
  const {lateDelayDays = 7} = options;
  const totals = profiles.map((p) => p.features.totalInvoiced ?? 0);
  const valueThreshold = totals.length ? median(totals) : 0;
  const letters = profiles.map((p, i): SegmentLetter => {
    const highRisk = (p.features.averageDelay ?? 0) > lateDelayDays;
    const highValue = totals[i] > valueThreshold;
    return highRisk ? (highValue ? "B" : "D") : highValue ? "A" : "C";
  });
  return {letters, lateDelayDays, valueThreshold};
}

export interface RatingAgreement {
  /** Share of customers given the same letter by both ratings. */
  agreement: number;
  customers: number;
  /** crossTab[i][j]: customers rated segmentLetters[i] by the first rating and segmentLetters[j] by the second. */
  crossTab: number[][];
}

/** How often two A–D ratings of the same customers agree, with the full cross-tab. */
export function ratingAgreement(first: readonly SegmentLetter[], second: readonly SegmentLetter[]): RatingAgreement {
  if (first.length !== second.length) throw new Error(`ratingAgreement: ${first.length} vs ${second.length} ratings`);
  const crossTab = segmentLetters.map(() => segmentLetters.map(() => 0));
  let same = 0;
  for (let i = 0; i < first.length; ++i) {
    ++crossTab[segmentLetters.indexOf(first[i])][segmentLetters.indexOf(second[i])];
    if (first[i] === second[i]) ++same;
  }
  return {agreement: first.length ? same / first.length : NaN, customers: first.length, crossTab};
}
