// The Scenarios page's words and the small derived tables behind its charts, written from the scenario
// engine's numbers (lib/portfolio/scenario.ts) so that what the page says can never drift from what it computes.
// Everything here runs on every slider move: no allocation beyond the few rows a chart draws.
import {formatCount, formatDays, formatDecimal, formatMoney, formatPercent, formatSigned} from "../core/format.js";
import {greatest, sum} from "d3";
import {paidBy, paidDaysMoment, writtenOffBy} from "../portfolio/paymentTiming.js";
import type {InterventionOutcome, PreparedScenario, ScenarioInputSpec, ScenarioInputs, ScenarioResult} from "../portfolio/scenario.js";
import type {CoverageFigures, SampleInfo, ScenarioFile} from "../pipeline/contract.js";
import {thresholds} from "./thresholds.js";

// ——— Controls ————————————————————————————————————————————————————————————————————————————————

export type ScenarioGroupKey = "delays" | "collection" | "money";

export interface ScenarioControlGroup {
  key: ScenarioGroupKey;
  title: string;
  description: string;
}

/** The panel's groups, in the order a reader meets them: the shock, the response, the prices. */
export const scenarioControlGroups: readonly ScenarioControlGroup[] = [
  {key: "delays", title: "Who pays later", description: "Customers taking longer than expected."},
  {key: "collection", title: "Collection work", description: "Invoices the team works in worklist order, and what each action achieves."},
  {key: "money", title: "Prices", description: "What waiting for cash and working an invoice cost."}
];

/** Each input's driver, in panel order. A share's seed follows the share, since it only matters then. */
const controlOrder: readonly [keyof ScenarioInputs, ScenarioGroupKey][] = [
  ["riskyCustomersDelayed", "delays"],
  ["riskyCustomerDelayDays", "delays"],
  ["slowingShare", "delays"],
  ["slowingDelayDays", "delays"],
  ["selectionSeed", "delays"],
  ["interventionThreshold", "collection"],
  ["capacityPerWeek", "collection"],
  ["actionWeeks", "collection"],
  ["reminderEffectiveness", "collection"],
  ["writeOffPrevention", "collection"],
  ["costOfCapital", "money"],
  ["costPerAction", "money"]
];

/** Labels for specs whose own label only reads right next to its driver ("Their extra delay"). */
const distinctLabels: Partial<Record<keyof ScenarioInputs, string>> = {
  riskyCustomerDelayDays: "Extra delay of the riskiest customers",
  slowingDelayDays: "Extra delay of the slowing customers"
};

export interface ScenarioControl {
  key: keyof ScenarioInputs;
  group: ScenarioGroupKey;
  /** The input's label, unit included, distinct across the panel. */
  label: string;
  /** Slider range and default in display units (shares as %). */
  min: number;
  max: number;
  step: number;
  value: number;
  /** Display value = model value × scale (100 for shares and rates, else 1). */
  scale: number;
}

function unitText(unit: ScenarioInputSpec["unit"], currency: string): string {
  switch (unit) {
    case "share":
      return "%";
    case "per year":
      return "% a year";
    case "invoices/week":
      return "invoices a week";
    case "currency":
      return currency;
    case "probability":
    case "seed":
      return "";
    default:
      return unit;
  }
}

/** "Label (unit)", or "Label (note, unit)" when the label ends in a parenthesis; no unit the label already names. */
export function controlLabel(label: string, unit: string): string {
  if (!unit || label.toLowerCase().includes(unit.toLowerCase())) return label;
  return label.endsWith(")") ? `${label.slice(0, -1)}, ${unit})` : `${label} (${unit})`;
}

/** Fixes binary noise from scaling (0.07 × 100 = 7.000000000000001). */
function tidy(value: number): number {
  return Number(value.toFixed(10));
}

/** The sliders of the panel, in order, from the engine's input specs. */
export function scenarioControls(specs: readonly ScenarioInputSpec[], {currency = "USD"}: {currency?: string} = {}): ScenarioControl[] {
  const byKey = new Map(specs.map((s) => [s.key, s]));
  const ordered = controlOrder.filter(([key]) => byKey.has(key));
  // Inputs the page does not know yet still get a slider, at the end of the last group.
  const extra = specs.filter((s) => !controlOrder.some(([key]) => key === s.key)).map((s): [keyof ScenarioInputs, ScenarioGroupKey] => [s.key, "money"]);
  return [...ordered, ...extra].map(([key, group]) => {
    const spec = byKey.get(key)!;
    const scale = spec.unit === "share" || spec.unit === "per year" ? 100 : 1;
    return {
      key,
      group,
      label: controlLabel(distinctLabels[key] ?? spec.label, unitText(spec.unit, currency)),
      min: tidy(spec.min * scale),
      max: tidy(spec.max * scale),
      step: tidy(spec.step * scale),
      value: tidy(spec.value * scale),
      scale
    };
  });
}

/** A model value shown on its slider. */
export function toDisplay(control: Pick<ScenarioControl, "scale">, value: number): number {
  return tidy(value * control.scale);
}

/** The engine's inputs from the sliders' display values (keyed by input). */
export function inputsFromDisplay(values: Readonly<Record<string, number>>, controls: readonly ScenarioControl[]): ScenarioInputs {
  return Object.fromEntries(controls.map((c) => [c.key, (values[c.key] ?? c.value) / c.scale])) as unknown as ScenarioInputs;
}

/** The sliders' display values from the engine's inputs. */
export function displayFromInputs(inputs: Partial<ScenarioInputs>, controls: readonly ScenarioControl[]): Record<string, number> {
  return Object.fromEntries(controls.map((c) => [c.key, inputs[c.key] === undefined ? c.value : toDisplay(c, inputs[c.key]!)]));
}

// ——— Words ———————————————————————————————————————————————————————————————————————————————————

export interface WordOptions {
  currency?: string;
}

const threshold = (t: number) => formatDecimal(t, 2);

/** "the 10 riskiest customers paid 15 days later and 20% of all customers 10 days later", or null. */
export function describeDelays(inputs: ScenarioInputs, {verb = "paid"}: {verb?: string} = {}): string | null {
  const later = (d: number) => `${formatCount(d)} ${d === 1 ? "day" : "days"} later`;
  const parts: string[] = [];
  const n = inputs.riskyCustomersDelayed;
  if (n > 0 && inputs.riskyCustomerDelayDays > 0) {
    parts.push(`${n === 1 ? "the riskiest customer" : `the ${formatCount(n)} riskiest customers`} ${verb} ${later(inputs.riskyCustomerDelayDays)}`);
  }
  if (inputs.slowingShare > 0 && inputs.slowingDelayDays > 0) {
    parts.push(`${formatPercent(inputs.slowingShare, 0)} of all customers ${parts.length ? "" : `${verb} `}${later(inputs.slowingDelayDays)}`);
  }
  return parts.length ? parts.join(" and ") : null;
}

/** The scenario in one plain sentence, for the copyable text. */
export function describeScenario(inputs: ScenarioInputs, {currency = "USD"}: WordOptions = {}): string {
  const delays = describeDelays(inputs, {verb: "pay"});
  const shock = delays ? `${delays[0].toUpperCase()}${delays.slice(1)}.` : "No customer pays later than expected.";
  const work =
    inputs.capacityPerWeek > 0 && inputs.actionWeeks > 0
      ? `The team works up to ${formatCount(inputs.capacityPerWeek)} invoices a week for ${formatCount(inputs.actionWeeks)} ${inputs.actionWeeks === 1 ? "week" : "weeks"} from P(late) ${threshold(inputs.interventionThreshold)}, ` +
        `each action removing ${formatPercent(inputs.reminderEffectiveness, 0)} of the remaining delay and ${formatPercent(inputs.writeOffPrevention, 0)} of the write-off risk.`
      : "No collection work.";
  const prices = `Capital costs ${formatPercent(inputs.costOfCapital, 1)} a year; an action ${formatMoney(inputs.costPerAction, {currency})}.`;
  const seed = inputs.slowingShare > 0 ? ` Slowing customers picked with seed ${inputs.selectionSeed}.` : "";
  return `${shock} ${work} ${prices}${seed}`;
}

/** The lede: what the opening scenario costs and what the collection work wins back. */
export function scenarioLede(result: ScenarioResult, {horizonDays, weeks = 13, currency = "USD"}: WordOptions & {horizonDays: number; weeks?: number}): string {
  const money = (v: number) => formatMoney(v, {currency});
  const {inputs, interventions: work} = result;
  const sentences: string[] = [];
  const delays = describeDelays(inputs);
  if (delays) {
    sentences.push(
      `If ${delays}, ${money(Math.abs(result.openAr.change))} ${result.openAr.change >= 0 ? "more" : "less"} would still be open in ${horizonDays} days, ` +
        `DSO would rise by ${formatDays(result.dsoChange.delay)} and the wait would cost ${money(result.financingCost)} in financing.`
    );
  } else sentences.push(`With every customer paying as expected, the open book follows its expected path.`);
  if (work.actioned > 0) {
    sentences.push(
      `Working ${formatCount(work.actioned)} invoices from P(late) ${threshold(work.threshold)} over ${formatCount(inputs.actionWeeks)} ${inputs.actionWeeks === 1 ? "week" : "weeks"} ` +
        `collects ${money(work.cashAccelerated)} more within ${weeks} weeks and ${work.net >= 0 ? "nets" : "loses"} ${money(Math.abs(work.net))} after its ${money(work.cost)} cost.`
    );
  }
  return sentences.join(" ");
}

/** The decision curve's title: the best threshold against the reader's. */
export function decisionFinding(result: Pick<ScenarioResult, "decisionCurve" | "interventions" | "inputs">, {currency = "USD"}: WordOptions = {}): string {
  const money = (v: number) => formatMoney(v, {currency});
  const {optimum} = result.decisionCurve;
  const current = result.interventions;
  if (!optimum) return "No intervention thresholds to compare";
  if (result.inputs.capacityPerWeek === 0 || result.inputs.actionWeeks === 0) return "With no collection capacity, no threshold changes anything";
  if (result.decisionCurve.points.every((p) => p.eligible === 0)) return "No open invoice qualifies at any threshold, so there is no collection work to weigh";
  if (optimum.net <= 0) {
    const price = `At ${money(result.inputs.costPerAction)} an action`;
    // The best "threshold" may be one so high that no invoice qualifies: working nothing.
    if (optimum.actioned === 0) return `${price}, collection work does not pay: every threshold that selects invoices loses money`;
    return `${price}, no threshold pays for itself: the best, ${threshold(optimum.threshold)}, ${optimum.net < 0 ? `loses ${money(-optimum.net)}` : "breaks even"}`;
  }
  if (Math.abs(optimum.threshold - current.threshold) < 1e-9 || optimum.net - current.net <= 0) {
    return `Your threshold of ${threshold(current.threshold)} is the best on the curve: it nets ${money(current.net)}`;
  }
  return `Intervening from P(late) ${threshold(optimum.threshold)} nets the most, ${money(optimum.net)}: ${money(optimum.net - current.net)} more than your ${threshold(current.threshold)}`;
}

/** A caption for the decision curve when capacity, not the threshold, limits the work. */
export function capacityNote(points: readonly InterventionOutcome[]): string | null {
  const bound = points.filter((p) => p.actioned > 0 && p.eligible > p.actioned);
  if (!bound.length) return null;
  const highest = greatest(bound, (p) => p.threshold)!;
  return (
    `Up to a threshold of ${threshold(highest.threshold)}, more invoices qualify than the team can work (${formatCount(highest.actioned)}): ` +
    "there the threshold changes which invoices are worked (in worklist order), not how many."
  );
}

// ——— Forecast ———————————————————————————————————————————————————————————————————————————————

/** The baseline forecast of scenario.json: the weeks' fields the overlay reads. */
export type ForecastWeeks = Pick<ScenarioFile["forecast"]["weeks"], "week" | "start" | "end" | "expected" | "low" | "high" | "cumulativeExpected" | "cumulativeLow" | "cumulativeHigh">;

export interface CashBand {
  expected: number;
  low: number;
  high: number;
}

export interface ScenarioForecastRow {
  week: number;
  start: string;
  end: string;
  baseline: CashBand;
  scenario: CashBand;
  /** Scenario − baseline expected cash (per week, or to date when cumulative). */
  change: number;
}

export interface ScenarioForecastOptions {
  /** Cash to date rather than per week (default false). */
  cumulative?: boolean;
  /** Multiplies the scenario's change: the sample's amount scale when the engine ran on a sample (default 1). */
  scale?: number;
}

/**
 * The baseline forecast and its simulated band with the scenario overlaid. Re-simulating per slider move
 * is too slow, so the scenario's band is the baseline band shifted, week by week, by the scenario's change
 * in expected cash (lib/views/definitions/kpis.ts `scenarioBandRule`); cash cannot go below zero.
 */
export function scenarioForecastRows(
  weeks: ForecastWeeks,
  cash: {baseline: ArrayLike<number>; scenario: ArrayLike<number>},
  {cumulative = false, scale = 1}: ScenarioForecastOptions = {}
): ScenarioForecastRow[] {
  const expected = cumulative ? weeks.cumulativeExpected : weeks.expected;
  const low = cumulative ? weeks.cumulativeLow : weeks.low;
  const high = cumulative ? weeks.cumulativeHigh : weeks.high;
  const rows: ScenarioForecastRow[] = [];
  let toDate = 0;
  for (let k = 0; k < weeks.week.length; ++k) {
    const weekly = k < cash.scenario.length ? scale * (cash.scenario[k] - cash.baseline[k]) : 0;
    toDate += weekly;
    const change = cumulative ? toDate : weekly;
    rows.push({
      week: weeks.week[k],
      start: weeks.start[k],
      end: weeks.end[k],
      baseline: {expected: expected[k], low: low[k], high: high[k]},
      scenario: {expected: Math.max(0, expected[k] + change), low: Math.max(0, low[k] + change), high: Math.max(0, high[k] + change)},
      change
    });
  }
  return rows;
}

/** The forecast chart's title: how much cash the scenario moves in the first weeks and over the horizon. */
export function forecastFinding(weekly: readonly ScenarioForecastRow[], {currency = "USD", firstWeeks = 4}: WordOptions & {firstWeeks?: number} = {}): string {
  const money = (v: number) => formatMoney(Math.abs(v), {currency});
  const total = sum(weekly, (r) => r.change);
  const early = sum(weekly.slice(0, firstWeeks), (r) => r.change);
  const baseline = sum(weekly, (r) => r.baseline.expected);
  const n = weekly.length;
  // Under half a percent of the expected cash is within the rounding of the forecast: call it unchanged.
  const small = (v: number) => Math.abs(v) < thresholds.unchangedShare.value * Math.max(baseline, 1);
  if (small(total) && small(early)) return `This scenario leaves the ${n}-week cash forecast within half a percent of no change`;
  const phrase = (v: number) => (small(v) ? "about the same cash" : `${money(v)} ${v < 0 ? "less" : "more"} cash`);
  const next = firstWeeks === 1 ? "the next week" : `the next ${firstWeeks} weeks`;
  return `This scenario brings in ${phrase(early)} in ${next} and ${phrase(total)} over ${n} weeks than no change`;
}

// ——— Aging ——————————————————————————————————————————————————————————————————————————————————

/** The aging chart's title: how much more (or less) would be overdue, and where. */
export function agingFinding(aging: ScenarioResult["aging"], {horizonDays, currency = "USD"}: WordOptions & {horizonDays: number}): string {
  const money = (v: number) => formatMoney(Math.abs(v), {currency});
  const overdue = aging.filter((a) => a.bucket !== "Current");
  const change = sum(overdue, (a) => a.scenario - a.baseline);
  const total = sum(aging, (a) => a.baseline);
  if (Math.abs(change) < thresholds.unchangedShare.value * Math.max(total, 1)) return `In ${horizonDays} days about as much would be overdue as with no change`;
  const largest = greatest(overdue, (a) => Math.abs(a.scenario - a.baseline))!;
  const bucketChange = largest.scenario - largest.baseline;
  return (
    `In ${horizonDays} days ${money(change)} ${change > 0 ? "more" : "less"} would be overdue than with no change, ` +
    `most in the ${largest.bucket} days bucket (${formatSigned(bucketChange, (v) => formatMoney(v, {currency}))})`
  );
}

// ——— Customers ——————————————————————————————————————————————————————————————————————————————

export interface CustomerImpact {
  customerId: string;
  customerName: string;
  segment: string | null;
  /** Open invoices and amount of the customer (all, shifted or not). */
  invoices: number;
  openAmount: number;
  /** Extra days the delay sliders give the customer. */
  delayDays: number;
  /** Its invoices worked by the collection team. */
  actioned: number;
  /** Σ amount × change in expected days to cash (positive: cash later). */
  amountDays: number;
  /** amountDays ÷ amount expected to be collected: the customer's change in days to cash, as DSO weighs it. */
  daysToCash: number;
  /** Change in its expected open amount at the horizon. */
  openArChange: number;
  /** Financing cost of its change in timing (negative: a saving from collection work). */
  financing: number;
  /** Expected write-off amount collected instead, thanks to collection work. */
  recovered: number;
}

export interface CustomerImpacts {
  /** The largest `limit` impacts. */
  rows: CustomerImpact[];
  /** Customers whose timing changes at all. */
  customers: number;
  /** Σ |amount-days| over all changed customers, to weigh a row's share of the impact. */
  totalAmountDays: number;
}

/**
 * The customers whose scenario differs from no change, by the size of their change in amount-days (which
 * drives DSO, working capital and financing cost), largest first. Summed over all customers, `financing`
 * is the delays' financing cost less the collection work's financing value, and `openArChange` the
 * change in open AR.
 */
export function customerImpacts(p: PreparedScenario, r: ScenarioResult, {limit = 10}: {limit?: number} = {}): CustomerImpacts {
  const horizon = p.asOf + p.horizonDays;
  const byCustomer = new Map<number, CustomerImpact>();
  const collectable = new Float64Array(p.customerIds.length);
  const invoices = new Int32Array(p.customerIds.length);
  const amounts = new Float64Array(p.customerIds.length);
  for (let i = 0; i < p.invoices.length; ++i) {
    const c = p.customerOf[i];
    const amount = p.invoices[i].amount;
    ++invoices[c];
    amounts[c] += amount;
    collectable[c] += amount * p.baseline.collection[i];
    const shift = r.shifts[i];
    const acted = Number.isFinite(shift.pivot);
    if (!acted && !(shift.delayDays > 0)) continue;
    let row = byCustomer.get(c);
    if (!row) {
      const invoice = p.invoices[i];
      row = {
        customerId: invoice.customerId, customerName: invoice.customerName, segment: invoice.segment, invoices: 0, openAmount: 0,
        delayDays: shift.delayDays, actioned: 0, amountDays: 0, daysToCash: 0, openArChange: 0, financing: 0, recovered: 0
      };
      byCustomer.set(c, row);
    }
    const t = p.timings[i];
    row.amountDays += amount * (paidDaysMoment(t, shift) - p.baseline.paidDays[i]);
    row.openArChange += amount * Math.max(0, 1 - paidBy(t, horizon, shift) - writtenOffBy(t, horizon, shift)) - p.baseline.openAmountAtHorizon[i];
    if (acted) {
      ++row.actioned;
      row.recovered += amount * r.inputs.writeOffPrevention * p.baseline.writeOff[i];
    }
  }
  const rows = [...byCustomer].map(([c, row]) => ({
    ...row,
    invoices: invoices[c],
    openAmount: amounts[c],
    daysToCash: collectable[c] > 0 ? row.amountDays / collectable[c] : 0,
    financing: (row.amountDays * r.inputs.costOfCapital) / 365
  }));
  rows.sort((a, b) => Math.abs(b.amountDays) - Math.abs(a.amountDays) || (a.customerId < b.customerId ? -1 : 1));
  const totalAmountDays = sum(rows, (row) => Math.abs(row.amountDays));
  return {rows: rows.slice(0, limit), customers: rows.length, totalAmountDays};
}

/** The customer table's title: how concentrated the scenario's change in timing is. */
export function customersFinding({rows, customers, totalAmountDays}: CustomerImpacts): string {
  if (!rows.length) return "No customer’s payment timing changes in this scenario";
  const share = (list: readonly CustomerImpact[]) => (totalAmountDays > 0 ? sum(list, (r) => Math.abs(r.amountDays)) / totalAmountDays : 0);
  const top = rows[0];
  if (customers === 1) return `Only ${top.customerName} changes payment timing in this scenario`;
  const lead = `${top.customerName} alone ${formatPercent(share([top]), 0)}`;
  if (rows.length === customers) return `${formatCount(customers)} customers change payment timing; ${lead} of the amount-weighted change`;
  return `${formatCount(rows.length)} of ${formatCount(customers)} customers carry ${formatPercent(share(rows), 0)} of the amount-weighted change in payment timing; ${lead}`;
}

/** Why a customer's timing changed, in a few words: "pays 15 days later · 3 invoices worked". */
export function impactDriver(row: Pick<CustomerImpact, "delayDays" | "actioned">): string {
  const parts: string[] = [];
  if (row.delayDays > 0) parts.push(`pays ${formatCount(row.delayDays)} ${row.delayDays === 1 ? "day" : "days"} later`);
  if (row.actioned > 0) parts.push(`${formatCount(row.actioned)} ${row.actioned === 1 ? "invoice" : "invoices"} worked`);
  return parts.join(" · ");
}

// ——— Sample ——————————————————————————————————————————————————————————————————————————————————

export type SampleSummary = Pick<SampleInfo, "capped" | "scale"> & {
  total: Pick<CoverageFigures, "invoices" | "customers" | "amount">;
  kept: Pick<CoverageFigures, "invoices" | "customers" | "amount">;
};

/** What the figures are computed on when the report shipped a sample of the open book; null when it did not. */
export function sampleNote(sample: SampleSummary, {currency = "USD"}: WordOptions = {}): string | null {
  if (!sample.capped) return null;
  const share = sample.total.amount > 0 ? sample.kept.amount / sample.total.amount : 1;
  return (
    `The scenario runs in your browser on a sample of whole customers: ${formatCount(sample.kept.invoices)} of the ${formatCount(sample.total.invoices)} open invoices ` +
    `(${formatCount(sample.kept.customers)} of ${formatCount(sample.total.customers)} customers, ${formatMoney(sample.kept.amount, {currency})} or ${formatPercent(share, 0)} of the open amount). ` +
    `Figures marked “sample” are for those invoices; the cash forecast covers the whole book and scales the scenario’s change by ${formatDecimal(sample.scale.amount, 2)}.`
  );
}
