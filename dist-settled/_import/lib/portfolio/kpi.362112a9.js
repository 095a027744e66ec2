import { addMonths, endOfMonth, startOfMonth } from "../core/dates.e70be6fa.js";
import { agingBuckets } from "../input/ledger.b78b99ce.js";
import { defaultRiskCutoffs } from "./riskBands.a7d9b5eb.js";
export const kpiDefinitions = {
  dso: {
    label: "DSO (countback)",
    unit: "days",
    formula: "Receivables at the date are counted back against sales month by month, most recent first (the current month to date, then full calendar months): each month whose sales are fully absorbed adds its days; the last month adds (remaining receivables \xF7 its sales) \xD7 its days.",
    better: "lower"
  },
  bestPossibleDso: {
    label: "Best possible DSO",
    unit: "days",
    formula: "The same countback applied to current (not yet due) receivables only, so that DSO \u2212 BPDSO is never negative.",
    better: "lower"
  },
  averageDaysDelinquent: {
    label: "Average days delinquent",
    unit: "days",
    formula: "ADD = DSO \u2212 best possible DSO: the days that overdue receivables add.",
    better: "lower"
  },
  collectionEffectivenessIndex: {
    label: "Collection effectiveness index",
    unit: "%",
    formula: "CEI = (beginning AR + sales \u2212 ending total AR) \xF7 (beginning AR + sales \u2212 ending current AR) \xD7 100, over the month ending at the date. Write-offs leave AR without cash and so count as collected, as in the standard formula.",
    better: "higher"
  },
  turnover: {
    label: "AR turnover",
    unit: "\xD7",
    formula: "Sales over the 12 months ending at the date \xF7 average AR, the mean of the 13 month-end balances from 12 months before the date to the date.",
    better: "higher"
  },
  atRiskRate: {
    label: "At-risk rate",
    unit: "%",
    formula: "Share of open receivables more than 30 days past due (aging buckets 31\u201360, 61\u201390 and 90+).",
    better: "lower"
  },
  receivables: {
    label: "Open receivables",
    unit: "currency",
    formula: "Sum of amounts still owed at the end of the date.",
    better: "lower"
  }
};
const bucketRanges = [[-Infinity, 0], [1, 30], [31, 60], [61, 90], [91, Infinity]];
export function buildReceivablesHistory(invoices, lastDay, options = {}) {
  let firstDay = Math.min(lastDay, options.firstDay ?? lastDay);
  if (options.firstDay === void 0) {
    for (const invoice of invoices) if (invoice.invoiceDate < firstDay) firstDay = invoice.invoiceDate;
  }
  const length = lastDay - firstDay + 1;
  const amountDiff = bucketRanges.map(() => new Float64Array(length + 1));
  const countDiff = bucketRanges.map(() => new Float64Array(length + 1));
  const sales = new Float64Array(length);
  const addPiece = (due, from, to, amount, count) => {
    const start = Math.max(from, firstDay), end = Math.min(to, lastDay + 1);
    for (let b = 0; b < bucketRanges.length; ++b) {
      const lo = Math.max(start, due + bucketRanges[b][0]);
      const hi = Math.min(end, due + bucketRanges[b][1] + 1);
      if (hi <= lo) continue;
      amountDiff[b][lo - firstDay] += amount;
      amountDiff[b][hi - firstDay] -= amount;
      countDiff[b][lo - firstDay] += count;
      countDiff[b][hi - firstDay] -= count;
    }
  };
  for (const invoice of invoices) {
    if (invoice.invoiceDate > lastDay) continue;
    if (invoice.invoiceDate >= firstDay) sales[invoice.invoiceDate - firstDay] += invoice.amount;
    const end = invoice.settledDate ?? lastDay + 1;
    const partlyPaidAt = invoice.status !== "paid" && invoice.paidAmount > 0 && invoice.lastPaymentDate !== null ? Math.max(invoice.invoiceDate, invoice.lastPaymentDate) : null;
    if (partlyPaidAt !== null && partlyPaidAt < end) {
      addPiece(invoice.dueDate, invoice.invoiceDate, partlyPaidAt, invoice.amount, 1);
      addPiece(invoice.dueDate, partlyPaidAt, end, invoice.amount - invoice.paidAmount, 1);
    } else {
      addPiece(invoice.dueDate, invoice.invoiceDate, end, invoice.amount, 1);
    }
  }
  const accumulate = (diff) => {
    const out = new Float64Array(length);
    let running2 = 0;
    for (let k = 0; k < length; ++k) out[k] = running2 += diff[k];
    return out;
  };
  let running = 0;
  const cumulativeSales = new Float64Array(length);
  for (let k = 0; k < length; ++k) cumulativeSales[k] = running += sales[k];
  return { firstDay, lastDay, bucketAmount: amountDiff.map(accumulate), bucketCount: countDiff.map(accumulate), cumulativeSales };
}
function balanceAt(series, history, day) {
  if (day < history.firstDay) return 0;
  return series[Math.min(day, history.lastDay) - history.firstDay];
}
export function salesBetween(history, from, to) {
  if (to < from) return 0;
  return balanceAt(history.cumulativeSales, history, to) - balanceAt(history.cumulativeSales, history, from - 1);
}
export function receivablesAt(history, day) {
  const amounts = history.bucketAmount.map((series) => Math.max(0, balanceAt(series, history, day)));
  const counts = history.bucketCount.map((series) => Math.round(balanceAt(series, history, day)));
  const total = amounts.reduce((a, b) => a + b, 0);
  const count = counts.reduce((a, b) => a + b, 0);
  return {
    asOf: day,
    total,
    current: amounts[0],
    pastDue: total - amounts[0],
    over30: amounts[2] + amounts[3] + amounts[4],
    count,
    aging: agingBuckets.map((bucket, b) => ({
      bucket,
      amount: amounts[b],
      count: counts[b],
      amountShare: total > 0 ? amounts[b] / total : 0,
      countShare: count > 0 ? counts[b] / count : 0
    }))
  };
}
export function countbackDso(receivables, periods) {
  let remaining = receivables, days = 0, sales = 0, spanned = 0;
  if (!(remaining > 0)) return 0;
  for (const period of periods) {
    if (remaining <= period.sales) return days + remaining / period.sales * period.days;
    remaining -= period.sales;
    days += period.days;
    sales += period.sales;
    spanned += period.days;
  }
  return sales > 0 ? days + remaining / (sales / spanned) : Infinity;
}
export function monthsBefore(day, months) {
  if (day === endOfMonth(day)) return endOfMonth(addMonths(startOfMonth(day), -months));
  return addMonths(day, -months);
}
export function countbackPeriods(history, day) {
  const periods = [];
  let to = Math.min(day, history.lastDay);
  while (to >= history.firstDay) {
    const from = Math.max(startOfMonth(to), history.firstDay);
    periods.push({ sales: salesBetween(history, from, to), days: to - from + 1 });
    to = from - 1;
  }
  return periods;
}
export function collectionEffectivenessIndex(history, from, to) {
  const beginning = receivablesAt(history, from - 1).total;
  const sales = salesBetween(history, from, to);
  const ending = receivablesAt(history, to);
  const collectible = beginning + sales - ending.current;
  return collectible > 0 ? (beginning + sales - ending.total) / collectible * 100 : NaN;
}
export function arTurnover(history, day, months = 12) {
  const sales = salesBetween(history, monthsBefore(day, months) + 1, day);
  let sum = 0;
  for (let j = 0; j <= months; ++j) sum += receivablesAt(history, monthsBefore(day, j)).total;
  const average = sum / (months + 1);
  return average > 0 ? sales / average : NaN;
}
export function kpisAt(history, day) {
  const receivables = receivablesAt(history, day);
  const periods = countbackPeriods(history, day);
  const dso = countbackDso(receivables.total, periods);
  const bestPossibleDso = countbackDso(receivables.current, periods);
  return {
    asOf: day,
    receivables,
    dso,
    bestPossibleDso,
    averageDaysDelinquent: dso - bestPossibleDso,
    collectionEffectivenessIndex: collectionEffectivenessIndex(history, monthsBefore(day, 1) + 1, day),
    turnover: arTurnover(history, day),
    atRiskRate: receivables.total > 0 ? receivables.over30 / receivables.total : 0
  };
}
export function kpiValues(snapshot) {
  return {
    dso: snapshot.dso,
    bestPossibleDso: snapshot.bestPossibleDso,
    averageDaysDelinquent: snapshot.averageDaysDelinquent,
    collectionEffectivenessIndex: snapshot.collectionEffectivenessIndex,
    turnover: snapshot.turnover,
    atRiskRate: snapshot.atRiskRate,
    receivables: snapshot.receivables.total
  };
}
export function compareKpis(history, day, monthsBack = 1) {
  const current = kpisAt(history, day);
  const previous = kpisAt(history, monthsBefore(day, monthsBack));
  const now = kpiValues(current), then = kpiValues(previous);
  const change = {};
  for (const key of Object.keys(now)) change[key] = now[key] - then[key];
  return { current, previous, change };
}
export function kpiSeries(history, day, months = 24) {
  const out = [];
  for (let j = months - 1; j >= 1; --j) {
    const monthEnd = endOfMonth(addMonths(startOfMonth(day), -j));
    if (monthEnd >= history.firstDay && monthEnd < day) out.push(kpisAt(history, monthEnd));
  }
  out.push(kpisAt(history, day));
  return out;
}
export function segmentKpis(invoices, day, { segmentOf, customerRisk, cutoffs = defaultRiskCutoffs }) {
  const groups = /* @__PURE__ */ new Map();
  let firstDay = day;
  for (const invoice of invoices) {
    if (invoice.invoiceDate < firstDay) firstDay = invoice.invoiceDate;
    const segment = segmentOf.get(invoice.customerId) ?? null;
    let group = groups.get(segment);
    if (!group) groups.set(segment, group = []);
    group.push(invoice);
  }
  const order = [...groups.keys()].sort((a, b) => a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0);
  return order.map((segment) => {
    const group = groups.get(segment);
    const history = buildReceivablesHistory(group, day, { firstDay });
    const receivables = receivablesAt(history, day);
    const customers = new Set(group.map((invoice) => invoice.customerId));
    let rated = 0, high = 0;
    for (const id of customers) {
      const risk = customerRisk?.get(id);
      if (risk === void 0 || !Number.isFinite(risk)) continue;
      ++rated;
      if (risk >= cutoffs.high) ++high;
    }
    return {
      segment,
      customers: customers.size,
      openAmount: receivables.total,
      averageOutstanding: customers.size ? receivables.total / customers.size : 0,
      dso: countbackDso(receivables.total, countbackPeriods(history, day)),
      highRiskShare: rated ? high / rated : NaN,
      highRiskCustomers: high
    };
  });
}
