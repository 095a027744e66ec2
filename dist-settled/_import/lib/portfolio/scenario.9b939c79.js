import { agingBucket, agingBuckets } from "../input/ledger.b78b99ce.js";
import { expectedLateAmount } from "./openInvoices.e616baac.js";
import { collectionShare, invoiceTiming, noShift, paidBy, paidDaysMoment, writeOffProbability, writtenOffBy } from "./paymentTiming.e0587f51.js";
import { hashString } from "../core/random.0b8d791c.js";
import { worklistOrder } from "./worklist.217ed5d5.js";
export const scenarioInputSpecs = [
  { key: "riskyCustomersDelayed", label: "Riskiest customers who delay", unit: "customers", min: 0, max: 100, step: 1, value: 10 },
  { key: "riskyCustomerDelayDays", label: "Their extra delay", unit: "days", min: 0, max: 90, step: 1, value: 15 },
  { key: "slowingShare", label: "Share of all customers slowing down", unit: "share", min: 0, max: 1, step: 0.01, value: 0 },
  { key: "slowingDelayDays", label: "Their extra delay", unit: "days", min: 0, max: 90, step: 1, value: 10 },
  { key: "reminderEffectiveness", label: "Reminder effectiveness (delay removed)", unit: "share", min: 0, max: 1, step: 0.05, value: 0.3 },
  { key: "capacityPerWeek", label: "Collection capacity", unit: "invoices/week", min: 0, max: 1e3, step: 10, value: 100 },
  { key: "actionWeeks", label: "Weeks of collection work", unit: "weeks", min: 1, max: 13, step: 1, value: 4 },
  { key: "interventionThreshold", label: "Intervene from P(late)", unit: "probability", min: 0, max: 1, step: 0.05, value: 0.5 },
  { key: "costOfCapital", label: "Cost of capital", unit: "per year", min: 0, max: 0.3, step: 5e-3, value: 0.08 },
  { key: "costPerAction", label: "Cost per collection action", unit: "currency", min: 0, max: 500, step: 5, value: 25 },
  { key: "writeOffPrevention", label: "Write-offs prevented by an action", unit: "share", min: 0, max: 1, step: 0.05, value: 0.1 },
  { key: "selectionSeed", label: "Which customers slow down (seed)", unit: "seed", min: 1, max: 100, step: 1, value: 1 }
];
export const defaultScenarioInputs = Object.freeze(
  Object.fromEntries(scenarioInputSpecs.map((s) => [s.key, s.value]))
);
export function resolveScenarioInputs(inputs = {}) {
  const resolved = { ...defaultScenarioInputs, ...inputs };
  const share = (v) => Math.min(1, Math.max(0, v));
  const count = (v) => Math.max(0, Math.floor(v));
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
export function unitHash(text) {
  let h = hashString(text);
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}
export const defaultThresholds = Array.from({ length: 19 }, (_, i) => (i + 1) / 20);
function openAtHorizon(p, i, shift) {
  const day = p.asOf + p.horizonDays;
  const t = p.timings[i];
  return p.invoices[i].amount * Math.max(0, 1 - paidBy(t, day, shift) - writtenOffBy(t, day, shift));
}
function invoiceCash(p, i, shift, out, offset) {
  const t = p.timings[i];
  const amount = p.invoices[i].amount;
  let previous = paidBy(t, p.asOf, shift);
  for (let k = 1; k <= p.weeks; ++k) {
    const now = paidBy(t, p.asOf + 7 * k, shift);
    out[offset + k - 1] = amount * (now - previous);
    previous = now;
  }
}
export function prepareScenario(invoices, timing, asOf, options = {}) {
  const { horizonDays = 30, weeks = 13, averageDailySales = null, thresholds = defaultThresholds } = options;
  const n = invoices.length;
  const timings = invoices.map((invoice) => invoiceTiming(timing, invoice, asOf));
  const customerIndex = /* @__PURE__ */ new Map();
  const customerOf = new Int32Array(n);
  const lateAmount = [];
  invoices.forEach((invoice, i) => {
    let c = customerIndex.get(invoice.customerId);
    if (c === void 0) {
      customerIndex.set(invoice.customerId, c = customerIndex.size);
      lateAmount.push(0);
    }
    customerOf[i] = c;
    lateAmount[c] += expectedLateAmount(invoice);
  });
  const customerIds = [...customerIndex.keys()];
  const ranked = Int32Array.from(customerIds.keys()).sort((a, b) => lateAmount[b] - lateAmount[a] || (customerIds[a] < customerIds[b] ? -1 : 1));
  const customerRiskRank = new Int32Array(customerIds.length);
  ranked.forEach((c, rank) => customerRiskRank[c] = rank);
  const base = { invoices, timings, asOf, horizonDays, weeks };
  const bucketIndex = new Map(agingBuckets.map((b, k) => [b, k]));
  const horizonBucket = Uint8Array.from(invoices, (invoice) => bucketIndex.get(agingBucket(asOf + horizonDays - invoice.dueDate)));
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
      aging: agingBuckets.map((bucket, b) => ({ bucket, amount: agingAmounts[b] })),
      cashByWeek: totalCash,
      expectedCollected
    }
  };
}
export function customerDelays(prepared, inputs) {
  const delays = new Float64Array(prepared.customerIds.length);
  prepared.customerIds.forEach((id, c) => {
    if (prepared.customerRiskRank[c] < inputs.riskyCustomersDelayed) delays[c] += inputs.riskyCustomerDelayDays;
    if (unitHash(`${inputs.selectionSeed}:${id}`) < inputs.slowingShare) delays[c] += inputs.slowingDelayDays;
  });
  return delays;
}
function actionShift(c, i, week) {
  return {
    delayDays: c.delays[c.p.customerOf[i]],
    pivot: Math.max(c.p.asOf + 1 + 7 * week, c.p.invoices[i].dueDate),
    compression: c.inputs.reminderEffectiveness,
    writeOffPrevention: c.inputs.writeOffPrevention
  };
}
function planActions(c, threshold, keepShifts) {
  const { p, inputs } = c;
  const capacity = inputs.capacityPerWeek * inputs.actionWeeks;
  const shifts = keepShifts ? new Array(p.invoices.length) : [];
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
  const financingValue = amountDaysSaved * inputs.costOfCapital / 365;
  const cost = actioned * inputs.costPerAction;
  return { outcome: { threshold, eligible, actioned, cost, financingValue, recovered, net: financingValue + recovered - cost }, shifts, amountDaysSaved };
}
export function runScenario(prepared, partialInputs = {}) {
  const inputs = resolveScenarioInputs(partialInputs);
  const p = prepared;
  const n = p.invoices.length;
  const delays = customerDelays(p, inputs);
  const shockShifts = new Array(n);
  const shockDays = new Float64Array(n);
  let delayedInvoices = 0, delayedAmount = 0, shockAmountDays = 0;
  for (let i = 0; i < n; ++i) {
    const delayDays = delays[p.customerOf[i]];
    shockShifts[i] = delayDays > 0 ? { ...noShift, delayDays } : noShift;
    shockDays[i] = delayDays > 0 ? paidDaysMoment(p.timings[i], shockShifts[i]) : p.baseline.paidDays[i];
    if (delayDays > 0) {
      ++delayedInvoices;
      delayedAmount += p.invoices[i].amount;
      shockAmountDays += p.invoices[i].amount * (shockDays[i] - p.baseline.paidDays[i]);
    }
  }
  let delayedCustomers = 0;
  for (const d of delays) if (d > 0) ++delayedCustomers;
  const context = { p, inputs, delays, shockDays, actedDays: new Float64Array(n * Math.max(1, inputs.actionWeeks)).fill(NaN) };
  const plan = planActions(context, inputs.interventionThreshold, true);
  const shifts = shockShifts.map((shift, i) => plan.shifts[i] ?? shift);
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
  const perCollected = (amountDays) => collectedAmount > 0 ? amountDays / collectedAmount : 0;
  const dsoChange = { delay: perCollected(shockAmountDays), interventions: -perCollected(plan.amountDaysSaved), total: perCollected(shockAmountDays - plan.amountDaysSaved) };
  const points = p.thresholds.map((threshold) => planActions(context, threshold, false).outcome);
  let optimum = null;
  for (const point of points) if (!optimum || point.net > optimum.net || point.net === optimum.net && point.threshold > optimum.threshold) optimum = point;
  return {
    inputs,
    delayed: { customers: delayedCustomers, invoices: delayedInvoices, amount: delayedAmount },
    openAr: { baseline: p.baseline.openAtHorizon, scenario: openTotal, change: openTotal - p.baseline.openAtHorizon },
    aging: p.baseline.aging.map(({ bucket, amount }, b) => ({ bucket, baseline: amount, scenario: agingAmounts[b] })),
    dsoChange,
    workingCapitalChange: p.averageDailySales === null ? null : dsoChange.total * p.averageDailySales,
    financingCost: shockAmountDays * inputs.costOfCapital / 365,
    interventions: { ...plan.outcome, cashAccelerated, daysSaved: actionedAmount > 0 ? plan.amountDaysSaved / actionedAmount : 0 },
    cashByWeek: { baseline: p.baseline.cashByWeek, scenario: scenarioCash },
    decisionCurve: { points, optimum },
    shifts
  };
}
