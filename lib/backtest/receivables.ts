// DSO, overdue share and aging some weeks after a replayed date: what the report expected, and what the
// ledger then showed.
//
// Expected. The open book runs off through the report's payment-timing model (lib/portfolio/paymentTiming.ts):
// each invoice is still open on the later day with probability 1 − P(paid by then) − P(written off by
// then), in the aging bucket of its age that day — the KPIs page's aging shift, carried to each horizon.
// New invoices keep coming: sales over the same weeks a year earlier, scaled by the growth of the last
// 13 weeks against the same 13 weeks a year before (a flat run-rate of the last 13 weeks when the ledger
// is shorter than that), issued evenly over the horizon in the mix of terms and risk of the last 13
// weeks' invoices, and run through the same timing model from their issue day. DSO is the countback of
// the expected receivables against actual sales up to the replayed date and the expected sales after it.
//
// Actual. The ledger replayed on the later day: every invoice issued by then and not settled, for what
// was still unpaid (lib/clean/replay.ts), and the countback against the sales that actually happened.
import type {Day} from "../core/dates.js";
import {agingBucket, agingBuckets} from "../input/ledger.js";
import type {Ledger} from "../input/ledger.js";
import {openAmountAsOf} from "../clean/replay.js";
import {countbackDso, countbackPeriods, salesBetween} from "../portfolio/kpi.js";
import type {ReceivablesHistory} from "../portfolio/kpi.js";
import {invoiceTiming, paidBy, writtenOffBy} from "../portfolio/paymentTiming.js";
import type {CompiledTiming} from "../portfolio/paymentTiming.js";
import {riskBand} from "../portfolio/riskBands.js";

export interface BookFigures {
  day: Day;
  total: number;
  /** Open amount per aging bucket (lib/input/ledger.ts `agingBuckets` order). */
  buckets: number[];
  /** Share of the total past its due date. */
  overdueShare: number;
  /** Countback DSO (lib/portfolio/kpi.ts). */
  dso: number;
}

function figures(day: Day, buckets: number[], sales: ReceivablesHistory): BookFigures {
  const total = buckets.reduce((a, b) => a + b, 0);
  return {day, total, buckets, overdueShare: total > 0 ? (total - buckets[0]) / total : 0, dso: countbackDso(total, countbackPeriods(sales, day))};
}

/** The receivables the ledger showed at the end of `day`; `sales` must reach `day` (buildReceivablesHistory over the history). */
export function actualBook(history: Ledger, day: Day, sales: ReceivablesHistory): BookFigures {
  const buckets = agingBuckets.map(() => 0);
  for (const invoice of history.invoices) {
    if (invoice.invoiceDate > day || (invoice.settledDate !== null && invoice.settledDate <= day)) continue;
    const open = openAmountAsOf(invoice, day, history.payments?.get(invoice.invoiceId));
    if (open > 0) buckets[agingBuckets.indexOf(agingBucket(day - invoice.dueDate))] += open;
  }
  return figures(day, buckets, sales);
}

/** Expected new invoicing after a replayed date. */
export interface NewBusiness {
  /** Index t: expected sales issued on days day + 1 … day + t (index 0 is 0). */
  cumulativeSales: Float64Array;
  /** The recent invoicing mix: share of amount, terms and amount-weighted mean P(late) per terms × risk band. */
  mix: {share: number; termsDays: number; pLate: number}[];
  /** "seasonal" (a year earlier × growth) or "run-rate" (the last 13 weeks, flat). */
  basis: "seasonal" | "run-rate";
}

/** Recent invoices, as the new-business mix reads them. */
export interface RecentInvoice {
  amount: number;
  termsDays: number;
  pLate: number;
}

/**
 * New business for `horizonDays` after `day`: `recent` are the invoices issued in the `windowDays`
 * before it (with their predicted P(late)); `sales` holds actual sales up to `day`.
 */
export function newBusinessAfter(day: Day, horizonDays: number, recent: readonly RecentInvoice[], sales: ReceivablesHistory, {windowDays = 91, timing}: {windowDays?: number; timing: CompiledTiming}): NewBusiness {
  const lastYear = day - 364;
  const recentSales = salesBetween(sales, day - windowDays + 1, day);
  const seasonal = lastYear - windowDays + 1 >= sales.firstDay && salesBetween(sales, lastYear - windowDays + 1, lastYear) > 0;
  const growth = seasonal ? recentSales / salesBetween(sales, lastYear - windowDays + 1, lastYear) : 1;
  const cumulativeSales = new Float64Array(horizonDays + 1);
  for (let t = 1; t <= horizonDays; ++t) cumulativeSales[t] = seasonal ? growth * salesBetween(sales, lastYear + 1, lastYear + t) : (t * recentSales) / windowDays;

  const classes = new Map<string, {amount: number; weighted: number; termsDays: number}>();
  let total = 0;
  for (const {amount, termsDays, pLate} of recent) {
    const key = `${termsDays}:${riskBand(pLate, timing.cutoffs)}`;
    let c = classes.get(key);
    if (!c) classes.set(key, (c = {amount: 0, weighted: 0, termsDays}));
    c.amount += amount;
    c.weighted += amount * pLate;
    total += amount;
  }
  const mix = [...classes.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, c]) => ({share: total > 0 ? c.amount / total : 0, termsDays: c.termsDays, pLate: c.amount > 0 ? c.weighted / c.amount : 0}));
  return {cumulativeSales, mix, basis: seasonal ? "seasonal" : "run-rate"};
}

/** An open invoice as the run-off reads it. */
export interface RunOffInvoice {
  amount: number;
  dueDate: Day;
  pLate: number;
}

/** The receivables expected at the end of `day + horizonDays`, seen from `day`. */
export function expectedBook(open: readonly RunOffInvoice[], timing: CompiledTiming, day: Day, horizonDays: number, business: NewBusiness, sales: ReceivablesHistory): BookFigures {
  const later = day + horizonDays;
  const buckets = agingBuckets.map(() => 0);
  const add = (amount: number, dueDate: Day, pLate: number, from: Day) => {
    const t = invoiceTiming(timing, {dueDate, pLate}, from);
    const stillOpen = Math.max(0, 1 - paidBy(t, later) - writtenOffBy(t, later));
    buckets[agingBuckets.indexOf(agingBucket(later - dueDate))] += amount * stillOpen;
  };
  for (const invoice of open) add(invoice.amount, invoice.dueDate, invoice.pLate, day);
  for (let t = 1; t <= horizonDays; ++t) {
    const issued = business.cumulativeSales[t] - business.cumulativeSales[t - 1];
    if (!(issued > 0)) continue;
    for (const c of business.mix) add(issued * c.share, day + t + c.termsDays, c.pLate, day + t);
  }
  return figures(later, buckets, salesWithForecast(sales, day, business));
}

/** `sales` up to `day`, then the expected new business: what the expected DSO counts back against. */
function salesWithForecast(sales: ReceivablesHistory, day: Day, business: NewBusiness): ReceivablesHistory {
  const horizon = business.cumulativeSales.length - 1;
  const lastDay = day + horizon;
  const cumulativeSales = new Float64Array(lastDay - sales.firstDay + 1);
  const known = salesBetween(sales, sales.firstDay, day);
  for (let d = sales.firstDay; d <= lastDay; ++d) {
    cumulativeSales[d - sales.firstDay] = d <= day ? salesBetween(sales, sales.firstDay, d) : known + business.cumulativeSales[d - day];
  }
  // Only sales are read by the countback; the balances are not needed.
  return {firstDay: sales.firstDay, lastDay, bucketAmount: [], bucketCount: [], cumulativeSales};
}
