// Receivables KPIs as of any date, from the cleaned ledger. An invoice settled after a date was open on
// that date, so the page can show each KPI now, a month ago, and as a monthly trend.
//
// Balances are end-of-day: an invoice is open on day D when issued on or before D and settled after D.
// The ledger keeps only the cumulative payment and the last payment date, so an instalment's timing is
// known only for invoices still open (or written off) today: such an invoice owes `amount` until its last
// payment date and `amount − paidAmount` from then on. An invoice paid in full in instalments is counted
// at its full amount until its paid date.
import {addMonths, endOfMonth, startOfMonth} from "../core/dates.js";
import type {Day} from "../core/dates.js";
import {agingBuckets} from "../input/ledger.js";
import type {AgingBucket, Invoice} from "../input/ledger.js";
import {defaultRiskCutoffs} from "./riskBands.js";
import type {RiskCutoffs} from "./riskBands.js";
import {sum} from "d3";

export type KpiKey = "dso" | "bestPossibleDso" | "averageDaysDelinquent" | "collectionEffectivenessIndex" | "turnover" | "atRiskRate" | "receivables";

export interface KpiDefinition {
  label: string;
  unit: "days" | "%" | "×" | "currency";
  /** Which direction is good, for colouring a change. */
  better: "lower" | "higher";
}

export const kpiDefinitions: Record<KpiKey, KpiDefinition> = {
  dso: {
    label: "DSO (countback)",
    unit: "days",
    better: "lower"
  },
  bestPossibleDso: {
    label: "Best possible DSO",
    unit: "days",
    better: "lower"
  },
  averageDaysDelinquent: {
    label: "Average days delinquent",
    unit: "days",
    better: "lower"
  },
  collectionEffectivenessIndex: {
    label: "Collection effectiveness index",
    unit: "%",
    better: "higher"
  },
  turnover: {
    label: "AR turnover",
    unit: "×",
    better: "higher"
  },
  atRiskRate: {
    label: "At-risk rate",
    unit: "%",
    better: "lower"
  },
  receivables: {
    label: "Open receivables",
    unit: "currency",
    better: "lower"
  }
};

/** Daily end-of-day balances per aging bucket and cumulative daily sales: every as-of query is O(1). */
export interface ReceivablesHistory {
  firstDay: Day;
  lastDay: Day;
  /** Per bucket (agingBuckets order), open amount at the end of day firstDay + k. */
  bucketAmount: Float64Array[];
  bucketCount: Float64Array[];
  /** Amount issued on or before day firstDay + k. */
  cumulativeSales: Float64Array;
}

/** Day ranges (inclusive, relative to the due date) of each aging bucket. */
const bucketRanges: readonly [number, number][] = [[-Infinity, 0], [1, 30], [31, 60], [61, 90], [91, Infinity]];

/**
 * Balances from `firstDay` (default: the earliest invoice date) to `lastDay` (the ledger's as-of day).
 * The countback treats the first day as the start of the data, so histories of parts of a ledger (one
 * segment) should share the whole ledger's first day.
 */
export function buildReceivablesHistory(invoices: readonly Invoice[], lastDay: Day, options: {firstDay?: Day} = {}): ReceivablesHistory {
  let firstDay = Math.min(lastDay, options.firstDay ?? lastDay);
  if (options.firstDay === undefined) for (const invoice of invoices) if (invoice.invoiceDate < firstDay) firstDay = invoice.invoiceDate;
  const length = lastDay - firstDay + 1;
  // Difference arrays with one extra slot, accumulated into balances at the end.
  const amountDiff = bucketRanges.map(() => new Float64Array(length + 1));
  const countDiff = bucketRanges.map(() => new Float64Array(length + 1));
  const sales = new Float64Array(length);

  const addPiece = (due: Day, from: Day, to: Day, amount: number, count: number): void => {
    // Open on days [from, to), clipped to the history, split across the buckets it ages through.
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
    const partlyPaidAt = invoice.status !== "paid" && invoice.paidAmount > 0 && invoice.lastPaymentDate !== null
      ? Math.max(invoice.invoiceDate, invoice.lastPaymentDate)
      : null;
    if (partlyPaidAt !== null && partlyPaidAt < end) {
      addPiece(invoice.dueDate, invoice.invoiceDate, partlyPaidAt, invoice.amount, 1);
      addPiece(invoice.dueDate, partlyPaidAt, end, invoice.amount - invoice.paidAmount, 1);
    } else {
      addPiece(invoice.dueDate, invoice.invoiceDate, end, invoice.amount, 1);
    }
  }

  const accumulate = (diff: Float64Array): Float64Array => {
    const out = new Float64Array(length);
    let running = 0;
    for (let k = 0; k < length; ++k) out[k] = running += diff[k];
    return out;
  };
  let running = 0;
  const cumulativeSales = new Float64Array(length);
  for (let k = 0; k < length; ++k) cumulativeSales[k] = running += sales[k];
  return {firstDay, lastDay, bucketAmount: amountDiff.map(accumulate), bucketCount: countDiff.map(accumulate), cumulativeSales};
}

function balanceAt(series: Float64Array, history: ReceivablesHistory, day: Day): number {
  if (day < history.firstDay) return 0;
  return series[Math.min(day, history.lastDay) - history.firstDay];
}

/** Sales issued on days from…to inclusive. */
export function salesBetween(history: ReceivablesHistory, from: Day, to: Day): number {
  if (to < from) return 0;
  return balanceAt(history.cumulativeSales, history, to) - balanceAt(history.cumulativeSales, history, from - 1);
}

export interface AgingRow {
  bucket: AgingBucket;
  amount: number;
  count: number;
  amountShare: number;
  countShare: number;
}

export interface Receivables {
  asOf: Day;
  total: number;
  /** Not yet due. */
  current: number;
  pastDue: number;
  /** More than 30 days past due. */
  over30: number;
  count: number;
  aging: AgingRow[];
}

export function receivablesAt(history: ReceivablesHistory, day: Day): Receivables {
  // The running sums of +amount and −amount leave floating-point residue (1e-9 on a book with nothing
  // open, which made its overdue share 100%): a balance is whole cents.
  const amounts = history.bucketAmount.map((series) => Math.max(0, Math.round(balanceAt(series, history, day) * 100) / 100));
  const counts = history.bucketCount.map((series) => Math.round(balanceAt(series, history, day)));
  const total = sum(amounts);
  const count = sum(counts);
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

/** A stretch of sales the countback absorbs receivables against. */
export interface SalesPeriod {
  sales: number;
  days: number;
}

/**
 * Countback DSO: receivables are absorbed by the periods' sales, most recent period first. If the
 * periods run out first, the remainder is counted at their average daily sales.
 */
export function countbackDso(receivables: number, periods: readonly SalesPeriod[]): number {
  let remaining = receivables, days = 0, sales = 0, spanned = 0;
  if (!(remaining > 0)) return 0;
  for (const period of periods) {
    if (remaining <= period.sales) return days + (remaining / period.sales) * period.days;
    remaining -= period.sales;
    days += period.days;
    sales += period.sales;
    spanned += period.days;
  }
  return sales > 0 ? days + remaining / (sales / spanned) : Infinity;
}

/** The day `months` calendar months before `day`, keeping month-ends on month-ends (30 Sep → 31 Aug). */
export function monthsBefore(day: Day, months: number): Day {
  if (day === endOfMonth(day)) return endOfMonth(addMonths(startOfMonth(day), -months));
  return addMonths(day, -months);
}

/** The current month to date, then full calendar months back to the start of the history. */
export function countbackPeriods(history: ReceivablesHistory, day: Day): SalesPeriod[] {
  const periods: SalesPeriod[] = [];
  let to = Math.min(day, history.lastDay);
  while (to >= history.firstDay) {
    const from = Math.max(startOfMonth(to), history.firstDay);
    periods.push({sales: salesBetween(history, from, to), days: to - from + 1});
    to = from - 1;
  }
  return periods;
}

/** CEI over the days from…to inclusive, in percent. */
export function collectionEffectivenessIndex(history: ReceivablesHistory, from: Day, to: Day): number {
  const beginning = receivablesAt(history, from - 1).total;
  const sales = salesBetween(history, from, to);
  const ending = receivablesAt(history, to);
  const collectible = beginning + sales - ending.current;
  return collectible > 0 ? ((beginning + sales - ending.total) / collectible) * 100 : NaN;
}

/** Sales over the `months` ending at `day` ÷ the mean of the month-end balances spanning them. */
export function arTurnover(history: ReceivablesHistory, day: Day, months = 12): number {
  const sales = salesBetween(history, monthsBefore(day, months) + 1, day);
  let sum = 0;
  for (let j = 0; j <= months; ++j) sum += receivablesAt(history, monthsBefore(day, j)).total;
  const average = sum / (months + 1);
  return average > 0 ? sales / average : NaN;
}

export interface KpiSnapshot {
  asOf: Day;
  receivables: Receivables;
  dso: number;
  bestPossibleDso: number;
  averageDaysDelinquent: number;
  collectionEffectivenessIndex: number;
  turnover: number;
  atRiskRate: number;
}

export function kpisAt(history: ReceivablesHistory, day: Day): KpiSnapshot {
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

export type KpiValues = Record<KpiKey, number>;

export function kpiValues(snapshot: KpiSnapshot): KpiValues {
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

export interface KpiComparison {
  current: KpiSnapshot;
  previous: KpiSnapshot;
  /** current − previous, per KPI. */
  change: KpiValues;
}

/** KPIs at `day` and `monthsBack` months earlier (default one), with the change. */
export function compareKpis(history: ReceivablesHistory, day: Day, monthsBack = 1): KpiComparison {
  const current = kpisAt(history, day);
  const previous = kpisAt(history, monthsBefore(day, monthsBack));
  const now = kpiValues(current), then = kpiValues(previous);
  const change = {} as KpiValues;
  for (const key of Object.keys(now) as KpiKey[]) change[key] = now[key] - then[key];
  return {current, previous, change};
}

/** Month-end snapshots for a trend chart: the last `months` month-ends up to `day`, the last one being `day` itself. */
export function kpiSeries(history: ReceivablesHistory, day: Day, months = 24): KpiSnapshot[] {
  const out: KpiSnapshot[] = [];
  for (let j = months - 1; j >= 1; --j) {
    const monthEnd = endOfMonth(addMonths(startOfMonth(day), -j));
    if (monthEnd >= history.firstDay && monthEnd < day) out.push(kpisAt(history, monthEnd));
  }
  out.push(kpisAt(history, day));
  return out;
}

export interface SegmentKpi {
  /** Segment label; null for customers too new to segment. */
  segment: string | null;
  customers: number;
  openAmount: number;
  /** Open amount ÷ customers in the segment. */
  averageOutstanding: number;
  /** Countback DSO of the segment's receivables against the segment's own sales. */
  dso: number;
  /** Customers with a risk score ≥ the high cut-off ÷ customers with a risk score. */
  highRiskShare: number;
  highRiskCustomers: number;
}

export interface SegmentKpiOptions {
  /** customerId → segment label. */
  segmentOf: ReadonlyMap<string, string | null>;
  /** customerId → the customer's risk score (e.g. mean predicted P(late) of its open invoices). */
  customerRisk?: ReadonlyMap<string, number>;
  cutoffs?: RiskCutoffs;
}

export function segmentKpis(invoices: readonly Invoice[], day: Day, {segmentOf, customerRisk, cutoffs = defaultRiskCutoffs}: SegmentKpiOptions): SegmentKpi[] {
  const groups = new Map<string | null, Invoice[]>();
  let firstDay = day;
  for (const invoice of invoices) {
    if (invoice.invoiceDate < firstDay) firstDay = invoice.invoiceDate;
    const segment = segmentOf.get(invoice.customerId) ?? null;
    let group = groups.get(segment);
    if (!group) groups.set(segment, (group = []));
    group.push(invoice);
  }
  const order = [...groups.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return order.map((segment) => {
    const group = groups.get(segment)!;
    const history = buildReceivablesHistory(group, day, {firstDay});
    const receivables = receivablesAt(history, day);
    const customers = new Set(group.map((invoice) => invoice.customerId));
    let rated = 0, high = 0;
    for (const id of customers) {
      const risk = customerRisk?.get(id);
      if (risk === undefined || !Number.isFinite(risk)) continue;
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
