// One replayed date scored against what followed it: what the report said on the day (its open invoices
// with P(late), payment-timing model and cash forecast) next to what the history shows happened.
//   open book   each open invoice's P(late) against whether it was paid late: ROC AUC, PR AUC, Brier,
//               reliability; and the share of the late amount the worklist's first rows hold, against
//               oldest-first, largest-first and random orders
//   cash        the forecast week by week against the cash received on those invoices: WAPE, bias, band
//               coverage, and the same errors for two naive forecasts (lib/backtest/naive.ts)
//   book        DSO, overdue share and aging expected at +4, +8 and +13 weeks against the ledger then
//               (lib/backtest/receivables.ts)
// Only whole weeks of known future are scored; a date with fewer than `minOutcomes` late or on-time open
// invoices is not scored at all, and records why.
import type {Day} from "../core/dates.js";
import type {Ledger} from "../input/ledger.js";
import {averagePrecision, brierScore, calibrationBins, rocAuc} from "../model/metrics.js";
import type {CalibrationBin} from "../model/metrics.js";
import type {CashForecast} from "../portfolio/forecast.js";
import type {ReceivablesHistory} from "../portfolio/kpi.js";
import type {OpenInvoice} from "../portfolio/openInvoices.js";
import type {CompiledTiming} from "../portfolio/paymentTiming.js";
import {worklistOrder} from "../portfolio/worklistOrder.js";
import type {ReplayOptions} from "../clean/replay.js";
import type {DateStatus} from "../pipeline/contract.js";
import {bandCoverage, forecastBias, wape} from "./accuracy.js";
import {captureCurve, capturedAt, largestFirst, oldestFirst, randomCapture} from "./capture.js";
import type {CaptureOrderKey, CaptureRow} from "./capture.js";
import {customerDelayForecast, dueDateForecast, paymentDelays} from "./naive.js";
import {cashByWeek, openBookAt} from "./openBook.js";
import type {ReplayedInvoice} from "./openBook.js";
import {actualBook, expectedBook, newBusinessAfter} from "./receivables.js";
import type {BookFigures, RecentInvoice} from "./receivables.js";

/** What the report said on a date: the inputs its pages were built from. */
export interface ReportAt {
  day: Day;
  /** Every open invoice with its P(late). */
  open: readonly OpenInvoice[];
  timing: CompiledTiming;
  forecast: CashForecast;
  /** Invoices issued in the 13 weeks before the day, with their P(late): the mix of new business. */
  recent: readonly RecentInvoice[];
}

export interface ScoreContext {
  history: Ledger;
  /** The last day the history records new invoices as well as payments: book horizons end here. */
  businessUntil: Day;
  /** Sales over the whole history (buildReceivablesHistory to its last day). */
  sales: ReceivablesHistory;
  replay: ReplayOptions;
  horizonWeeks: number;
  /** Horizons of the book comparison, in weeks. */
  bookWeeks: readonly number[];
  minOutcomes: number;
  /** Share of the open invoices the capture is read at ("the first N rows"). */
  captureShare: number;
  reliabilityBins: number;
  /** Points of each capture curve kept for the chart. */
  curvePoints: number;
}

export interface OpenBookScores {
  invoices: number;
  amount: number;
  /** Invoices whose outcome the data does not reach, left out of every score. */
  unknown: number;
  late: number;
  onTime: number;
  lateAmount: number;
  /** Mean P(late) the report gave the scored invoices, and the share that was late. */
  meanPLate: number;
  lateRate: number;
  rocAuc: number;
  prAuc: number;
  brier: number;
  reliability: CalibrationBin[];
  /** The same ranking among the invoices not yet due on the day: the outcomes still open then. */
  notYetDue: {invoices: number; late: number; rocAuc: number};
  /**
   * Invoices already past due on the day — late whatever happens next — and the mean P(late) the report
   * gave them: the model scores each invoice as of its issue date and does not learn that it is overdue.
   */
  overdue: {invoices: number; meanPLate: number};
}

export interface CaptureScores {
  /** Rows read ("the first N rows") and the rows in the book. */
  rows: number;
  of: number;
  shares: Record<CaptureOrderKey, number>;
  /** Each order's curve at `curvePoints` row shares. */
  curves: {rowShare: number[]} & Record<CaptureOrderKey, number[]>;
}

export interface ForecastWeekScore {
  week: number;
  start: Day;
  end: Day;
  actual: number;
  expected: number;
  low: number;
  high: number;
  dueDate: number;
  customerDelay: number;
}

export interface ForecastErrors {
  wape: number;
  bias: number;
}

export interface CashScores {
  weeks: ForecastWeekScore[];
  ours: ForecastErrors & {coverage: number};
  dueDate: ForecastErrors;
  customerDelay: ForecastErrors;
  /** Open amount of the book, and the cash received against it within the scored weeks. */
  openAmount: number;
  received: number;
}

export interface BookHorizon {
  weeks: number;
  expected: BookFigures;
  actual: BookFigures;
}

/** Why a date is not scored (lib/views/backtest.ts `notScoredText` says it in words). */
export type NotScored =
  | {kind: "no-future"; /** Days of data after the date (fewer than a week). */ daysAfter: number}
  | {kind: "too-few"; open: number; late: number; onTime: number; minOutcomes: number};

export interface DateScores {
  day: Day;
  /** Whole weeks of known future after the day, up to the horizon. */
  weeksKnown: number;
  status: DateStatus;
  /** Why the date is not scored; null when it is. */
  notScored: NotScored | null;
  openBook: OpenBookScores | null;
  capture: CaptureScores | null;
  cash: CashScores | null;
  book: BookHorizon[];
  newBusinessBasis: "seasonal" | "run-rate" | null;
}

export function scoreReplayedDate(said: ReportAt, context: ScoreContext): DateScores {
  const {history, horizonWeeks, minOutcomes} = context;
  const day = said.day;
  const weeksKnown = Math.max(0, Math.min(horizonWeeks, Math.floor((history.asOf - day) / 7)));
  const empty = {openBook: null, capture: null, cash: null, book: [], newBusinessBasis: null};
  if (!weeksKnown) {
    return {day, weeksKnown, status: "no-future", notScored: {kind: "no-future", daysAfter: history.asOf - day}, ...empty};
  }
  const book = openBookAt(history, day, context.replay);
  const said_ = new Map(said.open.map((invoice) => [invoice.invoiceId, invoice]));
  const scored = book.flatMap((entry) => {
    const invoice = said_.get(entry.invoiceId);
    return invoice && entry.late !== null ? [{entry, invoice, late: entry.late}] : [];
  });
  const short = tooFewToScore(book, minOutcomes, scored.map((s) => s.late));
  if (short) return {day, weeksKnown, status: "too-few", notScored: short, ...empty};
  const late = scored.filter((s) => s.late).length;
  const onTime = scored.length - late;

  const labels = Uint8Array.from(scored, (s) => (s.late ? 1 : 0));
  const pLate = Float64Array.from(scored, (s) => s.invoice.pLate);
  const notDue = scored.filter((s) => s.entry.dueDate >= day);
  const overdue = scored.filter((s) => s.entry.dueDate < day);
  const notDueLate = notDue.filter((s) => s.late).length;
  let lateAmount = 0, amount = 0;
  for (const s of scored) (amount += s.entry.amount), (lateAmount += s.late ? s.entry.amount : 0);
  const openBook: OpenBookScores = {
    invoices: book.length,
    amount: book.reduce((sum, entry) => sum + entry.amount, 0),
    unknown: book.length - scored.length,
    late,
    onTime,
    lateAmount,
    meanPLate: pLate.reduce((a, b) => a + b, 0) / pLate.length,
    lateRate: late / scored.length,
    rocAuc: rocAuc(labels, pLate),
    prAuc: averagePrecision(labels, pLate),
    brier: brierScore(labels, pLate),
    reliability: calibrationBins(labels, pLate, {bins: context.reliabilityBins}),
    notYetDue: {
      invoices: notDue.length,
      late: notDueLate,
      rocAuc: rocAuc(Uint8Array.from(notDue, (s) => (s.late ? 1 : 0)), Float64Array.from(notDue, (s) => s.invoice.pLate))
    },
    overdue: {invoices: overdue.length, meanPLate: overdue.length ? overdue.reduce((sum, s) => sum + s.invoice.pLate, 0) / overdue.length : NaN}
  };

  const capture = captureScores(scored.map((s) => s.invoice), scored.map((s) => s.late), context);
  const cash = cashScores(said, book, weeksKnown, history);
  const business = newBusinessAfter(day, horizonWeeks * 7, said.recent, context.sales, {timing: said.timing});
  const bookHorizons = context.bookWeeks
    .filter((weeks) => weeks <= weeksKnown && day + weeks * 7 <= context.businessUntil)
    .map((weeks) => ({
      weeks,
      expected: expectedBook(said.open, said.timing, day, weeks * 7, business, context.sales),
      actual: actualBook(history, day + weeks * 7, context.sales)
    }));
  return {day, weeksKnown, status: "scored", notScored: null, openBook, capture, cash, book: bookHorizons, newBusinessBasis: business.basis};
}

/**
 * Why a date's open book cannot be scored: fewer than `minOutcomes` of its invoices were in the end paid
 * late, or on time. `outcomes` are those of the invoices scored (default: every one the data reaches).
 */
export function tooFewToScore(book: readonly ReplayedInvoice[], minOutcomes: number, outcomes: readonly (boolean | null)[] = book.map((entry) => entry.late)): NotScored | null {
  let late = 0, onTime = 0;
  for (const outcome of outcomes) {
    if (outcome === true) ++late;
    else if (outcome === false) ++onTime;
  }
  return late < minOutcomes || onTime < minOutcomes ? {kind: "too-few", open: book.length, late, onTime, minOutcomes} : null;
}

function captureScores(invoices: readonly OpenInvoice[], late: readonly boolean[], context: ScoreContext): CaptureScores {
  const rows: CaptureRow[] = invoices.map((invoice, k) => ({invoiceId: invoice.invoiceId, amount: invoice.amount, dueDate: invoice.dueDate, late: late[k]}));
  const worklist = worklistOrder(invoices);
  const curves = {worklist: captureCurve(rows, worklist), oldest: captureCurve(rows, oldestFirst(rows)), largest: captureCurve(rows, largestFirst(rows))};
  const n = rows.length;
  const read = Math.max(1, Math.ceil(context.captureShare * n));
  const points = Math.min(context.curvePoints, n);
  // Evenly spaced rows, and the row the page reads the capture at, so the chart's mark there is exact.
  const at = [...new Set([...Array.from({length: points + 1}, (_, k) => Math.round((k * n) / points)), read])].sort((a, b) => a - b);
  return {
    rows: read,
    of: n,
    shares: {worklist: capturedAt(curves.worklist, read), oldest: capturedAt(curves.oldest, read), largest: capturedAt(curves.largest, read), random: randomCapture(read, n)},
    curves: {
      rowShare: at.map((r) => r / n),
      worklist: at.map((r) => capturedAt(curves.worklist, r)),
      oldest: at.map((r) => capturedAt(curves.oldest, r)),
      largest: at.map((r) => capturedAt(curves.largest, r)),
      random: at.map((r) => randomCapture(r, n))
    }
  };
}

function cashScores(said: ReportAt, book: ReturnType<typeof openBookAt>, weeks: number, history: Ledger): CashScores {
  const day = said.day;
  const actual = cashByWeek(book, day, weeks).weekly;
  const naiveBook = book.map((entry) => ({customerId: entry.customerId, amount: entry.amount, dueDate: entry.dueDate}));
  const byDueDate = dueDateForecast(naiveBook, day, weeks).weekly;
  const byDelay = customerDelayForecast(naiveBook, day, weeks, paymentDelays(history.invoices, day)).weekly;
  const ours = said.forecast.weeks.slice(0, weeks);
  const expected = Float64Array.from(ours, (w) => w.cash.expected);
  const errors = (forecast: Float64Array): ForecastErrors => ({wape: wape(actual, forecast), bias: forecastBias(actual, forecast)});
  return {
    weeks: ours.map((w, k) => ({
      week: w.week,
      start: w.start,
      end: w.end,
      actual: actual[k],
      expected: w.cash.expected,
      low: w.cash.low,
      high: w.cash.high,
      dueDate: byDueDate[k],
      customerDelay: byDelay[k]
    })),
    ours: {...errors(expected), coverage: bandCoverage(actual, Float64Array.from(ours, (w) => w.cash.low), Float64Array.from(ours, (w) => w.cash.high))},
    dueDate: errors(byDueDate),
    customerDelay: errors(byDelay),
    openAmount: book.reduce((sum, entry) => sum + entry.amount, 0),
    received: actual.reduce((a, b) => a + b, 0)
  };
}
