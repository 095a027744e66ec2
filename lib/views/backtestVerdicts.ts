// How the backtest judges the report — a forecast against a naive one, a band by the weeks it held, an AUC
// against chance, the rolling origins counted by those verdicts — and the one-line finding the Overview
// takes from it. The Backtest page's own words are lib/views/backtest.ts; the Overview loads only this.
import {formatPercent} from "../core/format.js";
import {coverageVerdict} from "../backtest/accuracy.js";
import type {BacktestFile, DateScoresJson, RollingRow} from "../pipeline/contract.js";

/**
 * WAPE gaps up to this count as a tie between two forecasts. Across the default ledger's rolling origins
 * a forecast's WAPE moves by 5 to 15 points from one month-end to the next, so a lead of a point or two
 * on one date says nothing; 2 points is the smallest gap worth a "beat".
 */
export const wapeMargin = 0.02;

/** The share of weeks a 10–90 % band should hold. */
export const coverageTarget = 0.8;

// ——— Verdicts ———

export type ForecastVerdict = "beat" | "matched" | "lost to";

/** Ours against a naive forecast, by WAPE, with `wapeMargin` as the tie band. */
export function forecastVerdict(ours: number, naive: number): ForecastVerdict {
  if (ours < naive - wapeMargin) return "beat";
  if (ours > naive + wapeMargin) return "lost to";
  return "matched";
}

/** Standard error of a ROC AUC from its class counts (Hanley & McNeil 1982). */
export function aucStandardError(auc: number, positives: number, negatives: number): number {
  const q1 = auc / (2 - auc), q2 = (2 * auc * auc) / (1 + auc);
  return Math.sqrt((auc * (1 - auc) + (positives - 1) * (q1 - auc * auc) + (negatives - 1) * (q2 - auc * auc)) / (positives * negatives));
}

/** Whether an AUC is more than two standard errors above a coin flip's 0.5. */
export function beatsChance(auc: number, positives: number, negatives: number): boolean {
  return auc - 2 * aucStandardError(auc, positives, negatives) > 0.5;
}

// ——— The report's own date ———

/** A date the backtest could score: its open book, capture and cash all measured. */
export type Scored = DateScoresJson & {openBook: NonNullable<DateScoresJson["openBook"]>; capture: NonNullable<DateScoresJson["capture"]>; cash: NonNullable<DateScoresJson["cash"]>};

export function isScored(scores: DateScoresJson): scores is Scored {
  return scores.status === "scored" && scores.openBook !== null && scores.capture !== null && scores.cash !== null;
}

// ——— The rolling origin, in counts ———

/** The scored month-ends counted by verdict, with the range of their WAPE and AUC. */
export interface RollingSummary {
  dates: number;
  beatDueDate: number;
  beatCustomerDelay: number;
  lostDueDate: number;
  lostCustomerDelay: number;
  wapeMin: number;
  wapeMax: number;
  aucMin: number;
  aucMax: number;
  coverageRight: number;
  coverageNarrow: number;
  coverageWide: number;
  captureLead: number;
}

export function rollingSummary(rows: readonly RollingRow[], weeks: number): RollingSummary {
  const scored = rows.filter((r) => r.status === "scored" && r.wape !== null);
  const count = (pick: (r: RollingRow) => boolean) => scored.filter(pick).length;
  const verdict = (r: RollingRow, naive: number | null) => forecastVerdict(r.wape ?? NaN, naive ?? NaN);
  const values = (pick: (r: RollingRow) => number | null) => scored.map(pick).filter((v): v is number => v !== null);
  return {
    dates: scored.length,
    beatDueDate: count((r) => verdict(r, r.wapeDueDate) === "beat"),
    beatCustomerDelay: count((r) => verdict(r, r.wapeCustomerDelay) === "beat"),
    lostDueDate: count((r) => verdict(r, r.wapeDueDate) === "lost to"),
    lostCustomerDelay: count((r) => verdict(r, r.wapeCustomerDelay) === "lost to"),
    wapeMin: Math.min(...values((r) => r.wape)),
    wapeMax: Math.max(...values((r) => r.wape)),
    aucMin: Math.min(...values((r) => r.rocAuc)),
    aucMax: Math.max(...values((r) => r.rocAuc)),
    coverageRight: count((r) => coverageVerdict(r.coverage ?? NaN, coverageTarget, weeks) === "right"),
    coverageNarrow: count((r) => coverageVerdict(r.coverage ?? NaN, coverageTarget, weeks) === "too narrow"),
    coverageWide: count((r) => coverageVerdict(r.coverage ?? NaN, coverageTarget, weeks) === "too wide"),
    captureLead: count((r) => (r.capture.worklist ?? 0) > Math.max(r.capture.oldest ?? 0, r.capture.largest ?? 0) + wapeMargin)
  };
}

// ——— The Overview's finding ———

export interface BacktestFinding {
  text: string;
  href: string;
  link: string;
}

/** One finding for the Overview: the report's own date when it is scored, else the rolling origin. */
export function backtestFinding(file: BacktestFile): BacktestFinding | null {
  const r = file.report;
  const link = {href: "./backtest", link: "How right it was"};
  if (isScored(r)) {
    const {ours, dueDate, customerDelay} = r.cash;
    const beats = [forecastVerdict(ours.wape ?? NaN, dueDate.wape ?? NaN), forecastVerdict(ours.wape ?? NaN, customerDelay.wape ?? NaN)];
    const verdict = beats.every((v) => v === "beat") ? "beating both naive forecasts" : beats.some((v) => v === "beat") ? "beating one of two naive forecasts" : beats.some((v) => v === "lost to") ? "not beating the naive forecasts" : "no better than the naive forecasts";
    return {
      text:
        `Replayed as of ${r.asOf} and checked against the ${r.weeksKnown} weeks that followed, the weekly cash forecast was off by ${formatPercent(ours.wape, 0)} (WAPE), ${verdict} ` +
        `(${formatPercent(dueDate.wape, 0)} and ${formatPercent(customerDelay.wape, 0)}), and the worklist's first ${formatPercent(r.capture.rows / r.capture.of, 0)} held ${formatPercent(r.capture.shares.worklist, 0)} of the amount paid late.`,
      ...link
    };
  }
  const s = rollingSummary(file.origins.rows, file.horizonWeeks);
  if (!s.dates) return null;
  return {
    text: `Replayed at ${s.dates} earlier month-end${s.dates === 1 ? "" : "s"}, the cash forecast's WAPE ran from ${formatPercent(s.wapeMin, 0)} to ${formatPercent(s.wapeMax, 0)}, beating "paid on the due date" at ${s.beatDueDate} of them.`,
    ...link
  };
}
