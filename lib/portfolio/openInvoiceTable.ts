// The open invoices as the report ships them to the Strategy and Scenarios pages: one columnar table
// with the customers and segment names as dictionaries, small in JSON and rebuilt in the browser into the
// `OpenInvoice` records that lib/portfolio/strategy.ts, lib/portfolio/worklist.ts and lib/portfolio/scenario.ts take. Browser-safe:
// this module only imports types and pure functions.
import type {Day} from "../core/dates.js";
import type {OpenInvoice} from "./openInvoices.js";
import {expectedDaysLate, invoiceTiming} from "./paymentTiming.js";
import type {CompiledTiming} from "./paymentTiming.js";
import {round} from "../core/json.js";

export interface OpenInvoiceTable {
  /** The report date: dueDate = asOf + daysToDue, daysOverdue = max(0, −daysToDue). */
  asOf: Day;
  /** Customer dictionary: the `customer` column indexes it. */
  customers: {length: number; customerId: string[]; customerName: string[]};
  /** Segment names ("A", "B2", …): the `segment` column indexes it; −1 means not segmented. */
  segments: string[];
  invoices: {
    length: number;
    invoiceId: string[];
    customer: number[];
    /** Open amount, 2 decimals. */
    amount: number[];
    /** Due date − as-of date, in days (negative: overdue); shorter in JSON than the day number. */
    daysToDue: number[];
    /** P(late), 4 decimals. */
    pLate: number[];
    segment: number[];
  };
}

/**
 * Open invoices as a table. Amounts, probabilities and days are rounded here, so the stage rebuilds its
 * own records from the table (`openInvoicesFromTable`) and the page computes on exactly the same numbers.
 */
export function openInvoiceTable(invoices: readonly OpenInvoice[], asOf: Day): OpenInvoiceTable {
  const customerIndex = new Map<string, number>();
  const customers: OpenInvoiceTable["customers"] = {length: 0, customerId: [], customerName: []};
  const segmentIndex = new Map<string, number>();
  const segments: string[] = [];
  const out: OpenInvoiceTable["invoices"] = {length: invoices.length, invoiceId: [], customer: [], amount: [], daysToDue: [], pLate: [], segment: []};
  for (const invoice of invoices) {
    let c = customerIndex.get(invoice.customerId);
    if (c === undefined) {
      customerIndex.set(invoice.customerId, (c = customers.customerId.length));
      customers.customerId.push(invoice.customerId);
      customers.customerName.push(invoice.customerName);
    }
    let s = -1;
    if (invoice.segment !== null) {
      const known = segmentIndex.get(invoice.segment);
      if (known === undefined) {
        segmentIndex.set(invoice.segment, (s = segments.length));
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
  return {asOf, customers, segments, invoices: out};
}

/**
 * The `OpenInvoice` records back from a table (e.g. parsed JSON). Top factors are not shipped ([]);
 * expected days late, which no strategy or scenario function reads, is computed when a timing model is
 * given and NaN otherwise.
 */
export function openInvoicesFromTable(table: OpenInvoiceTable, timing?: CompiledTiming): OpenInvoice[] {
  const {asOf, customers, segments, invoices: t} = table;
  return Array.from({length: t.length}, (_, i): OpenInvoice => {
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
      expectedDaysLate: timing ? expectedDaysLate(invoiceTiming(timing, {dueDate, pLate}, asOf)) : NaN,
      topFactors: []
    };
  });
}
