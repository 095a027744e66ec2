// The order a collector works open invoices in. The scenarios and the backtest rank invoices by it
// without building the worklist itself (lib/portfolio/worklist.ts), which needs the strategy engine.
import {expectedLateAmount} from "./openInvoices.js";
import type {OpenInvoice} from "./openInvoices.js";

/** Worklist order (in words: lib/views/definitions/strategy.ts `worklistPriorityRule`). */
export function compareWorklistPriority(a: OpenInvoice, b: OpenInvoice): number {
  return (
    expectedLateAmount(b) - expectedLateAmount(a) ||
    b.daysOverdue - a.daysOverdue ||
    (a.invoiceId < b.invoiceId ? -1 : a.invoiceId > b.invoiceId ? 1 : 0)
  );
}

/** Indices of `invoices` in worklist order. */
export function worklistOrder(invoices: readonly OpenInvoice[]): Int32Array {
  const order = Int32Array.from(invoices.keys());
  return order.sort((i, j) => compareWorklistPriority(invoices[i], invoices[j]));
}
