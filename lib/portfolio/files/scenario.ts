// The `scenario` file: what the Scenarios page needs to call prepareScenario and runScenario itself on
// every slider move (open invoices, the payment-timing model, the as-of day, slider specs), the result
// at the default inputs with its decision curve, and the baseline 13-week forecast with its simulated band.
import {formatIsoDay} from "../../core/dates.js";
import {forecastCash, forecastItems} from "../forecast.js";
import type {CashForecast} from "../forecast.js";
import type {OpenInvoice} from "../openInvoices.js";
import {summarizeTiming} from "../paymentTiming.js";
import type {CompiledTiming, PaymentTimingModel} from "../paymentTiming.js";
import type {Random} from "../../core/random.js";
import {defaultScenarioInputs, prepareScenario, runScenario, scenarioInputSpecs} from "../scenario.js";
import type {InterventionOutcome, ScenarioResult} from "../scenario.js";
import {round, roundAllFinite, roundFinite} from "../../core/json.js";
import type {ScenarioFile, ScenarioResultFile} from "../../pipeline/contract.js";
import {openInvoiceTable} from "../openInvoiceTable.js";
import type {SampleInfo} from "../sample.js";

export interface ScenarioFileInputs {
  asOf: number;
  currency: string;
  /** The open invoices the page gets (all unless capped), rebuilt from the compact table. */
  shipped: readonly OpenInvoice[];
  sample: SampleInfo;
  /** Every open invoice, for the forecast. */
  open: readonly OpenInvoice[];
  model: PaymentTimingModel;
  timing: CompiledTiming;
  averageDailySales: number | null;
  random: Random;
  /** Monte Carlo runs of the forecast band (default 500). */
  runs?: number;
  horizonDays?: number;
  weeks?: number;
}

export function scenarioFile(inputs: ScenarioFileInputs): {file: ScenarioFile; forecast: CashForecast; timings: {prepareScenario: number; runScenario: number; forecast: number}} {
  const {asOf, currency, shipped, sample, open, model, timing, averageDailySales, random, runs = 500, horizonDays = 30, weeks = 13} = inputs;
  const options = {averageDailySales, horizonDays, weeks};
  const t0 = performance.now();
  const prepared = prepareScenario(shipped, timing, asOf, options);
  const t1 = performance.now();
  const result = runScenario(prepared, defaultScenarioInputs);
  const t2 = performance.now();
  const forecast = forecastCash(forecastItems(open, timing, asOf), asOf, random, {weeks, runs});
  const t3 = performance.now();

  const file: ScenarioFile = {
    asOf,
    asOfIso: formatIsoDay(asOf),
    currency,
    options: {horizonDays, weeks, averageDailySales: round(averageDailySales, 2), thresholds: [...prepared.thresholds]},
    inputSpecs: scenarioInputSpecs.map((s) => ({...s})),
    defaults: {...defaultScenarioInputs},
    // Not rounded: JSON keeps every double exactly, so the page's compileTiming(model) is the stage's.
    timingModel: model,
    timingSummary: summarizeTiming(model).map((b) => ({
      band: b.band,
      meanDaysLate: roundFinite(b.meanDaysLate, 2),
      medianDaysLate: b.medianDaysLate,
      writeOffShare: roundFinite(b.writeOffShare, 4),
      meanDaysEarly: roundFinite(b.meanDaysEarly, 2),
      observations: b.observations,
      borrowed: b.borrowed
    })),
    sample,
    openInvoices: openInvoiceTable(shipped, asOf),
    defaultResult: scenarioResultJson(result),
    forecast: {
      runs: forecast.runs,
      lower: forecast.lower,
      upper: forecast.upper,
      customerCorrelation: forecast.customerCorrelation,
      openAmount: roundFinite(forecast.openAmount, 2),
      later: roundFinite(forecast.later, 2),
      uncollected: roundFinite(forecast.uncollected, 2),
      // A share of nothing when nothing is open (a book whose every invoice has been paid).
      expectedCollectionShare: round(forecast.expectedCollectionShare, 4),
      weeks: {
        length: forecast.weeks.length,
        week: forecast.weeks.map((w) => w.week),
        start: forecast.weeks.map((w) => formatIsoDay(w.start)),
        end: forecast.weeks.map((w) => formatIsoDay(w.end)),
        expected: forecast.weeks.map((w) => roundFinite(w.cash.expected, 2)),
        low: forecast.weeks.map((w) => roundFinite(w.cash.low, 2)),
        median: forecast.weeks.map((w) => roundFinite(w.cash.median, 2)),
        high: forecast.weeks.map((w) => roundFinite(w.cash.high, 2)),
        cumulativeExpected: forecast.weeks.map((w) => roundFinite(w.cumulative.expected, 2)),
        cumulativeLow: forecast.weeks.map((w) => roundFinite(w.cumulative.low, 2)),
        cumulativeMedian: forecast.weeks.map((w) => roundFinite(w.cumulative.median, 2)),
        cumulativeHigh: forecast.weeks.map((w) => roundFinite(w.cumulative.high, 2))
      }
    }
  };
  return {file, forecast, timings: {prepareScenario: t1 - t0, runScenario: t2 - t1, forecast: t3 - t2}};
}


function outcomeJson(o: InterventionOutcome): InterventionOutcome {
  return {
    threshold: roundFinite(o.threshold, 4),
    eligible: o.eligible,
    actioned: o.actioned,
    cost: roundFinite(o.cost, 2),
    financingValue: roundFinite(o.financingValue, 2),
    recovered: roundFinite(o.recovered, 2),
    net: roundFinite(o.net, 2)
  };
}

/** A scenario result without its per-invoice shifts, typed arrays as rounded plain arrays. */
export function scenarioResultJson(r: ScenarioResult): ScenarioResultFile {
  return {
    inputs: {...r.inputs},
    delayed: {customers: r.delayed.customers, invoices: r.delayed.invoices, amount: roundFinite(r.delayed.amount, 2)},
    openAr: {baseline: roundFinite(r.openAr.baseline, 2), scenario: roundFinite(r.openAr.scenario, 2), change: roundFinite(r.openAr.change, 2)},
    aging: r.aging.map((a) => ({bucket: a.bucket, baseline: roundFinite(a.baseline, 2), scenario: roundFinite(a.scenario, 2)})),
    dsoChange: {delay: roundFinite(r.dsoChange.delay, 2), interventions: roundFinite(r.dsoChange.interventions, 2), total: roundFinite(r.dsoChange.total, 2)},
    workingCapitalChange: round(r.workingCapitalChange, 2),
    financingCost: roundFinite(r.financingCost, 2),
    interventions: {...outcomeJson(r.interventions), cashAccelerated: roundFinite(r.interventions.cashAccelerated, 2), daysSaved: roundFinite(r.interventions.daysSaved, 2)},
    cashByWeek: {baseline: roundAllFinite(r.cashByWeek.baseline, 2), scenario: roundAllFinite(r.cashByWeek.scenario, 2)},
    decisionCurve: {points: r.decisionCurve.points.map(outcomeJson), optimum: r.decisionCurve.optimum ? outcomeJson(r.decisionCurve.optimum) : null}
  };
}
