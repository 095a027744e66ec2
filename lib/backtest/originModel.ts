// The report's model refitted at an earlier date, so that date's open book can be scored honestly: a
// model trained with outcomes known only later must not score it, and the report's production model was
// trained on everything due before the report date. What is reused, and why that is honest:
// - Features are computed once, by the model stage, over the ledger on the report date: each invoice's
//   features use only what was known on its own invoice date (lib/model/features/index.ts), so they are
//   the same whichever later date is replayed.
// - The recipe — family, imbalance variant, calibration method, learner settings — was chosen on the
//   report's validation slice, whose outcomes run to its test cut. For origins before that cut the
//   choice itself saw later outcomes; no fitted parameter did.
// What is refitted at each origin, from outcomes known on it alone: the model, on invoices issued before
// a calibration cut and due before it (labels as known at the cut), and its calibration, on the invoices
// issued from the cut to the origin and due before the origin (labels as known at the origin) — the
// report's own train / validation arrangement, one fit instead of nine.
import {formatIsoDay} from "../core/dates.js";
import type {Day} from "../core/dates.js";
import {createRandom} from "../core/random.js";
import type {Invoice} from "../input/ledger.js";
import {capRows} from "../model/capRows.js";
import {fitFamily} from "../model/families.js";
import type {FittedModel} from "../model/families.js";
import {stableOrder} from "../model/features/timeline.js";
import type {InvoiceFeatures} from "../model/features/index.js";
import type {ModelRecipe} from "../model/index.js";
import {fitCalibrator} from "../model/learners/calibration.js";
import type {Calibrator} from "../model/learners/calibration.js";
import {selectRows} from "../model/learners/types.js";
import {labelsKnownAt} from "../model/split.js";

/** Share of an origin's labelled invoices, the latest by invoice date, held out to calibrate its model. */
export const defaultCalibrationShare = 0.2;

export interface OriginModelOptions {
  seed: string;
  /** Most training rows (a seeded uniform sample above it). */
  maxTrainingRows: number;
  /** Share of the labelled invoices, the latest by invoice date, held out to calibrate. Default 0.2. */
  calibrationShare?: number;
  /** Fewest late and on-time invoices the training and calibration slices must each hold. Default 20. */
  minClassCount?: number;
}

export interface OriginModel {
  origin: Day;
  /** Calibrated P(late) of the given rows of the feature matrix, in [0, 1]. */
  score(rows: ArrayLike<number>): Float64Array;
  trainingRows: number;
  calibrationRows: number;
  /** First invoice date of the calibration slice. */
  calibrationStart: Day;
}

/** Why no model could be fitted at an origin (lib/views/backtest.ts `originSkipText` says it in words). */
export type OriginSkip =
  | {kind: "no-model"}
  | {kind: "nothing-due"}
  | {kind: "short"; slice: "training" | "calibration"; late: number; onTime: number; minClassCount: number};

export type OriginFit = {model: OriginModel; skipped: null} | {model: null; skipped: OriginSkip};

type OriginInvoice = Pick<Invoice, "invoiceDate" | "dueDate" | "settledDate">;

/**
 * Fits the recipe at `origin` on `invoices` (the rows of `features`, each issued on or before the report
 * date, so that settlements up to the origin are recorded as they happened).
 */
export function fitAtOrigin(features: Pick<InvoiceFeatures, "x" | "featureNames">, invoices: readonly OriginInvoice[], origin: Day, recipe: ModelRecipe, options: OriginModelOptions): OriginFit {
  const {seed, maxTrainingRows, calibrationShare = defaultCalibrationShare, minClassCount = 20} = options;
  const labelled = labelledByInvoiceDate(invoices, origin);
  if (!labelled.length) return {model: null, skipped: {kind: "nothing-due"}};
  const calibrationStart = invoices[labelled[Math.min(labelled.length - 1, Math.floor((1 - calibrationShare) * labelled.length))]].invoiceDate;
  const train = Int32Array.from(labelled.filter((i) => invoices[i].invoiceDate < calibrationStart && invoices[i].dueDate < calibrationStart));
  const calibration = Int32Array.from(labelled.filter((i) => invoices[i].invoiceDate >= calibrationStart));
  const trainLabels = labelsKnownAt(invoices, train, calibrationStart);
  const calibrationLabels = labelsKnownAt(invoices, calibration, origin);
  const short = shortOfClasses({training: trainLabels, calibration: calibrationLabels}, minClassCount);
  if (short) return {model: null, skipped: short};

  const random = createRandom(`${seed}:origin ${formatIsoDay(origin)}`);
  const data = capRows({x: selectRows(features.x, train), y: trainLabels, featureNames: features.featureNames}, maxTrainingRows, random.fork("training rows"));
  const fitted: FittedModel = fitFamily(recipe.family, recipe.variant, data, recipe.settings, `${seed}:origin ${formatIsoDay(origin)}`);
  const calibrator: Calibrator = fitCalibrator(recipe.calibration, fitted.classifier.predict(selectRows(features.x, calibration)), calibrationLabels);
  return {
    model: {
      origin,
      score: (rows) => {
        const p = calibrator.apply(fitted.classifier.predict(selectRows(features.x, rows)));
        for (let k = 0; k < p.length; ++k) p[k] = Math.min(1, Math.max(0, p[k]));
        return p;
      },
      trainingRows: data.x.rows,
      calibrationRows: calibration.length,
      calibrationStart
    },
    skipped: null
  };
}

/** Invoices issued by `origin` and due before it (their outcome known then), by invoice date, ties in order. */
function labelledByInvoiceDate(invoices: readonly OriginInvoice[], origin: Day): number[] {
  let first = Infinity;
  for (const invoice of invoices) if (invoice.invoiceDate < first) first = invoice.invoiceDate;
  const keys = Int32Array.from(invoices, (invoice) => invoice.invoiceDate - first);
  const order = stableOrder(keys, invoices.length ? maxKey(keys) + 1 : 0);
  const labelled: number[] = [];
  for (const i of order) if (invoices[i].invoiceDate <= origin && invoices[i].dueDate < origin) labelled.push(i);
  return labelled;
}

function maxKey(keys: Int32Array): number {
  let max = 0;
  for (const key of keys) if (key > max) max = key;
  return max;
}

function shortOfClasses(slices: Record<"training" | "calibration", Uint8Array>, min: number): OriginSkip | null {
  for (const slice of ["training", "calibration"] as const) {
    let late = 0;
    for (const label of slices[slice]) late += label;
    const onTime = slices[slice].length - late;
    if (late < min || onTime < min) return {kind: "short", slice, late, onTime, minClassCount: min};
  }
  return null;
}
