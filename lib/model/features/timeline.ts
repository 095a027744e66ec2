// The order in which a ledger's facts become known. Every invoice contributes up to four events: its
// features are read ("query") at the start of its issue day, then it joins the customer's open items
// ("issue"), may fall overdue ("due") and is eventually settled ("settle"). Sorting by (day, kind) makes
// a query see exactly what happened on earlier days — a settlement on the invoice's own issue day is not
// "before" it — and one sort serves every customer at once: a counting sort by day, O(n + days).
import type {Day} from "../../core/dates.js";
import type {Invoice} from "../../input/ledger.js";

export const QUERY = 0;
export const ISSUE = 1;
/** The invoice is unpaid at the end of its due day: overdue from the next day on. */
export const DUE = 2;
export const SETTLE = 3;
export type EventKind = typeof QUERY | typeof ISSUE | typeof DUE | typeof SETTLE;

/** Events in processing order, as parallel arrays. */
export interface Timeline {
  length: number;
  days: Int32Array;
  kinds: Uint8Array;
  invoices: Int32Array;
}

type TimelineInvoice = Pick<Invoice, "invoiceDate" | "dueDate" | "settledDate">;

export function timeline(invoices: readonly TimelineInvoice[]): Timeline {
  const n = invoices.length;
  let minDay = Infinity, maxDay = -Infinity;
  let length = 0;
  for (const invoice of invoices) {
    minDay = Math.min(minDay, invoice.invoiceDate);
    maxDay = Math.max(maxDay, invoice.invoiceDate, invoice.dueDate, invoice.settledDate ?? -Infinity);
    length += invoice.settledDate === null ? 3 : 4;
  }
  const slots = n ? (maxDay - minDay + 1) * 4 : 0;
  if (slots > 2 ** 30) throw new Error(`timeline: dates span too many days (${maxDay - minDay})`);
  // One (day, kind) slot per event; a stable counting sort by slot keeps ledger order within a slot.
  // Few large buffers rather than many: with a million invoices on the JS heap, every ~64 MB of new
  // array buffers costs a full garbage collection.
  const scratch = new ArrayBuffer(length * 4 * 2);
  const slotOf = new Int32Array(scratch, 0, length);
  const invoiceOf = new Int32Array(scratch, length * 4, length);
  const slot = (day: Day, kind: EventKind) => (day - minDay) * 4 + kind;
  let e = 0;
  for (let i = 0; i < n; ++i) {
    const {invoiceDate, dueDate, settledDate} = invoices[i];
    // Inconsistent dates (due or paid before the invoice) are clamped so an invoice never leaves the
    // open items before it joined them.
    slotOf[e] = slot(invoiceDate, QUERY), invoiceOf[e++] = i;
    slotOf[e] = slot(invoiceDate, ISSUE), invoiceOf[e++] = i;
    slotOf[e] = slot(Math.max(dueDate, invoiceDate), DUE), invoiceOf[e++] = i;
    if (settledDate !== null) (slotOf[e] = slot(Math.max(settledDate, invoiceDate), SETTLE)), (invoiceOf[e++] = i);
  }
  const order = stableOrder(slotOf, slots);
  const buffer = new ArrayBuffer(length * 9);
  const days = new Int32Array(buffer, 0, length);
  const indices = new Int32Array(buffer, length * 4, length);
  const kinds = new Uint8Array(buffer, length * 8, length);
  for (let k = 0; k < length; ++k) {
    const event = order[k];
    const s = slotOf[event];
    kinds[k] = s & 3;
    days[k] = (s >> 2) + minDay;
    indices[k] = invoiceOf[event];
  }
  return {length, days, kinds, invoices: indices};
}

/**
 * Positions of `keys` (integers in [0, keyCount)) in ascending key order, equal keys in input order: a
 * counting sort, O(n + keyCount) — dates span a few thousand days, so this beats any comparison sort.
 */
export function stableOrder(keys: Int32Array, keyCount: number): Int32Array {
  const starts = new Int32Array(keyCount + 1);
  for (let k = 0; k < keys.length; ++k) ++starts[keys[k] + 1];
  for (let key = 0; key < keyCount; ++key) starts[key + 1] += starts[key];
  const order = new Int32Array(keys.length);
  for (let k = 0; k < keys.length; ++k) order[starts[keys[k]]++] = k;
  return order;
}
