// The contract between the build and the pages: one interface per data file the loader writes into the
// report archive, and `ReportFiles`, keyed by file name (`ReportFiles["kpis"]` is what `kpis.json`
// holds). The stage that writes a file returns its interface, and every reader (lib/views/*,
// src/components/*) takes its types from here, so renaming a field fails `tsc` on both sides.
//
// To ship a new file: declare its interface here, add it to `ReportFiles`, and return it from a stage's
// `files` (typed `Pick<ReportFiles, "name">`). buildReport (./index.ts) collects the stages' files and the
// loader (data-loaders/report.tgz.ts) writes every entry as `<name>.json`; neither names files itself.
//
// Conventions, as the writers keep them: numbers are rounded (lib/core/json.ts); a figure typed
// `number | null` is null where it is undefined (a rate over nothing, a model without that parameter);
// days are day numbers (lib/core/dates.ts `Day`) where a field says `Day`, ISO dates where it says
// `IsoDate`; tables with many rows are columnar (`{length, column: values[]}`). Sentences are not data:
// pages write them from these numbers with lib/views/.
import type {CleaningReport} from "../clean/index.js";
import type {Day} from "../core/dates.js";
import type {AgingBucket, Availability, InvoiceStatus, RawColumn} from "../input/ledger.js";
import type {FamilyKey, FamilySettings, VariantKey} from "../model/families.js";
import type {CalibrationMethod} from "../model/learners/calibration.js";
import type {PaymentHistoryGap} from "../model/index.js";
import type {SplitSummary} from "../model/split.js";
import type {SplitChoiceFacts} from "../model/splitChoice.js";
import type {OpenInvoiceTable} from "../portfolio/openInvoiceTable.js";
import type {BandTimingSummary, PaymentTimingModel} from "../portfolio/paymentTiming.js";
import type {RiskBand, RiskCutoffs} from "../portfolio/riskBands.js";
import type {ScenarioInputs, ScenarioInputSpec, ScenarioResult} from "../portfolio/scenario.js";
import type {AgingRow} from "../portfolio/kpi.js";
import type {AgingShiftRow, CustomerRisk, RiskBin as RiskHistogramBin} from "../portfolio/riskOutlook.js";
import type {PlannedAction, StrategyCell, StrategyGridCell, StrategyKey, StrategyRow as StrategyTableRow, StrategyRule, StrategyTheme, ValueBand} from "../portfolio/strategy.js";
import type {KChoice} from "../segments/chooseK.js";
import type {CustomerFeatureKey, CustomerFeatureSpec} from "../segments/customerFeatures.js";
import type {SegmentLetter} from "../segments/letters.js";
import type {DirtKind} from "../source/dirt.js";
import type {GeneratorOptions} from "../source/generate.js";
import type {AsOfKind} from "../clean/asOf.js";
import type {CaptureOrderKey} from "../backtest/capture.js";
import type {OriginSkip} from "../backtest/originModel.js";
import type {NotScored} from "../backtest/scoreDate.js";
import type {RiskSource} from "./types.js";
import type {ColumnFormat} from "../input/infer.js";
import type {PaymentsReport} from "../input/payments.js";

/** Every data file of the report, by name (written as `<name>.json`). */
export interface ReportFiles {
  meta: MetaFile;
  cleaning: CleaningFile;
  dictionary: DictionaryFile;
  "ledger-sample": LedgerSampleFile;
  eda: EdaFile;
  model: ModelFile | SkippedModelFile;
  "score-bins": ScoreBinsFile | SkippedScoreBinsFile;
  segments: SegmentsFile & RiskSourced;
  kpis: KpisFile;
  strategy: StrategyFile & RiskSourced;
  worklist: WorklistFile;
  scenario: ScenarioFile & RiskSourced;
  "overview-facts": OverviewFactsFile & RiskSourced;
  /** The backtest stage (lib/backtest/index.ts): the report scored against what happened after its date. */
  backtest: BacktestFile;
  /** The backtest stage: the date every page is replayed on, for the note under each title. */
  replay: ReplayFile;
}

/** Files whose pages word risk figures: where open invoices' risk came from, a model or the past-due rule. */
export interface RiskSourced {
  riskSource: RiskSource;
}

export type ReportFileName = keyof ReportFiles;

// Shapes the stages already define in JSON-ready form, shipped as they are.
export type {AgingRow, AgingShiftRow, StrategyCell, StrategyGridCell, StrategyTheme};
export type {SliceSummary} from "../model/split.js";

/** "2026-09-30". */
export type IsoDate = string;

// Data stage (lib/pipeline/data.ts) -----------------------------------------------------------------

/** Where the ledger came from (lib/pipeline/source.ts). */
export interface LedgerProvenance {
  kind: "synthetic" | "csv";
  file: string;
  seed: number | null;
  generator: Required<GeneratorOptions> | null;
  dirtRate: number | null;
  /** Rows the generator dirtied, by kind (synthetic only). */
  dirt: {kind: DirtKind; description: string; rows: number}[] | null;
  /** Canonical column → header in the file (CSV only). */
  mapping: {column: string; header: string | null}[] | null;
  reminderWindowDays: number;
  /** How the user's file was read (files only). */
  input?: InputProvenance;
}

/** What was read from the user's file and how: the Data page and `npm run inspect` show it. */
export interface InputProvenance {
  format: "csv" | "xlsx";
  encoding: string | null;
  delimiter: string | null;
  sheet: string | number | null;
  headerLine: number;
  titleLines: string[];
  /** Each date and number column's format, how it was decided, and a sample. */
  formats: ColumnFormat[];
  /** Headers that also looked like a column, passed over for a better match. */
  passedOver: {column: string; headers: string[]}[];
  /** Columns found by their header's words, not a known name ("clear_date" → paid_date). */
  byWords: string[];
  /** The file's only amount is the amount still open, read as the amount (an open-item list). */
  amountFromOpenAmount: boolean;
  /** The mapping file that reproduces this reading (AR_MAPPING). */
  mappingJson: {columns: Record<string, string>} & Record<string, unknown>;
  /** The separate payments file, if any. */
  payments: PaymentsReport | null;
}

/** meta.json: what the report is built from. */
export interface MetaFile {
  title: string;
  synthetic: boolean;
  source: LedgerProvenance & {name: string};
  asOf: IsoDate;
  currency: string;
  invoices: number;
  customers: number;
  firstInvoiceDate: IsoDate;
  lastInvoiceDate: IsoDate;
  available: Availability;
  /** Invoices written off by the as-of date and their share of all invoices (lib/views/data.ts `generatorNotes` words it). */
  writtenOff: {invoices: number; share: number | null};
}

/** cleaning.json: what cleaning fixed or set aside (lib/clean/index.ts `CleaningReport`). */
export interface CleaningFile extends Omit<CleaningReport, "asOf"> {
  asOf: IsoDate;
}

/** dictionary.json: every column of the cleaned ledger. */
export interface DictionaryFile {
  raw: {column: RawColumn; description: string; /** The header it was read from; null when the file lacks it. */ sourceHeader: string | null}[];
  derived: {column: string; description: string}[];
  available: Availability;
}

/** ledger-sample.json: the Data page's sample rows, evenly spaced in ledger order when `total` is larger. */
export interface LedgerSampleFile {
  /** Invoices in the ledger. */
  total: number;
  rows: LedgerSampleRow[];
}

export interface LedgerSampleRow {
  invoice: string;
  customer: string;
  customerId: string;
  industry: string | null;
  region: string | null;
  invoiceDate: IsoDate;
  dueDate: IsoDate;
  amount: number;
  status: InvoiceStatus;
  paidDate: IsoDate | null;
  daysLate: number | null;
  openAmount: number;
  agingBucket: AgingBucket | null;
}

/** eda.json: one row per invoice (or an even sample), columnar, categories as indices into the lists. */
export interface EdaFile {
  /** Invoices in the ledger. */
  total: number;
  /** Whether `rows` is an even sample of them. */
  sampled: boolean;
  asOf: Day;
  industries: string[];
  regions: string[];
  statuses: readonly InvoiceStatus[];
  agingBuckets: readonly AgingBucket[];
  rows: EdaColumns;
}

export interface EdaColumns {
  length: number;
  invoiceDate: Day[];
  termsDays: number[];
  /** Whole currency units. */
  amount: number[];
  creditScore: (number | null)[];
  amountToLimit: (number | null)[];
  /** Index into `industries`. */
  industry: (number | null)[];
  region: (number | null)[];
  /** Index into `statuses`. */
  status: number[];
  daysLate: (number | null)[];
  paidLate: (0 | 1 | null)[];
  settledDate: (Day | null)[];
  paidAmount: number[];
  openAmount: number[];
  daysOverdue: number[];
  /** Index into `agingBuckets`; null once settled. */
  agingBucket: (number | null)[];
  disputed: (0 | 1)[];
  remindersSent: number[];
}

// Model stage (lib/model/index.ts) ------------------------------------------------------------------

/** model.json: the comparison of every family × variant, the choice, and the chosen model's test figures. */
export interface ModelFile {
  modelName: string;
  split: SplitSection;
  features: FeatureSection;
  comparison: ComparisonRow[];
  selection: ModelSelection;
  calibration: CalibrationFacts;
  /** Chosen on validation in steps of 1 / settings.scoreBins (lib/views/definitions/model.ts `thresholdRule`). */
  threshold: {value: number; validationF1: number};
  /** One per family (its chosen variant), calibrated test scores. */
  curves: FamilyCurves[];
  /** One per family: permutation importance on the test slice. */
  importance: FamilyImportance[];
  /** Late share of the test slice. */
  baseRate: number;
  narrative: ModelNarrative;
  production: ProductionSection;
  settings: ModelSettings;
}

/**
 * model.json when the ledger has no payment history to learn from (lib/model/skipped.ts): why, how open
 * invoices were ranked instead, and the counts behind that rule. Pages show a note instead of a model.
 */
export interface SkippedModelFile {
  skipped: true;
  /** What the history lacks (lib/model/index.ts `PaymentHistoryGap`). */
  kind: PaymentHistoryGap["kind"];
  /** In words, to follow "the ledger has". */
  reason: string;
  rule: string;
  /** The reason and the rule in one sentence, for the overview's findings. */
  summary: string;
  modelName: string;
  openInvoices: number;
  pastDue: number;
  overdueShare: number;
}

export interface SkippedScoreBinsFile {
  skipped: true;
  reason: string;
}

/**
 * lib/model/split.ts `summarizeSplit`: the slices by date, with their late rates rounded; and the shares
 * used and why (lib/model/splitChoice.ts): `shares` differs from `defaultShares` when those left `defaultShortfall`.
 */
export type SplitSection = SplitSummary & SplitChoiceFacts;

export interface FeatureSection {
  columns: number;
  /** Each group's meaning is lib/views/definitions/model.ts `featureGroupDescription`, filled from `options`. */
  groups: {name: string; kind: "numeric" | "onehot"; columns: number; columnNames: readonly string[]}[];
  dropped: {group: string; columns: readonly string[]; reason: string}[];
  options: FeatureOptionsSection;
}

/** The feature options a group's description names (lib/model/features/index.ts `FeatureOptions`). */
export interface FeatureOptionsSection {
  recentWindow: number;
  trendWindow: number;
  priorWeight: number;
  monthEndDays: number;
}

/**
 * One row of the comparison table. Ranking metrics (AUC, PR AUC) and the "At50" figures use the model's
 * own, uncalibrated scores — what each imbalance remedy does at the textbook 0.5 cut-off; the
 * "AtThreshold" figures use calibrated scores at the row's own threshold chosen on validation.
 */
export interface ComparisonRow {
  family: FamilyKey;
  familyName: string;
  variant: VariantKey;
  variantName: string;
  /** This family's chosen variant. */
  familyChoice: boolean;
  /** The report's model. */
  selected: boolean;
  trainingRows: number;
  syntheticRows: number;
  parameters: number;
  rounds: number | null;
  validationAuc: number | null;
  validationPrAuc: number | null;
  testAuc: number | null;
  testPrAuc: number | null;
  testBrier: number | null;
  testLogLoss: number | null;
  calibration: CalibrationMethod;
  calibratedBrier: number | null;
  calibratedLogLoss: number | null;
  accuracyAt50: number | null;
  precisionAt50: number | null;
  recallAt50: number | null;
  f1At50: number | null;
  threshold: number | null;
  accuracyAtThreshold: number | null;
  precisionAtThreshold: number | null;
  recallAtThreshold: number | null;
  f1AtThreshold: number | null;
  flaggedAtThreshold: number | null;
}

export interface ModelSelection {
  family: FamilyKey;
  familyName: string;
  variant: VariantKey;
  variantName: string;
  metric: string;
  validationPrAuc: number;
  /** Validation PR AUC differences up to this count as ties, in choosing the variant and the family. */
  tolerance: number;
  runnerUp: {family: FamilyKey; familyName: string; variant: VariantKey; variantName: string; validationPrAuc: number} | null;
  /** Validation PR AUC of the choice minus the runner-up's. */
  margin: number | null;
  candidates: {family: FamilyKey; variant: VariantKey; validationPrAuc: number; parameters: number}[];
}

/** Reliability bins, columnar. */
export interface ReliabilityBins {
  length: number;
  lower: number[];
  upper: number[];
  meanPredicted: (number | null)[];
  observedRate: (number | null)[];
  count: number[];
}

/** The chosen model's calibration, chosen by cross-fitting on validation (settings.calibration), on test. */
export interface CalibrationFacts {
  family: FamilyKey;
  method: CalibrationMethod;
  /** Cross-fitted on the validation slice, per method. */
  validationBrier: Record<CalibrationMethod, number | null>;
  validationLogLoss: Record<CalibrationMethod, number | null>;
  plattSlope: number | null;
  plattIntercept: number | null;
  isotonicKnots: number | null;
  brierBefore: number;
  brierAfter: number;
  logLossBefore: number;
  logLossAfter: number;
  binsBefore: ReliabilityBins;
  binsAfter: ReliabilityBins;
}

/** One family's ROC and PR curves, columnar; the first point's threshold is null (+∞, nothing flagged). */
export interface FamilyCurves {
  family: FamilyKey;
  familyName: string;
  variant: VariantKey;
  auc: number;
  prAuc: number;
  roc: {length: number; threshold: (number | null)[]; falsePositiveRate: number[]; truePositiveRate: number[]};
  pr: {length: number; threshold: (number | null)[]; recall: number[]; precision: number[]};
}

/** One family's permutation importance: groups sorted by mean drop in test ROC AUC. */
export interface FamilyImportance {
  family: FamilyKey;
  familyName: string;
  variant: VariantKey;
  baselineAuc: number;
  repeats: number;
  rows: number;
  groups: {group: string; mean: number; sd: number}[];
}

/** The numbers the Model and home pages' sentences need (lib/views/model.ts, lib/views/overview.ts). */
export interface ModelNarrative {
  model: string;
  variant: string;
  testAuc: number;
  testPrAuc: number;
  /** The selection's runner-up (chosen on validation); its gaps are measured on test and may be negative. */
  runnerUp: string | null;
  runnerUpTestAuc: number | null;
  runnerUpTestPrAuc: number | null;
  aucGap: number | null;
  prAucGap: number | null;
  /** The family with the best test PR AUC (the test slice played no part in the choice). */
  bestOnTest: string;
  /** Test PR AUC of `bestOnTest`. */
  bestOnTestPrAuc: number | null;
  choiceConfirmedOnTest: boolean;
  testInvoices: number;
  baseRate: number;
  liftTopDecile: number;
  lateShareInTopDecile: number;
  threshold: number;
  flaggedCount: number;
  flaggedShare: number;
  lateCaughtShare: number;
  precisionAtThreshold: number;
  lateAmountCaughtShare: number | null;
  flaggedAmount: number;
  calibration: CalibrationMethod;
  brierBefore: number;
  brierAfter: number;
  topGroups: {group: string}[];
}

export interface ProductionSection {
  family: FamilyKey;
  familyName: string;
  variant: VariantKey;
  rows: number;
  trainingRows: number;
  syntheticRows: number;
  rounds: number | null;
  labelledAt: IsoDate | null;
  firstIssued: IsoDate | null;
  lastIssued: IsoDate | null;
  lateRate: number | null;
  meanPLate: number | null;
  scored: number;
  scoredMeanPLate: number | null;
  predicted: number;
  calibration: CalibrationMethod;
}

export interface ModelSettings extends FamilySettings {
  seed: number;
  calibration: {folds: number; minImprovement: number};
  selectionTolerance: number;
  scoreBins: number;
  reliabilityBins: number;
  importance: {repeats: number; maxRows: number};
  maxTrainingRows: number;
}

/**
 * score-bins.json: the chosen model's calibrated test scores in `bins` bins by label, with amounts — the
 * threshold slider's data. At threshold k/bins, bins ≥ k are flagged.
 */
export interface ScoreBinsFile {
  family: FamilyKey;
  familyName: string;
  variant: VariantKey;
  calibration: CalibrationMethod;
  slice: "test";
  currency: string;
  n: number;
  late: number;
  amountTotal: number;
  lateAmount: number;
  threshold: number;
  /** Bin k holds calibrated P(late) in [k/bins, (k+1)/bins); the last bin also holds 1. */
  bins: number;
  /** Late invoices per bin. */
  positives: number[];
  negatives: number[];
  positiveAmount: number[];
  negativeAmount: number[];
}

// Portfolio stage (lib/portfolio/index.ts, files/*) --------------------------------------------------

/** segments.json: customer features, k-means for every k, the chosen k, the PCA picture, the rule rating. */
export type SegmentsFile = SegmentedFile | UnsegmentedFile;

/** What every segments.json holds, clustered or not. */
export interface SegmentsBase {
  asOf: Day;
  currency: string;
  features: SegmentFeature[];
  clusteringFeatures: CustomerFeatureKey[];
  constantFeatures: CustomerFeatureKey[];
  customers: {clustered: number; thinHistory: number; total: number};
  thinHistory: ThinHistory;
  /** A cluster's mean P(late) below `low` × the clustered customers' mean is Low risk, above `high` × High. */
  riskLevels: {low: number; high: number};
  proposals: SegmentProposal[];
}

export interface SegmentedFile extends SegmentsBase {
  available: true;
  kCurve: KCurve;
  choice: KChoiceFacts;
  /** One entry per k tried, in k order. */
  perK: KSection[];
  pca: PcaSection;
  ruleRating: RuleRatingSection;
}

/** Too few customers with enough history to cluster: features and thin history only. */
export interface UnsegmentedFile extends SegmentsBase {
  available: false;
  /** Customers with enough history (thinHistory.minSettled settled invoices) that clustering needs. */
  minCustomers: number;
  kCurve: null;
  choice: null;
  perK: [];
  pca: null;
  ruleRating: null;
}

/** One customer feature; its one-line definition is lib/views/definitions/segments.ts `customerFeatureDefinitions`. */
export interface SegmentFeature extends Pick<CustomerFeatureSpec, "key" | "label" | "unit" | "transform"> {
  available: boolean;
  unavailableReason: string | null;
  clustering: boolean;
  /** Customers whose missing value was imputed. */
  imputed: number;
}

/** Customers with fewer than `minSettled` settled invoices: described, not clustered. */
export interface ThinHistory {
  count: number;
  minSettled: number;
  /** Rows listed (largest outstanding first). */
  shown: number;
  rows: {
    length: number;
    customerId: string[];
    name: string[];
    invoices: number[];
    settled: number[];
    totalInvoiced: (number | null)[];
    outstanding: (number | null)[];
    meanPLate: (number | null)[];
  };
}

export type SegmentProposalWord = "Reward" | "Safeguard" | "Automate" | "Monitor";

export interface SegmentProposal {
  letter: SegmentLetter;
  label: string;
  proposal: SegmentProposalWord;
}

export interface KCurve {
  length: number;
  k: number[];
  inertia: (number | null)[];
  silhouette: (number | null)[];
  silhouetteExact: boolean[];
  elbowDistance: (number | null)[];
}

/** The elbow k, unless its mean silhouette is below `minSilhouette`; then the best-silhouette k. */
export type KChoiceFacts = Pick<KChoice, "k" | "minSilhouette" | "elbowK" | "silhouetteK" | "agree" | "decidedBy">;

export type RiskLevel = "Low" | "Medium" | "High";

/** One cluster at one k: the case-study cluster table's row. */
export interface ClusterRow {
  /** Stable rank: index into its k's `clusters`. */
  cluster: number;
  letter: SegmentLetter;
  /** "A", or "A1", "A2", … when a quadrant holds several clusters. */
  name: string;
  label: string;
  proposal: SegmentProposalWord;
  customers: number;
  customerShare: number | null;
  invoices: number;
  invoiceShare: number | null;
  invoicedAmount: number | null;
  amountShare: number | null;
  outstanding: number | null;
  outstandingShare: number | null;
  averageOutstanding: number | null;
  dso: number | null;
  meanPLate: number | null;
  riskLevel: RiskLevel;
  riskScore: number | null;
  valueScore: number | null;
  /** Mean raw value of each available feature; null where no customer had it. */
  means: Partial<Record<CustomerFeatureKey, number | null>>;
}

export interface RatingAgreementSection {
  share: number | null;
  customers: number;
  letters: readonly SegmentLetter[];
  /** crossTab[i][j]: customers whose cluster has letter i and whom the rule rates j. */
  crossTab: number[][];
}

export interface KSection {
  k: number;
  inertia: number | null;
  silhouette: number | null;
  clusters: ClusterRow[];
  /** Mean standardised value of each feature per cluster (rows: clusters; columns: `features`). */
  profile: {features: CustomerFeatureKey[]; z: (number | null)[][]};
  agreement: RatingAgreementSection;
}

export interface PcaLoadingRow {
  feature: string;
  label: string;
  pc1: number | null;
  pc2: number | null;
}

/** The biplot's customers, columnar; `k2` … `k10` hold each customer's cluster at that k. */
export interface PcaPoints {
  length: number;
  customerId: string[];
  name: string[];
  pc1: (number | null)[];
  pc2: (number | null)[];
  outstanding: (number | null)[];
  totalInvoiced: (number | null)[];
  averageDelay: (number | null)[];
  predictedLate: (number | null)[];
  [kColumn: `k${number}`]: number[];
}

export interface PcaSection {
  explainedVarianceRatio: (number | null)[];
  loadings: PcaLoadingRow[];
  /** Whether `points` holds only `cap` of the clustered customers, chosen by a seeded hash of the id. */
  capped: boolean;
  cap: number;
  points: PcaPoints;
}

/** High risk: average delay over `lateDelayDays`; high value: total invoiced above `valueThreshold` (the median). */
export interface RuleRatingSection {
  lateDelayDays: number;
  valueThreshold: number | null;
  counts: Record<SegmentLetter, number>;
}

/** Which way a KPI card's value reads: "share" 0–1 (shown as %), "percent" 0–100 (CEI), "times" a ratio. */
export type CardFormat = "days" | "share" | "percent" | "times" | "currency";

export type CardKey = "dso" | "bestPossibleDso" | "averageDaysDelinquent" | "collectionEffectivenessIndex" | "turnover" | "atRiskRate" | "receivables" | "overdueShare";

/** kpis.json: KPI cards against the previous month, a trend, aging, segments, risk and the aging shift. */
export interface KpisFile {
  asOf: Day;
  asOfIso: IsoDate;
  previousAsOf: Day;
  previousAsOfIso: IsoDate;
  currency: string;
  cards: KpiCard[];
  series: KpiSeries;
  aging: {total: number; count: number; rows: AgingRow[]};
  /** A customer is high risk when the amount-weighted mean P(late) of its open invoices is at least the cut-off. */
  segments: {highRiskCutoff: number; rows: SegmentKpiRow[]};
  topRiskyCustomers: RiskyCustomer[];
  riskDistribution: RiskBin[];
  /** Projected as lib/views/definitions/kpis.ts `agingShiftRule` says. */
  agingShift: {horizonDays: number; rows: AgingShiftRow[]};
}

export interface KpiCard {
  key: CardKey;
  label: string;
  unit: string;
  format: CardFormat;
  better: "lower" | "higher";
  value: number | null;
  previous: number | null;
  change: number | null;
}

/** One entry per month in each array, oldest first. */
export interface KpiSeries {
  length: number;
  /** "2026-09". */
  month: string[];
  date: IsoDate[];
  dso: (number | null)[];
  bestPossibleDso: (number | null)[];
  averageDaysDelinquent: (number | null)[];
  collectionEffectivenessIndex: (number | null)[];
  turnover: (number | null)[];
  atRiskRate: (number | null)[];
  receivables: (number | null)[];
  overdueShare: (number | null)[];
}

export interface SegmentKpiRow {
  /** Null for customers too new to segment. */
  segment: string | null;
  customers: number;
  openAmount: number;
  averageOutstanding: number;
  dso: number | null;
  highRiskShare: number | null;
  highRiskCustomers: number;
}

/** lib/portfolio/riskOutlook.ts `CustomerRisk`, ranked riskiest first. */
export interface RiskyCustomer extends CustomerRisk {
  rank: number;
}

/** Open invoices with P(late) in [lo, hi) (the last bin includes 1). */
export interface RiskBin extends RiskHistogramBin {
  bandLabel: string;
}

/** What a capped list of open invoices holds against the whole book (lib/portfolio/sample.ts). */
export interface SampleInfo {
  capped: boolean;
  /** Most open invoices kept: whole customers, the `riskiest` customers (by expected late amount) first, then by a seeded hash of the id. */
  cap: number;
  riskiest: number;
  total: CoverageFigures;
  kept: CoverageFigures;
  /** total ÷ kept, to scale counts and amounts computed on the sample up to the whole book (1 when not capped). */
  scale: {invoices: number; amount: number};
}

export interface CoverageFigures {
  invoices: number;
  customers: number;
  amount: number;
  expectedLateAmount: number;
}

/** strategy.json: the default strategy assignment, its rules, and the open invoices the page re-runs them on. */
export interface StrategyFile {
  asOf: Day;
  currency: string;
  cutoffs: StrategyCutoffs;
  /** In order: the first rule that matches decides. */
  rules: (StrategyRule & {index: number})[];
  /** Each strategy's planned actions; what it is for is lib/views/definitions/strategy.ts `strategySummaries`. */
  definitions: {key: StrategyKey; label: string; actions: PlannedAction[]}[];
  riskBands: {band: RiskBand; label: string}[];
  valueBands: ValueBand[];
  matrix: {cells: StrategyCell[]; grid: StrategyGridCell[]};
  table: StrategyRow[];
  themes: StrategyTheme[];
  segmentProposals: SegmentStrategyRow[];
  sample: SampleInfo;
  openInvoices: OpenInvoiceTable;
}

export interface StrategyCutoffs {
  risk: RiskCutoffs;
  defaultRisk: RiskCutoffs;
  invoiceValue: number;
  customerValue: number;
  /** Candidate values for the value sliders, from the open book. */
  suggestedInvoiceValues: {quantile: number; value: number}[];
  suggestedCustomerValues: {quantile: number; value: number}[];
  loyaltySegments: SegmentLetter[];
}

/** lib/portfolio/strategy.ts `StrategyRow`; meanPLate is null for a strategy without invoices. */
export interface StrategyRow extends Omit<StrategyTableRow, "meanPLate"> {
  meanPLate: number | null;
}

/** Per segment (chosen k): its quadrant's proposal and how its open invoices and customers are treated. */
export interface SegmentStrategyRow {
  segment: string | null;
  letter: SegmentLetter | null;
  label: string;
  proposal: SegmentProposalWord;
  customers: number;
  invoices: number;
  amount: number;
  dominantStrategy: StrategyKey | null;
  strategies: {strategy: StrategyKey; invoices: number; amount: number; amountShare: number; customers: number}[];
}

/** worklist.json: the top of the collection worklist, columnar; the CSV download has every open invoice. */
export interface WorklistFile {
  asOf: Day;
  currency: string;
  /** Open invoices in the worklist. */
  total: number;
  /** Rows in `items`. */
  shown: number;
  limit: number;
  items: WorklistColumns;
}

export interface WorklistColumns {
  length: number;
  rank: number[];
  invoiceId: string[];
  customerId: string[];
  customerName: string[];
  segment: (string | null)[];
  amount: number[];
  dueDate: IsoDate[];
  daysOverdue: number[];
  pLate: number[];
  expectedLateAmount: number[];
  expectedDaysLate: (number | null)[];
  /** The model's top factors, joined with "; ". */
  topFactors: string[];
  strategy: StrategyKey[];
  strategyLabel: string[];
  nextAction: (string | null)[];
  nextActionChannel: (PlannedAction["channel"] | null)[];
  nextActionDate: (IsoDate | null)[];
}

/** scenario.json: what the Scenarios page needs to run the scenario engine itself, and the baseline forecast. */
export interface ScenarioFile {
  asOf: Day;
  asOfIso: IsoDate;
  currency: string;
  options: {horizonDays: number; weeks: number; averageDailySales: number | null; thresholds: number[]};
  inputSpecs: ScenarioInputSpec[];
  defaults: ScenarioInputs;
  /** Not rounded: the page's compileTiming(timingModel) is the stage's. */
  timingModel: PaymentTimingModel;
  timingSummary: TimingSummaryRow[];
  sample: SampleInfo;
  openInvoices: OpenInvoiceTable;
  /** The scenario at the default inputs. */
  defaultResult: ScenarioResultFile;
  forecast: ForecastSection;
}

/** lib/portfolio/paymentTiming.ts `summarizeTiming`, rounded; medianDaysLate is null when the band has no late outcome. */
export interface TimingSummaryRow extends Omit<BandTimingSummary, "medianDaysLate"> {
  medianDaysLate: number | null;
}


/** lib/portfolio/scenario.ts `ScenarioResult` without its per-invoice shifts, rounded, its weeks as plain arrays. */
export interface ScenarioResultFile extends Omit<ScenarioResult, "shifts" | "cashByWeek"> {
  cashByWeek: {baseline: number[]; scenario: number[]};
}

export interface ForecastSection {
  runs: number;
  /** Quantiles of the band. */
  lower: number;
  upper: number;
  customerCorrelation: number;
  openAmount: number;
  later: number;
  uncollected: number;
  /** null when nothing is open. */
  expectedCollectionShare: number | null;
  weeks: ForecastWeeks;
}

/** The baseline 13-week forecast: one entry per week in each array. */
export interface ForecastWeeks {
  length: number;
  week: number[];
  start: IsoDate[];
  end: IsoDate[];
  expected: number[];
  low: number[];
  median: number[];
  high: number[];
  cumulativeExpected: number[];
  cumulativeLow: number[];
  cumulativeMedian: number[];
  cumulativeHigh: number[];
}

/** overview-facts.json: the handful of numbers the home page quotes. */
export interface OverviewFactsFile {
  asOf: Day;
  asOfIso: IsoDate;
  currency: string;
  modelName: string;
  openAr: number;
  openInvoices: number;
  openCustomers: number;
  overdueShare: number;
  atRiskRate: number;
  /** Null where DSO is undefined (no sales to count back against). */
  dso: number | null;
  bestPossibleDso: number | null;
  averageDaysDelinquent: number | null;
  predictedLateRate: {invoices: number | null; amountWeighted: number | null};
  /** Σ P(late) × open amount over open invoices. */
  cashAtRisk: number;
  strategyMix: {strategy: StrategyKey; label: string; invoices: number; invoiceShare: number; amountShare: number}[];
  /** Share of open invoices on standard or loyalty terms. */
  routineShare: number;
  /** Share of open invoices that need focused collection (follow-up or restriction). */
  focusShare: number;
  /** Segments at the chosen k; null when the ledger was not segmented. */
  segmentsK: number | null;
  /** The segment holding the most open amount. */
  topSegment: {segment: string; label: string | null; openAmount: number; openShare: number; expectedLateAmount: number; customers: number; invoices: number} | null;
}

// Backtest stage (lib/backtest/index.ts, files.ts) ----------------------------------------------------
// The only stage that reads the ledger after the report date: what the report said on a date against
// what its ledger recorded in the weeks after. Facts only; lib/views/backtest.ts writes every sentence.

/** replay.json: the date every page is replayed on, for the note under each title. */
export interface ReplayFile {
  asOf: IsoDate;
  endOfData: IsoDate;
  kind: AsOfKind;
  /** Days of recorded future after the as-of date (0 when it is the last day of data). */
  futureDays: number;
  /** Days the backtest scores the report on (13 weeks). */
  horizonDays: number;
  /** Invoices issued after the as-of date: in the history, out of every stage. */
  invoicesAfter: number;
}

/** backtest.json: the report's own date scored, and the same method replayed at earlier month-ends. */
export interface BacktestFile {
  asOf: IsoDate;
  endOfData: IsoDate;
  kind: AsOfKind;
  currency: string;
  modelName: string;
  /**
   * Why the report fitted no late-payment model (lib/model/skipped.ts), or null when it fitted one. Without
   * one, P(late) is the stand-in's rule and no earlier month-end can be refitted.
   */
  noModel: NoModelFacts | null;
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
    skipped: SkippedOrigin[];
  };
}

/** The outcomes the report had when it fitted no model: invoices due before its date, by outcome. */
export interface NoModelFacts {
  due: number;
  late: number;
  onTime: number;
}

export type DateStatus = "scored" | "no-future" | "too-few";

/** One replayed date scored; `openBook`, `capture` and `cash` are null unless `status` is "scored". */
export interface DateScoresJson {
  asOf: IsoDate;
  weeksKnown: number;
  status: DateStatus;
  /** Why the date is not scored; null when it is. */
  notScored: NotScored | null;
  openBook: OpenBookScoresJson | null;
  capture: CaptureJson | null;
  cash: CashScoresJson | null;
  /** DSO, overdue share and aging expected and actual at each known horizon of `bookWeeks`. */
  book: BookHorizonJson[];
  /** How new business after the date was expected to arrive; null when no horizon is known. */
  newBusinessBasis: "seasonal" | "run-rate" | null;
}

/** Each open invoice's P(late) against whether it was paid late. */
export interface OpenBookScoresJson {
  invoices: number;
  amount: number | null;
  /** Invoices whose outcome the data does not reach, left out of every score. */
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
  /** The invoices not yet due on the date: the outcomes still truly open then. */
  notYetDue: {invoices: number; late: number; rocAuc: number | null};
  /** The invoices already past due on the date, late whatever happened next. */
  overdue: {invoices: number; meanPLate: number | null};
}

/** Reliability bins of P(late), columnar. */
export interface ReliabilityColumns {
  length: number;
  lower: (number | null)[];
  upper: (number | null)[];
  meanPredicted: (number | null)[];
  observedRate: (number | null)[];
  count: number[];
}

/** Share of the late amount held by the first `rows` of `of` open invoices, in each order. */
export interface CaptureJson {
  rows: number;
  of: number;
  shares: CaptureShares;
  curves: CaptureCurveColumns;
}

export type CaptureShares = Record<CaptureOrderKey, number | null>;

/** Each order's capture at the row shares of `rowShare`, columnar. */
export interface CaptureCurveColumns {
  length: number;
  rowShare: (number | null)[];
  worklist: (number | null)[];
  oldest: (number | null)[];
  largest: (number | null)[];
  random: (number | null)[];
}

/** The weekly cash forecast against the cash received on the invoices open on the date. */
export interface CashScoresJson {
  weeks: CashWeekColumns;
  ours: ForecastErrorsJson & {coverage: number | null};
  dueDate: ForecastErrorsJson;
  customerDelay: ForecastErrorsJson;
  /** Open amount of the book, and the cash received against it within the scored weeks. */
  openAmount: number | null;
  received: number | null;
}

export interface ForecastErrorsJson {
  wape: number | null;
  bias: number | null;
}

/** One row per scored week, columnar. */
export interface CashWeekColumns {
  length: number;
  week: number[];
  start: IsoDate[];
  end: IsoDate[];
  actual: (number | null)[];
  expected: (number | null)[];
  low: (number | null)[];
  high: (number | null)[];
  dueDate: (number | null)[];
  customerDelay: (number | null)[];
}

export interface BookHorizonJson {
  weeks: number;
  expected: BookFiguresJson;
  actual: BookFiguresJson;
}

/** The receivables book on a day: total open, overdue share, countback DSO, open amount per aging bucket. */
export interface BookFiguresJson {
  date: IsoDate;
  total: number | null;
  overdueShare: number | null;
  dso: number | null;
  buckets: (number | null)[];
}

/** One replayed date in the rolling-origin charts. */
export interface RollingRow {
  asOf: IsoDate;
  /** "report": the report's own date, scored with its own model; "origin": an earlier month-end, refitted. */
  source: "report" | "origin";
  status: DateStatus;
  /** The origin's model: when it was fitted and on how many rows; null for the report's own date. */
  model: {fittedAt: IsoDate; trainingRows: number} | null;
  invoices: number | null;
  rocAuc: number | null;
  prAuc: number | null;
  brier: number | null;
  capture: CaptureShares;
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
  /** How far back the search for month-ends with enough of each outcome open went at most. */
  lookBackMonths: number;
  refitEveryMonths: number;
  maxTrainingRows: number;
  calibrationShare: number;
  timingRecords: number;
  forecastRuns: number;
}

export interface SkippedOrigin {
  asOf: IsoDate;
  reason: OriginSkip | NotScored;
}
