// The backtest's data files, as the pages read them: `backtest` (the Backtest page and the Overview's
// finding) and `replay` (the "Replayed as of …" note on every page), registered in the report's data-file
// contract (lib/pipeline/contract.ts). Numbers only, rounded; days as ISO dates; null where a figure is
// undefined (no week known, no late invoice). Every sentence about them is written in lib/views/backtest.ts.
import {formatIsoDay} from "../core/dates.js";
import type {Day} from "../core/dates.js";
import {columnar, round} from "../core/json.js";
import type {AsOfKind} from "../clean/asOf.js";
import type {CaptureOrderKey} from "./capture.js";
import type {OriginSkip} from "./originModel.js";
import type {BookFigures} from "./receivables.js";
import type {DateScores} from "./scoreDate.js";

/** `replay.json`: what every page says about the date it is replayed on. */
export interface ReplayFile {
  asOf: string;
  endOfData: string;
  kind: AsOfKind;
  /** Days of recorded future after the as-of date (0 when it is the last day of data). */
  futureDays: number;
  /** Days the backtest scores the report on (13 weeks). */
  horizonDays: number;
  /** Invoices issued after the as-of date: in the history, out of every stage. */
  invoicesAfter: number;
}

export interface BookFiguresJson {
  date: string;
  total: number | null;
  overdueShare: number | null;
  dso: number | null;
  buckets: (number | null)[];
}

export interface ReliabilityColumns {
  length: number;
  lower: (number | null)[];
  upper: (number | null)[];
  meanPredicted: (number | null)[];
  observedRate: (number | null)[];
  count: number[];
}

export interface CashWeekColumns {
  length: number;
  week: number[];
  start: string[];
  end: string[];
  actual: (number | null)[];
  expected: (number | null)[];
  low: (number | null)[];
  high: (number | null)[];
  dueDate: (number | null)[];
  customerDelay: (number | null)[];
}

export interface DateScoresJson {
  asOf: string;
  weeksKnown: number;
  status: DateScores["status"];
  /** Why the date is not scored; null when it is. */
  notScored: DateScores["notScored"];
  openBook: {
    invoices: number;
    amount: number | null;
    unknown: number;
    late: number;
    onTime: number;
    lateAmount: number | null;
    meanPLate: number | null;
    lateRate: number | null;
    rocAuc: number | null;
    prAuc: number | null;
    brier: number | null;
    reliability: ReliabilityColumns;
    notYetDue: {invoices: number; late: number; rocAuc: number | null};
    overdue: {invoices: number; meanPLate: number | null};
  } | null;
  capture: {
    rows: number;
    of: number;
    shares: Record<CaptureOrderKey, number | null>;
    curves: {length: number; rowShare: (number | null)[]} & Record<CaptureOrderKey, (number | null)[]>;
  } | null;
  cash: {
    weeks: CashWeekColumns;
    ours: {wape: number | null; bias: number | null; coverage: number | null};
    dueDate: {wape: number | null; bias: number | null};
    customerDelay: {wape: number | null; bias: number | null};
    openAmount: number | null;
    received: number | null;
  } | null;
  book: {weeks: number; expected: BookFiguresJson; actual: BookFiguresJson}[];
  newBusinessBasis: DateScores["newBusinessBasis"];
}

/** One replayed date in the rolling-origin chart. */
export interface RollingRow {
  asOf: string;
  /** "report": the report's own date, scored with its own model; "origin": an earlier month-end, refitted. */
  source: "report" | "origin";
  status: DateScores["status"];
  /** The origin's model: when it was fitted and on how many rows; null for the report's own date. */
  model: {fittedAt: string; trainingRows: number} | null;
  invoices: number | null;
  rocAuc: number | null;
  prAuc: number | null;
  brier: number | null;
  capture: Record<CaptureOrderKey, number | null>;
  wape: number | null;
  bias: number | null;
  coverage: number | null;
  wapeDueDate: number | null;
  wapeCustomerDelay: number | null;
  /** Expected − actual at each of `bookWeeks`; null where that horizon is not known. */
  dsoError: (number | null)[];
  overdueShareError: (number | null)[];
}

/** How the rolling origins were chosen and what each refits or reuses (lib/backtest/index.ts options). */
export interface OriginSettings {
  /** Month-ends asked for, and how many before the report date leave the horizon of known future. */
  requested: number;
  candidates: number;
  refitEveryMonths: number;
  maxTrainingRows: number;
  calibrationShare: number;
  timingRecords: number;
  forecastRuns: number;
}

/** `backtest.json`. */
export interface BacktestFile {
  asOf: string;
  endOfData: string;
  kind: AsOfKind;
  currency: string;
  modelName: string;
  horizonWeeks: number;
  bookWeeks: number[];
  minOutcomes: number;
  captureShare: number;
  /** The report's own date, scored with what the report said. */
  report: DateScoresJson;
  origins: {
    settings: OriginSettings;
    rows: RollingRow[];
    /** Month-ends tried and not scored: no model could be fitted, or the date could not be scored. */
    skipped: {asOf: string; reason: OriginSkip | NonNullable<DateScores["notScored"]>}[];
  };
}

export function bookFiguresJson(figures: BookFigures): BookFiguresJson {
  return {date: formatIsoDay(figures.day), total: round(figures.total, 2), overdueShare: round(figures.overdueShare), dso: round(figures.dso, 2), buckets: figures.buckets.map((b) => round(b, 2))};
}

export function dateScoresJson(scores: DateScores): DateScoresJson {
  const {openBook, capture, cash} = scores;
  return {
    asOf: formatIsoDay(scores.day),
    weeksKnown: scores.weeksKnown,
    status: scores.status,
    notScored: scores.notScored,
    openBook: openBook && {
      invoices: openBook.invoices,
      amount: round(openBook.amount, 2),
      unknown: openBook.unknown,
      late: openBook.late,
      onTime: openBook.onTime,
      lateAmount: round(openBook.lateAmount, 2),
      meanPLate: round(openBook.meanPLate),
      lateRate: round(openBook.lateRate),
      rocAuc: round(openBook.rocAuc),
      prAuc: round(openBook.prAuc),
      brier: round(openBook.brier),
      reliability: columnar(openBook.reliability, {
        lower: (b) => round(b.lower),
        upper: (b) => round(b.upper),
        meanPredicted: (b) => round(b.meanPredicted),
        observedRate: (b) => round(b.observedRate),
        count: (b) => b.count
      }),
      notYetDue: {invoices: openBook.notYetDue.invoices, late: openBook.notYetDue.late, rocAuc: round(openBook.notYetDue.rocAuc)},
      overdue: {invoices: openBook.overdue.invoices, meanPLate: round(openBook.overdue.meanPLate)}
    },
    capture: capture && {
      rows: capture.rows,
      of: capture.of,
      shares: roundRecord(capture.shares),
      curves: {
        length: capture.curves.rowShare.length,
        rowShare: capture.curves.rowShare.map((v) => round(v)),
        worklist: capture.curves.worklist.map((v) => round(v)),
        oldest: capture.curves.oldest.map((v) => round(v)),
        largest: capture.curves.largest.map((v) => round(v)),
        random: capture.curves.random.map((v) => round(v))
      }
    },
    cash: cash && {
      weeks: columnar(cash.weeks, {
        week: (w) => w.week,
        start: (w) => formatIsoDay(w.start),
        end: (w) => formatIsoDay(w.end),
        actual: (w) => round(w.actual, 2),
        expected: (w) => round(w.expected, 2),
        low: (w) => round(w.low, 2),
        high: (w) => round(w.high, 2),
        dueDate: (w) => round(w.dueDate, 2),
        customerDelay: (w) => round(w.customerDelay, 2)
      }),
      ours: {wape: round(cash.ours.wape), bias: round(cash.ours.bias), coverage: round(cash.ours.coverage)},
      dueDate: {wape: round(cash.dueDate.wape), bias: round(cash.dueDate.bias)},
      customerDelay: {wape: round(cash.customerDelay.wape), bias: round(cash.customerDelay.bias)},
      openAmount: round(cash.openAmount, 2),
      received: round(cash.received, 2)
    },
    book: scores.book.map((h) => ({weeks: h.weeks, expected: bookFiguresJson(h.expected), actual: bookFiguresJson(h.actual)})),
    newBusinessBasis: scores.newBusinessBasis
  };
}

export function rollingRow(scores: DateScores, source: RollingRow["source"], model: RollingRow["model"], bookWeeks: readonly number[]): RollingRow {
  const {openBook, capture, cash} = scores;
  const horizon = (weeks: number) => scores.book.find((h) => h.weeks === weeks);
  const error = (weeks: number, pick: (f: BookFigures) => number, digits: number) => {
    const h = horizon(weeks);
    return h ? round(pick(h.expected) - pick(h.actual), digits) : null;
  };
  return {
    asOf: formatIsoDay(scores.day),
    source,
    status: scores.status,
    model,
    invoices: openBook ? openBook.invoices : null,
    rocAuc: round(openBook?.rocAuc),
    prAuc: round(openBook?.prAuc),
    brier: round(openBook?.brier),
    capture: capture ? roundRecord(capture.shares) : {worklist: null, oldest: null, largest: null, random: null},
    wape: round(cash?.ours.wape),
    bias: round(cash?.ours.bias),
    coverage: round(cash?.ours.coverage),
    wapeDueDate: round(cash?.dueDate.wape),
    wapeCustomerDelay: round(cash?.customerDelay.wape),
    dsoError: bookWeeks.map((weeks) => error(weeks, (f) => f.dso, 2)),
    overdueShareError: bookWeeks.map((weeks) => error(weeks, (f) => f.overdueShare, 4))
  };
}

export function replayFile(asOf: {asOf: Day; endOfData: Day; kind: AsOfKind}, horizonDays: number, invoicesAfter: number): ReplayFile {
  return {
    asOf: formatIsoDay(asOf.asOf),
    endOfData: formatIsoDay(asOf.endOfData),
    kind: asOf.kind,
    futureDays: asOf.endOfData - asOf.asOf,
    horizonDays,
    invoicesAfter
  };
}

function roundRecord<K extends string>(values: Record<K, number>): Record<K, number | null> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, round(v as number)])) as Record<K, number | null>;
}
