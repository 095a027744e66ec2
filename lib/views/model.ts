// The Model page's sentences, written from model.json and score-bins.json so that the words can never
// drift from the numbers: which model is best and by how much, what a flag means for a collector, how
// honest the probabilities are, what drives them, and what any decision threshold buys.
import {confusionFromBins, confusionRates} from "../model/metrics.js";
import type {AmountConfusionMatrix, ScoreBins} from "../model/metrics.js";
import type {CalibrationFacts, ComparisonRow, FamilyCurves, FamilyImportance, ModelFile, ReliabilityBins, ScoreBinsFile} from "../pipeline/contract.js";
import {formatCount, formatDecimal, formatMoney, formatPercent} from "../core/format.js";
import {capitalise, listWords} from "../core/text.js";
import {thresholds} from "./thresholds.js";
import {greatest, mean, sum} from "d3";

// Shapes read from model.json and score-bins.json: lib/pipeline/contract.ts ------------------------------

/** model.json `narrative`: the fields these sentences read. */
export type ModelNarrative = Omit<ModelFile["narrative"], "flaggedCount" | "flaggedAmount" | "calibration" | "brierBefore" | "brierAfter" | "topGroups"> & {
  topGroups: readonly Pick<ModelFile["narrative"]["topGroups"][number], "group">[];
};

/** model.json `selection`: the fields these sentences read. */
export type ModelSelection = Pick<ModelFile["selection"], "familyName" | "variantName" | "validationPrAuc" | "margin"> & {
  runnerUp: Pick<NonNullable<ModelFile["selection"]["runnerUp"]>, "familyName" | "variantName" | "validationPrAuc"> | null;
};

/** A row of model.json `comparison`: the fields these sentences read. */
export type ComparisonFacts = Pick<ComparisonRow, "family" | "familyName" | "variant" | "variantName" | "validationPrAuc" | "testBrier" | "calibratedBrier">;

/** model.json `calibration`: the fields these sentences read. */
export type CalibrationSummary = Pick<CalibrationFacts, "method" | "brierBefore" | "brierAfter" | "binsAfter">;

/** score-bins.json: the fields the threshold slider reads. */
export type ThresholdBins = Pick<ScoreBinsFile, keyof ScoreBins | "currency" | "n" | "late" | "amountTotal" | "lateAmount" | "threshold">;

// Words -----------------------------------------------------------------------------------------------

const groupLabels: Record<string, string> = {
  amount: "Invoice amount",
  amountToLimit: "Amount vs credit limit",
  terms: "Payment terms",
  creditScore: "Credit score",
  industry: "Industry",
  region: "Region",
  month: "Month of issue",
  dayOfMonth: "Day of month",
  monthEnd: "Month-end invoice",
  quarterEnd: "Quarter-end invoice",
  tenure: "Customer tenure",
  openBalance: "Open balance",
  overdue: "Overdue balance",
  utilisation: "Credit utilisation",
  history: "Prior settled invoices",
  lateRate: "Past late rate",
  daysLate: "Average days late",
  daysLateSpread: "Spread of days late",
  lastDaysLate: "Last invoice's days late",
  trend: "Recent trend in days late",
  disputes: "Prior disputes",
  partialPayments: "Prior partial payments",
  reminders: "Reminders needed",
  reminderResponse: "Response to reminders",
  extensions: "Extension requests"
};

/** A feature group's short name for axes and sentences ("lateRate" → "Past late rate"). */
export function featureLabel(group: string): string {
  const known = groupLabels[group];
  if (known) return known;
  const words = group.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export {listWords} from "../core/text.js";

/** A share as whole invoices out of ten ("6 of every 10"), or of a hundred when ten is too coarse. */
export function outOfTen(share: number): string {
  if (!Number.isFinite(share)) return "none";
  const tens = Math.round(share * 10);
  if (tens >= 1 && tens <= 9) return `${tens} of every 10`;
  return `${Math.round(share * 100)} of every 100`;
}

/** AUC differences below this are a narrow lead (see lib/views/thresholds.ts for why). */
export const narrowLead = thresholds.narrowLead.value;

/** "Random forest" → "random forest"; an acronym ("SMOTE") stays as it is. */
const lower = (name: string) => (/^[A-Z]{2,}\b/.test(name) ? name : name.charAt(0).toLowerCase() + name.slice(1));
const metric = (v: number | null | undefined) => formatDecimal(v, 3);
const times = (v: number) => `${formatDecimal(v, 1)}×`;

/** "the gradient-boosted trees model": family names read as one model whatever their grammatical number. */
const theModel = (name: string) => `the ${lower(name)} model`;

/** The lede: which model wins and by how much, and what its flags mean for a collector. */
export function modelLede(n: ModelNarrative): string {
  const test = `${formatCount(n.testInvoices)} later invoices it never saw`;
  let winner: string;
  if (n.runnerUp === null || n.prAucGap === null) {
    winner = `On ${test}, ${theModel(n.model)} ranks late payers with a PR AUC of ${metric(n.testPrAuc)} and a ROC AUC of ${metric(n.testAuc)}.`;
  } else if (n.choiceConfirmedOnTest) {
    const how = n.prAucGap < narrowLead ? "but only narrowly" : "clearly";
    winner =
      `${capitalise(theModel(n.model))} predicts late payment best, ${how}: on ${test}, its PR AUC is ${metric(n.testPrAuc)}, ` +
      `${metric(n.prAucGap)} ahead of ${lower(n.runnerUp)}'s ${metric(n.runnerUpTestPrAuc)} (ROC AUC ${metric(n.testAuc)} against ${metric(n.runnerUpTestAuc)}).`;
  } else {
    const bestPrAuc = n.bestOnTestPrAuc;
    const gap = bestPrAuc === null ? NaN : bestPrAuc - n.testPrAuc;
    const verdict =
      gap < narrowLead
        ? "a gap small enough to treat the two as equivalent"
        : `a lead of ${metric(gap)}, beyond the ${metric(narrowLead)} that would make the two equivalent: on these invoices the validation slice chose the weaker model`;
    winner =
      `${capitalise(theModel(n.model))}, chosen on the validation slice, is not the best on ${test}: ${lower(n.bestOnTest)} reaches a PR AUC of ` +
      `${metric(bestPrAuc)} against its ${metric(n.testPrAuc)}, ${verdict}.`;
  }
  const practice =
    `Of the invoices it flags at its threshold of ${formatPercent(n.threshold, 1)}, ${outOfTen(n.precisionAtThreshold)} are paid late — against ${outOfTen(n.baseRate)} overall — ` +
    `and the flags catch ${formatPercent(n.lateCaughtShare, 0)} of late invoices (${formatPercent(n.lateAmountCaughtShare, 0)} of their value).`;
  return `${winner} ${practice}`;
}

/** What the riskiest tenth's lift means for a collector, by `thresholds.usefulLift` and `weakLift`. */
export function liftConsequence(lift: number): string {
  if (lift >= thresholds.usefulLift.value) return "so a collector who starts from the top of its list reaches late payers first";
  if (lift >= thresholds.weakLift.value) return "so the top of its list holds more late payers than a random pick, though not twice as many";
  return "so the top of its list is hardly richer in late payers than a random pick";
}

/** Share of the summed importance (positive drops in test ROC AUC) held by the first `n` groups. */
export function signalShare(groups: readonly {mean: number}[], n = 3): number {
  const positive = (v: number) => (Number.isFinite(v) && v > 0 ? v : 0);
  const total = sum(groups, (g) => positive(g.mean));
  return total > 0 ? sum(groups.slice(0, n), (g) => positive(g.mean)) / total : NaN;
}

/**
 * The paragraph after the lede: the lift in the riskiest tenth, and what drives the score. `importance`
 * is the chosen model's entry of model.json `importance`; without it the drivers are not weighed.
 */
export function modelDetail(n: ModelNarrative, importance?: Pick<FamilyImportance, "groups">): string {
  const lift =
    `The tenth of invoices it rates riskiest is paid late ${times(n.liftTopDecile)} as often as the average invoice and holds ` +
    `${formatPercent(n.lateShareInTopDecile, 0)} of all late ones, ${liftConsequence(n.liftTopDecile)}.`;
  const drivers = n.topGroups.slice(0, 3).map((g) => lower(featureLabel(g.group)));
  if (!drivers.length) return lift;
  const share = importance ? signalShare(importance.groups, drivers.length) : NaN;
  const named = listWords(drivers);
  if (!Number.isFinite(share)) return `${lift} Its strongest signals: ${named}.`;
  const what = drivers.length === 1 ? "one feature group" : `${countWords[drivers.length]} feature groups`;
  if (share > thresholds.mostSignal.value) return `${lift} Most of the signal, ${formatPercent(share, 0)}, comes from ${what}: ${named}.`;
  return `${lift} The signal is spread out: the strongest ${what}, ${named}, carry only ${formatPercent(share, 0)} of it.`;
}

const countWords = ["no", "one", "two", "three"];

/** The comparison table's finding: the choice on validation and its margin. */
export function comparisonFinding(s: ModelSelection): string {
  const chosen = `${capitalise(theModel(s.familyName))} (${lower(s.variantName)})`;
  if (!s.runnerUp || s.margin === null) return `${chosen} has the highest validation PR AUC, ${metric(s.validationPrAuc)}`;
  return `${chosen} has the highest validation PR AUC, ${metric(s.validationPrAuc)}: ${metric(s.margin)} ahead of ${lower(s.runnerUp.familyName)}`;
}

/**
 * What re-weighting bought: the largest validation PR AUC gain of class weights or SMOTE over no
 * re-weighting within a family, and what they did to the raw probabilities (mean test Brier).
 */
export function imbalanceFinding(rows: readonly ComparisonFacts[]): string {
  const families = [...new Set(rows.map((r) => r.family))];
  let noneWins = 0;
  let bestGain: {gain: number; row: ComparisonFacts} | null = null;
  for (const family of families) {
    const own = rows.filter((r) => r.family === family && r.validationPrAuc !== null);
    const none = own.find((r) => r.variant === "none");
    if (!none) continue;
    const best = greatest(own, (r) => r.validationPrAuc!)!;
    if (best === none) ++noneWins;
    else {
      const gain = best.validationPrAuc! - none.validationPrAuc!;
      if (!bestGain || gain > bestGain.gain) bestGain = {gain, row: best};
    }
  }
  // d3's mean leaves out nulls and NaN.
  const meanOf = (values: (number | null)[]) => mean(values) ?? NaN;
  const reweighted = rows.filter((r) => r.variant !== "none");
  const plainBrier = meanOf(rows.filter((r) => r.variant === "none").map((r) => r.testBrier));
  const rawBrier = meanOf(reweighted.map((r) => r.testBrier));
  const calibratedBrier = meanOf(reweighted.map((r) => r.calibratedBrier));
  const gain = bestGain && `${metric(bestGain.gain)} of validation PR AUC (${lower(bestGain.row.familyName)}, ${lower(bestGain.row.variantName)})`;
  const ranking = !bestGain
    ? `No re-weighting is the best variant in every family: class weights and SMOTE never raise validation PR AUC.`
    : bestGain.gain < narrowLead
      ? `Class weights and SMOTE barely change the ranking: no re-weighting is the best variant in ${noneWins} of ${families.length} families, and the largest gain from re-weighting is ${gain}.`
      : `Re-weighting helps: it is the best variant in ${families.length - noneWins} of ${families.length} families, and its largest gain is ${gain}.`;
  if (!reweighted.length || !Number.isFinite(rawBrier) || !Number.isFinite(plainBrier)) return ranking;
  if (!(rawBrier > plainBrier)) return `${ranking} Their raw probabilities score a mean test Brier of ${metric(rawBrier)} against ${metric(plainBrier)} without.`;
  const undone = calibratedBrier - plainBrier < thresholds.calibrationUndoes.value ? "which calibration on the validation slice undoes" : "which calibration on the validation slice only partly undoes";
  return (
    `${ranking} They do inflate the raw probabilities — a mean test Brier score of ${metric(rawBrier)} against ${metric(plainBrier)} without re-weighting — ` +
    `${undone} (${metric(calibratedBrier)}).`
  );
}

/** The ROC chart's finding: how far apart the families rank. */
export function rocFinding(curves: readonly Pick<FamilyCurves, "familyName" | "auc">[]): string {
  if (!curves.length) return "No ROC curves";
  const sorted = [...curves].sort((a, b) => b.auc - a.auc);
  const [best, worst] = [sorted[0], sorted[sorted.length - 1]];
  if (best.auc - worst.auc < narrowLead) {
    return `All ${curves.length} model families rank late payers about as well as each other: test ROC AUC ${metric(worst.auc)} to ${metric(best.auc)}`;
  }
  return `${capitalise(theModel(best.familyName))} ranks late payers best: test ROC AUC ${metric(best.auc)} against ${metric(worst.auc)} for ${lower(worst.familyName)}`;
}

/** Interpolated precision at a recall: the best precision of any threshold that reaches it (NaN if none). */
export function precisionAtRecall(pr: FamilyCurves["pr"], recall: number): number {
  let best = NaN;
  for (let k = 0; k < pr.recall.length; ++k) {
    if (pr.recall[k] >= recall && !(pr.precision[k] <= best)) best = pr.precision[k];
  }
  return best;
}

/** The PR chart's finding: how often the chosen model's flags are right when they catch half the late invoices. */
export function prFinding(curve: Pick<FamilyCurves, "familyName" | "pr">, baseRate: number): string {
  const precision = precisionAtRecall(curve.pr, 0.5);
  if (!Number.isFinite(precision)) return `Precision against recall on the test slice (base rate ${formatPercent(baseRate)})`;
  return (
    `Flagging enough invoices to catch half of the late ones, ${theModel(curve.familyName)} is right ${formatPercent(precision, 0)} of the time — ` +
    `${times(precision / baseRate)} the ${formatPercent(baseRate, 0)} base rate`
  );
}

/** Expected calibration error: the count-weighted mean gap between predicted and observed late rates. */
export function calibrationError(bins: ReliabilityBins): number {
  let gap = 0, count = 0;
  for (let k = 0; k < bins.length; ++k) {
    const predicted = bins.meanPredicted[k], observed = bins.observedRate[k];
    if (!bins.count[k] || predicted === null || observed === null) continue;
    gap += bins.count[k] * Math.abs(predicted - observed);
    count += bins.count[k];
  }
  return count ? gap / count : NaN;
}

const methodNames: Record<string, string> = {none: "No recalibration", platt: "Platt scaling", isotonic: "Isotonic regression"};

/** "Platt scaling" for a calibration method key. */
export function calibrationMethodName(method: string): string {
  return methodNames[method] ?? method;
}

/** The calibration chart's finding: can the probabilities be read as probabilities? */
export function calibrationFinding(c: CalibrationSummary): string {
  const ece = calibrationError(c.binsAfter);
  const gap = `${formatDecimal(ece * 100, 1)} percentage points`;
  if (c.method === "none") {
    if (ece <= thresholds.readableProbabilities.value) {
      return (
        `The model's probabilities can be read as they are: predicted and observed late rates differ by ${gap} on average, ` +
        `and neither Platt scaling nor isotonic regression improved the Brier score on validation`
      );
    }
    return (
      `Neither Platt scaling nor isotonic regression improved the Brier score on validation, so the raw probabilities are used, ` +
      `though predicted and observed late rates differ by ${gap} on average: read them as a ranking more than as exact rates`
    );
  }
  const change = c.brierAfter < c.brierBefore ? `lowers the test Brier score from ${metric(c.brierBefore)} to ${metric(c.brierAfter)}` : `leaves the test Brier score at ${metric(c.brierAfter)}`;
  return `${calibrationMethodName(c.method)}, fitted on the validation slice, ${change}; predicted and observed late rates now differ by ${gap} on average`;
}

/** The Brier card's title: what calibration did to the test Brier score, against the no-skill constant. */
export function brierFinding(c: CalibrationSummary, baseRate: number): string {
  const constant = `always guessing ${formatPercent(baseRate, 0)} scores ${metric(baseRateBrier(baseRate))}`;
  if (c.method === "none") return `No mapping beat the raw scores on validation, so the test Brier score stays ${metric(c.brierAfter)}; ${constant}`;
  const method = calibrationMethodName(c.method);
  if (c.brierAfter < c.brierBefore) return `${method} lowers the test Brier score from ${metric(c.brierBefore)} to ${metric(c.brierAfter)}; ${constant}`;
  return `${method}, chosen on validation, does not improve the test Brier score (${metric(c.brierAfter)} against ${metric(c.brierBefore)} raw); ${constant}`;
}

/** The Brier score of always predicting the base rate: the no-skill reference. */
export function baseRateBrier(baseRate: number): number {
  return baseRate * (1 - baseRate);
}

/** The importance chart's finding for one family. */
export function importanceFinding(entry: Pick<FamilyImportance, "familyName" | "groups">): string {
  const [first, second, ...rest] = entry.groups;
  if (!first) return `Feature importance of ${theModel(entry.familyName)}`;
  const model = theModel(entry.familyName);
  const restMax = Math.max(0, ...rest.map((g) => g.mean));
  if (!(first.mean > 0)) return `No single feature group matters to ${model}: shuffling any one of them leaves test ROC AUC where it was`;
  if (!second || second.mean < first.mean * thresholds.dominantFeature.value) {
    return `${featureLabel(first.group)} dominates ${model}: shuffling it lowers test ROC AUC by ${metric(first.mean)}; no other feature costs more than ${metric(second ? Math.max(0, second.mean) : 0)}`;
  }
  const verb = signalShare(entry.groups, 2) > thresholds.mostSignal.value ? "carry" : "lead";
  return (
    `${featureLabel(first.group)} and ${lower(featureLabel(second.group))} ${verb} ${model}: shuffling them lowers test ROC AUC by ${metric(first.mean)} and ` +
    `${metric(second.mean)}; no other feature costs more than ${metric(restMax)}`
  );
}

/** A feature group the ledger could not supply (model.json `features.dropped`). */
export type DroppedGroup = Pick<ModelFile["features"]["dropped"][number], "group" | "reason">;

/** What the model goes without when the ledger lacks optional columns, grouped by the reason. */
export function droppedFeaturesNote(dropped: readonly DroppedGroup[]): string {
  if (!dropped.length) return "";
  const byReason = new Map<string, string[]>();
  for (const d of dropped) byReason.set(d.reason, [...(byReason.get(d.reason) ?? []), lower(featureLabel(d.group))]);
  const parts = [...byReason].map(([reason, groups]) => `${listWords(groups)} (${reason})`);
  return `The ledger lacks some optional columns, so the model goes without ${dropped.length === 1 ? "this feature" : "these features"}: ${parts.join("; ")}.`;
}

// Threshold --------------------------------------------------------------------------------------------

/** A threshold moved to the nearest bin edge k/bins, so that a slider's floating-point steps never skip a bin. */
export function snapThreshold(threshold: number, bins: number): number {
  return Math.min(bins, Math.max(0, Math.round(threshold * bins))) / bins;
}

export interface ThresholdOutcome {
  threshold: number;
  cells: AmountConfusionMatrix;
  n: number;
  late: number;
  precision: number;
  recall: number;
  flaggedShare: number;
  /** Share of the test slice's invoice value that is flagged. */
  flaggedAmountShare: number;
  /** Share of the late invoices' value that is flagged. */
  lateAmountCaught: number;
}

/** Everything the threshold slider shows, from the score bins alone. */
export function thresholdOutcome(file: ThresholdBins, threshold: number): ThresholdOutcome {
  const snapped = snapThreshold(threshold, file.bins);
  const cells = confusionFromBins(file, snapped);
  const rates = confusionRates(cells);
  const lateAmount = cells.tpAmount + cells.fnAmount;
  const amount = lateAmount + cells.fpAmount + cells.tnAmount;
  return {
    threshold: snapped,
    cells,
    n: cells.tp + cells.fp + cells.tn + cells.fn,
    late: cells.tp + cells.fn,
    precision: cells.flagged ? rates.precision : NaN,
    recall: rates.recall,
    flaggedShare: rates.flaggedRate,
    flaggedAmountShare: amount > 0 ? cells.flaggedAmount / amount : NaN,
    lateAmountCaught: lateAmount > 0 ? cells.tpAmount / lateAmount : NaN
  };
}

export interface SweepPoint {
  threshold: number;
  /** NaN when nothing is flagged. */
  precision: number;
  recall: number;
  flaggedShare: number;
}

/** Precision, recall and share flagged at every bin edge 0, 1/bins, …, 1 — the slider's trade-off curves. */
export function thresholdSweep(file: ScoreBins): SweepPoint[] {
  const {bins} = file;
  let positives = 0, negatives = 0;
  for (let b = 0; b < bins; ++b) {
    positives += file.positives[b];
    negatives += file.negatives[b];
  }
  const n = positives + negatives;
  const points: SweepPoint[] = new Array(bins + 1);
  // Flagged at edge k: bins k and above, accumulated from the top.
  let tp = 0, fp = 0;
  points[bins] = {threshold: 1, precision: NaN, recall: positives ? 0 : NaN, flaggedShare: n ? 0 : NaN};
  for (let k = bins - 1; k >= 0; --k) {
    tp += file.positives[k];
    fp += file.negatives[k];
    points[k] = {threshold: k / bins, precision: tp + fp ? tp / (tp + fp) : NaN, recall: positives ? tp / positives : NaN, flaggedShare: n ? (tp + fp) / n : NaN};
  }
  return points;
}

/** The trade-off chart's title: what raising the threshold does, with "more of them late" only when precision rises. */
export function tradeoffFinding(sweep: readonly SweepPoint[], chosen: number): string {
  const all = sweep[0];
  const at = sweep[Math.min(sweep.length - 1, Math.max(0, Math.round(chosen * (sweep.length - 1))))];
  const rises = Number.isFinite(at?.precision) && all.precision > 0 && at.precision >= thresholds.weakLift.value * all.precision;
  return rises
    ? "A higher threshold flags fewer invoices, more of them late, and catches fewer late ones"
    : "A higher threshold flags fewer invoices and catches fewer late ones, without making the flags much more often right";
}

/** Median of a histogram over [0, 1] in `counts.length` equal bins (the middle of the bin it falls in). */
function binMedian(counts: readonly number[]): number {
  const total = sum(counts);
  let seen = 0;
  for (let k = 0; k < counts.length; ++k) if ((seen += counts[k]) >= total / 2 && total > 0) return (k + 0.5) / counts.length;
  return NaN;
}

/** ROC AUC from binned scores: late invoices above on-time ones, ties within a bin counted half. */
export function binnedAuc(file: ScoreBins): number {
  let below = 0, pairs = 0, negatives = 0, positives = 0;
  for (let k = 0; k < file.bins; ++k) {
    pairs += file.positives[k] * (below + file.negatives[k] / 2);
    below += file.negatives[k];
    negatives += file.negatives[k];
    positives += file.positives[k];
  }
  return positives && negatives ? pairs / (positives * negatives) : NaN;
}

/** The score distribution's title: how far apart late and on-time invoices score. */
export function scoreDistributionFinding(file: ScoreBins): string {
  const late = binMedian(file.positives), onTime = binMedian(file.negatives);
  const medians = `median P(late) ${formatPercent(late, 0)} against ${formatPercent(onTime, 0)}`;
  if (binnedAuc(file) < thresholds.rankingWeak.value) return `Late and on-time invoices score much alike (${medians}): no threshold separates them well`;
  return `Late invoices score higher than on-time ones (${medians}): the threshold decides where the overlap is cut`;
}

/** The slider card's title: what a flag means at this threshold. */
export function thresholdFinding(o: ThresholdOutcome): string {
  const at = `At P(late) ≥ ${formatPercent(o.threshold, 1)}`;
  if (!o.cells.flagged) return `${at} no invoice is flagged`;
  return `${at}, ${outOfTen(o.precision)} flagged invoices are paid late, and the flags catch ${formatPercent(o.recall, 0)} of late invoices`;
}

/** The slider's plain-words reading: flagged, caught, missed and needlessly chased, with amounts. */
export function thresholdSentence(o: ThresholdOutcome, currency: string): string {
  const money = (v: number) => formatMoney(v, {currency});
  const {cells} = o;
  const flagged = `${formatCount(cells.flagged)} of the ${formatCount(o.n)} test invoices (${formatPercent(o.flaggedShare, 1)})`;
  if (!cells.flagged) return `No test invoice scores this high: nothing is flagged, and all ${formatCount(o.late)} late invoices (${money(cells.fnAmount)}) go unflagged.`;
  return (
    `The model flags ${flagged}, worth ${money(cells.flaggedAmount)} (${formatPercent(o.flaggedAmountShare, 0)} of the value). ` +
    `${formatCount(cells.tp)} of them were paid late (${money(cells.tpAmount)}); ${formatCount(cells.fp)} on-time ${cells.fp === 1 ? "invoice" : "invoices"} (${money(cells.fpAmount)}) would be chased needlessly, ` +
    `and ${formatCount(cells.fn)} late ${cells.fn === 1 ? "invoice" : "invoices"} (${money(cells.fnAmount)}) ${cells.fn === 1 ? "is" : "are"} missed.`
  );
}
