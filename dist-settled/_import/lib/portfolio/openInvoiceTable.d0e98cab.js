import { expectedDaysLate, invoiceTiming } from "./paymentTiming.e0587f51.js";
import { round } from "../core/json.45851d72.js";
export function openInvoiceTable(invoices, asOf) {
  const customerIndex = /* @__PURE__ */ new Map();
  const customers = { length: 0, customerId: [], customerName: [] };
  const segmentIndex = /* @__PURE__ */ new Map();
  const segments = [];
  const out = { length: invoices.length, invoiceId: [], customer: [], amount: [], daysToDue: [], pLate: [], segment: [] };
  for (const invoice of invoices) {
    let c = customerIndex.get(invoice.customerId);
    if (c === void 0) {
      customerIndex.set(invoice.customerId, c = customers.customerId.length);
      customers.customerId.push(invoice.customerId);
      customers.customerName.push(invoice.customerName);
    }
    let s = -1;
    if (invoice.segment !== null) {
      const known = segmentIndex.get(invoice.segment);
      if (known === void 0) {
        segmentIndex.set(invoice.segment, s = segments.length);
        segments.push(invoice.segment);
      } else s = known;
    }
    out.invoiceId.push(invoice.invoiceId);
    out.customer.push(c);
    out.amount.push(round(invoice.amount, 2) ?? 0);
    out.daysToDue.push(invoice.dueDate - asOf);
    out.pLate.push(round(invoice.pLate, 4) ?? 0);
    out.segment.push(s);
  }
  customers.length = customers.customerId.length;
  return { asOf, customers, segments, invoices: out };
}
export function openInvoicesFromTable(table, timing) {
  const { asOf, customers, segments, invoices: t } = table;
  return Array.from({ length: t.length }, (_, i) => {
    const dueDate = asOf + t.daysToDue[i];
    const pLate = t.pLate[i];
    return {
      invoiceId: t.invoiceId[i],
      customerId: customers.customerId[t.customer[i]],
      customerName: customers.customerName[t.customer[i]],
      amount: t.amount[i],
      dueDate,
      daysOverdue: Math.max(0, asOf - dueDate),
      pLate,
      segment: t.segment[i] >= 0 ? segments[t.segment[i]] : null,
      expectedDaysLate: timing ? expectedDaysLate(invoiceTiming(timing, { dueDate, pLate }, asOf)) : NaN,
      topFactors: []
    };
  });
}
