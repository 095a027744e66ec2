// The report's model stage: will an invoice be paid late? Features known on each invoice's date, a time
// split, three model families × three ways of meeting class imbalance, the choices made on the
// validation slice only, the honest figures on the later test slice, and a production model refitted on
// everything labelled that scores every invoice of the ledger.
//
//   train       fit every family × variant
//   validation  choose variant, family (PR AUC), calibration (cross-fitted Brier) and threshold (max F1)
//   test        report: comparison, curves, calibration before/after, importance, score bins
//   production  refit the choice; score all invoices; explain the open ones
//
// Files hold no wall-clock figures, so the same ledger and seed give byte-identical files; fit times
// come back separately in `timings` for the benchmark.
//
// Files: `model` and `score-bins`, typed in lib/pipeline/contract.ts (floats rounded to 4 decimals,
// amounts to cents; null where a figure is undefined).
import {sliceDataset, summarizeSplit} from "./split.js";
import type {SplitOptions, TimeSplit} from "./split.js";
import {chooseSplit, splitChoiceFacts} from "./splitChoice.js";
import type {ChosenSplit, SliceShortfall} from "./splitChoice.js";
import {invoiceFeatures} from "./features/index.js";
import type {FeatureOptions, InvoiceFeatures} from "./features/index.js";
import {InputError} from "../core/errors.js";
import {formatIsoDay} from "../core/dates.js";
import {formatCount} from "../core/format.js";
import type {Ledger} from "../input/ledger.js";
import type {CalibrationMethod, ChooseCalibrationOptions} from "./learners/calibration.js";
import {permutationImportance} from "./learners/importance.js";
import {selectDataset} from "./learners/types.js";
import {capRows} from "./capRows.js";
import type {Dataset, Matrix} from "./learners/types.js";
import {averagePrecision, brierScore, confusionMatrix, confusionRates, rocAuc} from "./metrics.js";
import {createRandom, defaultSeed} from "../core/random.js";
import {greatest, mean} from "d3";
import {round, roundFinite} from "../core/json.js";
import type {InvoiceScores, StageHook} from "../pipeline/types.js";
import type {FeatureSection, ModelFile, ModelNarrative, ProductionSection, ReportFiles, SplitSection} from "../pipeline/contract.js";
import {defaultFamilySettings, familyKeys, familyNames, fitFamily, variantKeys, variantNames} from "./families.js";
import type {FamilyKey, FamilySettings, FittedModel, VariantData, VariantKey} from "./families.js";
import {calibrationSummary, comparisonRow, curvesOf, evaluateModel, importanceSummary, liftAtTop, scoreBinsFile} from "./evaluation.js";
import type {EvaluatedModel} from "./evaluation.js";
import {explainScored, refitProduction, scoreAll} from "./production.js";
import {selectFamily, selectVariant} from "./selection.js";
import type {Candidate} from "./selection.js";

export {familyKeys, familyNames, variantKeys, variantNames, defaultFamilySettings} from "./families.js";
export type {FamilyKey, VariantKey, FamilySettings} from "./families.js";
export type {ComparisonRow} from "../pipeline/contract.js";

export interface ModelStageOptions {
  /** Seeds every random choice (forests, SMOTE, holdouts, calibration folds, importance). Default 20260930. */
  seed?: number;
  onStage?: StageHook;
  /** Milliseconds for `timings` only; never read into files. Default performance.now. */
  clock?: () => number;
  features?: FeatureOptions;
  /** Fixed split shares. Default: the first of lib/model/splitChoice.ts `splitCandidates` that holds enough of both outcomes. */
  split?: SplitOptions;
  /** Per-family learner settings, each merged over its `defaultFamilySettings` entry (justified there). */
  models?: {[K in keyof FamilySettings]?: FamilySettings[K]};
  /** Validation PR AUC differences up to this count as ties in choosing variant and family. Default 0.002. */
  selectionTolerance?: number;
  calibration?: ChooseCalibrationOptions;
  /** Bins of the score histogram for the threshold slider; also the threshold's step. Default 200. */
  scoreBins?: number;
  /** Bins of the reliability diagram. Default 10. */
  reliabilityBins?: number;
  /** Most invoices a model is fitted on (training slice and production refit). Default `defaultMaxTrainingRows`. */
  maxTrainingRows?: number;
  /** Most points per ROC or PR curve. Default 200. */
  curvePoints?: number;
  /**
   * Permutation importance on the test slice: shuffles per group, and test rows used (a seeded sample
   * when the slice is larger: each shuffle costs a prediction of every row, which for the forest is a
   * large part of the stage's time). Defaults 3 and 1,500.
   */
  importance?: {repeats?: number; maxRows?: number};
  /** Fewest late and on-time invoices each of train, validation and test must hold. Default 20. */
  minClassCount?: number;
}

export interface ModelTables {
  featureNames: readonly string[];
  train: {x: Matrix; y: Uint8Array};
  test: {x: Matrix; y: Uint8Array};
  /** Ledger indices of the test rows (invoice ids and dates for an export). */
  testIndices: Int32Array;
  /** Calibrated test scores of each family's chosen variant. */
  testScores: Record<FamilyKey, Float64Array>;
  /** Which variant each family's scores come from. */
  testVariants: Record<FamilyKey, VariantKey>;
}

export interface ModelTimings {
  /** Milliseconds per step of the stage, in order. */
  steps: Record<string, number>;
  /** Milliseconds per fit (family × variant on the training slice). */
  fits: {family: FamilyKey; variant: VariantKey; ms: number}[];
  /** Milliseconds of permutation importance per family. */
  importance: {family: FamilyKey; ms: number}[];
  /** Production refit of the chosen model, in ms. */
  productionFit: number;
  total: number;
}

/** What the report chose, for the backtest to refit at earlier dates (lib/backtest/originModel.ts). */
export interface ModelRecipe {
  family: FamilyKey;
  variant: VariantKey;
  calibration: CalibrationMethod;
  settings: FamilySettings;
  maxTrainingRows: number;
}

export type ModelFiles = Pick<ReportFiles, "model" | "score-bins">;

export interface ModelStage {
  files: ModelFiles;
  scores: InvoiceScores;
  tables: ModelTables;
  timings: ModelTimings;
  /**
   * Every invoice's features, in ledger order: known on its invoice date, so valid at any later date.
   * Null, with `recipe`, when no model was fitted (lib/model/skipped.ts).
   */
  features: InvoiceFeatures | null;
  recipe: ModelRecipe | null;
}

/**
 * A larger training slice is sampled uniformly with the seed down to this many invoices: test AUC has
 * levelled off by then while fit time keeps growing with the rows. Measured by `npm run bench`, committed
 * in benchmarks/training-size.md (600k-invoice ledger): from 100 k to 300 k training rows test ROC AUC
 * moves by +0.0012 (gradient boosting), +0.0015 (random forest) and +0.0001 (logistic regression), under
 * the 0.002–0.003 bootstrap standard error of an AUC difference on the default test slice, for 3 to 4.4 times
 * the fit CPU time.
 */
export const defaultMaxTrainingRows = 100_000;

/**
 * Calibration is chosen by 5-fold cross-fitted Brier score on the validation slice (lib/model/learners/calibration.ts);
 * a more flexible map must lower it by more than 0.0005. The library's 0.0002 is below the noise of a
 * Brier difference on ~2,300 validation invoices: in development runs (ledger seeds 4 and 5, not the
 * report's) it chose isotonic twice, and both times Platt did better on the test slice.
 */
export const defaultCalibrationOptions: Required<ChooseCalibrationOptions> = {folds: 5, minImprovement: 0.0005};

export function modelStage(ledger: Ledger, options: ModelStageOptions = {}): ModelStage {
  const {
    seed = defaultSeed,
    onStage,
    clock = () => performance.now(),
    selectionTolerance = 0.002,
    calibration: calibrationChoiceOptions = {},
    scoreBins: bins = 200,
    reliabilityBins = 10,
    curvePoints = 200,
    minClassCount = 20,
    maxTrainingRows = defaultMaxTrainingRows
  } = options;
  const {repeats = 3, maxRows = 1500} = options.importance ?? {};
  const settings = familySettings(options.models ?? {});
  const calibrationOptions = {...defaultCalibrationOptions, ...definedOnly(calibrationChoiceOptions)};
  const seedLabel = String(seed);
  const timer = stepTimer(clock);
  onStage?.({stage: "model", phase: "start"});

  const chosenSplit = timer.run("split", () => chooseSplit(ledger, {split: options.split, minClassCount}));
  checkSlices(ledger, chosenSplit);
  const {split} = chosenSplit;
  // The one-hot categories are those the training slice could know: invoices issued before the cut.
  const features = timer.run("features", () => invoiceFeatures(ledger, {categoriesKnownBefore: split.validationStart, ...options.features}));
  const train = capRows(sliceDataset(features, split.train), maxTrainingRows, createRandom(`${seedLabel}:training rows`));
  const validation = sliceDataset(features, split.validation);
  const test = sliceDataset(features, split.test);

  // Every family × variant on the training slice, scored and calibrated on validation.
  const fits: ModelTimings["fits"] = [];
  const evaluated = new Map<string, EvaluatedModel>();
  const smoteCache = new Map<VariantKey, VariantData>();
  timer.run("fit", () => {
    for (const family of familyKeys) {
      for (const variant of variantKeys) {
        const start = clock();
        const model = fitFamily(family, variant, train, settings, seedLabel, smoteCache);
        fits.push({family, variant, ms: clock() - start});
        evaluated.set(key(family, variant), evaluateModel(model, validation, test, {calibration: calibrationOptions, bins}, seedLabel));
      }
    }
  });

  // Choices on validation only.
  const candidate = (e: EvaluatedModel): Candidate => ({family: e.model.family, variant: e.model.variant, score: e.validationPrAuc, parameters: e.model.parameters});
  const familyChoices = familyKeys.map((family) => selectVariant(variantKeys.map((variant) => candidate(evaluated.get(key(family, variant))!)), {tolerance: selectionTolerance}));
  const {chosen, runnerUp, margin} = selectFamily(familyChoices, {tolerance: selectionTolerance});
  const best = evaluated.get(key(chosen.family, chosen.variant))!;
  const chosenOf = (family: FamilyKey) => evaluated.get(key(family, familyChoices.find((c) => c.family === family)!.variant))!;

  const importanceTimes: ModelTimings["importance"] = [];
  const importance = timer.run("importance", () => {
    const sample = importanceRows(test, maxRows, createRandom(`${seedLabel}:importance rows`));
    return familyKeys.map((family) => {
      const e = chosenOf(family);
      const start = clock();
      const result = permutationImportance(e.model.classifier, sample.x, sample.y, features.featureGroups, {repeats}, createRandom(`${seedLabel}:importance:${family}`));
      importanceTimes.push({family, ms: clock() - start});
      return importanceSummary(e.model, result, repeats, sample.y.length);
    });
  });

  const productionInputs = {
    features,
    production: split.production,
    scored: split.scored,
    family: chosen.family,
    variant: chosen.variant,
    calibrator: best.calibration.calibrator,
    settings,
    seed: seedLabel,
    currency: ledger.currency,
    maxTrainingRows
  };
  const productionModel = timer.run("production fit", () => refitProduction(productionInputs));
  const pLate = timer.run("score all", () => scoreAll(productionModel, features, best.calibration.calibrator));
  const factors = timer.run("factors", () => explainScored(productionModel, productionInputs));

  const files = timer.run("files", (): ModelFiles => {
    const testAmounts = Float64Array.from(split.test.indices, (i) => ledger.invoices[i].amount);
    const comparison = familyKeys.flatMap((family) =>
      variantKeys.map((variant) =>
        comparisonRow(evaluated.get(key(family, variant))!, test, {
          familyChoice: familyChoices.some((c) => c.family === family && c.variant === variant),
          selected: chosen.family === family && chosen.variant === variant
        })
      )
    );
    const model: ModelFile = {
      modelName: familyNames[chosen.family],
      split: splitSection(chosenSplit),
      features: featureSection(features),
      comparison,
      selection: {
        family: chosen.family,
        familyName: familyNames[chosen.family],
        variant: chosen.variant,
        variantName: variantNames[chosen.variant],
        metric: "validation PR AUC",
        validationPrAuc: roundFinite(chosen.score),
        tolerance: selectionTolerance,
        runnerUp: runnerUp && {
          family: runnerUp.family,
          familyName: familyNames[runnerUp.family],
          variant: runnerUp.variant,
          variantName: variantNames[runnerUp.variant],
          validationPrAuc: roundFinite(runnerUp.score)
        },
        margin: round(margin),
        candidates: familyChoices.map((c) => ({family: c.family, variant: c.variant, validationPrAuc: roundFinite(c.score), parameters: c.parameters}))
      },
      calibration: calibrationSummary(best, test, reliabilityBins),
      threshold: {value: roundFinite(best.threshold.value), validationF1: roundFinite(best.threshold.f1)},
      curves: familyKeys.map((family) => curvesOf(chosenOf(family), test, curvePoints)),
      importance,
      baseRate: roundFinite(mean(test.y) ?? NaN),
      narrative: narrativeFacts(best, runnerUp && chosenOf(runnerUp.family), familyKeys.map(chosenOf), test, testAmounts, importance[familyKeys.indexOf(chosen.family)].groups),
      production: productionSection(split, productionModel, pLate, best),
      settings: {seed, ...settings, calibration: calibrationOptions, selectionTolerance, scoreBins: bins, reliabilityBins, importance: {repeats, maxRows}, maxTrainingRows}
    };
    return {model, "score-bins": scoreBinsFile(best, test, testAmounts, bins, ledger.currency)};
  });

  const tables: ModelTables = {
    featureNames: features.featureNames,
    train: {x: train.x, y: train.y},
    test: {x: test.x, y: test.y},
    testIndices: split.test.indices,
    testScores: Object.fromEntries(familyKeys.map((family) => [family, chosenOf(family).testCalibrated])) as Record<FamilyKey, Float64Array>,
    testVariants: Object.fromEntries(familyKeys.map((family) => [family, chosenOf(family).model.variant])) as Record<FamilyKey, VariantKey>
  };
  const timings: ModelTimings = {steps: timer.steps, fits, importance: importanceTimes, productionFit: timer.steps["production fit"], total: timer.total()};
  onStage?.({stage: "model", phase: "end", detail: Object.fromEntries(Object.entries(timer.steps).map(([step, ms]) => [step, Math.round(ms)]))});
  const recipe: ModelRecipe = {family: chosen.family, variant: chosen.variant, calibration: best.calibration.method, settings, maxTrainingRows};
  return {files, scores: {pLate, factors, modelName: familyNames[chosen.family], riskSource: "model"}, tables, timings, features, recipe};
}

// Sections -----------------------------------------------------------------------------------------

function splitSection(chosen: ChosenSplit): SplitSection {
  const summary = summarizeSplit(chosen.split);
  return {...summary, slices: summary.slices.map((s) => ({...s, lateRate: round(s.lateRate)})), ...splitChoiceFacts(chosen)};
}

function featureSection(features: InvoiceFeatures): FeatureSection {
  return {
    columns: features.featureNames.length,
    groups: features.featureGroups.map((g) => ({name: g.name, kind: g.kind, columns: g.columns.length, columnNames: g.names})),
    dropped: [...features.dropped],
    options: {
      recentWindow: features.options.recentWindow,
      trendWindow: features.options.trendWindow,
      priorWeight: features.options.priorWeight,
      monthEndDays: features.options.monthEndDays
    }
  };
}

function productionSection(split: TimeSplit, model: FittedModel, pLate: Float64Array, best: EvaluatedModel): ProductionSection {
  const {production, scored} = split;
  let late = 0, fitted = 0, open = 0;
  for (let k = 0; k < production.indices.length; ++k) {
    late += production.labels[k];
    fitted += pLate[production.indices[k]];
  }
  for (const i of scored.indices) open += pLate[i];
  const n = production.indices.length;
  return {
    family: model.family,
    familyName: familyNames[model.family],
    variant: model.variant,
    rows: n,
    trainingRows: model.trainingRows,
    syntheticRows: model.syntheticRows,
    rounds: model.rounds,
    labelledAt: production.labelledAt === null ? null : formatIsoDay(production.labelledAt),
    firstIssued: production.firstIssued === null ? null : formatIsoDay(production.firstIssued),
    lastIssued: production.lastIssued === null ? null : formatIsoDay(production.lastIssued),
    lateRate: round(n ? late / n : NaN),
    meanPLate: round(n ? fitted / n : NaN),
    scored: scored.indices.length,
    scoredMeanPLate: round(scored.indices.length ? open / scored.indices.length : NaN),
    predicted: pLate.length,
    calibration: best.calibration.method
  };
}

/**
 * Numbers a generated sentence needs. `runner` is the selection's runner-up (chosen on validation), so
 * that "runner-up" means one thing across the file; its gaps are measured on test and may be negative.
 */
function narrativeFacts(
  best: EvaluatedModel,
  runner: EvaluatedModel | null,
  families: readonly EvaluatedModel[],
  test: Dataset,
  amounts: Float64Array,
  topGroups: readonly {group: string}[]
): ModelNarrative {
  const testPrAuc = (e: EvaluatedModel) => averagePrecision(test.y, e.testScores);
  const testAuc = (e: EvaluatedModel) => rocAuc(test.y, e.testScores);
  const bestOnTest = greatest(families, testPrAuc)!;
  const cells = confusionMatrix(test.y, best.testCalibrated, best.threshold.value, amounts);
  const rates = confusionRates(cells);
  const {lift, caught} = liftAtTop(test.y, best.testCalibrated, 0.1);
  const lateAmount = cells.tpAmount + cells.fnAmount;
  return {
    model: familyNames[best.model.family],
    variant: variantNames[best.model.variant],
    testAuc: roundFinite(testAuc(best)),
    testPrAuc: roundFinite(testPrAuc(best)),
    runnerUp: runner && familyNames[runner.model.family],
    runnerUpTestAuc: runner && roundFinite(testAuc(runner)),
    runnerUpTestPrAuc: runner && roundFinite(testPrAuc(runner)),
    aucGap: runner && roundFinite(testAuc(best) - testAuc(runner)),
    prAucGap: runner && roundFinite(testPrAuc(best) - testPrAuc(runner)),
    // Whether the family chosen on validation also has the best test PR AUC (it need not: the test slice played no part).
    bestOnTest: familyNames[bestOnTest.model.family],
    bestOnTestPrAuc: round(testPrAuc(bestOnTest)),
    choiceConfirmedOnTest: bestOnTest === best,
    testInvoices: test.y.length,
    baseRate: roundFinite(mean(test.y) ?? NaN),
    liftTopDecile: roundFinite(lift),
    lateShareInTopDecile: roundFinite(caught),
    threshold: roundFinite(best.threshold.value),
    flaggedCount: cells.flagged,
    flaggedShare: roundFinite(rates.flaggedRate),
    lateCaughtShare: roundFinite(rates.recall),
    precisionAtThreshold: roundFinite(rates.precision),
    lateAmountCaughtShare: round(lateAmount > 0 ? cells.tpAmount / lateAmount : NaN),
    flaggedAmount: roundFinite(cells.flaggedAmount, 2),
    calibration: best.calibration.method,
    brierBefore: roundFinite(brierScore(test.y, best.testScores)),
    brierAfter: roundFinite(brierScore(test.y, best.testCalibrated)),
    topGroups: topGroups.slice(0, 3).map((g) => ({group: g.group}))
  };
}

// Helpers ------------------------------------------------------------------------------------------

const key = (family: FamilyKey, variant: VariantKey) => `${family}/${variant}`;

/** Train, validation and test must each hold enough late and on-time invoices to fit and judge a model. */
function checkSlices(ledger: Ledger, {shortfall, minClassCount}: ChosenSplit): void {
  if (shortfall) throw new InputError({file: ledger.source.name, reason: `has ${shortfallText(shortfall, minClassCount)}`});
}

function shortfallText({slice, late, onTime}: SliceShortfall, minimum: number): string {
  return (
    `too little payment history to validate a late-payment model: the ${slice} slice holds ${late} late and ${onTime} on-time invoices ` +
    `(at least ${minimum} of each are needed in the training, validation and test slices)`
  );
}

/**
 * Why the ledger cannot train and judge a model, or null when it can:
 *   no-payments  nothing settled (an open-items snapshot): no payment history at all;
 *   one-outcome  every invoice due by the report date was paid on time, or none was: nothing tells a late
 *                payer from an on-time one;
 *   short        both outcomes occur, but with every candidate split (./splitChoice.ts) a slice holds too few
 *                of one to validate on.
 * The pipeline runs the no-model stand-in (./skipped.ts) instead of the model stage on any of them.
 */
export interface PaymentHistoryGap {
  kind: "no-payments" | "one-outcome" | "short";
  /** In words, to follow "the ledger has". */
  reason: string;
}

export function paymentHistoryGap(ledger: Ledger, {split: splitOptions, minClassCount = 20}: Pick<ModelStageOptions, "split" | "minClassCount"> = {}): PaymentHistoryGap | null {
  const settled = ledger.invoices.reduce((n, invoice) => n + (invoice.settledDate !== null ? 1 : 0), 0);
  if (!settled) return {kind: "no-payments", reason: "no paid invoices: it lists what is open, not how invoices were paid, so there is no payment history to learn from"};
  const {split, shortfall, firstShortfall} = chooseSplit(ledger, {split: splitOptions, minClassCount});
  if (!shortfall) return null;
  const labels = split.production.labels;
  let late = 0;
  for (const label of labels) late += label;
  const due = `${formatCount(labels.length)} invoice${labels.length === 1 ? "" : "s"} due before ${formatIsoDay(ledger.asOf)}`;
  if (late === 0) return {kind: "one-outcome", reason: `no late payment in its history: all ${due} were paid on time, so there is no late payer to learn from`};
  if (late === labels.length) return {kind: "one-outcome", reason: `no on-time payment in its history: all ${due} were paid late or written off, so there is no on-time payer to learn from`};
  // In the default split's counts: the first a reader would picture, and no wider candidate had enough either.
  return {kind: "short", reason: shortfallText(firstShortfall ?? shortfall, minClassCount)};
}

/** The test rows permutation importance shuffles: all of them, or a seeded sample in slice order. */
function importanceRows(test: Dataset, maxRows: number, random: ReturnType<typeof createRandom>): Dataset {
  if (test.y.length <= maxRows) return test;
  const picked = random.shuffle(Array.from({length: test.y.length}, (_, i) => i)).slice(0, maxRows).sort((a, b) => a - b);
  return selectDataset(test, picked);
}

interface StepTimer {
  run<T>(step: string, work: () => T): T;
  steps: Record<string, number>;
  total(): number;
}

function stepTimer(clock: () => number): StepTimer {
  const begin = clock();
  const steps: Record<string, number> = {};
  return {
    steps,
    run(step, work) {
      const start = clock();
      const result = work();
      steps[step] = (steps[step] ?? 0) + clock() - start;
      return result;
    },
    total: () => clock() - begin
  };
}

/** Each family's options merged over its defaults, so that `{forest: {nTrees: 20}}` keeps the other forest defaults. */
function familySettings(given: NonNullable<ModelStageOptions["models"]>): FamilySettings {
  const d = defaultFamilySettings;
  return {
    logistic: {...d.logistic, ...definedOnly(given.logistic ?? {})},
    forest: {...d.forest, ...definedOnly(given.forest ?? {})},
    boosting: {...d.boosting, ...definedOnly(given.boosting ?? {})},
    smote: {...d.smote, ...definedOnly(given.smote ?? {})},
    boostingHoldout: given.boostingHoldout ?? d.boostingHoldout
  };
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}
