// The 13-week cash-in forecast: expected cash per week from the open invoices and their payment-timing
// distributions (lib/portfolio/paymentTiming.ts), with an uncertainty band from a seeded Monte Carlo.
//
// Expected cash in week k = Σ open amount × P(paid in week k), week k being days as-of + 7(k − 1) + 1 …
// as-of + 7k. What is not expected within the horizon is split into "later" and "never" (expected
// write-offs), so weeks + later = Σ open amount × expected collection share.
//
// Monte Carlo: each run draws, for every invoice, one outcome (a week, later, or never) from its own
// distribution of outcomes. Invoices of one customer tend to move together (one AP department, one cash
// position), so with probability `customerCorrelation` an invoice uses its customer's draw for the run
// instead of its own; 0 makes invoices independent, which gives an unrealistically narrow band.
import type {Day} from "../core/dates.js";
import type {OpenInvoice} from "./openInvoices.js";
import {collectionShare, invoiceTiming, noShift, paidBy} from "./paymentTiming.js";
import type {CompiledTiming, InvoiceTiming, TimingShift} from "./paymentTiming.js";
import type {Random} from "../core/random.js";
import {quantileSorted} from "../core/stats.js";

export interface ForecastItem {
  amount: number;
  customerId: string;
  timing: InvoiceTiming;
  /** Scenario change to the payment timing; none by default. */
  shift?: TimingShift;
}

/** Forecast items for open invoices; `shifts[i]` (optional) applies to invoice i. */
export function forecastItems(invoices: readonly OpenInvoice[], timing: CompiledTiming, asOf: Day, shifts?: readonly TimingShift[]): ForecastItem[] {
  return invoices.map((invoice, i) => ({amount: invoice.amount, customerId: invoice.customerId, timing: invoiceTiming(timing, invoice, asOf), shift: shifts?.[i]}));
}

/**
 * P(paid in week k) for k = 1…weeks, then P(paid after the horizon), then P(never paid), into `out`
 * (length weeks + 2). They sum to 1.
 */
export function weeklyPaymentProbabilities(t: InvoiceTiming, asOf: Day, weeks: number, shift: TimingShift = noShift, out = new Float64Array(weeks + 2)): Float64Array {
  let previous = paidBy(t, asOf, shift);
  for (let k = 1; k <= weeks; ++k) {
    const now = paidBy(t, asOf + 7 * k, shift);
    out[k - 1] = Math.max(0, now - previous);
    previous = now;
  }
  const collected = collectionShare(t, shift);
  out[weeks] = Math.max(0, collected - previous);
  out[weeks + 1] = Math.max(0, 1 - collected);
  return out;
}

export interface ExpectedCash {
  /** Expected cash per week. */
  weekly: Float64Array;
  /** Expected cash after the horizon. */
  later: number;
  /** Expected amount never collected (write-offs). */
  uncollected: number;
  openAmount: number;
}

export function expectedCashByWeek(items: readonly ForecastItem[], asOf: Day, weeks = 13): ExpectedCash {
  const weekly = new Float64Array(weeks);
  const probabilities = new Float64Array(weeks + 2);
  let later = 0, uncollected = 0, openAmount = 0;
  for (const item of items) {
    weeklyPaymentProbabilities(item.timing, asOf, weeks, item.shift, probabilities);
    for (let k = 0; k < weeks; ++k) weekly[k] += item.amount * probabilities[k];
    later += item.amount * probabilities[weeks];
    uncollected += item.amount * probabilities[weeks + 1];
    openAmount += item.amount;
  }
  return {weekly, later, uncollected, openAmount};
}

export interface ForecastOptions {
  /** Weeks in the horizon (default 13). */
  weeks?: number;
  /** Monte Carlo runs (default 500); 0 skips the band. */
  runs?: number;
  /** Band quantiles (default 0.1 and 0.9). */
  lower?: number;
  upper?: number;
  /** Probability an invoice follows its customer's draw in a run (default 0.5). */
  customerCorrelation?: number;
}

export interface Band {
  expected: number;
  low: number;
  median: number;
  high: number;
}

export interface ForecastWeek {
  week: number;
  start: Day;
  end: Day;
  cash: Band;
  /** Cash from the as-of day to the end of this week. */
  cumulative: Band;
}

export interface CashForecast {
  asOf: Day;
  weeks: ForecastWeek[];
  openAmount: number;
  /** Expected after the horizon. */
  later: number;
  /** Expected never collected. */
  uncollected: number;
  /** (Σ weeks + later) ÷ open amount. */
  expectedCollectionShare: number;
  runs: number;
  lower: number;
  upper: number;
  customerCorrelation: number;
}

/** Runs × weeks matrix of simulated weekly cash; row r holds run r. */
export function simulateCashByWeek(items: readonly ForecastItem[], asOf: Day, weeks: number, runs: number, random: Random, customerCorrelation = 0.5): Float64Array {
  const categories = weeks + 2;
  const cumulative = new Float64Array(items.length * categories);
  const customerOf = new Int32Array(items.length);
  const customerIndex = new Map<string, number>();
  const probabilities = new Float64Array(categories);
  items.forEach((item, i) => {
    weeklyPaymentProbabilities(item.timing, asOf, weeks, item.shift, probabilities);
    let running = 0;
    for (let k = 0; k < categories; ++k) cumulative[i * categories + k] = running += probabilities[k];
    let c = customerIndex.get(item.customerId);
    if (c === undefined) customerIndex.set(item.customerId, (c = customerIndex.size));
    customerOf[i] = c;
  });
  const amounts = Float64Array.from(items, (item) => item.amount);
  const shared = new Float64Array(customerIndex.size);
  const out = new Float64Array(runs * weeks);
  const rho = Math.min(1, Math.max(0, customerCorrelation));
  for (let r = 0; r < runs; ++r) {
    for (let c = 0; c < shared.length; ++c) shared[c] = random.next();
    const row = r * weeks;
    for (let i = 0; i < items.length; ++i) {
      // One draw decides whether to follow the customer and, rescaled, is the invoice's own uniform otherwise.
      let u: number;
      if (rho >= 1) u = shared[customerOf[i]];
      else if (rho <= 0) u = random.next();
      else {
        const v = random.next();
        u = v < rho ? shared[customerOf[i]] : (v - rho) / (1 - rho);
      }
      const base = i * categories;
      let k = 0;
      while (k < weeks && u >= cumulative[base + k]) ++k;
      if (k < weeks) out[row + k] += amounts[i];
    }
  }
  return out;
}

function band(expected: number, samples: Float64Array, lower: number, upper: number): Band {
  if (!samples.length) return {expected, low: NaN, median: NaN, high: NaN};
  samples.sort();
  return {expected, low: quantileSorted(samples, lower), median: quantileSorted(samples, 0.5), high: quantileSorted(samples, upper)};
}

export function forecastCash(items: readonly ForecastItem[], asOf: Day, random: Random, options: ForecastOptions = {}): CashForecast {
  const {weeks = 13, runs = 500, lower = 0.1, upper = 0.9, customerCorrelation = 0.5} = options;
  const expected = expectedCashByWeek(items, asOf, weeks);
  const simulated = runs > 0 ? simulateCashByWeek(items, asOf, weeks, runs, random, customerCorrelation) : new Float64Array(0);
  const running = new Float64Array(runs);
  const weekSamples = new Float64Array(runs);
  let cumulativeExpected = 0;
  const out: ForecastWeek[] = [];
  for (let k = 0; k < weeks; ++k) {
    for (let r = 0; r < runs; ++r) {
      weekSamples[r] = simulated[r * weeks + k];
      running[r] += weekSamples[r];
    }
    cumulativeExpected += expected.weekly[k];
    out.push({
      week: k + 1,
      start: asOf + 7 * k + 1,
      end: asOf + 7 * (k + 1),
      cash: band(expected.weekly[k], weekSamples.slice(), lower, upper),
      cumulative: band(cumulativeExpected, running.slice(), lower, upper)
    });
  }
  return {
    asOf,
    weeks: out,
    openAmount: expected.openAmount,
    later: expected.later,
    uncollected: expected.uncollected,
    expectedCollectionShare: expected.openAmount > 0 ? (cumulativeExpected + expected.later) / expected.openAmount : NaN,
    runs,
    lower,
    upper,
    customerCorrelation
  };
}
