// When will an open invoice be paid? An empirical timing model fitted on settled history, shared by the
// cash forecast, the predicted aging shift and the scenario engine.
//
// The model, per risk band (lib/portfolio/riskBands.ts, banded by each historical invoice's predicted P(late)):
//   - on-time distribution: share of on-time settlements at each offset settlement − due ≤ 0;
//   - late distribution: share of late outcomes at each offset ≥ 1, split into paid and written off
//     (a write-off is a late outcome that never brings cash).
// A band with fewer than `minObservations` on-time (or late) settlements borrows the pooled distribution.
//
// An open invoice with predicted P(late) = p, as of day T, due on day d:
//   - not yet due (T < d): with probability 1 − p it is paid on time, at an offset drawn from the on-time
//     distribution restricted to offsets after today (T − d, 0]; with probability p it is late, offset from
//     the late distribution. p is taken as the model's P(late) given that the invoice is still open today.
//   - due today or overdue (T ≥ d): it is late for certain; its offset is drawn from the late distribution
//     conditioned on exceeding the days already overdue. Beyond `tailCap` (the last offset with at least
//     `minTail` late outcomes after it) history is too thin to condition on, so an older invoice is given
//     the remaining-time distribution of one `tailCap` days overdue (it ages no further in the model).
// History counts settled invoices only, so the slowest payers (still open) are under-represented and the
// late distribution is somewhat optimistic; the age conditioning above partly corrects for it.
//
// Scenarios transform the payment day P of every outcome: a customer delay adds `delayDays`; an action on
// day A compresses the part of the delay after the pivot M = max(A, due): P' = M + (P − M)·(1 − e) for
// P > M, so actions never move cash before the action day and leave on-time payments alone.
import type {Day} from "../core/dates.js";
import type {Invoice} from "../input/ledger.js";
import {checkRiskCutoffs, defaultRiskCutoffs, riskBand, riskBands} from "./riskBands.js";
import type {RiskBand, RiskCutoffs} from "./riskBands.js";

/** One settled historical invoice. */
export interface SettlementRecord {
  /** The model's P(late) for the invoice; NaN when unknown (it then counts towards the pooled distribution only). */
  pLate: number;
  /** Settlement − due date in days (negative: paid early). */
  daysLate: number;
  writtenOff: boolean;
}

/** Settled invoices of a ledger as timing records; `pLateOf` supplies each invoice's prediction where there is one. */
export function settlementRecords(invoices: readonly Invoice[], pLateOf: (invoice: Invoice) => number | undefined = () => undefined): SettlementRecord[] {
  const records: SettlementRecord[] = [];
  for (const invoice of invoices) {
    if (invoice.settledDate === null || invoice.daysLate === null) continue;
    records.push({pLate: pLateOf(invoice) ?? NaN, daysLate: invoice.daysLate, writtenOff: invoice.status === "written_off"});
  }
  return records;
}

/** The fitted distributions of one band, JSON-ready so a loader can ship the model to the browser. */
export interface BandTiming {
  band: RiskBand;
  /** Share of on-time settlements at each offset; index i is offset `earliestOffset + i` (…, −1, 0). */
  onTime: number[];
  /** Share of late outcomes paid at each offset; index i is offset i + 1. */
  latePaid: number[];
  /** Share of late outcomes written off at each offset; with `latePaid` sums to 1. */
  lateWrittenOff: number[];
  /** Observations behind the distributions actually used (the pooled counts when borrowed). */
  observations: {onTime: number; late: number; writtenOff: number};
  /** Whether the band had too few observations and uses the pooled distribution. */
  borrowed: {onTime: boolean; late: boolean};
}

export interface PaymentTimingModel {
  cutoffs: RiskCutoffs;
  /** Earliest on-time offset kept (earlier payments are counted at it). */
  earliestOffset: number;
  /** Latest late offset kept (later outcomes are counted at it). */
  latestOffset: number;
  minTail: number;
  bands: BandTiming[];
}

export interface TimingFitOptions {
  cutoffs?: RiskCutoffs;
  /** Days before due beyond which early payments are lumped together (default 120). */
  maxDaysEarly?: number;
  /** Days after due beyond which late outcomes are lumped together (default 365). */
  maxDaysLate?: number;
  /** Fewest on-time or late observations a band needs to use its own distribution (default 30). */
  minObservations?: number;
  /** Fewest late outcomes beyond an age needed to condition on that age (default 20). */
  minTail?: number;
  /** Late offset assumed when history has no late outcome at all (default 30 days). */
  fallbackDaysLate?: number;
}

interface Tally {
  onTime: Map<number, number>;
  latePaid: Map<number, number>;
  lateWrittenOff: Map<number, number>;
  onTimeCount: number;
  lateCount: number;
  writtenOffCount: number;
}

function emptyTally(): Tally {
  return {onTime: new Map(), latePaid: new Map(), lateWrittenOff: new Map(), onTimeCount: 0, lateCount: 0, writtenOffCount: 0};
}

function increment(map: Map<number, number>, key: number): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function addRecord(tally: Tally, record: SettlementRecord, earliest: number, latest: number): void {
  const offset = Math.round(record.daysLate);
  if (record.writtenOff || offset > 0) {
    // A write-off is a late outcome even if it was booked on or before the due date.
    const clamped = Math.min(latest, Math.max(1, offset));
    increment(record.writtenOff ? tally.lateWrittenOff : tally.latePaid, clamped);
    ++tally.lateCount;
    if (record.writtenOff) ++tally.writtenOffCount;
  } else {
    increment(tally.onTime, Math.max(earliest, offset));
    ++tally.onTimeCount;
  }
}

function shares(map: Map<number, number>, from: number, length: number, total: number): number[] {
  const out = new Array<number>(length).fill(0);
  if (total > 0) for (const [offset, count] of map) out[offset - from] = count / total;
  return out;
}

export function fitPaymentTiming(records: readonly SettlementRecord[], options: TimingFitOptions = {}): PaymentTimingModel {
  const {
    cutoffs = defaultRiskCutoffs,
    maxDaysEarly = 120,
    maxDaysLate = 365,
    minObservations = 30,
    minTail = 20,
    fallbackDaysLate = 30
  } = options;
  checkRiskCutoffs(cutoffs);
  let earliest = 0, latest = 1;
  for (const {daysLate, writtenOff} of records) {
    const offset = Math.round(daysLate);
    if (writtenOff || offset > 0) latest = Math.max(latest, Math.min(maxDaysLate, offset));
    else earliest = Math.min(earliest, Math.max(-maxDaysEarly, offset));
  }
  const pooled = emptyTally();
  const byBand = new Map<RiskBand, Tally>(riskBands.map((band) => [band, emptyTally()]));
  for (const record of records) {
    addRecord(pooled, record, earliest, latest);
    if (Number.isFinite(record.pLate)) addRecord(byBand.get(riskBand(record.pLate, cutoffs))!, record, earliest, latest);
  }
  if (pooled.lateCount === 0) latest = Math.max(latest, fallbackDaysLate);
  const onTimeLength = 1 - earliest;

  const bands = riskBands.map((band): BandTiming => {
    const own = byBand.get(band)!;
    const borrowOnTime = own.onTimeCount < minObservations;
    const borrowLate = own.lateCount < minObservations;
    const onTimeSource = borrowOnTime ? pooled : own;
    const lateSource = borrowLate ? pooled : own;
    const onTime = shares(onTimeSource.onTime, earliest, onTimeLength, onTimeSource.onTimeCount);
    if (onTimeSource.onTimeCount === 0) onTime[onTimeLength - 1] = 1; // no history: pay on the due date
    const latePaid = shares(lateSource.latePaid, 1, latest, lateSource.lateCount);
    const lateWrittenOff = shares(lateSource.lateWrittenOff, 1, latest, lateSource.lateCount);
    if (lateSource.lateCount === 0) latePaid[fallbackDaysLate - 1] = 1;
    return {
      band,
      onTime,
      latePaid,
      lateWrittenOff,
      observations: {onTime: onTimeSource.onTimeCount, late: lateSource.lateCount, writtenOff: lateSource.writtenOffCount},
      borrowed: {onTime: borrowOnTime, late: borrowLate}
    };
  });
  return {cutoffs: {...cutoffs}, earliestOffset: earliest, latestOffset: latest, minTail, bands};
}

/** Per band: the figures the page quotes about the timing model. */
export interface BandTimingSummary {
  band: RiskBand;
  /** E[days late | late], over paid and written-off late outcomes. */
  meanDaysLate: number;
  medianDaysLate: number;
  /** Share of late outcomes that were written off. */
  writeOffShare: number;
  /** E[days before due | on time], as a positive number. */
  meanDaysEarly: number;
  observations: BandTiming["observations"];
  borrowed: BandTiming["borrowed"];
}

export function summarizeTiming(model: PaymentTimingModel): BandTimingSummary[] {
  return model.bands.map((b) => {
    let mean = 0, writeOff = 0, cumulative = 0, medianDaysLate = NaN, early = 0;
    for (let i = 0; i < b.latePaid.length; ++i) {
      const mass = b.latePaid[i] + b.lateWrittenOff[i];
      mean += (i + 1) * mass;
      writeOff += b.lateWrittenOff[i];
      cumulative += mass;
      if (Number.isNaN(medianDaysLate) && cumulative >= 0.5 - 1e-12) medianDaysLate = i + 1;
    }
    for (let i = 0; i < b.onTime.length; ++i) early -= (model.earliestOffset + i) * b.onTime[i];
    return {band: b.band, meanDaysLate: mean, medianDaysLate, writeOffShare: writeOff, meanDaysEarly: early + 0, observations: b.observations, borrowed: b.borrowed};
  });
}

/** A band's distributions as cumulative sums over offsets, for O(1) probability and moment queries. */
export interface CompiledBand {
  band: RiskBand;
  earliestOffset: number;
  /** Index k holds the sum over offsets ≤ earliestOffset + k. */
  onTimeMass: Float64Array;
  onTimeMoment: Float64Array;
  paidMass: Float64Array;
  paidMoment: Float64Array;
  writtenOffMass: Float64Array;
  writtenOffMoment: Float64Array;
  /** The oldest age (days overdue) the model conditions on; see the module comment. */
  tailCap: number;
}

export interface CompiledTiming {
  cutoffs: RiskCutoffs;
  bands: Record<RiskBand, CompiledBand>;
}

function cumulate(values: readonly number[], start: number, earliest: number, length: number): {mass: Float64Array; moment: Float64Array} {
  const mass = new Float64Array(length);
  const moment = new Float64Array(length);
  let m = 0, g = 0;
  for (let k = 0; k < length; ++k) {
    const offset = earliest + k;
    const i = offset - start;
    if (i >= 0 && i < values.length) {
      m += values[i];
      g += offset * values[i];
    }
    mass[k] = m;
    moment[k] = g;
  }
  return {mass, moment};
}

export function compileTiming(model: PaymentTimingModel): CompiledTiming {
  const {earliestOffset, latestOffset, minTail} = model;
  const length = latestOffset - earliestOffset + 1;
  const bands = {} as Record<RiskBand, CompiledBand>;
  for (const b of model.bands) {
    const onTime = cumulate(b.onTime, earliestOffset, earliestOffset, length);
    const paid = cumulate(b.latePaid, 1, earliestOffset, length);
    const writtenOff = cumulate(b.lateWrittenOff, 1, earliestOffset, length);
    let tailCap = 0;
    for (let t = 1; t < latestOffset; ++t) {
      const k = t - earliestOffset;
      const beyond = (1 - paid.mass[k] - writtenOff.mass[k]) * b.observations.late;
      if (beyond >= minTail - 1e-9) tailCap = t;
      else break;
    }
    bands[b.band] = {
      band: b.band,
      earliestOffset,
      onTimeMass: onTime.mass,
      onTimeMoment: onTime.moment,
      paidMass: paid.mass,
      paidMoment: paid.moment,
      writtenOffMass: writtenOff.mass,
      writtenOffMoment: writtenOff.moment,
      tailCap
    };
  }
  return {cutoffs: model.cutoffs, bands};
}

/** Cumulative value at offset `x` (any real; floors, clamps to the ends). */
function at(cumulative: Float64Array, earliest: number, x: number): number {
  const k = Math.floor(x) - earliest;
  if (k < 0) return 0;
  return cumulative[k < cumulative.length ? k : cumulative.length - 1];
}

/** Sum of a component over offsets in (from, to]. */
function between(cumulative: Float64Array, earliest: number, from: number, to: number): number {
  return to > from ? at(cumulative, earliest, to) - at(cumulative, earliest, from) : 0;
}

/** One open invoice's payment-timing distribution, conditioned on being open on the as-of day. */
export interface InvoiceTiming {
  band: CompiledBand;
  asOf: Day;
  dueDate: Day;
  /** Payment day of an outcome at offset x is anchor + x. */
  anchor: Day;
  /** Only offsets strictly greater than this are possible. */
  after: number;
  /** Weight on the on-time component's mass in (after, 0]. */
  onTimeWeight: number;
  /** On-time probability placed on the due date when history has no on-time payment after today. */
  dueDateMass: number;
  /** Weight on the late component's mass in (after, latest]. */
  lateWeight: number;
}

export function invoiceTiming(compiled: CompiledTiming, invoice: {dueDate: Day; pLate: number}, asOf: Day): InvoiceTiming {
  const p = Math.min(1, Math.max(0, Number.isFinite(invoice.pLate) ? invoice.pLate : 0));
  const band = compiled.bands[riskBand(p, compiled.cutoffs)];
  const {earliestOffset: e} = band;
  const age = asOf - invoice.dueDate;
  if (age < 0) {
    const onTimeLeft = 1 - at(band.onTimeMass, e, age);
    const hasOnTime = onTimeLeft > 1e-12;
    return {
      band, asOf, dueDate: invoice.dueDate, anchor: invoice.dueDate, after: age,
      onTimeWeight: hasOnTime ? (1 - p) / onTimeLeft : 0,
      dueDateMass: hasOnTime ? 0 : 1 - p,
      lateWeight: p
    };
  }
  const conditionedAge = Math.min(age, band.tailCap);
  const lateLeft = 1 - at(band.paidMass, e, conditionedAge) - at(band.writtenOffMass, e, conditionedAge);
  return {
    band, asOf, dueDate: invoice.dueDate, anchor: invoice.dueDate + (age - conditionedAge), after: conditionedAge,
    onTimeWeight: 0, dueDateMass: 0, lateWeight: lateLeft > 1e-12 ? 1 / lateLeft : 0
  };
}

/** How a scenario moves an invoice's payment day; see the module comment. */
export interface TimingShift {
  /** Extra days every outcome is delayed by (≥ 0). */
  delayDays: number;
  /** Day after which delay is compressed (max(action day, due date)); Infinity for no action. */
  pivot: Day;
  /** Share of the delay beyond the pivot removed by the action, 0–1. */
  compression: number;
  /** Share of the write-off probability that the action turns into a payment, 0–1. */
  writeOffPrevention: number;
}

export const noShift: Readonly<TimingShift> = Object.freeze({delayDays: 0, pivot: Infinity, compression: 0, writeOffPrevention: 0});

/** The largest offset x whose (shifted) payment day falls on or before `day`. */
function offsetBound(t: InvoiceTiming, day: number, shift: TimingShift): number {
  const c = t.anchor + shift.delayDays;
  const {pivot, compression} = shift;
  if (day < pivot || compression <= 0) return day - c;
  if (compression >= 1) return Infinity;
  return pivot + (day - pivot) / (1 - compression) - c;
}

/** P(the invoice is paid by the end of `day`), counting write-offs the action prevents as paid. */
export function paidBy(t: InvoiceTiming, day: number, shift: TimingShift = noShift): number {
  const x = offsetBound(t, day, shift);
  const {band: b, after} = t;
  const e = b.earliestOffset;
  let p = t.onTimeWeight * between(b.onTimeMass, e, after, x);
  if (t.dueDateMass > 0 && x >= 0) p += t.dueDateMass;
  const late = between(b.paidMass, e, after, x) + shift.writeOffPrevention * between(b.writtenOffMass, e, after, x);
  return p + t.lateWeight * late;
}

/** P(the invoice is written off by the end of `day`). */
export function writtenOffBy(t: InvoiceTiming, day: number, shift: TimingShift = noShift): number {
  const x = offsetBound(t, day, shift);
  return (1 - shift.writeOffPrevention) * t.lateWeight * between(t.band.writtenOffMass, t.band.earliestOffset, t.after, x);
}

/** P(the invoice is ever paid): its expected collection share. */
export function collectionShare(t: InvoiceTiming, shift: TimingShift = noShift): number {
  return paidBy(t, Infinity, shift);
}

/** P(written off, before any prevention). */
export function writeOffProbability(t: InvoiceTiming): number {
  return t.lateWeight * between(t.band.writtenOffMass, t.band.earliestOffset, t.after, Infinity);
}

/**
 * Σ (compressed day) × mass of one component over offsets (after, ∞), days counted from the as-of day:
 * offsets ≤ split pay on or before the pivot and keep their day; beyond it, P' = pivot·e + P·(1 − e).
 */
function compressedMoment(mass: Float64Array, moment: Float64Array, e: number, after: number, c: number, split: number, pivot: number, compression: number): number {
  const lowTo = Math.max(after, split);
  let sum = c * between(mass, e, after, lowTo) + between(moment, e, after, lowTo);
  const upMass = between(mass, e, lowTo, Infinity);
  if (upMass > 0) sum += compression * pivot * upMass + (1 - compression) * (c * upMass + between(moment, e, lowTo, Infinity));
  return sum;
}

/**
 * E[(payment day − as-of) · 1{paid}] over the outcomes that are paid without any prevention: expected
 * days to cash, weighted by probability. Multiplied by an amount it gives amount-days of waiting.
 */
export function paidDaysMoment(t: InvoiceTiming, shift: TimingShift = noShift): number {
  const {band: b, after} = t;
  const e = b.earliestOffset;
  const c = t.anchor + shift.delayDays - t.asOf;
  const compression = shift.compression > 0 ? shift.compression : 0;
  const pivot = compression > 0 ? shift.pivot - t.asOf : Infinity;
  const split = pivot - c;
  let sum = t.onTimeWeight * compressedMoment(b.onTimeMass, b.onTimeMoment, e, after, c, split, pivot, compression);
  sum += t.lateWeight * compressedMoment(b.paidMass, b.paidMoment, e, after, c, split, pivot, compression);
  if (t.dueDateMass > 0) sum += t.dueDateMass * (c <= pivot ? c : compression * pivot + (1 - compression) * c);
  return sum;
}

/** E[max(0, payment or write-off day − due)]: expected days late, before any scenario. */
export function expectedDaysLate(t: InvoiceTiming): number {
  const {band: b, after} = t;
  const e = b.earliestOffset;
  const lag = t.anchor - t.dueDate;
  const mass = between(b.paidMass, e, after, Infinity) + between(b.writtenOffMass, e, after, Infinity);
  const moment = between(b.paidMoment, e, after, Infinity) + between(b.writtenOffMoment, e, after, Infinity);
  return t.lateWeight * (lag * mass + moment);
}
