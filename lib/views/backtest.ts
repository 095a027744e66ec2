// The Backtest page's words, all from backtest.json, every verdict from lib/views/backtestVerdicts.ts (which
// also holds the Overview's finding). The "Replayed as of …" note every page carries is lib/views/replay.ts.
import {sum} from "d3";
import {capitalise} from "../core/text.js";
import {formatCount, formatDays, formatDecimal, formatMoney, formatPercent, formatPointsChange} from "../core/format.js";
import type {OriginSkip} from "../backtest/originModel.js";
import type {NotScored} from "../backtest/scoreDate.js";
import type {BacktestFile, DateScoresJson} from "../pipeline/contract.js";
import {coverageVerdict} from "../backtest/accuracy.js";
import {beatsChance, coverageTarget, forecastVerdict, isScored, rollingSummary, wapeMargin} from "./backtestVerdicts.js";
import type {Scored} from "./backtestVerdicts.js";

/** Names of the capture orders, as the page writes them. */
export const captureOrderNames = {worklist: "the worklist's order", oldest: "oldest first", largest: "largest first", random: "no order (random)"} as const;

/** Names of the forecasts. */
export const forecastNames = {ours: "the report's forecast", dueDate: "paid on the due date", customerDelay: "paid after the customer's average delay"} as const;

// ——— Without a model ———

/**
 * What the page can and cannot score when the report fitted no late-payment model: "No late-payment model
 * was fitted: all 1,487 invoices due before 2025-06-30 were paid on time, so there is no late payer to
 * learn from. …" Null when a model was fitted.
 */
export function noModelSentence(file: BacktestFile): string | null {
  const facts = file.noModel;
  if (!facts) return null;
  const due = `${formatCount(facts.due)} invoice${facts.due === 1 ? "" : "s"} due before ${file.asOf}`;
  const why =
    !facts.due ? `no invoice was due before ${file.asOf}, so no outcome was known to learn from` :
    !facts.late ? `all ${due} were paid on time, so there is no late payer to learn from` :
    !facts.onTime ? `all ${due} were paid late or written off, so there is no on-time payer to learn from` :
    `${formatCount(facts.late)} of the ${due} were paid late, too few in some stretch of time to check a model on`;
  const what = isScored(file.report)
    ? "Scored below: the cash forecast against what came in, and DSO and aging at each horizon, which rest on how invoices were paid, not on a model; the open book's ranking and the worklist's capture are those of the stand-in rule (an invoice already past due counts as late)."
    : "Without one there is nothing to refit at earlier month-ends either, so nothing on this page can be scored.";
  return `No late-payment model was fitted: ${why}. ${what}`;
}

/** How the open book was ranked: the model's P(late), or the stand-in rule's risk. */
function rankedBy(file: BacktestFile): string {
  return file.noModel ? "The stand-in rule (past due counts as late)" : "Its P(late)";
}

// ——— The report's own date ———

/** Why a date is not scored: "the data ends on 2025-06-30: there is no week of known future to score against". */
export function notScoredText(asOf: string, reason: NotScored): string {
  if (reason.kind === "no-future") {
    return `the data ends ${reason.daysAfter === 0 ? "on" : `${formatCount(reason.daysAfter)} day${reason.daysAfter === 1 ? "" : "s"} after`} ${asOf}: there is no week of known future to score against`;
  }
  return (
    `on ${asOf} ${formatCount(reason.open)} invoice${reason.open === 1 ? " was" : "s were"} open, of which ${formatCount(reason.late)} ended up paid late and ${formatCount(reason.onTime)} on time; ` +
    `scoring needs at least ${reason.minOutcomes} of each, or a single invoice would swing the figures`
  );
}

/** Why no model could be fitted at a month-end. */
export function originSkipText(asOf: string, reason: OriginSkip | NotScored): string {
  if (reason.kind === "no-model") return "the report fitted no late-payment model to refit at earlier dates";
  if (reason.kind === "nothing-due") return `no invoice was due before ${asOf}, so no outcome was known to learn from`;
  if (reason.kind === "short") {
    return `the model's ${reason.slice} slice held ${formatCount(reason.late)} late and ${formatCount(reason.onTime)} on-time invoices (at least ${reason.minClassCount} of each are needed)`;
  }
  return notScoredText(asOf, reason);
}

/** Why the report's own date is not scored, for the page in place of its charts. */
export function notScoredNote(file: BacktestFile): string {
  const r = file.report;
  if (!r.notScored) return "";
  const why = notScoredText(r.asOf, r.notScored);
  if (r.notScored.kind !== "no-future") return `The report's own date is not scored: ${why}.`;
  const rolling = file.noModel ? "" : " The rolling origin below replays the same method at earlier month-ends, where the future is known.";
  return `The report's own date cannot be scored yet: ${why}.${rolling}`;
}

/**
 * The page's opening paragraph: "On 2026-09-30 the report expected $14.1M to come in over the next 13
 * weeks from the invoices then open; $13.6M did. Its forecast beat both naive ones (WAPE 27% against 36%
 * and 39%), but its 10–90% band held only 4 of 13 weeks: too narrow. …"
 */
export function backtestLede(file: BacktestFile): string {
  const r = file.report;
  if (!isScored(r)) return notScoredNote(file);
  const money = (v: number | null) => formatMoney(v, {currency: file.currency});
  const {ours, dueDate, customerDelay} = r.cash;
  const verdicts = [forecastVerdict(ours.wape ?? NaN, dueDate.wape ?? NaN), forecastVerdict(ours.wape ?? NaN, customerDelay.wape ?? NaN)];
  const against = verdicts[0] === verdicts[1] ? `${verdicts[0]} both naive ones` : `${verdicts[0]} "paid on the due date" and ${verdicts[1]} "paid after the customer's average delay"`;
  const coverage = coverageVerdict(ours.coverage ?? NaN, coverageTarget, r.weeksKnown);
  const inside = Math.round((ours.coverage ?? 0) * r.weeksKnown);
  const band = coverage === "right" ? `its 10–90% band held ${inside} of ${r.weeksKnown} weeks, as a band should` : `its 10–90% band held ${inside} of ${r.weeksKnown} weeks: ${coverage}`;
  const b = r.openBook;
  const chance = beatsChance(b.rocAuc ?? NaN, b.late, b.onTime) ? "better than chance" : "no better than chance";
  const ranked = file.noModel ? "The stand-in rule (past due counts as late) ranked" : "Its P(late) ranked";
  return (
    `On ${r.asOf} the report expected ${money(sum(r.cash.weeks.expected as (number | null)[]))} to come in over the next ${r.weeksKnown} weeks from the invoices then open; ${money(r.cash.received)} did. ` +
    `Its weekly forecast ${against} (WAPE ${formatPercent(ours.wape, 0)} against ${formatPercent(dueDate.wape, 0)} and ${formatPercent(customerDelay.wape, 0)}), and ${band}. ` +
    `${ranked} the open invoices ${chance} (ROC AUC ${formatDecimal(b.rocAuc, 2)}), and the worklist's first ${formatPercent(r.capture.rows / r.capture.of, 0)} held ${formatPercent(r.capture.shares.worklist, 0)} of the amount then paid late.`
  );
}

/** "Its P(late) ranked the 1,636 open invoices better than chance: ROC AUC 0.88, above the 0.84 of the Model page's test slice." */
export function rankingSentence(file: BacktestFile & {report: Scored}, testAuc: number | null): string {
  const b = file.report.openBook;
  const auc = b.rocAuc ?? NaN;
  const chance = beatsChance(auc, b.late, b.onTime);
  let text = `${rankedBy(file)} ranked the ${formatCount(b.late + b.onTime)} open invoices ${chance ? "better than chance" : "no better than chance"}: ROC AUC ${formatDecimal(auc, 2)}`;
  if (testAuc !== null && Number.isFinite(testAuc)) {
    const gap = auc - testAuc;
    text += Math.abs(gap) <= wapeMargin ? `, as on the Model page's test slice (${formatDecimal(testAuc, 2)})` : gap > 0 ? `, above the ${formatDecimal(testAuc, 2)} of the Model page's test slice` : `, below the ${formatDecimal(testAuc, 2)} of the Model page's test slice`;
  }
  return `${text}.`;
}

/**
 * The open book's calibration in words, and why it misses where it does: "The report's mean P(late) was
 * 32% against 40% paid late. The 293 invoices already overdue that day were late whatever happened next,
 * yet the report gave them a mean P(late) of 55%: …"
 */
export function openBookCalibration(file: BacktestFile & {report: Scored}): string {
  const b = file.report.openBook;
  let text = `${file.noModel ? "The stand-in rule's mean risk" : "The report's mean P(late)"} was ${formatPercent(b.meanPLate, 0)} against ${formatPercent(b.lateRate, 0)} paid late.`;
  if (b.overdue.invoices && b.overdue.meanPLate !== null && b.overdue.meanPLate < 1 - wapeMargin) {
    text +=
      ` The ${formatCount(b.overdue.invoices)} invoice${b.overdue.invoices === 1 ? "" : "s"} already past due that day ${b.overdue.invoices === 1 ? "was" : "were"} late whatever happened next, yet the report gave them a mean P(late) of ${formatPercent(b.overdue.meanPLate, 0)}: ` +
      "P(late) is estimated as of each invoice's issue date and is not raised once an invoice falls overdue, so the cash at risk it adds up to understates what is already late.";
  }
  return text;
}

/** "The worklist's first 164 rows held 56% of the amount later paid late; oldest first held 27%, largest first 44%, no order 10%." */
export function captureSentence(r: Scored): string {
  const c = r.capture;
  const others = (["largest", "oldest", "random"] as const).map((key) => `${captureOrderNames[key]} ${formatPercent(c.shares[key], 0)}`);
  const best = (["largest", "oldest"] as const).reduce((a, b) => ((c.shares[a] ?? 0) >= (c.shares[b] ?? 0) ? a : b));
  const lead = (c.shares.worklist ?? 0) - (c.shares[best] ?? 0);
  const verdict = lead > wapeMargin ? "more than" : lead < -wapeMargin ? "less than" : "as much as";
  return (
    `The worklist's first ${formatCount(c.rows)} rows (${formatPercent(c.rows / c.of, 0)} of the book) held ${formatPercent(c.shares.worklist, 0)} of the amount that was then paid late, ` +
    `${verdict} ${captureOrderNames[best]} (${others.join(", ")}).`
  );
}

/** "Its cash forecast was off by 27% of the cash received (WAPE): it beat paying on the due date (36%) …" */
export function forecastSentence(r: Scored): string {
  const {ours, dueDate, customerDelay} = r.cash;
  const versus = (naive: {wape: number | null}, name: string) => `${forecastVerdict(ours.wape ?? NaN, naive.wape ?? NaN)} ${name} (${formatPercent(naive.wape, 0)})`;
  return (
    `Its weekly cash forecast missed by ${formatPercent(ours.wape, 0)} of the cash received (WAPE), and ${versus(dueDate, "\"paid on the due date\"")} and ${versus(customerDelay, "\"paid after the customer's average delay\"")}. ` +
    coverageSentence(r)
  );
}

/** "Its 10–90 % band held 4 of 13 weeks: too narrow — a band that right would hold about 10." */
export function coverageSentence(r: Scored): string {
  const weeks = r.weeksKnown;
  const coverage = r.cash.ours.coverage ?? NaN;
  const inside = Math.round(coverage * weeks);
  const verdict = coverageVerdict(coverage, coverageTarget, weeks);
  const expected = Math.round(coverageTarget * weeks);
  const tail =
    verdict === "right" ? `about the ${formatPercent(coverageTarget, 0)} a 10–90% band should hold` :
    verdict === "too narrow" ? `too narrow: a band as wide as the weeks really vary would hold about ${expected}, so treat its range as optimistic` :
    `too wide: a band that held about ${expected} would plan more tightly`;
  return `Its 10–90% band held ${inside} of ${weeks} weeks, ${tail}.`;
}

/** Bias in words: "over-forecast by 3%", "under-forecast by 5%", "on target". */
export function biasText(bias: number | null): string {
  if (bias === null || !Number.isFinite(bias)) return "–";
  if (Math.abs(bias) < 0.005) return "on target in total";
  return `${bias > 0 ? "over" : "under"}-forecast by ${formatPercent(Math.abs(bias), 0)} in total`;
}

/** The book at each horizon: "DSO 48.5 days expected at +4 weeks, 49.0 actual; …" */
export function bookSentence(r: DateScoresJson): string {
  if (!r.book.length) return "No horizon of the book is known yet.";
  const parts = r.book.map((h) => {
    const dso = (h.expected.dso ?? NaN) - (h.actual.dso ?? NaN);
    const overdue = (h.expected.overdueShare ?? NaN) - (h.actual.overdueShare ?? NaN);
    return `at +${h.weeks} weeks DSO was expected at ${formatDays(h.expected.dso, 1)} and came to ${formatDays(h.actual.dso, 1)} (${dso >= 0 ? "+" : "−"}${formatDays(Math.abs(dso), 1)}), the overdue share ${formatPercent(h.expected.overdueShare, 0)} against ${formatPercent(h.actual.overdueShare, 0)} (${formatPointsChange(overdue)})`;
  });
  return `${capitalise(parts.join("; "))}.`;
}

/** The worst horizon's DSO miss, for the section title. */
export function bookTitle(r: DateScoresJson): string {
  if (!r.book.length) return "DSO, overdue share and aging: no horizon known yet";
  const worst = r.book.reduce((a, b) => (Math.abs((a.expected.dso ?? 0) - (a.actual.dso ?? 0)) >= Math.abs((b.expected.dso ?? 0) - (b.actual.dso ?? 0)) ? a : b));
  const miss = Math.abs((worst.expected.dso ?? NaN) - (worst.actual.dso ?? NaN));
  return `Expected DSO was within ${formatDays(miss, 1)} of the actual at every horizon up to +${r.book[r.book.length - 1].weeks} weeks`;
}

// ——— The rolling origin ———

/** How the month-ends were chosen. */
export function originRule(file: BacktestFile): string {
  const {requested, candidates} = file.origins.settings;
  const weeks = file.horizonWeeks;
  return (
    `The last ${requested} month-ends before the report date that leave ${weeks} weeks of known future` +
    (candidates ? "" : " (the data holds none)") +
    `, each replayed as the report would have been on that day and scored against the ${weeks} weeks that followed it.`
  );
}

/** What each month-end refits, what it reuses, and why that is honest. */
export function reuseRule(file: BacktestFile): string {
  const {refitEveryMonths, maxTrainingRows, calibrationShare, timingRecords, forecastRuns} = file.origins.settings;
  const later = refitEveryMonths - 1;
  const reuse = later > 0 ? `, and reused for the month-ends of the next ${later === 1 ? "month" : `${later} months`} as a team retraining every ${refitEveryMonths} months would (a model may score a later date, never an earlier one)` : "";
  return (
    "The report's production model learned from outcomes up to the report date, so it scores only the report date. " +
    `At a month-end the chosen model family and variant are refitted on invoices whose outcome was known on that day (up to ${formatCount(maxTrainingRows)} of them) and calibrated on the latest ${formatPercent(calibrationShare, 0)} of them${reuse}; ` +
    `the payment-timing model is refitted on up to ${formatCount(timingRecords)} invoices settled by then, and the forecast band drawn from ${formatCount(forecastRuns)} simulated runs. ` +
    "Reused as they are: each invoice's features, which use only what was known on its own invoice date and so are the same on any later day, " +
    "and the choice of family, variant and calibration, made on the report's validation slice — for month-ends before that slice's last outcome, that choice (not any fitted number) saw later data; " +
    "so did, for month-ends before the report's training cut, the choice of which industries and regions get a feature column of their own (made from the invoices issued before that cut; no outcome enters it)."
  );
}

/** The month-ends tried and not scored, and why. */
export function skippedOrigins(file: BacktestFile): string {
  return file.origins.skipped.map((k) => `${k.asOf} (${originSkipText(k.asOf, k.reason)})`).join("; ");
}

/** The rolling origin in one paragraph. */
export function rollingSentence(file: BacktestFile): string {
  if (file.noModel) return "No earlier month-end is replayed: the report fitted no late-payment model to refit at them.";
  const s = rollingSummary(file.origins.rows, file.horizonWeeks);
  if (!s.dates) return `No earlier month-end could be scored: ${file.origins.skipped.length ? skippedOrigins(file) : `the data is too short to leave ${file.horizonWeeks} weeks of known future after one`}.`;
  const of = (n: number) => `${n} of the ${s.dates}`;
  const misses = [s.coverageNarrow ? `too narrow at ${s.coverageNarrow}` : null, s.coverageWide ? `too wide at ${s.coverageWide}` : null].filter((t) => t !== null);
  return (
    `Over ${s.dates === 1 ? "the one date" : `the ${s.dates} dates`} replayed, ROC AUC ran from ${formatDecimal(s.aucMin, 2)} to ${formatDecimal(s.aucMax, 2)} and forecast WAPE from ${formatPercent(s.wapeMin, 0)} to ${formatPercent(s.wapeMax, 0)}. ` +
    `The forecast beat "paid on the due date" at ${of(s.beatDueDate)}${s.lostDueDate ? ` (and lost at ${s.lostDueDate})` : ""} and "paid after the customer's average delay" at ${of(s.beatCustomerDelay)}${s.lostCustomerDelay ? ` (and lost at ${s.lostCustomerDelay})` : ""}; ` +
    `its band held about ${formatPercent(coverageTarget, 0)} of weeks at ${of(s.coverageRight)}${misses.length ? ` and was ${misses.join(" and ")}` : ""}; ` +
    `the worklist led both collector orders at ${of(s.captureLead)}.`
  );
}
