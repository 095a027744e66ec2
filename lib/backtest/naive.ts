// Two forecasts anyone could make without a model, for the report's cash forecast to beat:
//   due date        every open invoice is paid in full on its due date (one already overdue, on the
//                   first day after the replayed date);
//   customer delay  every open invoice is paid in full its customer's average past delay after its due
//                   date (the mean of paid date − due date over the customer's invoices paid by the
//                   replayed date; the ledger's mean for a customer with none), or on the first day after
//                   the replayed date if that is already past.
// Neither expects write-offs: what is not paid within the horizon is "later".
import type {Day} from "../core/dates.js";
import type {Invoice} from "../input/ledger.js";

export interface NaiveInvoice {
  customerId: string;
  amount: number;
  dueDate: Day;
}

export interface NaiveForecast {
  /** Cash per week k = 1…weeks after the replayed day. */
  weekly: Float64Array;
  later: number;
}

/** Cash per week if each invoice is paid in full on its `payDay` (clamped to the first day after `day`). */
function forecastOnDays(invoices: readonly NaiveInvoice[], day: Day, weeks: number, payDay: (invoice: NaiveInvoice) => number): NaiveForecast {
  const weekly = new Float64Array(weeks);
  let later = 0;
  for (const invoice of invoices) {
    const week = Math.ceil((Math.max(day + 1, payDay(invoice)) - day) / 7);
    if (week <= weeks) weekly[week - 1] += invoice.amount;
    else later += invoice.amount;
  }
  return {weekly, later};
}

export function dueDateForecast(invoices: readonly NaiveInvoice[], day: Day, weeks: number): NaiveForecast {
  return forecastOnDays(invoices, day, weeks, (invoice) => invoice.dueDate);
}

export interface PaymentDelays {
  /** Mean days paid after the due date (negative: early), per customer. */
  byCustomer: Map<string, number>;
  /** The same over every invoice paid by the date; 0 when none was. */
  overall: number;
}

/** Average payment delay per customer over invoices paid (not written off) by the end of `day`. */
export function paymentDelays(invoices: readonly Pick<Invoice, "customerId" | "dueDate" | "paidDate">[], day: Day): PaymentDelays {
  const sums = new Map<string, {sum: number; count: number}>();
  let sum = 0, count = 0;
  for (const invoice of invoices) {
    if (invoice.paidDate === null || invoice.paidDate > day) continue;
    const delay = invoice.paidDate - invoice.dueDate;
    let s = sums.get(invoice.customerId);
    if (!s) sums.set(invoice.customerId, (s = {sum: 0, count: 0}));
    s.sum += delay;
    s.count += 1;
    sum += delay;
    count += 1;
  }
  return {byCustomer: new Map([...sums].map(([id, s]) => [id, s.sum / s.count])), overall: count ? sum / count : 0};
}

export function customerDelayForecast(invoices: readonly NaiveInvoice[], day: Day, weeks: number, delays: PaymentDelays): NaiveForecast {
  return forecastOnDays(invoices, day, weeks, (invoice) => invoice.dueDate + Math.round(delays.byCustomer.get(invoice.customerId) ?? delays.overall));
}
