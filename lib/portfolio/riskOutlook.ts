// Forward-looking risk figures from the open invoices and their predictions: who carries the most
// expected late amount, how the risk scores are spread, and how aging is expected to look in 30 days.
import type {Day} from "../core/dates.js";
import {agingBucket, agingBuckets} from "../input/ledger.js";
import type {AgingBucket} from "../input/ledger.js";
import {expectedLateAmount} from "./openInvoices.js";
import type {OpenInvoice} from "./openInvoices.js";
import {invoiceTiming, paidBy, writtenOffBy} from "./paymentTiming.js";
import type {CompiledTiming} from "./paymentTiming.js";
import {defaultRiskCutoffs, riskBand} from "./riskBands.js";
import type {RiskBand, RiskCutoffs} from "./riskBands.js";

export interface CustomerRisk {
  customerId: string;
  customerName: string;
  segment: string | null;
  openAmount: number;
  /** Σ P(late) × open amount over the customer's open invoices. */
  expectedLateAmount: number;
  /** Amount-weighted mean P(late). */
  meanPLate: number;
  invoices: number;
  maxDaysOverdue: number;
}

/** Open invoices rolled up per customer, in input order of first appearance. */
export function customerRisks(invoices: readonly OpenInvoice[]): CustomerRisk[] {
  const byId = new Map<string, CustomerRisk>();
  for (const invoice of invoices) {
    let c = byId.get(invoice.customerId);
    if (!c) {
      c = {customerId: invoice.customerId, customerName: invoice.customerName, segment: invoice.segment, openAmount: 0, expectedLateAmount: 0, meanPLate: 0, invoices: 0, maxDaysOverdue: 0};
      byId.set(invoice.customerId, c);
    }
    c.openAmount += invoice.amount;
    c.expectedLateAmount += expectedLateAmount(invoice);
    c.invoices += 1;
    c.maxDaysOverdue = Math.max(c.maxDaysOverdue, invoice.daysOverdue);
  }
  for (const c of byId.values()) c.meanPLate = c.openAmount > 0 ? c.expectedLateAmount / c.openAmount : 0;
  return [...byId.values()];
}

/** Riskiest first: expected late amount, then open amount, then customer id. */
export function compareCustomerRisk(a: CustomerRisk, b: CustomerRisk): number {
  return b.expectedLateAmount - a.expectedLateAmount || b.openAmount - a.openAmount || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0);
}

export function topRiskyCustomers(invoices: readonly OpenInvoice[], n = 10): CustomerRisk[] {
  return customerRisks(invoices).sort(compareCustomerRisk).slice(0, n);
}

export interface RiskBin {
  /** [lo, hi) except the last bin, which includes 1. */
  lo: number;
  hi: number;
  /** Band of the bin's lower edge (bins do not straddle a cut-off when the cut-offs are multiples of the width). */
  band: RiskBand;
  count: number;
  amount: number;
}

/** Histogram of P(late) over open invoices, by count and by open amount. */
export function riskDistribution(invoices: readonly OpenInvoice[], {binWidth = 0.1, cutoffs = defaultRiskCutoffs}: {binWidth?: number; cutoffs?: RiskCutoffs} = {}): RiskBin[] {
  const n = Math.max(1, Math.round(1 / binWidth));
  const bins: RiskBin[] = Array.from({length: n}, (_, i) => ({lo: i / n, hi: (i + 1) / n, band: riskBand(i / n, cutoffs), count: 0, amount: 0}));
  for (const invoice of invoices) {
    const i = Math.min(n - 1, Math.max(0, Math.floor(invoice.pLate * n + 1e-9)));
    bins[i].count += 1;
    bins[i].amount += invoice.amount;
  }
  return bins;
}

export interface AgingShiftRow {
  bucket: AgingBucket;
  todayAmount: number;
  todayCount: number;
  /** Expected open amount in this bucket `horizonDays` later. */
  expectedAmount: number;
  expectedCount: number;
}

/**
 * Today's aging against the expected aging `horizonDays` later (default 30). Model: no new invoices; each
 * open invoice ages by the horizon and is still open with probability 1 − P(paid by then) − P(written
 * off by then) from its payment-timing distribution (lib/portfolio/paymentTiming.ts); its expected open amount
 * lands in the bucket of its aged days past due.
 */
export function agingShift(invoices: readonly OpenInvoice[], timing: CompiledTiming, asOf: Day, horizonDays = 30): AgingShiftRow[] {
  const rows = agingBuckets.map((bucket): AgingShiftRow => ({bucket, todayAmount: 0, todayCount: 0, expectedAmount: 0, expectedCount: 0}));
  const index = new Map(agingBuckets.map((bucket, i) => [bucket, i]));
  const horizon = asOf + horizonDays;
  for (const invoice of invoices) {
    const today = rows[index.get(agingBucket(asOf - invoice.dueDate))!];
    today.todayAmount += invoice.amount;
    today.todayCount += 1;
    const t = invoiceTiming(timing, invoice, asOf);
    const stillOpen = Math.max(0, 1 - paidBy(t, horizon) - writtenOffBy(t, horizon));
    const later = rows[index.get(agingBucket(horizon - invoice.dueDate))!];
    later.expectedAmount += invoice.amount * stillOpen;
    later.expectedCount += stillOpen;
  }
  return rows;
}
