// Time-based validation: train on earlier invoices, validate on a slice after them, test on the latest —
// as the model would have been used. Two cut dates divide the labelled invoices (due before the as-of
// date) by invoice date at given shares, by default ~60 / 15 / 25 % (./splitChoice.ts widens the later
// slices of a small ledger).
//
// An invoice enters a slice only if its outcome was fully known at that slice's cutoff: its *due date*
// strictly before the cutoff (then `outcomeKnownAt` is never null — unpaid on its due date means late).
// Requiring only the payment before the cutoff would keep the early payers among recent invoices and
// drop the late ones, biasing every recent slice towards "on time".
//   train       invoice date < T_val,          due < T_val,  labels as known at T_val
//   validation  T_val ≤ invoice date < T_test, due < T_test, labels as known at T_test
//   test        invoice date ≥ T_test,         due < as-of,  labels as known at as-of
//   production  every invoice due < as-of (the model that scores today's book), labels at as-of
//   scored      every invoice open at as-of
// Invoices issued shortly before a cut but due after it belong to no evaluation slice (they are in
// production): counted as `unassigned`.
import {formatIsoDay} from "../core/dates.js";
import type {Day} from "../core/dates.js";
import {stableOrder} from "./features/timeline.js";
import {outcomeKnownAt} from "../input/ledger.js";
import type {Invoice, Ledger} from "../input/ledger.js";
import {selectRows} from "./learners/types.js";
import type {Dataset, Matrix} from "./learners/types.js";

export const sliceNames = ["train", "validation", "test", "production", "scored"] as const;
export type SliceName = (typeof sliceNames)[number];

export interface Slice {
  name: SliceName;
  /** Invoice indices (= feature rows), by invoice date then ledger order. */
  indices: Int32Array;
  /** 1 = paid late, as known at `labelledAt`; empty for the scored slice. */
  labels: Uint8Array;
  labelledAt: Day | null;
  /** Issue dates of the slice's earliest and latest invoices; null when empty. */
  firstIssued: Day | null;
  lastIssued: Day | null;
}

/** Target shares of the labelled invoices by invoice date, summing to 1. */
export interface SplitShares {
  train: number;
  validation: number;
  test: number;
}

export const defaultSplitShares: Readonly<SplitShares> = {train: 0.6, validation: 0.15, test: 0.25};

export interface TimeSplit {
  asOf: Day;
  /** The shares the cuts were placed at, normalised to sum to 1. */
  shares: SplitShares;
  /** T_val: first invoice date of the validation slice. */
  validationStart: Day;
  /** T_test: first invoice date of the test slice. */
  testStart: Day;
  train: Slice;
  validation: Slice;
  test: Slice;
  production: Slice;
  scored: Slice;
  /** Labelled invoices in no evaluation slice: issued before a cut, due on or after it. */
  unassigned: number;
}

/** Target shares of the labelled invoices (normalised to sum to 1). Defaults `defaultSplitShares`. */
export type SplitOptions = Partial<SplitShares>;

type SplitInvoice = Pick<Invoice, "invoiceDate" | "dueDate" | "settledDate">;

export function timeSplit(ledger: {invoices: readonly SplitInvoice[]; asOf: Ledger["asOf"]}, options: SplitOptions = {}): TimeSplit {
  const {train: trainShare = defaultSplitShares.train, validation: validationShare = defaultSplitShares.validation, test: testShare = defaultSplitShares.test} = options;
  const total = trainShare + validationShare + testShare;
  if (!(trainShare >= 0 && validationShare >= 0 && testShare >= 0 && total > 0)) throw new Error("timeSplit: shares must be ≥ 0 and not all 0");
  const {invoices, asOf} = ledger;
  const order = byInvoiceDate(invoices);

  const labelledDates: Day[] = [];
  for (const i of order) if (invoices[i].dueDate < asOf) labelledDates.push(invoices[i].invoiceDate);
  const cutAt = (share: number) => labelledDates.length ? labelledDates[Math.min(labelledDates.length - 1, Math.floor(share * labelledDates.length))] : asOf;
  const validationStart = cutAt(trainShare / total);
  let testStart = cutAt((trainShare + validationShare) / total);
  // A day too busy to cut inside would leave validation empty: start the test slice on the next day with data.
  if (testStart === validationStart && validationShare > 0) testStart = labelledDates.find((d) => d > validationStart) ?? testStart;

  const members: Record<SliceName, number[]> = {train: [], validation: [], test: [], production: [], scored: []};
  for (const i of order) {
    const {invoiceDate, dueDate, settledDate} = invoices[i];
    if (invoiceDate < validationStart) {
      if (dueDate < validationStart) members.train.push(i);
    } else if (invoiceDate < testStart) {
      if (dueDate < testStart) members.validation.push(i);
    } else if (dueDate < asOf) members.test.push(i);
    if (dueDate < asOf) members.production.push(i);
    if (settledDate === null || settledDate > asOf) members.scored.push(i);
  }
  const slice = (name: SliceName, labelledAt: Day | null): Slice => {
    const indices = Int32Array.from(members[name]);
    return {
      name,
      indices,
      labels: labelledAt === null ? new Uint8Array(0) : labelsKnownAt(invoices, indices, labelledAt),
      labelledAt,
      firstIssued: indices.length ? invoices[indices[0]].invoiceDate : null,
      lastIssued: indices.length ? invoices[indices[indices.length - 1]].invoiceDate : null
    };
  };
  const train = slice("train", validationStart);
  const validation = slice("validation", testStart);
  const test = slice("test", asOf);
  const production = slice("production", asOf);
  const unassigned = production.indices.length - train.indices.length - validation.indices.length - test.indices.length;
  const shares = {train: trainShare / total, validation: validationShare / total, test: testShare / total};
  return {asOf, shares, validationStart, testStart, train, validation, test, production, scored: slice("scored", null), unassigned};
}

/** Paid-late labels (1/0) of the given invoices as known at `cutoff`; each must be due before it. */
export function labelsKnownAt(invoices: readonly SplitInvoice[], indices: ArrayLike<number>, cutoff: Day): Uint8Array {
  const labels = new Uint8Array(indices.length);
  for (let k = 0; k < indices.length; ++k) {
    const label = outcomeKnownAt(invoices[indices[k]] as Invoice, cutoff);
    if (label === null) throw new Error(`labelsKnownAt: invoice ${indices[k]} has no known outcome on ${formatIsoDay(cutoff)}`);
    labels[k] = label ? 1 : 0;
  }
  return labels;
}

/** A labelled slice's rows of a feature matrix, as a model's training or evaluation data. */
export function sliceDataset(features: {x: Matrix; featureNames: readonly string[]}, slice: Slice): Dataset {
  if (slice.labels.length !== slice.indices.length) throw new Error(`sliceDataset: the ${slice.name} slice has no labels`);
  return {x: selectRows(features.x, slice.indices), y: slice.labels, featureNames: features.featureNames};
}

/** Invoice indices by invoice date, ties in ledger order. */
function byInvoiceDate(invoices: readonly SplitInvoice[]): Int32Array {
  let minDay = Infinity, maxDay = -Infinity;
  for (const invoice of invoices) (minDay = Math.min(minDay, invoice.invoiceDate)), (maxDay = Math.max(maxDay, invoice.invoiceDate));
  const keys = new Int32Array(invoices.length);
  for (let i = 0; i < invoices.length; ++i) keys[i] = invoices[i].invoiceDate - minDay;
  return stableOrder(keys, invoices.length ? maxDay - minDay + 1 : 0);
}

// For the page ------------------------------------------------------------------------------------

export interface SliceSummary {
  name: SliceName;
  title: string;
  invoices: number;
  late: number;
  /** Share paid late; null for the scored slice or an empty one. */
  lateRate: number | null;
  firstIssued: string | null;
  lastIssued: string | null;
  labelledAt: string | null;
}

export interface SplitSummary {
  asOf: string;
  shares: SplitShares;
  validationStart: string;
  testStart: string;
  slices: SliceSummary[];
  unassigned: number;
}

const sliceTitles: Record<SliceName, string> = {
  train: "Training",
  validation: "Validation",
  test: "Test",
  production: "Production training",
  scored: "Scored (open at as-of)"
};

export function summarizeSplit(split: TimeSplit): SplitSummary {
  const iso = (day: Day | null) => (day === null ? null : formatIsoDay(day));
  const slices = sliceNames.map((name): SliceSummary => {
    const slice = split[name];
    let late = 0;
    for (const label of slice.labels) late += label;
    return {
      name,
      title: sliceTitles[name],
      invoices: slice.indices.length,
      late,
      lateRate: slice.labels.length ? late / slice.labels.length : null,
      firstIssued: iso(slice.firstIssued),
      lastIssued: iso(slice.lastIssued),
      labelledAt: iso(slice.labelledAt)
    };
  });
  return {
    asOf: formatIsoDay(split.asOf),
    shares: {...split.shares},
    validationStart: formatIsoDay(split.validationStart),
    testStart: formatIsoDay(split.testStart),
    slices,
    unassigned: split.unassigned
  };
}
