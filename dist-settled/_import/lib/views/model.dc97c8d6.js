import { confusionFromBins, confusionRates } from "../model/metrics.aede9353.js";
import { formatCount, formatDecimal, formatMoney, formatPercent } from "../core/format.3eed6561.js";
const groupLabels = {
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
export function featureLabel(group) {
  const known = groupLabels[group];
  if (known) return known;
  const words = group.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
export function listWords(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
export function outOfTen(share) {
  if (!Number.isFinite(share)) return "none";
  const tens = Math.round(share * 10);
  if (tens >= 1 && tens <= 9) return `${tens} of every 10`;
  return `${Math.round(share * 100)} of every 100`;
}
export const narrowLead = 0.02;
const lower = (name) => name.charAt(0).toLowerCase() + name.slice(1);
const metric = (v) => formatDecimal(v, 3);
const times = (v) => `${formatDecimal(v, 1)}\xD7`;
const theModel = (name) => `the ${lower(name)} model`;
export function modelLede(n) {
  const test = `${formatCount(n.testInvoices)} later invoices it never saw`;
  let winner;
  if (n.runnerUp === null || n.prAucGap === null) {
    winner = `On ${test}, ${theModel(n.model)} ranks late payers with a PR AUC of ${metric(n.testPrAuc)} and a ROC AUC of ${metric(n.testAuc)}.`;
  } else if (n.choiceConfirmedOnTest) {
    const how = n.prAucGap < narrowLead ? "but only narrowly" : "clearly";
    winner = `${capitalise(theModel(n.model))} predicts late payment best, ${how}: on ${test}, its PR AUC is ${metric(n.testPrAuc)}, ${metric(n.prAucGap)} ahead of ${lower(n.runnerUp)}'s ${metric(n.runnerUpTestPrAuc)} (ROC AUC ${metric(n.testAuc)} against ${metric(n.runnerUpTestAuc)}).`;
  } else {
    winner = `${capitalise(theModel(n.model))}, chosen on the validation slice, is not the best on ${test}: ${lower(n.bestOnTest)} reaches a PR AUC of ${metric(n.runnerUpTestPrAuc)} against its ${metric(n.testPrAuc)}, a gap small enough to treat the two as equivalent.`;
  }
  const practice = `Of the invoices it flags at its threshold of ${formatPercent(n.threshold, 1)}, ${outOfTen(n.precisionAtThreshold)} are paid late \u2014 against ${outOfTen(n.baseRate)} overall \u2014 and the flags catch ${formatPercent(n.lateCaughtShare, 0)} of late invoices (${formatPercent(n.lateAmountCaughtShare, 0)} of their value).`;
  return `${winner} ${practice}`;
}
export function modelDetail(n) {
  const lift = `The tenth of invoices it rates riskiest is paid late ${times(n.liftTopDecile)} as often as the average invoice and holds ${formatPercent(n.lateShareInTopDecile, 0)} of all late ones, so a collector who starts from the top of its list reaches late payers first.`;
  const drivers = n.topGroups.slice(0, 3).map((g) => lower(featureLabel(g.group)));
  return drivers.length ? `${lift} Most of the signal comes from the customer's ${listWords(drivers)}.` : lift;
}
const capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);
export function comparisonFinding(s) {
  const chosen = `${capitalise(theModel(s.familyName))} (${lower(s.variantName)})`;
  if (!s.runnerUp || s.margin === null) return `${chosen} has the highest validation PR AUC, ${metric(s.validationPrAuc)}`;
  return `${chosen} has the highest validation PR AUC, ${metric(s.validationPrAuc)}: ${metric(s.margin)} ahead of ${lower(s.runnerUp.familyName)}`;
}
export function imbalanceFinding(rows) {
  const families = [...new Set(rows.map((r) => r.family))];
  let noneWins = 0;
  let bestGain = null;
  for (const family of families) {
    const own = rows.filter((r) => r.family === family && r.validationPrAuc !== null);
    const none = own.find((r) => r.variant === "none");
    if (!none) continue;
    const best = own.reduce((a, b) => b.validationPrAuc > a.validationPrAuc ? b : a);
    if (best === none) ++noneWins;
    else {
      const gain = best.validationPrAuc - none.validationPrAuc;
      if (!bestGain || gain > bestGain.gain) bestGain = { gain, row: best };
    }
  }
  const mean = (values) => {
    const finite = values.filter((v) => v !== null && Number.isFinite(v));
    return finite.length ? finite.reduce((a, b) => a + b, 0) / finite.length : NaN;
  };
  const reweighted = rows.filter((r) => r.variant !== "none");
  const plainBrier = mean(rows.filter((r) => r.variant === "none").map((r) => r.testBrier));
  const rawBrier = mean(reweighted.map((r) => r.testBrier));
  const calibratedBrier = mean(reweighted.map((r) => r.calibratedBrier));
  const ranking = bestGain ? `Class weights and SMOTE barely change the ranking: no re-weighting is the best variant in ${noneWins} of ${families.length} families, and the largest gain from re-weighting is ${metric(bestGain.gain)} of validation PR AUC (${lower(bestGain.row.familyName)}, ${lower(bestGain.row.variantName)}).` : `No re-weighting is the best variant in every family: class weights and SMOTE never raise validation PR AUC.`;
  if (!reweighted.length || !Number.isFinite(rawBrier) || !Number.isFinite(plainBrier)) return ranking;
  if (!(rawBrier > plainBrier)) return `${ranking} Their raw probabilities score a mean test Brier of ${metric(rawBrier)} against ${metric(plainBrier)} without.`;
  const undone = calibratedBrier - plainBrier < 5e-3 ? "which calibration on the validation slice undoes" : "which calibration on the validation slice only partly undoes";
  return `${ranking} They do inflate the raw probabilities \u2014 a mean test Brier score of ${metric(rawBrier)} against ${metric(plainBrier)} without re-weighting \u2014 ${undone} (${metric(calibratedBrier)}).`;
}
export function rocFinding(curves) {
  if (!curves.length) return "No ROC curves";
  const sorted = [...curves].sort((a, b) => b.auc - a.auc);
  const [best, worst] = [sorted[0], sorted[sorted.length - 1]];
  if (best.auc - worst.auc < narrowLead) {
    return `All ${curves.length} model families rank late payers almost equally well: test ROC AUC ${metric(worst.auc)} to ${metric(best.auc)}`;
  }
  return `${capitalise(theModel(best.familyName))} ranks late payers best: test ROC AUC ${metric(best.auc)} against ${metric(worst.auc)} for ${lower(worst.familyName)}`;
}
export function precisionAtRecall(pr, recall) {
  let best = NaN;
  for (let k = 0; k < pr.recall.length; ++k) {
    if (pr.recall[k] >= recall && !(pr.precision[k] <= best)) best = pr.precision[k];
  }
  return best;
}
export function prFinding(curve, baseRate) {
  const precision = precisionAtRecall(curve.pr, 0.5);
  if (!Number.isFinite(precision)) return `Precision against recall on the test slice (base rate ${formatPercent(baseRate)})`;
  return `Flagging enough invoices to catch half of the late ones, ${theModel(curve.familyName)} is right ${formatPercent(precision, 0)} of the time \u2014 ${times(precision / baseRate)} the ${formatPercent(baseRate, 0)} base rate`;
}
export function calibrationError(bins) {
  let gap = 0, count = 0;
  for (let k = 0; k < bins.length; ++k) {
    const predicted = bins.meanPredicted[k], observed = bins.observedRate[k];
    if (!bins.count[k] || predicted === null || observed === null) continue;
    gap += bins.count[k] * Math.abs(predicted - observed);
    count += bins.count[k];
  }
  return count ? gap / count : NaN;
}
const methodNames = { none: "No recalibration", platt: "Platt scaling", isotonic: "Isotonic regression" };
export function calibrationMethodName(method) {
  return methodNames[method] ?? method;
}
export function calibrationFinding(c) {
  const ece = calibrationError(c.binsAfter);
  const gap = `${formatDecimal(ece * 100, 1)} percentage points`;
  if (c.method === "none") {
    return `The model's probabilities can be read as they are: predicted and observed late rates differ by ${gap} on average, and neither Platt scaling nor isotonic regression improved the Brier score on validation`;
  }
  const change = c.brierAfter < c.brierBefore ? `lowers the test Brier score from ${metric(c.brierBefore)} to ${metric(c.brierAfter)}` : `leaves the test Brier score at ${metric(c.brierAfter)}`;
  return `${calibrationMethodName(c.method)}, fitted on the validation slice, ${change}; predicted and observed late rates now differ by ${gap} on average`;
}
export function brierFinding(c, baseRate) {
  const constant = `always guessing ${formatPercent(baseRate, 0)} scores ${metric(baseRateBrier(baseRate))}`;
  if (c.method === "none") return `No mapping beat the raw scores on validation, so the test Brier score stays ${metric(c.brierAfter)}; ${constant}`;
  const method = calibrationMethodName(c.method);
  if (c.brierAfter < c.brierBefore) return `${method} lowers the test Brier score from ${metric(c.brierBefore)} to ${metric(c.brierAfter)}; ${constant}`;
  return `${method}, chosen on validation, does not improve the test Brier score (${metric(c.brierAfter)} against ${metric(c.brierBefore)} raw); ${constant}`;
}
export function baseRateBrier(baseRate) {
  return baseRate * (1 - baseRate);
}
export function importanceFinding(entry) {
  const [first, second, ...rest] = entry.groups;
  if (!first) return `Feature importance of ${theModel(entry.familyName)}`;
  const model = theModel(entry.familyName);
  const restMax = Math.max(0, ...rest.map((g) => g.mean));
  if (!second || second.mean < first.mean / 2) {
    return `${featureLabel(first.group)} dominates ${model}: shuffling it lowers test ROC AUC by ${metric(first.mean)}; no other feature costs more than ${metric(second ? second.mean : 0)}`;
  }
  return `${featureLabel(first.group)} and ${lower(featureLabel(second.group))} carry ${model}: shuffling them lowers test ROC AUC by ${metric(first.mean)} and ${metric(second.mean)}; no other feature costs more than ${metric(restMax)}`;
}
export function droppedFeaturesNote(dropped) {
  if (!dropped.length) return "";
  const byReason = /* @__PURE__ */ new Map();
  for (const d of dropped) byReason.set(d.reason, [...byReason.get(d.reason) ?? [], lower(featureLabel(d.group))]);
  const parts = [...byReason].map(([reason, groups]) => `${listWords(groups)} (${reason})`);
  return `The ledger lacks some optional columns, so the model goes without ${dropped.length === 1 ? "this feature" : "these features"}: ${parts.join("; ")}.`;
}
export function snapThreshold(threshold, bins) {
  return Math.min(bins, Math.max(0, Math.round(threshold * bins))) / bins;
}
export function thresholdOutcome(file, threshold) {
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
export function thresholdSweep(file) {
  const { bins } = file;
  let positives = 0, negatives = 0;
  for (let b = 0; b < bins; ++b) {
    positives += file.positives[b];
    negatives += file.negatives[b];
  }
  const n = positives + negatives;
  const points = new Array(bins + 1);
  let tp = 0, fp = 0;
  points[bins] = { threshold: 1, precision: NaN, recall: positives ? 0 : NaN, flaggedShare: n ? 0 : NaN };
  for (let k = bins - 1; k >= 0; --k) {
    tp += file.positives[k];
    fp += file.negatives[k];
    points[k] = { threshold: k / bins, precision: tp + fp ? tp / (tp + fp) : NaN, recall: positives ? tp / positives : NaN, flaggedShare: n ? (tp + fp) / n : NaN };
  }
  return points;
}
export function thresholdFinding(o) {
  const at = `At P(late) \u2265 ${formatPercent(o.threshold, 1)}`;
  if (!o.cells.flagged) return `${at} no invoice is flagged`;
  return `${at}, ${outOfTen(o.precision)} flagged invoices are paid late, and the flags catch ${formatPercent(o.recall, 0)} of late invoices`;
}
export function thresholdSentence(o, currency) {
  const money = (v) => formatMoney(v, { currency });
  const { cells } = o;
  const flagged = `${formatCount(cells.flagged)} of the ${formatCount(o.n)} test invoices (${formatPercent(o.flaggedShare, 1)})`;
  if (!cells.flagged) return `No test invoice scores this high: nothing is flagged, and all ${formatCount(o.late)} late invoices (${money(cells.fnAmount)}) go unflagged.`;
  return `The model flags ${flagged}, worth ${money(cells.flaggedAmount)} (${formatPercent(o.flaggedAmountShare, 0)} of the value). ${formatCount(cells.tp)} of them were paid late (${money(cells.tpAmount)}); ${formatCount(cells.fp)} on-time invoices (${money(cells.fpAmount)}) would be chased needlessly, and ${formatCount(cells.fn)} late invoices (${money(cells.fnAmount)}) are missed.`;
}
