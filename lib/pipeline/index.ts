// The whole report, from a sourced ledger to the files the pages read. Pure: the loader does the I/O.
// Every stage reads the ledger as it stood on the report date; only the backtest reads the history after
// it, to score what the others said.
import {dataStage} from "./data.js";
import {modelStage, paymentHistoryGap} from "../model/index.js";
import {skippedModelStage} from "../model/skipped.js";
import type {ModelStage} from "../model/index.js";
import {portfolioStage, worklistCsv} from "../portfolio/index.js";
import type {PortfolioResult} from "../portfolio/index.js";
import {backtestStage} from "../backtest/index.js";
import type {BacktestResult} from "../backtest/index.js";
import type {SourcedLedger} from "./source.js";
import type {ReportFiles} from "./contract.js";
import type {StageHook} from "./types.js";

export interface ReportOptions {
  seed: number;
  onStage?: StageHook;
}

export interface Report {
  /** name → JSON value, written as `<name>.json` (./contract.ts). */
  files: ReportFiles;
  /** name → CSV lines, written as `<name>.csv` (downloads). */
  downloads: Record<string, () => Iterable<string>>;
  /** Stage results, for the benchmark and the export (never written into the site). */
  model: ModelStage;
  portfolio: PortfolioResult;
  backtest: BacktestResult;
}

export function buildReport(sourced: SourcedLedger, {seed, onStage}: ReportOptions): Report {
  const stage = <T>(name: string, run: () => T): T => {
    onStage?.({stage: name, phase: "start"});
    const result = run();
    onStage?.({stage: name, phase: "end"});
    return result;
  };
  const {ledger} = sourced;
  const data = stage("data", () => dataStage(sourced));
  // A ledger without payment history (an open-items snapshot) still gets its aging, DSO and worklist.
  const historyGap = paymentHistoryGap(ledger);
  const model = stage("model", () => (historyGap ? skippedModelStage(ledger, historyGap) : modelStage(ledger, {seed, onStage})));
  const portfolio = stage("portfolio", () => portfolioStage(ledger, model.scores, {seed, onStage}));
  const backtest = stage("backtest", () =>
    backtestStage(
      {...sourced, reminderWindowDays: sourced.provenance.reminderWindowDays, scores: model.scores, features: model.features, recipe: model.recipe, portfolio},
      {seed, onStage}
    )
  );
  return {
    files: {...data.files, ...model.files, ...portfolio.files, ...backtest.files},
    downloads: {
      "cleaned-ledger": data.cleanedCsv,
      worklist: () => [worklistCsv(portfolio.worklist, {currency: ledger.currency})]
    },
    model,
    portfolio,
    backtest
  };
}
