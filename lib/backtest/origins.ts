// A rolling origin: the report's method replayed at earlier month-ends, each scored against the weeks
// that followed it, so that one lucky date is not the whole story. The model is refitted on what was
// known at an origin (lib/backtest/originModel.ts) and, as a team retraining every quarter would, reused
// at the month-ends of the next two months: a model fitted on outcomes known at an earlier date may score
// a later one, never the reverse. The payment-timing model and the cash forecast are rebuilt at every
// origin from its model, as the portfolio stage builds them on the report date.
import {addMonths, calendarParts, endOfMonth, formatIsoDay, startOfMonth} from "../core/dates.js";
import type {Day} from "../core/dates.js";
import type {Random} from "../core/random.js";
import type {Invoice} from "../input/ledger.js";
import {sampleIndices} from "../segments/sampling.js";
import type {InvoiceFeatures} from "../model/features/index.js";
import type {ModelRecipe} from "../model/index.js";
import {forecastCash, forecastItems} from "../portfolio/forecast.js";
import type {OpenInvoice} from "../portfolio/openInvoices.js";
import {compileTiming, expectedDaysLate, fitPaymentTiming, invoiceTiming} from "../portfolio/paymentTiming.js";
import type {SettlementRecord} from "../portfolio/paymentTiming.js";
import {fitAtOrigin} from "./originModel.js";
import type {OriginFit, OriginModel} from "./originModel.js";
import type {ReplayedInvoice} from "./openBook.js";
import type {ReportAt} from "./scoreDate.js";

/**
 * Month-ends before `asOf`, latest first, that leave `horizonDays` of known future up to `knownUntil`,
 * going back at most `lookBackMonths`. A month-end within `minGapDays` of `asOf` (a report dated on the
 * 1st) would only repeat the report's own date, and is left out.
 */
export function monthEndsBefore(asOf: Day, knownUntil: Day, firstInvoice: Day, {horizonDays, lookBackMonths, minGapDays = 14}: {horizonDays: number; lookBackMonths: number; minGapDays?: number}): Day[] {
  const days: Day[] = [];
  for (let m = 1; m <= lookBackMonths; ++m) {
    const day = endOfMonth(addMonths(startOfMonth(asOf), -m));
    if (day <= firstInvoice) break;
    if (day + horizonDays <= knownUntil && asOf - day >= minGapDays) days.push(day);
  }
  return days;
}

export interface OriginInputs {
  /** The ledger on the report date and its features (rows in ledger order). */
  invoices: readonly Invoice[];
  features: InvoiceFeatures;
  recipe: ModelRecipe;
  seed: string;
  maxTrainingRows: number;
  /** Most settled invoices the origin's payment-timing model is fitted on (a seeded uniform sample above it). */
  timingRecords: number;
  forecastRuns: number;
  /** Days before the origin whose invoices set the new-business mix. */
  recentDays: number;
}

/** The model an origin is scored with: fitted at `origin` itself or at an earlier one. */
export function modelAt(origin: Day, previous: OriginModel | null, inputs: OriginInputs, refitEveryMonths: number): OriginFit {
  if (previous && previous.origin <= origin && monthsBetween(previous.origin, origin) < refitEveryMonths) return {model: previous, skipped: null};
  return fitAtOrigin(inputs.features, inputs.invoices, origin, inputs.recipe, {seed: inputs.seed, maxTrainingRows: inputs.maxTrainingRows});
}

function monthsBetween(from: Day, to: Day): number {
  const a = calendarParts(from), b = calendarParts(to);
  return (b.year - a.year) * 12 + b.month - a.month;
}

/**
 * What the report would have said at `origin`, scored by `model` (fitted at or before it). `book` is the
 * open book at the origin, from the history; `rowOf` gives a history position's row in the report date's
 * ledger (every invoice issued by an origin is in it).
 */
export function reportAtOrigin(origin: Day, model: OriginModel, book: readonly ReplayedInvoice[], rowOf: (historyIndex: number) => number, inputs: OriginInputs, random: Random): ReportAt {
  if (model.origin > origin) throw new Error(`reportAtOrigin: a model fitted on ${formatIsoDay(model.origin)} cannot score ${formatIsoDay(origin)}`);
  const {invoices} = inputs;

  // One prediction pass over every row the origin needs: its open book, a sample of what had settled by
  // then (the timing model's bands), and its recent invoices (the new-business mix).
  const settled: number[] = [], recent: number[] = [];
  invoices.forEach((invoice, i) => {
    if (invoice.settledDate !== null && invoice.settledDate <= origin) settled.push(i);
    if (invoice.invoiceDate <= origin && invoice.invoiceDate > origin - inputs.recentDays) recent.push(i);
  });
  const timingRows = Array.from(sampleIndices(settled.length, inputs.timingRecords, random.fork("timing rows")), (k) => settled[k]);
  const bookRows = book.map((entry) => rowOf(entry.index));
  const pLate = model.score(Int32Array.from([...bookRows, ...timingRows, ...recent]));
  const bookP = pLate.subarray(0, bookRows.length);
  const timingP = pLate.subarray(bookRows.length, bookRows.length + timingRows.length);
  const recentP = pLate.subarray(bookRows.length + timingRows.length);

  const records: SettlementRecord[] = timingRows.map((i, k) => ({pLate: timingP[k], daysLate: invoices[i].settledDate! - invoices[i].dueDate, writtenOff: invoices[i].status === "written_off"}));
  const timing = compileTiming(fitPaymentTiming(records));
  const open: OpenInvoice[] = book.map((entry, k) => ({
    invoiceId: entry.invoiceId,
    customerId: entry.customerId,
    customerName: invoices[bookRows[k]].customerName,
    amount: entry.amount,
    dueDate: entry.dueDate,
    daysOverdue: Math.max(0, origin - entry.dueDate),
    pLate: bookP[k],
    // Segments are not refitted at origins: nothing scored here reads them.
    segment: null,
    expectedDaysLate: expectedDaysLate(invoiceTiming(timing, {dueDate: entry.dueDate, pLate: bookP[k]}, origin)),
    topFactors: []
  }));
  const forecast = forecastCash(forecastItems(open, timing, origin), origin, random.fork(`forecast ${formatIsoDay(origin)}`), {runs: inputs.forecastRuns});
  return {
    day: origin,
    open,
    timing,
    forecast,
    recent: recent.map((i, k) => ({amount: invoices[i].amount, termsDays: invoices[i].termsDays, pLate: recentP[k]}))
  };
}
