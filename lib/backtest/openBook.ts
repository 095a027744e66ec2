// The open book on a replayed date and what became of it: each invoice open at the end of the day, for
// what was still unpaid then (lib/clean/replay.ts), whether it was in the end paid late, and the cash
// that came in against it afterwards — all read from the history, which only the backtest sees.
import type {Day} from "../core/dates.js";
import {outcomeKnownAt} from "../input/ledger.js";
import type {Ledger} from "../input/ledger.js";
import {cashAfter, invoiceAsOf} from "../clean/replay.js";
import type {Receipt, ReplayOptions} from "../clean/replay.js";

export interface ReplayedInvoice {
  /** Position in the history. */
  index: number;
  invoiceId: string;
  customerId: string;
  invoiceDate: Day;
  dueDate: Day;
  /** Unpaid at the end of the replayed day. */
  amount: number;
  /**
   * Paid after its due date or never (a write-off, or still unpaid past its due date when the data ends);
   * null when the data ends before its due date with the invoice still open.
   */
  late: boolean | null;
  /** Cash received against it after the replayed day, in date order. */
  cash: Receipt[];
}

/** Every invoice open, with something unpaid, at the end of `day`, in history order. */
export function openBookAt(history: Ledger, day: Day, options: ReplayOptions = {}): ReplayedInvoice[] {
  const book: ReplayedInvoice[] = [];
  history.invoices.forEach((invoice, index) => {
    if (invoice.invoiceDate > day || (invoice.settledDate !== null && invoice.settledDate <= day)) return;
    const receipts = history.payments?.get(invoice.invoiceId);
    const then = invoiceAsOf(invoice, day, receipts, options);
    if (then.status !== "open" || !(then.openAmount > 0)) return;
    book.push({
      index,
      invoiceId: invoice.invoiceId,
      customerId: invoice.customerId,
      invoiceDate: invoice.invoiceDate,
      dueDate: invoice.dueDate,
      amount: then.openAmount,
      late: outcomeKnownAt(invoice, history.asOf),
      cash: cashAfter(invoice, day, receipts)
    });
  });
  return book;
}

/** Cash per week k = 1…weeks (days day + 7(k − 1) + 1 … day + 7k) from the book, and what came later. */
export function cashByWeek(book: readonly Pick<ReplayedInvoice, "cash">[], day: Day, weeks: number): {weekly: Float64Array; later: number} {
  const weekly = new Float64Array(weeks);
  let later = 0;
  for (const {cash} of book) {
    for (const receipt of cash) {
      const week = Math.ceil((receipt.day - day) / 7);
      if (week >= 1 && week <= weeks) weekly[week - 1] += receipt.amount;
      else if (week > weeks) later += receipt.amount;
    }
  }
  return {weekly, later};
}
