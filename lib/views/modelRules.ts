// The model stage's rules in words, from the settings and counts model.json ships: how invoices are split
// by time, how a family, its imbalance variant, its calibration and its threshold are chosen. The Model
// and Methodology pages both print them; this module loads nothing of the Model page's findings.
import {formatCount} from "../core/format.js";
import {listWords} from "../core/text.js";
import {variantKeys, variantNames} from "../model/names.js";
import type {SliceName} from "../model/split.js";
import type {ModelFile} from "../pipeline/contract.js";

/** "Trained on 14,210 invoices issued 2024-04-01 to 2025-09-30 …": the time split in one paragraph. */
export function splitSentence(split: Pick<ModelFile["split"], "slices" | "asOf" | "validationStart" | "testStart">): string {
  const by = Object.fromEntries(split.slices.map((slice) => [slice.name, slice])) as Record<SliceName, ModelFile["split"]["slices"][number]>;
  const invoices = (count: number) => `${formatCount(count)} invoice${count === 1 ? "" : "s"}`;
  const span = (slice: ModelFile["split"]["slices"][number]) => (slice.invoices ? `${invoices(slice.invoices)} issued ${slice.firstIssued} to ${slice.lastIssued}` : "no invoices");
  return (
    `Trained on ${span(by.train)} (outcomes as known on ${split.validationStart}), ` +
    `validated on ${span(by.validation)} (outcomes as known on ${split.testStart}) and ` +
    `tested on ${span(by.test)} (outcomes as known on ${split.asOf}). ` +
    `The production model learns from all ${invoices(by.production.invoices)} due before ${split.asOf} ` +
    `and scores the ${invoices(by.scored.invoices)} open on that date.`
  );
}

/**
 * "The cuts fall at 60 % and 75 % …": the shares the split used, and when they are not the default, why
 * they were widened (lib/model/splitChoice.ts), from model.json `split`.
 */
export function splitSharesSentence(split: Pick<ModelFile["split"], "shares" | "defaultShares" | "minClassCount" | "defaultShortfall">): string {
  const {shares, defaultShares, minClassCount: min, defaultShortfall: short} = split;
  const used = sharesText(shares);
  if (!short) return `The cuts fall at ${percentText(shares.train)} % and ${percentText(shares.train + shares.validation)} % of the labelled invoices by invoice date: a ${used} split into training, validation and test.`;
  const outcomes = listWords([short.late < min && "late", short.onTime < min && "on-time"].filter((w): w is string => !!w));
  const counts = listWords([short.late < min && `${formatCount(short.late)} late`, short.onTime < min && `${formatCount(short.onTime)} on-time`].filter((w): w is string => !!w));
  return (
    `The default ${sharesText(defaultShares)} split left fewer than ${min} ${outcomes} invoices in the ${sliceWords[short.slice]} slice (${counts}), ` +
    `so the later slices were widened to ${used}, the first wider split with at least ${min} late and ${min} on-time invoices in each slice; ` +
    `the shares depend on these counts alone, never on a model's score.`
  );
}

const sliceWords: Record<"train" | "validation" | "test", string> = {train: "training", validation: "validation", test: "test"};

/** "60 / 15 / 25 %". */
function sharesText({train, validation, test}: ModelFile["split"]["shares"]): string {
  return `${percentText(train)} / ${percentText(validation)} / ${percentText(test)} %`;
}

/** 60 from 0.6, 22.5 from 0.225. */
const percentText = (share: number) => String(Math.round(share * 1000) / 10);

/** How the family was chosen; `tolerance` is model.json `selection.tolerance`. */
export function familyRule(tolerance: number): string {
  return (
    `The family whose chosen variant has the highest PR AUC (average precision) on the validation slice; families within ${tolerance} ` +
    `of the best count as tied and the tie goes to the one with the fewest fitted parameters (coefficients or tree leaves). ` +
    `The test slice plays no part in the choice.`
  );
}

/** How each family's imbalance variant was chosen. */
export function variantRule(tolerance: number): string {
  return (
    `For each family, the imbalance variant with the highest validation PR AUC; variants within ${tolerance} of it count as tied ` +
    `and the tie goes to the one that changes the training data least (${variantKeys.map((v) => variantNames[v].toLowerCase()).join(" → ")}).`
  );
}

/** How the calibration was chosen, from model.json `settings.calibration`. */
export function calibrationRule({folds, minImprovement}: ModelFile["settings"]["calibration"]): string {
  return (
    `Chosen by the lowest ${folds}-fold cross-fitted Brier score on the validation slice; a more flexible method (none → Platt → isotonic) must improve it by more than ${minImprovement}. ` +
    "Fitted on the validation slice; the figures below are on the test slice."
  );
}

/** How the decision threshold was chosen, on a grid of `bins` steps (model.json `settings.scoreBins`). */
export function thresholdRule(bins: number): string {
  return (
    `The calibrated probability, in steps of ${1 / bins}, that maximises F1 (the balance of precision and recall) on the validation slice; ` +
    `ties go to the higher threshold, which flags fewer invoices.`
  );
}
