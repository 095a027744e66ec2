// Shapes passed between the report's stages. Each stage is a pure function of lib/ (its room's index.ts); the loader
// (data-loaders/report.tgz.ts) runs them in order and writes what they return as JSON files, whose shapes
// are declared in ./contract.ts.
import type {Ledger} from "../input/ledger.js";

/** What the model stage hands to the portfolio stage. */
export interface InvoiceScores {
  /**
   * P(paid late) for every invoice of the ledger, in ledger order, from the production model (refit on
   * every invoice due before the as-of date, calibrated), using features known on each invoice's date.
   */
  pLate: Float64Array;
  /** Top contributing factors, in plain words, for each open (scored) invoice, by ledger index. */
  factors: Map<number, string[]>;
  /** Name of the model family the report uses ("Gradient-boosted trees", ...). */
  modelName: string;
  /** Where the scores come from: a fitted model, or the past-due rule used without a payment history. */
  riskSource: RiskSource;
}

/**
 * Where open invoices' risk comes from: the late-payment model, or — for a ledger without payment
 * history — the rule that an invoice already past due is late and one not yet due carries the share of
 * open invoices already past due (lib/model/skipped.ts). Pages word their figures by it.
 */
export type RiskSource = "model" | "rule";

/** Called when a stage starts and ends, so benchmarks can time it; `detail` names sub-steps. */
export type StageHook = (event: {stage: string; phase: "start" | "end"; detail?: Record<string, number | string>}) => void;

export interface StageContext {
  ledger: Ledger;
  seed: number;
  onStage?: StageHook;
}
