// The `worklist` file (the top of the collection worklist, for the page's table) and the full worklist
// as CSV (for download).
import {formatIsoDay} from "../../core/dates.js";
import {toCsv} from "../../input/csv.js";
import type {WorklistItem} from "../worklist.js";
import {round, roundFinite} from "../../core/json.js";
import type {WorklistFile} from "../../pipeline/contract.js";

/** Separator of the top factors in one field. */
export const factorSeparator = "; ";

export function worklistFile(items: readonly WorklistItem[], {limit, asOf, currency}: {limit: number; asOf: number; currency: string}): WorklistFile {
  const rows = items.slice(0, Math.max(0, limit));
  return {
    asOf,
    currency,
    total: items.length,
    shown: rows.length,
    limit,
    items: {
      length: rows.length,
      rank: rows.map((r) => r.rank),
      invoiceId: rows.map((r) => r.invoiceId),
      customerId: rows.map((r) => r.customerId),
      customerName: rows.map((r) => r.customerName),
      segment: rows.map((r) => r.segment),
      amount: rows.map((r) => roundFinite(r.amount, 2)),
      dueDate: rows.map((r) => formatIsoDay(r.dueDate)),
      daysOverdue: rows.map((r) => r.daysOverdue),
      pLate: rows.map((r) => roundFinite(r.pLate, 4)),
      expectedLateAmount: rows.map((r) => roundFinite(r.expectedLateAmount, 2)),
      expectedDaysLate: rows.map((r) => round(r.expectedDaysLate, 2)),
      topFactors: rows.map((r) => r.topFactors.join(factorSeparator)),
      strategy: rows.map((r) => r.strategy),
      strategyLabel: rows.map((r) => r.strategyLabel),
      nextAction: rows.map((r) => r.nextAction),
      nextActionChannel: rows.map((r) => r.nextActionChannel),
      nextActionDate: rows.map((r) => (r.nextActionDate === null ? null : formatIsoDay(r.nextActionDate)))
    }
  };
}


export const worklistCsvColumns = [
  "rank",
  "invoice_id",
  "customer_id",
  "customer_name",
  "segment",
  "open_amount",
  "currency",
  "due_date",
  "days_overdue",
  "p_late",
  "expected_late_amount",
  "expected_days_late",
  "top_factors",
  "strategy",
  "next_action",
  "next_action_channel",
  "next_action_date"
] as const;

/** Every worklist item as CSV (header + one line per invoice), numbers rounded as in the JSON. */
export function worklistCsv(items: readonly WorklistItem[], {currency = "USD"}: {currency?: string} = {}): string {
  return toCsv(
    worklistCsvColumns,
    items.map((r) => [
      r.rank,
      r.invoiceId,
      r.customerId,
      r.customerName,
      r.segment,
      round(r.amount, 2),
      currency,
      formatIsoDay(r.dueDate),
      r.daysOverdue,
      round(r.pLate, 4),
      round(r.expectedLateAmount, 2),
      round(r.expectedDaysLate, 2),
      r.topFactors.join(factorSeparator),
      r.strategyLabel,
      r.nextAction,
      r.nextActionChannel,
      r.nextActionDate === null ? null : formatIsoDay(r.nextActionDate)
    ])
  );
}
