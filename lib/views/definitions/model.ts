// The model stage's words: what each feature group means, and the rules the stage follows — how invoices
// are split by time, what a feature may know, how a family, its imbalance variant, its calibration and its
// threshold are chosen. A rule's settings and counts come from model.json, so no sentence states a number
// the data does not. The Model and Methodology pages print them.
import {formatCount} from "../../core/format.js";
import {listWords} from "../../core/text.js";
import {variantKeys, variantNames} from "../../model/names.js";
import type {SliceName} from "../../model/split.js";
import type {FeatureOptionsSection, ModelFile} from "../../pipeline/contract.js";

// What the model stage holds to, and what its features mean -----------------------------------------------

/** How the time split keeps labels final (lib/model/split.ts). */
export const splitRule =
  "Invoices are split by invoice date. Each slice keeps only invoices whose due date had passed by the slice's cutoff, " +
  "so every label is final when it is used and no training label uses anything that happened later.";

/** What a feature may know (lib/model/features/). */
export const featureRule =
  "Every feature of an invoice is known on its invoice date: customer history counts only invoices settled before that day, " +
  "open and overdue balances only invoices issued before it; nothing about the invoice's own payment is used.";

/** Why the production model keeps the validation slice's calibration (lib/model/index.ts). */
export const productionCalibrationRule =
  "The production model reuses the calibration mapping fitted on the validation slice for the same family and variant: every labelled " +
  "invoice is in its training data, so none is left to refit the mapping on. meanPLate next to lateRate (both over the production rows) shows whether it still fits.";

/** Each feature group of lib/model/features/catalogue.ts in plain words; {placeholders} name feature options. */
const featureGroupDescriptions: Record<string, string> = {
  amount: "Invoice amount (log of 1 + amount).",
  amountToLimit: "Invoice amount as a share of the customer's credit limit; where the limit is missing, the median share of earlier invoices, flagged.",
  terms: "Payment terms: days from invoice date to due date.",
  creditScore: "Customer's credit score; where missing, the median score of earlier invoices, flagged.",
  industry: "Customer's industry (one column per industry).",
  region: "Customer's region (one column per region).",
  month: "Month of issue, on a circle so that December sits next to January.",
  dayOfMonth: "Day of the month the invoice was issued.",
  monthEnd: "1 if issued in the last {monthEndDays} days of a month.",
  quarterEnd: "1 if issued in the last {monthEndDays} days of a quarter.",
  tenure: "Years since the account was opened; where unknown, years since the customer's first invoice in the ledger, flagged.",
  openBalance: "Customer's invoices issued earlier and still unsettled at the invoice date: log of 1 + their amount, and their count.",
  overdue: "Of those open invoices, the ones already past due at the invoice date: log of 1 + amount, and count.",
  utilisation: "Credit utilisation at the invoice date: open balance ÷ credit limit.",
  history: "How many of the customer's invoices were settled before the invoice date (log of 1 + count), and a flag for none.",
  lateRate: "Share of the customer's earlier settled invoices paid late, overall and over the last {recentWindow}, shrunk towards the ledger-wide rate by {priorWeight} invoices' weight.",
  daysLate: "Average days late (negative: early) of the customer's earlier settled invoices, shrunk towards the ledger-wide average.",
  daysLateSpread: "Spread (standard deviation) of those days late, shrunk towards the ledger-wide spread.",
  lastDaysLate: "Days late of the customer's most recently settled invoice (the ledger-wide average when there is none).",
  trend: "Mean days late of the last {trendWindow} settled invoices minus the mean of all earlier ones (0 with too little history).",
  disputes: "Earlier settled invoices the customer disputed: count and share.",
  partialPayments: "Earlier settled invoices paid in instalments: count and share.",
  reminders: "Share of the customer's earlier settled invoices that needed a reminder.",
  reminderResponse: "Share of reminded earlier invoices paid soon after a reminder, shrunk towards the ledger-wide share.",
  extensions: "Earlier settled invoices on which the customer asked for more time: count and share."
};

/** A feature group in plain words, its settings filled in from model.json's `features.options`; "" for an unknown group. */
export function featureGroupDescription(group: string, options: FeatureOptionsSection): string {
  const text = featureGroupDescriptions[group] ?? "";
  return text.replace(/\{(\w+)\}/g, (match, key: string) => (key in options ? String(options[key as keyof FeatureOptionsSection]) : match));
}

// The rules, in words, from the numbers model.json ships --------------------------------------------------

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
