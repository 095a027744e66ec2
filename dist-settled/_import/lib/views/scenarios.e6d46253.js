import { formatCount, formatDays, formatDecimal, formatMoney, formatPercent, formatSigned } from "../core/format.3eed6561.js";
import { paidBy, paidDaysMoment, writtenOffBy } from "../portfolio/paymentTiming.e0587f51.js";
export const scenarioControlGroups = [
  { key: "delays", title: "Who pays later", description: "Customers taking longer than the model expects." },
  { key: "collection", title: "Collection work", description: "Invoices the team works in worklist order, and what each action achieves." },
  { key: "money", title: "Prices", description: "What waiting for cash and working an invoice cost." }
];
const controlOrder = [
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
const distinctLabels = {
  riskyCustomerDelayDays: "Extra delay of the riskiest customers",
  slowingDelayDays: "Extra delay of the slowing customers"
};
function unitText(unit, currency) {
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
export function controlLabel(label, unit) {
  if (!unit || label.toLowerCase().includes(unit.toLowerCase())) return label;
  return label.endsWith(")") ? `${label.slice(0, -1)}, ${unit})` : `${label} (${unit})`;
}
function tidy(value) {
  return Number(value.toFixed(10));
}
export function scenarioControls(specs, { currency = "USD" } = {}) {
  const byKey = new Map(specs.map((s) => [s.key, s]));
  const ordered = controlOrder.filter(([key]) => byKey.has(key));
  const extra = specs.filter((s) => !controlOrder.some(([key]) => key === s.key)).map((s) => [s.key, "money"]);
  return [...ordered, ...extra].map(([key, group]) => {
    const spec = byKey.get(key);
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
export function toDisplay(control, value) {
  return tidy(value * control.scale);
}
export function inputsFromDisplay(values, controls) {
  return Object.fromEntries(controls.map((c) => [c.key, (values[c.key] ?? c.value) / c.scale]));
}
export function displayFromInputs(inputs, controls) {
  return Object.fromEntries(controls.map((c) => [c.key, inputs[c.key] === void 0 ? c.value : toDisplay(c, inputs[c.key])]));
}
const threshold = (t) => formatDecimal(t, 2);
export function describeDelays(inputs, { verb = "paid" } = {}) {
  const later = (d) => `${formatCount(d)} ${d === 1 ? "day" : "days"} later`;
  const parts = [];
  const n = inputs.riskyCustomersDelayed;
  if (n > 0 && inputs.riskyCustomerDelayDays > 0) {
    parts.push(`${n === 1 ? "the riskiest customer" : `the ${formatCount(n)} riskiest customers`} ${verb} ${later(inputs.riskyCustomerDelayDays)}`);
  }
  if (inputs.slowingShare > 0 && inputs.slowingDelayDays > 0) {
    parts.push(`${formatPercent(inputs.slowingShare, 0)} of all customers ${parts.length ? "" : `${verb} `}${later(inputs.slowingDelayDays)}`);
  }
  return parts.length ? parts.join(" and ") : null;
}
export function describeScenario(inputs, { currency = "USD" } = {}) {
  const delays = describeDelays(inputs, { verb: "pay" });
  const shock = delays ? `${delays[0].toUpperCase()}${delays.slice(1)}.` : "No customer pays later than expected.";
  const work = inputs.capacityPerWeek > 0 && inputs.actionWeeks > 0 ? `The team works up to ${formatCount(inputs.capacityPerWeek)} invoices a week for ${formatCount(inputs.actionWeeks)} ${inputs.actionWeeks === 1 ? "week" : "weeks"} from P(late) ${threshold(inputs.interventionThreshold)}, each action removing ${formatPercent(inputs.reminderEffectiveness, 0)} of the remaining delay and ${formatPercent(inputs.writeOffPrevention, 0)} of the write-off risk.` : "No collection work.";
  const prices = `Capital costs ${formatPercent(inputs.costOfCapital, 1)} a year; an action ${formatMoney(inputs.costPerAction, { currency })}.`;
  const seed = inputs.slowingShare > 0 ? ` Slowing customers picked with seed ${inputs.selectionSeed}.` : "";
  return `${shock} ${work} ${prices}${seed}`;
}
export function scenarioLede(result, { horizonDays, weeks = 13, currency = "USD" }) {
  const money = (v) => formatMoney(v, { currency });
  const { inputs, interventions: work } = result;
  const sentences = [];
  const delays = describeDelays(inputs);
  if (delays) {
    sentences.push(
      `If ${delays}, ${money(Math.abs(result.openAr.change))} ${result.openAr.change >= 0 ? "more" : "less"} would still be open in ${horizonDays} days, DSO would rise by ${formatDays(result.dsoChange.delay)} and the wait would cost ${money(result.financingCost)} in financing.`
    );
  } else sentences.push(`With every customer paying as the model expects, the open book follows its expected path.`);
  if (work.actioned > 0) {
    sentences.push(
      `Working ${formatCount(work.actioned)} invoices from P(late) ${threshold(work.threshold)} over ${formatCount(inputs.actionWeeks)} ${inputs.actionWeeks === 1 ? "week" : "weeks"} collects ${money(work.cashAccelerated)} more within ${weeks} weeks and ${work.net >= 0 ? "nets" : "loses"} ${money(Math.abs(work.net))} after its ${money(work.cost)} cost.`
    );
  }
  return sentences.join(" ");
}
export function decisionFinding(result, { currency = "USD" } = {}) {
  const money = (v) => formatMoney(v, { currency });
  const { optimum } = result.decisionCurve;
  const current = result.interventions;
  if (!optimum) return "No intervention thresholds to compare";
  if (result.inputs.capacityPerWeek === 0 || result.inputs.actionWeeks === 0) return "With no collection capacity, no threshold changes anything";
  if (optimum.net <= 0) {
    const price = `At ${money(result.inputs.costPerAction)} an action`;
    if (optimum.actioned === 0) return `${price}, collection work does not pay: every threshold that selects invoices loses money`;
    return `${price}, no threshold pays for itself: the best, ${threshold(optimum.threshold)}, ${optimum.net < 0 ? `loses ${money(-optimum.net)}` : "breaks even"}`;
  }
  if (Math.abs(optimum.threshold - current.threshold) < 1e-9 || optimum.net - current.net <= 0) {
    return `Your threshold of ${threshold(current.threshold)} is the best on the curve: it nets ${money(current.net)}`;
  }
  return `Intervening from P(late) ${threshold(optimum.threshold)} nets the most, ${money(optimum.net)}: ${money(optimum.net - current.net)} more than your ${threshold(current.threshold)}`;
}
export function capacityNote(points) {
  const bound = points.filter((p) => p.actioned > 0 && p.eligible > p.actioned);
  if (!bound.length) return null;
  const highest = bound.reduce((a, b) => b.threshold > a.threshold ? b : a);
  return `Up to a threshold of ${threshold(highest.threshold)}, more invoices qualify than the team can work (${formatCount(highest.actioned)}): there the threshold changes which invoices are worked (in worklist order), not how many.`;
}
export function scenarioForecastRows(weeks, cash, { cumulative = false, scale = 1 } = {}) {
  const expected = cumulative ? weeks.cumulativeExpected : weeks.expected;
  const low = cumulative ? weeks.cumulativeLow : weeks.low;
  const high = cumulative ? weeks.cumulativeHigh : weeks.high;
  const rows = [];
  let toDate = 0;
  for (let k = 0; k < weeks.week.length; ++k) {
    const weekly = k < cash.scenario.length ? scale * (cash.scenario[k] - cash.baseline[k]) : 0;
    toDate += weekly;
    const change = cumulative ? toDate : weekly;
    rows.push({
      week: weeks.week[k],
      start: weeks.start[k],
      end: weeks.end[k],
      baseline: { expected: expected[k], low: low[k], high: high[k] },
      scenario: { expected: Math.max(0, expected[k] + change), low: Math.max(0, low[k] + change), high: Math.max(0, high[k] + change) },
      change
    });
  }
  return rows;
}
export function forecastFinding(weekly, { currency = "USD", firstWeeks = 4 } = {}) {
  const money = (v) => formatMoney(Math.abs(v), { currency });
  const sum = (rows, f) => rows.reduce((s, r) => s + f(r), 0);
  const total = sum(weekly, (r) => r.change);
  const early = sum(weekly.slice(0, firstWeeks), (r) => r.change);
  const baseline = sum(weekly, (r) => r.baseline.expected);
  const n = weekly.length;
  const small = (v) => Math.abs(v) < 5e-3 * Math.max(baseline, 1);
  if (small(total) && small(early)) return `This scenario leaves the ${n}-week cash forecast within half a percent of no change`;
  const phrase = (v) => small(v) ? "about the same cash" : `${money(v)} ${v < 0 ? "less" : "more"} cash`;
  const next = firstWeeks === 1 ? "the next week" : `the next ${firstWeeks} weeks`;
  return `This scenario brings in ${phrase(early)} in ${next} and ${phrase(total)} over ${n} weeks than no change`;
}
export function agingFinding(aging, { horizonDays, currency = "USD" }) {
  const money = (v) => formatMoney(Math.abs(v), { currency });
  const overdue = aging.filter((a) => a.bucket !== "Current");
  const change = overdue.reduce((s, a) => s + a.scenario - a.baseline, 0);
  const total = aging.reduce((s, a) => s + a.baseline, 0);
  if (Math.abs(change) < 5e-3 * Math.max(total, 1)) return `In ${horizonDays} days about as much would be overdue as with no change`;
  const largest = overdue.reduce((a, b) => Math.abs(b.scenario - b.baseline) > Math.abs(a.scenario - a.baseline) ? b : a);
  const bucketChange = largest.scenario - largest.baseline;
  return `In ${horizonDays} days ${money(change)} ${change > 0 ? "more" : "less"} would be overdue than with no change, most in the ${largest.bucket} days bucket (${formatSigned(bucketChange, (v) => formatMoney(v, { currency }))})`;
}
export function customerImpacts(p, r, { limit = 10 } = {}) {
  const horizon = p.asOf + p.horizonDays;
  const byCustomer = /* @__PURE__ */ new Map();
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
        customerId: invoice.customerId,
        customerName: invoice.customerName,
        segment: invoice.segment,
        invoices: 0,
        openAmount: 0,
        delayDays: shift.delayDays,
        actioned: 0,
        amountDays: 0,
        daysToCash: 0,
        openArChange: 0,
        financing: 0,
        recovered: 0
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
    financing: row.amountDays * r.inputs.costOfCapital / 365
  }));
  rows.sort((a, b) => Math.abs(b.amountDays) - Math.abs(a.amountDays) || (a.customerId < b.customerId ? -1 : 1));
  const totalAmountDays = rows.reduce((s, row) => s + Math.abs(row.amountDays), 0);
  return { rows: rows.slice(0, limit), customers: rows.length, totalAmountDays };
}
export function customersFinding({ rows, customers, totalAmountDays }) {
  if (!rows.length) return "No customer\u2019s payment timing changes in this scenario";
  const share = (list) => totalAmountDays > 0 ? list.reduce((s, r) => s + Math.abs(r.amountDays), 0) / totalAmountDays : 0;
  const top = rows[0];
  if (customers === 1) return `Only ${top.customerName} changes payment timing in this scenario`;
  const lead = `${top.customerName} alone ${formatPercent(share([top]), 0)}`;
  if (rows.length === customers) return `${formatCount(customers)} customers change payment timing; ${lead} of the amount-weighted change`;
  return `${formatCount(rows.length)} of ${formatCount(customers)} customers carry ${formatPercent(share(rows), 0)} of the amount-weighted change in payment timing; ${lead}`;
}
export function impactDriver(row) {
  const parts = [];
  if (row.delayDays > 0) parts.push(`pays ${formatCount(row.delayDays)} ${row.delayDays === 1 ? "day" : "days"} later`);
  if (row.actioned > 0) parts.push(`${formatCount(row.actioned)} ${row.actioned === 1 ? "invoice" : "invoices"} worked`);
  return parts.join(" \xB7 ");
}
export function sampleNote(sample, { currency = "USD" } = {}) {
  if (!sample.capped) return null;
  const share = sample.total.amount > 0 ? sample.kept.amount / sample.total.amount : 1;
  return `The scenario runs in your browser on a sample of whole customers: ${formatCount(sample.kept.invoices)} of the ${formatCount(sample.total.invoices)} open invoices (${formatCount(sample.kept.customers)} of ${formatCount(sample.total.customers)} customers, ${formatMoney(sample.kept.amount, { currency })} or ${formatPercent(share, 0)} of the open amount). Figures marked \u201Csample\u201D are for those invoices; the cash forecast covers the whole book and scales the scenario\u2019s change by ${formatDecimal(sample.scale.amount, 2)}.`;
}
