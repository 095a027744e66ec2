// A simple, honest stand-in for the model stage's scores, so the portfolio stage can be tested before the
// real model exists: each invoice's P(late) is its customer's late rate among invoices settled before the
// invoice date, shrunk towards the overall late rate known on that date. Nothing from after the invoice
// date is used.
import type {Ledger} from "../../lib/input/ledger.js";
import type {InvoiceScores} from "../../lib/pipeline/types.js";

export interface StandInOptions {
  /** Pseudo-observations of the overall rate added to each customer's history (default 5). */
  priorWeight?: number;
}

export function standInScores(ledger: Ledger, {priorWeight = 5}: StandInOptions = {}): InvoiceScores {
  const invoices = ledger.invoices;
  const n = invoices.length;
  const customerIndex = new Map<string, number>();
  const customerOf = Int32Array.from(invoices, (invoice) => {
    let c = customerIndex.get(invoice.customerId);
    if (c === undefined) customerIndex.set(invoice.customerId, (c = customerIndex.size));
    return c;
  });
  const settled = invoices.flatMap((invoice, i) => (invoice.settledDate !== null && invoice.paidLate !== null ? [i] : []));
  settled.sort((a, b) => invoices[a].settledDate! - invoices[b].settledDate! || a - b);
  const issued = Array.from(invoices.keys()).sort((a, b) => invoices[a].invoiceDate - invoices[b].invoiceDate || a - b);

  const lateCount = new Float64Array(customerIndex.size);
  const settledCount = new Float64Array(customerIndex.size);
  let allLate = 0, allSettled = 0, next = 0;
  const pLate = new Float64Array(n);
  const factors = new Map<number, string[]>();
  for (const i of issued) {
    // Only settlements strictly before the invoice date are known when it is issued.
    while (next < settled.length && invoices[settled[next]].settledDate! < invoices[i].invoiceDate) {
      const j = settled[next++];
      settledCount[customerOf[j]] += 1;
      allSettled += 1;
      if (invoices[j].paidLate) {
        lateCount[customerOf[j]] += 1;
        allLate += 1;
      }
    }
    const prior = allSettled > 0 ? allLate / allSettled : 0.3;
    const c = customerOf[i];
    pLate[i] = (lateCount[c] + priorWeight * prior) / (settledCount[c] + priorWeight);
    const invoice = invoices[i];
    if (invoice.status !== "open") continue;
    // Factors say what the stand-in used: the customer's record on the invoice date.
    const count = settledCount[c], late = lateCount[c];
    const list = [count ? `Paid ${Math.round((100 * late) / count)}% of ${count} earlier invoices late` : "No settled history"];
    if (invoice.daysOverdue > 0) list.push(`${invoice.daysOverdue} days overdue`);
    factors.set(i, list);
  }

  return {pLate, factors, modelName: "Stand-in: customer's prior late rate", riskSource: "model"};
}
