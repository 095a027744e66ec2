// The report's portfolio stage: from the cleaned ledger and the model's scores to the files behind the
// Segments, KPIs, Strategy, Worklist, Scenarios and home pages. Every step is a lib function; this module
// wires them, caps what grows with the ledger, rounds, and times each step.
import {buildReceivablesHistory, kpisAt, salesBetween} from "./kpi.js";
import type {Invoice, Ledger} from "../input/ledger.js";
import {openInvoicesFrom} from "./openInvoices.js";
import type {InvoicePrediction, OpenInvoice} from "./openInvoices.js";
import {compileTiming, fitPaymentTiming, settlementRecords} from "./paymentTiming.js";
import type {CompiledTiming} from "./paymentTiming.js";
import type {CashForecast} from "./forecast.js";
import {createRandom} from "../core/random.js";
import {customerFeatures} from "../segments/customerFeatures.js";
import {segmentCustomers} from "../segments/segmentCustomers.js";
import type {Segmentation} from "../segments/segmentCustomers.js";
import {assignStrategies, resolveStrategyOptions, strategyTable, strategyThemes} from "./strategy.js";
import {buildWorklist} from "./worklist.js";
import type {WorklistItem} from "./worklist.js";
import {round} from "../core/json.js";
import {openInvoicesFromTable, openInvoiceTable} from "./openInvoiceTable.js";
import {kpisFile} from "./files/kpis.js";
import {overviewFacts} from "./files/overview.js";
import {sampleOpenInvoices} from "./sample.js";
import {scenarioFile} from "./files/scenario.js";
import {minSegmentedCustomers, segmentsFile, unsegmentedFile} from "./files/segments.js";
import {strategyFile} from "./files/strategy.js";
import {worklistFile} from "./files/worklist.js";
import type {InvoiceScores, StageHook} from "../pipeline/types.js";
import type {ReportFiles} from "../pipeline/contract.js";

export {openInvoicesFromTable, openInvoiceTable} from "./openInvoiceTable.js";
export type {OpenInvoiceTable} from "./openInvoiceTable.js";
export {worklistCsv, worklistCsvColumns} from "./files/worklist.js";

export const defaultPortfolioSeed = 20260930;

export interface PortfolioOptions {
  seed?: number;
  onStage?: StageHook;
  /** Worklist rows in the `worklist` file (default 500; the CSV has every open invoice). */
  worklistLimit?: number;
  /**
   * Most open invoices in the `strategy` and `scenario` files (default 4,000: about 45 bytes each with
   * their customers, which keeps both files under 300 KB; runScenario takes ~10 ms on that many).
   */
  openInvoiceCap?: number;
  /** Most customers in the segments' PCA scatter (default 2,500: ~60 bytes each with nine k labels). */
  customerCap?: number;
  /** Riskiest customers always kept in the scenario's sample (default 100: the slider's maximum). */
  scenarioRiskiestCustomers?: number;
  /** Monte Carlo runs of the forecast band (default 500). */
  forecastRuns?: number;
  /** Fewest settled invoices a customer needs to be clustered (default 5). */
  minSettled?: number;
}

export type PortfolioFiles = Pick<ReportFiles, "segments" | "kpis" | "strategy" | "worklist" | "scenario" | "overview-facts">;

export interface PortfolioResult {
  files: PortfolioFiles;
  /** Milliseconds per step; for the benchmark, never written into a file. */
  timings: Record<string, number>;
  /** Every open invoice in worklist order, for `worklistCsv`. */
  worklist: WorklistItem[];
  /** What the report said, for the backtest to score: every open invoice, the timing model, the 13-week forecast. */
  open: OpenInvoice[];
  timing: CompiledTiming;
  forecast: CashForecast;
}

export function portfolioStage(ledger: Ledger, scores: InvoiceScores, options: PortfolioOptions = {}): PortfolioResult {
  const {
    seed = defaultPortfolioSeed,
    onStage,
    worklistLimit = 500,
    openInvoiceCap = 4_000,
    customerCap = 2_500,
    scenarioRiskiestCustomers = 100,
    forecastRuns = 500,
    minSettled
  } = options;
  if (scores.pLate.length !== ledger.invoices.length) {
    throw new Error(`portfolio: ${scores.pLate.length} scores for ${ledger.invoices.length} invoices`);
  }
  const random = createRandom(seed);
  const timings: Record<string, number> = {};
  const step = <T>(name: string, run: () => T): T => {
    onStage?.({stage: `portfolio/${name}`, phase: "start"});
    const start = performance.now();
    const out = run();
    timings[name] = performance.now() - start;
    onStage?.({stage: `portfolio/${name}`, phase: "end", detail: {ms: timings[name]}});
    return out;
  };
  onStage?.({stage: "portfolio", phase: "start", detail: {invoices: ledger.invoices.length}});
  const started = performance.now();
  const {asOf, currency} = ledger;

  const {model, timing} = step("timing", () => {
    const index = new Map<Invoice, number>(ledger.invoices.map((invoice, i) => [invoice, i]));
    const model = fitPaymentTiming(settlementRecords(ledger.invoices, (invoice) => scores.pLate[index.get(invoice)!]));
    return {model, timing: compileTiming(model)};
  });

  const table = step("features", () => {
    const predictedLate = meanByCustomer(ledger.invoices, scores.pLate);
    return customerFeatures(ledger.invoices, {asOf, predictedLate, available: ledger.available, minSettled});
  });

  const segmentation = step("clustering", (): Segmentation | null =>
    // k-means needs more customers than clusters; a tiny ledger is reported unsegmented.
    table.matrix.rows >= minSegmentedCustomers && table.matrix.cols > 0 ? segmentCustomers(table, {}, random.fork("segments")) : null
  );
  const segments = step("segments", () =>
    segmentation ? segmentsFile(ledger, scores.pLate, table, segmentation, {seed, pointsCap: customerCap}) : unsegmentedFile(ledger, scores.pLate, table)
  );

  const open = step("openInvoices", () => {
    const predictions = new Map<string, InvoicePrediction>();
    ledger.invoices.forEach((invoice, i) => {
      if (invoice.status === "open") predictions.set(invoice.invoiceId, {pLate: scores.pLate[i], topFactors: scores.factors.get(i) ?? []});
    });
    const exact = openInvoicesFrom(ledger.invoices, {asOf, predictions, segments: segments.segmentOf, timing});
    // The stage computes on the rounded numbers it ships, so the pages reproduce its results exactly.
    const rounded = openInvoicesFromTable(openInvoiceTable(exact, asOf), timing);
    return rounded.map((invoice, i): OpenInvoice => ({...invoice, topFactors: exact[i].topFactors}));
  });

  const history = step("history", () => buildReceivablesHistory(ledger.invoices, asOf));
  const kpis = step("kpis", () => kpisFile({ledger, history, open, timing, segmentOf: segments.segmentOf}));

  const assignment = step("assignment", () => {
    // The suggested value cut-offs, rounded as the file ships them, so the page's re-run starts from the same rules.
    const suggested = resolveStrategyOptions(open);
    return assignStrategies(open, {invoiceValueCutoff: round(suggested.invoiceValueCutoff, 2) ?? 0, customerValueCutoff: round(suggested.customerValueCutoff, 2) ?? 0});
  });
  const strategy = step("strategy", () => {
    const {invoices: shipped, sample} = sampleOpenInvoices(open, {cap: openInvoiceCap, seed});
    return strategyFile({open, assignment, shipped, sample, asOf, currency});
  });

  const {worklistItems, worklist} = step("worklist", () => {
    const worklistItems = buildWorklist(open, asOf, {strategy: assignment});
    return {worklistItems, worklist: worklistFile(worklistItems, {limit: worklistLimit, asOf, currency})};
  });

  const scenario = step("scenario", () => {
    const {invoices: shipped, sample} = sampleOpenInvoices(open, {cap: openInvoiceCap, keepRiskiest: scenarioRiskiestCustomers, seed});
    const averageDailySales = salesBetween(history, asOf - 364, asOf) / 365;
    return scenarioFile({asOf, currency, shipped, sample, open, model, timing, averageDailySales, random: random.fork("forecast"), runs: forecastRuns});
  });
  Object.assign(timings, {
    "scenario.prepareScenario": scenario.timings.prepareScenario,
    "scenario.runScenario": scenario.timings.runScenario,
    "scenario.forecast": scenario.timings.forecast
  });

  const overview = step("overview", () =>
    overviewFacts({
      asOf,
      currency,
      modelName: scores.modelName,
      kpis: kpisAt(history, asOf),
      open,
      strategyTable: strategyTable(open, assignment),
      themes: strategyThemes(open, assignment),
      chosenK: segmentation?.choice.k ?? null
    })
  );

  timings.total = performance.now() - started;
  onStage?.({stage: "portfolio", phase: "end", detail: {ms: timings.total}});
  return {
    // Every page that words a risk figure reads where the risk came from in its own file.
    files: {
      segments: {...segments.file, riskSource: scores.riskSource},
      kpis,
      strategy: {...strategy, riskSource: scores.riskSource},
      worklist,
      scenario: {...scenario.file, riskSource: scores.riskSource},
      "overview-facts": {...overview, riskSource: scores.riskSource}
    },
    timings,
    worklist: worklistItems,
    open,
    timing,
    forecast: scenario.forecast
  };
}

/**
 * Each customer's mean P(late) over its invoices. A loop, not d3's `rollup` over the row numbers, which
 * builds an array of every row and one per customer: at 1M invoices the rollup was 0.58 s of the
 * portfolio stage's CPU profile, and the stage's features step took 4.5 s CPU with it against 2.8–3.2 s
 * with this loop (npm run bench, 2026-12-03).
 */
function meanByCustomer(invoices: readonly Invoice[], pLate: Float64Array): Map<string, number> {
  const sums = new Map<string, {sum: number; count: number}>();
  for (let i = 0; i < invoices.length; ++i) {
    const id = invoices[i].customerId;
    const entry = sums.get(id);
    if (entry) (entry.sum += pLate[i]), ++entry.count;
    else sums.set(id, {sum: pLate[i], count: 1});
  }
  return new Map(Array.from(sums, ([id, {sum, count}]) => [id, sum / count]));
}
