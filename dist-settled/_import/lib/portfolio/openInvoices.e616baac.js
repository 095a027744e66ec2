import { expectedDaysLate, invoiceTiming } from "./paymentTiming.e0587f51.js";
export const segmentLetters = ["A", "B", "C", "D"];
export function segmentLetter(segment) {
  const letter = segment?.charAt(0);
  return letter === "A" || letter === "B" || letter === "C" || letter === "D" ? letter : null;
}
export function openInvoicesFrom(invoices, { asOf, predictions, segments, timing }) {
  const out = [];
  for (const invoice of invoices) {
    if (invoice.status !== "open" || !(invoice.openAmount > 0)) continue;
    const prediction = predictions.get(invoice.invoiceId);
    if (!prediction) throw new Error(`openInvoicesFrom: no prediction for open invoice ${invoice.invoiceId}`);
    const pLate = prediction.pLate;
    out.push({
      invoiceId: invoice.invoiceId,
      customerId: invoice.customerId,
      customerName: invoice.customerName,
      amount: invoice.openAmount,
      dueDate: invoice.dueDate,
      daysOverdue: Math.max(0, asOf - invoice.dueDate),
      pLate,
      segment: segments?.get(invoice.customerId) ?? null,
      expectedDaysLate: expectedDaysLate(invoiceTiming(timing, { dueDate: invoice.dueDate, pLate }, asOf)),
      topFactors: prediction.topFactors ?? []
    });
  }
  return out;
}
export function expectedLateAmount(invoice) {
  return invoice.pLate * invoice.amount;
}
