// The report's backtest stage: how right was it? The only stage that reads the history past the report
// date. It scores what the report said on its date against what happened in the weeks after
// (lib/backtest/scoreDate.ts), then replays the same method at earlier month-ends — a rolling origin —
// with the model refitted on what was known at each (lib/backtest/origins.ts).
//
//   report   the report's own open book, worklist, 13-week forecast and book outlook, as the other
//            stages computed them on its date
//   origins  up to `origins` month-ends before it that leave 13 weeks of known future, each with a
//            model, timing model and forecast rebuilt from its own past
//
// Files (see lib/backtest/files.ts): `backtest` and `replay`.
import {formatIsoDay} from "../core/dates.js";
import type {Day} from "../core/dates.js";
import {createRandom} from "../core/random.js";
import type {Ledger} from "../input/ledger.js";
import {knownFutureDays, lastInvoiceDate, minOutcomesToScore} from "../clean/asOf.js";
import type {AsOfChoice} from "../clean/asOf.js";
import type {InvoiceFeatures} from "../model/features/index.js";
import type {ModelRecipe} from "../model/index.js";
import {buildReceivablesHistory} from "../portfolio/kpi.js";
import type {PortfolioResult} from "../portfolio/index.js";
import type {InvoiceScores, StageHook} from "../pipeline/types.js";
import type {ReportFiles} from "../pipeline/contract.js";
import {dateScoresJson, replayFile, rollingRow} from "./files.js";
import type {BacktestFile, RollingRow} from "./files.js";
import {openBookAt} from "./openBook.js";
import {modelAt, monthEndsBefore, reportAtOrigin} from "./origins.js";
import type {OriginInputs} from "./origins.js";
import {defaultCalibrationShare} from "./originModel.js";
import type {OriginModel} from "./originModel.js";
import {scoreReplayedDate} from "./scoreDate.js";
import type {ReportAt, ScoreContext} from "./scoreDate.js";

export type {BacktestFile, DateScoresJson, ReplayFile, RollingRow} from "./files.js";

export interface BacktestInputs {
  /** The ledger as recorded, to the last day of data. */
  history: Ledger;
  /** The ledger on the report date, as every other stage read it. */
  ledger: Ledger;
  asOf: AsOfChoice;
  reminderWindowDays: number;
  /**
   * From the model stage: scores of `ledger`'s invoices, their features, and the recipe to refit — null
   * when the report fitted no model (then no earlier month-end can be replayed).
   */
  scores: InvoiceScores;
  features: InvoiceFeatures | null;
  recipe: ModelRecipe | null;
  /** From the portfolio stage: the open invoices, timing model and forecast the pages show. */
  portfolio: Pick<PortfolioResult, "open" | "timing" | "forecast">;
}

export interface BacktestOptions {
  seed?: number;
  onStage?: StageHook;
  /** Weeks scored after each date. Default 13, the forecast's horizon. */
  horizonWeeks?: number;
  /** Horizons of the DSO, overdue-share and aging comparison, in weeks. Default 4, 8, 13. */
  bookWeeks?: readonly number[];
  /** Earlier month-ends scored. Default 6. */
  origins?: number;
  /**
   * A model fitted at one origin also scores the month-ends of the next `refitEveryMonths − 1` months, as
   * a team retraining quarterly would use it. Default 3; 1 refits at every origin.
   */
  refitEveryMonths?: number;
  /** How far back to look for them, in months. Default 36. */
  lookBackMonths?: number;
  /** The capture is read after this share of the open invoices ("the first N rows"). Default 0.1. */
  captureShare?: number;
  /**
   * Most rows an origin's model is fitted on. Default 30,000: one fit per origin instead of the model
   * stage's nine plus a refit, at a third of its row cap.
   */
  maxTrainingRows?: number;
  /** Most settled invoices an origin's payment-timing model is fitted on. Default 50,000. */
  timingRecords?: number;
  /**
   * Monte Carlo runs of an origin's forecast band. Default 200: the 10th and 90th percentiles of 200 runs
   * are within about ±2 percentile points of the 500-run band the report ships.
   */
  forecastRuns?: number;
  minOutcomes?: number;
  reliabilityBins?: number;
  curvePoints?: number;
}

export interface BacktestResult {
  files: Pick<ReportFiles, "backtest" | "replay">;
  /** Milliseconds per step; for the benchmark, never written into a file. */
  timings: Record<string, number>;
}

export const defaultBacktestSeed = 20260930;

export function backtestStage(inputs: BacktestInputs, options: BacktestOptions = {}): BacktestResult {
  const {
    seed = defaultBacktestSeed,
    onStage,
    horizonWeeks = knownFutureDays / 7,
    bookWeeks = [4, 8, 13],
    origins: originCount = 6,
    refitEveryMonths = 3,
    lookBackMonths = 36,
    captureShare = 0.1,
    maxTrainingRows = 30_000,
    timingRecords = 50_000,
    forecastRuns = 200,
    minOutcomes = minOutcomesToScore,
    reliabilityBins = 10,
    curvePoints = 50
  } = options;
  const {history, ledger, asOf, scores, portfolio} = inputs;
  const timings: Record<string, number> = {};
  const step = <T>(name: string, run: () => T): T => {
    onStage?.({stage: `backtest/${name}`, phase: "start"});
    const start = performance.now();
    const out = run();
    timings[name] = (timings[name] ?? 0) + performance.now() - start;
    onStage?.({stage: `backtest/${name}`, phase: "end", detail: {ms: timings[name]}});
    return out;
  };
  onStage?.({stage: "backtest", phase: "start"});
  const started = performance.now();
  const random = createRandom(seed);
  const horizonDays = horizonWeeks * 7;
  const context: ScoreContext = {
    history,
    // DSO and aging compare like with like only while the ledger still records new invoices.
    businessUntil: Math.min(history.asOf, lastInvoiceDate(history.invoices)),
    sales: step("sales", () => buildReceivablesHistory(history.invoices, history.asOf)),
    replay: {reminderWindowDays: inputs.reminderWindowDays},
    horizonWeeks,
    bookWeeks,
    minOutcomes,
    captureShare,
    reliabilityBins,
    curvePoints
  };

  // The report's own date, with what its pages show.
  const report = step("report date", () => {
    const said: ReportAt = {
      day: ledger.asOf,
      open: portfolio.open,
      timing: portfolio.timing,
      forecast: portfolio.forecast,
      recent: recentInvoices(ledger, ledger.asOf, horizonDays, (i) => scores.pLate[i])
    };
    return scoreReplayedDate(said, context);
  });

  // Earlier month-ends, each with the method rebuilt from its own past.
  const rowOf = ledgerRows(history, ledger);
  const firstInvoice = ledger.invoices.reduce((first, invoice) => Math.min(first, invoice.invoiceDate), Infinity);
  const candidates = monthEndsBefore(ledger.asOf, context.businessUntil, firstInvoice, {horizonDays, lookBackMonths});
  const {features, recipe} = inputs;
  const originInputs: OriginInputs | null = features && recipe && {
    invoices: ledger.invoices,
    features,
    recipe,
    seed: String(seed),
    maxTrainingRows,
    timingRecords,
    forecastRuns,
    recentDays: horizonDays
  };
  const rows: RollingRow[] = [];
  const skipped: BacktestFile["origins"]["skipped"] = [];
  let model: OriginModel | null = null;
  // Oldest first, so that a model fitted at one origin can serve the next ones.
  for (const origin of candidates.slice(0, originCount).reverse()) {
    if (!originInputs) {
      skipped.push({asOf: formatIsoDay(origin), reason: {kind: "no-model"}});
      continue;
    }
    const fit = step("origins: fit", () => modelAt(origin, model, originInputs, refitEveryMonths));
    if (!fit.model) {
      skipped.push({asOf: formatIsoDay(origin), reason: fit.skipped});
      continue;
    }
    model = fit.model;
    const book = step("origins: open book", () => openBookAt(history, origin, context.replay));
    const said = step("origins: forecast", () => reportAtOrigin(origin, fit.model, book, (i) => rowOf[i], originInputs, random.fork(`origin ${formatIsoDay(origin)}`)));
    const scored = step("origins: score", () => scoreReplayedDate(said, context));
    if (scored.notScored) skipped.push({asOf: formatIsoDay(origin), reason: scored.notScored});
    else rows.push(rollingRow(scored, "origin", {fittedAt: formatIsoDay(fit.model.origin), trainingRows: fit.model.trainingRows}, bookWeeks));
  }
  rows.push(rollingRow(report, "report", null, bookWeeks));

  const invoicesAfter = history.invoices.length - ledger.invoices.length;
  const backtest: BacktestFile = {
    asOf: formatIsoDay(ledger.asOf),
    endOfData: formatIsoDay(history.asOf),
    kind: asOf.kind,
    currency: ledger.currency,
    modelName: scores.modelName,
    horizonWeeks,
    bookWeeks: [...bookWeeks],
    minOutcomes,
    captureShare,
    report: dateScoresJson(report),
    origins: {
      settings: {requested: originCount, candidates: candidates.length, refitEveryMonths, maxTrainingRows, calibrationShare: defaultCalibrationShare, timingRecords, forecastRuns},
      rows,
      skipped
    }
  };
  timings.total = performance.now() - started;
  onStage?.({stage: "backtest", phase: "end", detail: {ms: timings.total}});
  return {files: {backtest, replay: replayFile(asOf, horizonDays, invoicesAfter)}, timings};
}

/** Invoices of `ledger` issued in the `days` before `day` (inclusive), with P(late) by ledger position. */
function recentInvoices(ledger: Ledger, day: Day, days: number, pLateOf: (i: number) => number) {
  const recent: {amount: number; termsDays: number; pLate: number}[] = [];
  ledger.invoices.forEach((invoice, i) => {
    if (invoice.invoiceDate <= day && invoice.invoiceDate > day - days) recent.push({amount: invoice.amount, termsDays: invoice.termsDays, pLate: pLateOf(i)});
  });
  return recent;
}

/**
 * Each history position's row in the ledger on the report date (−1 for invoices issued after it): the
 * cut keeps the history's order and drops the later invoices.
 */
function ledgerRows(history: Ledger, ledger: Ledger): Int32Array {
  const rows = new Int32Array(history.invoices.length).fill(-1);
  for (let h = 0, j = 0; h < history.invoices.length && j < ledger.invoices.length; ++h) {
    if (history.invoices[h].invoiceId === ledger.invoices[j].invoiceId) rows[h] = j++;
  }
  return rows;
}
