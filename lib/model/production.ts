// The production model: the chosen family and variant refitted on every invoice whose outcome is known at
// the as-of date, used to score every invoice of the ledger and to explain the open ones in plain words.
//
// Calibration. The production model keeps the calibration mapping fitted on the validation slice for the
// evaluation model of the same family and variant. Refitting the mapping would need scores on invoices
// the production model has not seen, and all labelled invoices are in its training data; cross-fitting
// (k refits on k − 1 folds) would cost k more fits, out of the build budget. What the mapping corrects —
// the prior shift of class weights or SMOTE, a forest's pull towards the middle — comes from the family
// and variant, not from the few months of extra data, so it carries over. The production summary reports
// the mean P(late) next to the observed late rate so that a drift would show.
import {factorValues, rawValueNames} from "./features/index.js";
import type {InvoiceFeatures, RawValueName} from "./features/index.js";
import {invoiceFactors} from "./factors.js";
import {groupContributions, referenceRow} from "./learners/explain.js";
import type {Calibrator} from "./learners/calibration.js";
import {selectRows} from "./learners/types.js";
import {sliceDataset} from "./split.js";
import type {Slice} from "./split.js";
import {median} from "../core/stats.js";
import {createRandom} from "../core/random.js";
import {capRows} from "./capRows.js";
import {fitFamily} from "./families.js";
import type {FamilyKey, FamilySettings, FittedModel, VariantKey} from "./families.js";

export interface ProductionInputs {
  features: InvoiceFeatures;
  production: Slice;
  scored: Slice;
  family: FamilyKey;
  variant: VariantKey;
  calibrator: Calibrator;
  settings: FamilySettings;
  seed: string;
  currency: string;
  /** Factors per scored invoice. Default 3. */
  factorCount?: number;
  /** Most production rows the refit uses (a seeded uniform sample above it). Default: all. */
  maxTrainingRows?: number;
}

export function refitProduction(inputs: ProductionInputs): FittedModel {
  const {features, production, family, variant, settings, seed, maxTrainingRows = Infinity} = inputs;
  const data = capRows(sliceDataset(features, production), maxTrainingRows, createRandom(`${seed}:production rows`));
  return fitFamily(family, variant, data, settings, `${seed}:production`);
}

/** Calibrated P(late) of every invoice of the ledger (features as known on each invoice date), in [0, 1]. */
export function scoreAll(model: FittedModel, features: InvoiceFeatures, calibrator: Calibrator): Float64Array {
  const pLate = calibrator.apply(model.classifier.predict(features.x));
  for (let i = 0; i < pLate.length; ++i) pLate[i] = Math.min(1, Math.max(0, pLate[i]));
  return pLate;
}

/**
 * Top factors of each scored (open) invoice. Contributions are the model-agnostic kind: the change in
 * the production model's uncalibrated P(late) when a feature group is set to the typical invoice's
 * values (the medians of the production slice; one-hot groups their most common code). The calibration
 * map is monotone, so it would not change any sign, and isotonic steps would hide small differences.
 */
export function explainScored(model: FittedModel, inputs: Pick<ProductionInputs, "features" | "production" | "scored" | "currency" | "factorCount">): Map<number, string[]> {
  const {features, production, scored, currency, factorCount = 3} = inputs;
  const groups = features.featureGroups;
  const reference = referenceRow(selectRows(features.x, production.indices), groups);
  const x = selectRows(features.x, scored.indices);
  const {contributions} = groupContributions(model.classifier, x, groups, reference);
  const typical = typicalValues(features, production.indices);
  const names = groups.map((g) => g.name);
  const factors = new Map<number, string[]>();
  for (let k = 0; k < scored.indices.length; ++k) {
    const row = scored.indices[k];
    const own = contributions.values.subarray(k * groups.length, (k + 1) * groups.length);
    const list = invoiceFactors(names, own, factorValues(features, row), {k: factorCount, currency, typical});
    factors.set(row, list.map((f) => f.text));
  }
  return factors;
}

/** Median of each raw value over the given invoices, ignoring unknowns (NaN). */
export function typicalValues(features: InvoiceFeatures, rows: ArrayLike<number>): Partial<Record<RawValueName, number>> {
  const typical: Partial<Record<RawValueName, number>> = {};
  const buffer = new Float64Array(rows.length);
  for (const name of rawValueNames) {
    const column = features.raw[name];
    let n = 0;
    for (let k = 0; k < rows.length; ++k) {
      const v = column[rows[k]];
      if (v === v) buffer[n++] = v;
    }
    if (n) typical[name] = median(buffer.subarray(0, n));
  }
  return typical;
}
