import { agingBucket, agingBuckets } from "../input/ledger.b78b99ce.js";
import { expectedLateAmount } from "./openInvoices.e616baac.js";
import { invoiceTiming, paidBy, writtenOffBy } from "./paymentTiming.e0587f51.js";
import { defaultRiskCutoffs, riskBand } from "./riskBands.a7d9b5eb.js";
export function customerRisks(invoices) {
  const byId = /* @__PURE__ */ new Map();
  for (const invoice of invoices) {
    let c = byId.get(invoice.customerId);
    if (!c) {
      c = { customerId: invoice.customerId, customerName: invoice.customerName, segment: invoice.segment, openAmount: 0, expectedLateAmount: 0, meanPLate: 0, invoices: 0, maxDaysOverdue: 0 };
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
export function compareCustomerRisk(a, b) {
  return b.expectedLateAmount - a.expectedLateAmount || b.openAmount - a.openAmount || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0);
}
export function topRiskyCustomers(invoices, n = 10) {
  return customerRisks(invoices).sort(compareCustomerRisk).slice(0, n);
}
export function riskDistribution(invoices, { binWidth = 0.1, cutoffs = defaultRiskCutoffs } = {}) {
  const n = Math.max(1, Math.round(1 / binWidth));
  const bins = Array.from({ length: n }, (_, i) => ({ lo: i / n, hi: (i + 1) / n, band: riskBand(i / n, cutoffs), count: 0, amount: 0 }));
  for (const invoice of invoices) {
    const i = Math.min(n - 1, Math.max(0, Math.floor(invoice.pLate * n + 1e-9)));
    bins[i].count += 1;
    bins[i].amount += invoice.amount;
  }
  return bins;
}
export function agingShift(invoices, timing, asOf, horizonDays = 30) {
  const rows = agingBuckets.map((bucket) => ({ bucket, todayAmount: 0, todayCount: 0, expectedAmount: 0, expectedCount: 0 }));
  const index = new Map(agingBuckets.map((bucket, i) => [bucket, i]));
  const horizon = asOf + horizonDays;
  for (const invoice of invoices) {
    const today = rows[index.get(agingBucket(asOf - invoice.dueDate))];
    today.todayAmount += invoice.amount;
    today.todayCount += 1;
    const t = invoiceTiming(timing, invoice, asOf);
    const stillOpen = Math.max(0, 1 - paidBy(t, horizon) - writtenOffBy(t, horizon));
    const later = rows[index.get(agingBucket(horizon - invoice.dueDate))];
    later.expectedAmount += invoice.amount * stillOpen;
    later.expectedCount += stillOpen;
  }
  return rows;
}
