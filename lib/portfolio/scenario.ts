// What-if scenarios on the open book: customers paying later, and collection actions paying off. Pure
// functions shared by the Scenarios page (recomputed on every slider move) and the tests.
//
// The expected-delay model (lib/portfolio/paymentTiming.ts): each open invoice has a distribution of payment days
// given its P(late), its risk band's empirical timing and how overdue it already is. Its expected days
// late is P(late) × E[days late | late, band] for an invoice not yet due, and E[days late | days late >
// days already overdue, band] for an overdue one.
//
// Shocks and actions move payment days:
//   - Delay shocks: the N riskiest customers (by expected late amount) pay D₁ days later; a share s of all
//     customers, picked by a seeded hash of the customer id (a customer picked at s stays picked at any
//     larger s), pays D₂ days later. A customer in both delays D₁ + D₂.
//   - Actions: invoices with P(late) ≥ the threshold are worked in worklist order at the weekly capacity
//     for `actionWeeks` weeks; an invoice worked in week w (action on as-of + 1 + 7w) has the delay beyond
//     max(action day, due date) cut by the reminder effectiveness, and that share of its write-off
//     probability times `writeOffPrevention` collected instead. Each worked invoice costs one action.
// Money over time:
//   - financing cost of a delay = Σ amount × annual rate × extra days / 365 (extra days: change in the
//     expected days to cash, weighted by the probability of being paid);
//   - DSO change = Σ amount × extra days ÷ Σ amount × P(collected): the steady-state change if the
//     behaviour persisted, weighting customers by their open amount rather than their sales;
//   - working capital tied up = DSO change × average daily sales (needs the sales rate from the ledger).
import type {Day} from "../core/dates.js";
import {agingBucket, agingBuckets} from "../input/ledger.js";
import type {AgingBucket} from "../input/ledger.js";
import {expectedLateAmount} from "./openInvoices.js";
import type {OpenInvoice} from "./openInvoices.js";
import {collectionShare, invoiceTiming, noShift, paidBy, paidDaysMoment, writeOffProbability, writtenOffBy} from "./paymentTiming.js";
import type {CompiledTiming, InvoiceTiming, TimingShift} from "./paymentTiming.js";
import {hashString} from "../core/random.js";
import {worklistOrder} from "./worklistOrder.js";

export interface ScenarioInputs {
  /** How many of the riskiest customers delay. */
  riskyCustomersDelayed: number;
  /** Extra days they take, in days. */
  riskyCustomerDelayDays: number;
  /** Share of all customers that slow down, 0–1. */
  slowingShare: number;
  /** Extra days the slowing customers take. */
  slowingDelayDays: number;
  /** Share of the delay an action removes, 0–1. */
  reminderEffectiveness: number;
  /** Invoices the team can work per week. */
  capacityPerWeek: number;
  /** Weeks of collection work planned. */
  actionWeeks: number;
  /** Work only invoices with P(late) at or above this. */
  interventionThreshold: number;
  /** Annual cost of capital, 0–1. */
  costOfCapital: number;
  /** Cost of working one invoice, in the ledger currency. */
  costPerAction: number;
  /** Share of an actioned invoice's write-off probability collected instead, 0–1. */
  writeOffPrevention: number;
  /** Seed of the hash that picks the slowing customers. */
  selectionSeed: number;
}

export interface ScenarioInputSpec {
  key: keyof ScenarioInputs;
  label: string;
  unit: "customers" | "days" | "share" | "invoices/week" | "weeks" | "probability" | "per year" | "currency" | "seed";
  min: number;
  max: number;
  step: number;
  value: number;
}

/** Slider definitions with defaults; shares are fractions (the page shows them as %). */
export const scenarioInputSpecs: readonly ScenarioInputSpec[] = [
  {key: "riskyCustomersDelayed", label: "Riskiest customers who delay", unit: "customers", min: 0, max: 100, step: 1, value: 10},
  {key: "riskyCustomerDelayDays", label: "Their extra delay", unit: "days", min: 0, max: 90, step: 1, value: 15},
  {key: "slowingShare", label: "Share of all customers slowing down", unit: "share", min: 0, max: 1, step: 0.01, value: 0},
  {key: "slowingDelayDays", label: "Their extra delay", unit: "days", min: 0, max: 90, step: 1, value: 10},
  {key: "reminderEffectiveness", label: "Reminder effectiveness (delay removed)", unit: "share", min: 0, max: 1, step: 0.05, value: 0.3},
  {key: "capacityPerWeek", label: "Collection capacity", unit: "invoices/week", min: 0, max: 1000, step: 10, value: 100},
  {key: "actionWeeks", label: "Weeks of collection work", unit: "weeks", min: 1, max: 13, step: 1, value: 4},
  {key: "interventionThreshold", label: "Intervene from P(late)", unit: "probability", min: 0, max: 1, step: 0.05, value: 0.5},
  {key: "costOfCapital", label: "Cost of capital", unit: "per year", min: 0, max: 0.3, step: 0.005, value: 0.08},
  {key: "costPerAction", label: "Cost per collection action", unit: "currency", min: 0, max: 500, step: 5, value: 25},
  {key: "writeOffPrevention", label: "Write-offs prevented by an action", unit: "share", min: 0, max: 1, step: 0.05, value: 0.1},
  {key: "selectionSeed", label: "Which customers slow down (seed)", unit: "seed", min: 1, max: 100, step: 1, value: 1}
];

export const defaultScenarioInputs: Readonly<ScenarioInputs> = Object.freeze(
  Object.fromEntries(scenarioInputSpecs.map((s) => [s.key, s.value])) as unknown as ScenarioInputs
);

export function resolveScenarioInputs(inputs: Partial<ScenarioInputs> = {}): ScenarioInputs {
  const resolved = {...defaultScenarioInputs, ...inputs};
  const share = (v: number) => Math.min(1, Math.max(0, v));
  const count = (v: number) => Math.max(0, Math.floor(v));
  return {
    riskyCustomersDelayed: count(resolved.riskyCustomersDelayed),
    riskyCustomerDelayDays: Math.max(0, resolved.riskyCustomerDelayDays),
    slowingShare: share(resolved.slowingShare),
    slowingDelayDays: Math.max(0, resolved.slowingDelayDays),
    reminderEffectiveness: share(resolved.reminderEffectiveness),
    capacityPerWeek: count(resolved.capacityPerWeek),
    actionWeeks: count(resolved.actionWeeks),
    interventionThreshold: share(resolved.interventionThreshold),
    costOfCapital: Math.max(0, resolved.costOfCapital),
    costPerAction: Math.max(0, resolved.costPerAction),
    writeOffPrevention: share(resolved.writeOffPrevention),
    selectionSeed: resolved.selectionSeed
  };
}

/** A uniform number in [0, 1) from a string, stable across runs and platforms. */
export function unitHash(text: string): number {
  // FNV-1a alone leaves similar ids (C00041, C00042) correlated in the high bits; murmur3's finaliser mixes them.
  let h = hashString(text);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

export interface ScenarioOptions {
  /** Horizon of the expected aging and open AR (default 30 days). */
  horizonDays?: number;
  /** Weeks of the cash forecast (default 13). */
  weeks?: number;
  /** Average daily sales, for working capital; null leaves it out. */
  averageDailySales?: number | null;
  /** Thresholds of the decision curve (default 0.05, 0.10 … 0.95). */
  thresholds?: readonly number[];
}

export interface AgingAmount {
  bucket: AgingBucket;
  amount: number;
}

/** Everything about the open book that does not depend on the sliders, computed once. */
export interface PreparedScenario {
  asOf: Day;
  invoices: readonly OpenInvoice[];
  timings: InvoiceTiming[];
  horizonDays: number;
  weeks: number;
  averageDailySales: number | null;
  thresholds: readonly number[];
  customerIds: string[];
  /** Customer index of each invoice. */
  customerOf: Int32Array;
  /** Each customer's rank by expected late amount (0 = riskiest). */
  customerRiskRank: Int32Array;
  /** Invoice indices in worklist order. */
  order: Int32Array;
  /** Aging bucket (index into agingBuckets) of each invoice at the horizon; shifts do not change it. */
  horizonBucket: Uint8Array;
  baseline: {
    /** Per invoice: E[days to cash · 1{paid}], P(collected), P(written off). */
    paidDays: Float64Array;
    collection: Float64Array;
    writeOff: Float64Array;
    /** Per invoice: expected open amount at the horizon, and expected cash per week (row-major, `weeks` per invoice). */
    openAmountAtHorizon: Float64Array;
    invoiceCashByWeek: Float64Array;
    openAtHorizon: number;
    aging: AgingAmount[];
    cashByWeek: Float64Array;
    expectedCollected: number;
  };
}

export const defaultThresholds: readonly number[] = Array.from({length: 19}, (_, i) => (i + 1) / 20);

/** Expected open amount of invoice i at the horizon under a shift. */
function openAtHorizon(p: Pick<PreparedScenario, "invoices" | "timings" | "asOf" | "horizonDays">, i: number, shift: TimingShift): number {
  const day = p.asOf + p.horizonDays;
  const t = p.timings[i];
  return p.invoices[i].amount * Math.max(0, 1 - paidBy(t, day, shift) - writtenOffBy(t, day, shift));
}

/** Expected cash of invoice i per week under a shift, into out[offset …]. */
function invoiceCash(p: Pick<PreparedScenario, "invoices" | "timings" | "asOf" | "weeks">, i: number, shift: TimingShift, out: Float64Array, offset: number): void {
  const t = p.timings[i];
  const amount = p.invoices[i].amount;
  let previous = paidBy(t, p.asOf, shift);
  for (let k = 1; k <= p.weeks; ++k) {
    const now = paidBy(t, p.asOf + 7 * k, shift);
    out[offset + k - 1] = amount * (now - previous);
    previous = now;
  }
}

export function prepareScenario(invoices: readonly OpenInvoice[], timing: CompiledTiming, asOf: Day, options: ScenarioOptions = {}): PreparedScenario {
  const {horizonDays = 30, weeks = 13, averageDailySales = null, thresholds = defaultThresholds} = options;
  const n = invoices.length;
  const timings = invoices.map((invoice) => invoiceTiming(timing, invoice, asOf));
  const customerIndex = new Map<string, number>();
  const customerOf = new Int32Array(n);
  const lateAmount: number[] = [];
  invoices.forEach((invoice, i) => {
    let c = customerIndex.get(invoice.customerId);
    if (c === undefined) {
      customerIndex.set(invoice.customerId, (c = customerIndex.size));
      lateAmount.push(0);
    }
    customerOf[i] = c;
    lateAmount[c] += expectedLateAmount(invoice);
  });
  const customerIds = [...customerIndex.keys()];
  const ranked = Int32Array.from(customerIds.keys()).sort((a, b) => lateAmount[b] - lateAmount[a] || (customerIds[a] < customerIds[b] ? -1 : 1));
  const customerRiskRank = new Int32Array(customerIds.length);
  ranked.forEach((c, rank) => (customerRiskRank[c] = rank));

  const base = {invoices, timings, asOf, horizonDays, weeks};
  const bucketIndex = new Map(agingBuckets.map((b, k) => [b, k]));
  const horizonBucket = Uint8Array.from(invoices, (invoice) => bucketIndex.get(agingBucket(asOf + horizonDays - invoice.dueDate))!);
  const paidDays = Float64Array.from(timings, (t) => paidDaysMoment(t));
  const collection = Float64Array.from(timings, (t) => collectionShare(t));
  const writeOff = Float64Array.from(timings, (t) => writeOffProbability(t));
  const openAmountAtHorizon = new Float64Array(n);
  const invoiceCashByWeek = new Float64Array(n * weeks);
  const agingAmounts = new Float64Array(agingBuckets.length);
  const totalCash = new Float64Array(weeks);
  let expectedCollected = 0, openTotal = 0;
  for (let i = 0; i < n; ++i) {
    openAmountAtHorizon[i] = openAtHorizon(base, i, noShift);
    agingAmounts[horizonBucket[i]] += openAmountAtHorizon[i];
    openTotal += openAmountAtHorizon[i];
    invoiceCash(base, i, noShift, invoiceCashByWeek, i * weeks);
    for (let k = 0; k < weeks; ++k) totalCash[k] += invoiceCashByWeek[i * weeks + k];
    expectedCollected += invoices[i].amount * collection[i];
  }
  return {
    ...base,
    averageDailySales,
    thresholds,
    customerIds,
    customerOf,
    customerRiskRank,
    order: worklistOrder(invoices),
    horizonBucket,
    baseline: {
      paidDays,
      collection,
      writeOff,
      openAmountAtHorizon,
      invoiceCashByWeek,
      openAtHorizon: openTotal,
      aging: agingBuckets.map((bucket, b) => ({bucket, amount: agingAmounts[b]})),
      cashByWeek: totalCash,
      expectedCollected
    }
  };
}

/** Extra delay per customer under the inputs' shocks. */
export function customerDelays(prepared: PreparedScenario, inputs: ScenarioInputs): Float64Array {
  const delays = new Float64Array(prepared.customerIds.length);
  prepared.customerIds.forEach((id, c) => {
    if (prepared.customerRiskRank[c] < inputs.riskyCustomersDelayed) delays[c] += inputs.riskyCustomerDelayDays;
    if (unitHash(`${inputs.selectionSeed}:${id}`) < inputs.slowingShare) delays[c] += inputs.slowingDelayDays;
  });
  return delays;
}

export interface InterventionOutcome {
  threshold: number;
  /** Invoices at or above the threshold. */
  eligible: number;
  /** Invoices worked within capacity. */
  actioned: number;
  cost: number;
  /** Σ amount × rate × days saved / 365. */
  financingValue: number;
  /** Expected write-off amount collected instead. */
  recovered: number;
  /** financingValue + recovered − cost. */
  net: number;
}

interface ActionPlan {
  outcome: InterventionOutcome;
  /** Shift per invoice for the actioned ones (undefined: not actioned). */
  shifts: (TimingShift | undefined)[];
  /** Σ amount × days saved. */
  amountDaysSaved: number;
}

/** Per-run context shared by the chosen threshold and every point of the decision curve. */
interface ActionContext {
  p: PreparedScenario;
  inputs: ScenarioInputs;
  delays: Float64Array;
  shockDays: Float64Array;
  /** E[days to cash] of invoice i when worked in week w, at i × actionWeeks + w; NaN until computed. */
  actedDays: Float64Array;
}

function actionShift(c: ActionContext, i: number, week: number): TimingShift {
  return {
    delayDays: c.delays[c.p.customerOf[i]],
    pivot: Math.max(c.p.asOf + 1 + 7 * week, c.p.invoices[i].dueDate),
    compression: c.inputs.reminderEffectiveness,
    writeOffPrevention: c.inputs.writeOffPrevention
  };
}

function planActions(c: ActionContext, threshold: number, keepShifts: boolean): ActionPlan {
  const {p, inputs} = c;
  const capacity = inputs.capacityPerWeek * inputs.actionWeeks;
  const shifts: (TimingShift | undefined)[] = keepShifts ? new Array(p.invoices.length) : [];
  let eligible = 0, actioned = 0, amountDaysSaved = 0, recovered = 0;
  for (const i of p.order) {
    const invoice = p.invoices[i];
    if (!(invoice.pLate >= threshold)) continue;
    ++eligible;
    if (actioned >= capacity) continue;
    const week = Math.floor(actioned / inputs.capacityPerWeek);
    ++actioned;
    const slot = i * inputs.actionWeeks + week;
    if (keepShifts || Number.isNaN(c.actedDays[slot])) {
      const shift = actionShift(c, i, week);
      if (keepShifts) shifts[i] = shift;
      c.actedDays[slot] = paidDaysMoment(p.timings[i], shift);
    }
    amountDaysSaved += invoice.amount * (c.shockDays[i] - c.actedDays[slot]);
    recovered += invoice.amount * inputs.writeOffPrevention * p.baseline.writeOff[i];
  }
  const financingValue = (amountDaysSaved * inputs.costOfCapital) / 365;
  const cost = actioned * inputs.costPerAction;
  return {outcome: {threshold, eligible, actioned, cost, financingValue, recovered, net: financingValue + recovered - cost}, shifts, amountDaysSaved};
}

export interface ScenarioResult {
  inputs: ScenarioInputs;
  delayed: {customers: number; invoices: number; amount: number};
  /** Expected open AR `horizonDays` after the as-of day. */
  openAr: {baseline: number; scenario: number; change: number};
  /** Expected aging at the horizon. */
  aging: {bucket: AgingBucket; baseline: number; scenario: number}[];
  /** Change in DSO, days: from the delays, from the actions, and both. */
  dsoChange: {delay: number; interventions: number; total: number};
  /** Steady-state change in working capital tied up (DSO change × average daily sales); null without a sales rate. */
  workingCapitalChange: number | null;
  /** Financing cost of the delays. */
  financingCost: number;
  interventions: InterventionOutcome & {
    /** Extra cash expected within the forecast horizon thanks to the actions. */
    cashAccelerated: number;
    /** Amount-weighted mean days saved per actioned invoice. */
    daysSaved: number;
  };
  cashByWeek: {baseline: Float64Array; scenario: Float64Array};
  decisionCurve: {points: InterventionOutcome[]; optimum: InterventionOutcome | null};
  /** The timing change applied to each invoice, e.g. for a Monte Carlo band of the scenario (lib/portfolio/forecast.ts). */
  shifts: TimingShift[];
}

export function runScenario(prepared: PreparedScenario, partialInputs: Partial<ScenarioInputs> = {}): ScenarioResult {
  const inputs = resolveScenarioInputs(partialInputs);
  const p = prepared;
  const n = p.invoices.length;
  const delays = customerDelays(p, inputs);

  const shockShifts: TimingShift[] = new Array(n);
  const shockDays = new Float64Array(n);
  let delayedInvoices = 0, delayedAmount = 0, shockAmountDays = 0;
  for (let i = 0; i < n; ++i) {
    const delayDays = delays[p.customerOf[i]];
    shockShifts[i] = delayDays > 0 ? {...noShift, delayDays} : noShift;
    shockDays[i] = delayDays > 0 ? paidDaysMoment(p.timings[i], shockShifts[i]) : p.baseline.paidDays[i];
    if (delayDays > 0) {
      ++delayedInvoices;
      delayedAmount += p.invoices[i].amount;
      shockAmountDays += p.invoices[i].amount * (shockDays[i] - p.baseline.paidDays[i]);
    }
  }
  let delayedCustomers = 0;
  for (const d of delays) if (d > 0) ++delayedCustomers;

  const context: ActionContext = {p, inputs, delays, shockDays, actedDays: new Float64Array(n * Math.max(1, inputs.actionWeeks)).fill(NaN)};
  const plan = planActions(context, inputs.interventionThreshold, true);
  const shifts = shockShifts.map((shift, i) => plan.shifts[i] ?? shift);

  // Only shifted invoices differ from the baseline: update its totals by their differences.
  const scenarioCash = Float64Array.from(p.baseline.cashByWeek);
  const agingAmounts = Float64Array.from(p.baseline.aging, (a) => a.amount);
  const cash = new Float64Array(p.weeks);
  let openTotal = p.baseline.openAtHorizon, cashAccelerated = 0, actionedAmount = 0;
  const horizonEnd = p.asOf + 7 * p.weeks;
  for (let i = 0; i < n; ++i) {
    const shift = shifts[i];
    if (shift === noShift) continue;
    invoiceCash(p, i, shift, cash, 0);
    for (let k = 0; k < p.weeks; ++k) scenarioCash[k] += cash[k] - p.baseline.invoiceCashByWeek[i * p.weeks + k];
    const open = openAtHorizon(p, i, shift) - p.baseline.openAmountAtHorizon[i];
    agingAmounts[p.horizonBucket[i]] += open;
    openTotal += open;
    if (plan.shifts[i]) {
      const t = p.timings[i];
      cashAccelerated += p.invoices[i].amount * (paidBy(t, horizonEnd, shift) - paidBy(t, horizonEnd, shockShifts[i]));
      actionedAmount += p.invoices[i].amount;
    }
  }

  const collectedAmount = p.baseline.expectedCollected;
  const perCollected = (amountDays: number) => (collectedAmount > 0 ? amountDays / collectedAmount : 0);
  const dsoChange = {delay: perCollected(shockAmountDays), interventions: -perCollected(plan.amountDaysSaved), total: perCollected(shockAmountDays - plan.amountDaysSaved)};
  const points = p.thresholds.map((threshold) => planActions(context, threshold, false).outcome);
  let optimum: InterventionOutcome | null = null;
  for (const point of points) if (!optimum || point.net > optimum.net || (point.net === optimum.net && point.threshold > optimum.threshold)) optimum = point;

  return {
    inputs,
    delayed: {customers: delayedCustomers, invoices: delayedInvoices, amount: delayedAmount},
    openAr: {baseline: p.baseline.openAtHorizon, scenario: openTotal, change: openTotal - p.baseline.openAtHorizon},
    aging: p.baseline.aging.map(({bucket, amount}, b) => ({bucket, baseline: amount, scenario: agingAmounts[b]})),
    dsoChange,
    workingCapitalChange: p.averageDailySales === null ? null : dsoChange.total * p.averageDailySales,
    financingCost: (shockAmountDays * inputs.costOfCapital) / 365,
    interventions: {...plan.outcome, cashAccelerated, daysSaved: actionedAmount > 0 ? plan.amountDaysSaved / actionedAmount : 0},
    cashByWeek: {baseline: p.baseline.cashByWeek, scenario: scenarioCash},
    decisionCurve: {points, optimum},
    shifts
  };
}
