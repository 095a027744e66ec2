// The compact open-invoice record that loaders ship to the Strategy, KPI and Scenarios pages: everything the
// browser-side strategy, worklist, scenario and forecast functions need, and nothing else.
import type {Day} from "../core/dates.js";
import type {Invoice} from "../input/ledger.js";
import {expectedDaysLate, invoiceTiming} from "./paymentTiming.js";
import type {CompiledTiming} from "./paymentTiming.js";

export interface OpenInvoice {
  invoiceId: string;
  customerId: string;
  customerName: string;
  /** Open (unpaid) amount on the as-of date. */
  amount: number;
  dueDate: Day;
  /** max(0, as-of − due). */
  daysOverdue: number;
  /** Calibrated predicted P(late). */
  pLate: number;
  /** The customer's segment label (A–D, or e.g. "A2"); null for customers with too little history to cluster. */
  segment: string | null;
  /** E[max(0, settlement − due)] from the payment-timing model (see lib/portfolio/paymentTiming.ts). */
  expectedDaysLate: number;
  /** The model's top factors for this invoice, in plain words. */
  topFactors: readonly string[];
}

export interface InvoicePrediction {
  pLate: number;
  topFactors?: readonly string[];
}

export interface OpenInvoiceInputs {
  asOf: Day;
  predictions: ReadonlyMap<string, InvoicePrediction>;
  /** customerId → segment label. */
  segments?: ReadonlyMap<string, string | null>;
  timing: CompiledTiming;
}

/** Open invoices of the cleaned ledger as compact records; throws if an open invoice has no prediction. */
export function openInvoicesFrom(invoices: readonly Invoice[], {asOf, predictions, segments, timing}: OpenInvoiceInputs): OpenInvoice[] {
  const out: OpenInvoice[] = [];
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
      expectedDaysLate: expectedDaysLate(invoiceTiming(timing, {dueDate: invoice.dueDate, pLate}, asOf)),
      topFactors: prediction.topFactors ?? []
    });
  }
  return out;
}

/** Σ P(late) × open amount: the amount expected to arrive late. */
export function expectedLateAmount(invoice: Pick<OpenInvoice, "pLate" | "amount">): number {
  return invoice.pLate * invoice.amount;
}
