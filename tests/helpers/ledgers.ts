// Small exports in a degenerate state, as CSV text for the real pipeline: a book with nothing open, a
// single customer, no late payment at all, nothing overdue. Each starts from the seeded generator (every
// column present) and changes only what makes it degenerate, so the rest of the report still has data.
import {toCsv} from "../../lib/input/csv.js";
import {rawColumns} from "../../lib/input/ledger.js";
import type {RawRow} from "../../lib/input/ledger.js";
import {formatIsoDay, parseIsoDay} from "../../lib/core/dates.js";
import {createRandom} from "../../lib/core/random.js";
import {generateLedger} from "../../lib/source/generate.js";

export type DegenerateKind = "nothing open" | "one customer" | "no late payments" | "nothing overdue";

export interface LedgerSize {
  invoices?: number;
  customers?: number;
  months?: number;
  asOf?: string;
  seed?: number;
}

/** A generated ledger's rows, as an export taken on `asOf` would list them (no simulated future). */
export function generatedRows({invoices = 1600, customers = 70, months = 24, asOf = "2025-06-30", seed = 15}: LedgerSize = {}): RawRow[] {
  return Array.from(generateLedger({invoices, customers, months, asOf: parseIsoDay(asOf)!, futureDays: 0}, createRandom(seed)).rows());
}

const isOpen = (row: RawRow) => row.paid_date === "" && row.write_off_date === "";

/** Settles a row in full on `day` (an ISO date). */
function paidOn(row: RawRow, day: string): RawRow {
  return {...row, paid_date: day, paid_amount: row.amount, last_payment_date: day, write_off_date: "", installments: row.installments === "0" ? "1" : row.installments};
}

/** The rows changed into the degenerate state `kind`; `asOf` is the ledger's report date (ISO). */
export function degenerate(rows: readonly RawRow[], kind: DegenerateKind, asOf: string): RawRow[] {
  switch (kind) {
    case "nothing open":
      // Every invoice still open at the report date is paid on it.
      return rows.map((row) => (isOpen(row) ? paidOn(row, asOf) : row));
    case "one customer": {
      const first = rows[0];
      const customer = {customer_id: "C1", customer_name: "Solo Ltd", industry: first.industry, region: first.region, credit_score: first.credit_score};
      return rows.map((row) => ({...row, ...customer, credit_limit: first.credit_limit, customer_since: first.customer_since}));
    }
    case "no late payments":
      // Whatever was settled late, written off or is overdue is paid on its due date instead.
      return rows.map((row) => {
        if (isOpen(row)) return row.due_date < asOf ? paidOn(row, row.due_date) : row;
        return row.write_off_date !== "" || row.paid_date > row.due_date ? paidOn(row, row.due_date) : row;
      });
    case "nothing overdue":
      return rows.map((row) => (isOpen(row) && row.due_date < asOf ? paidOn(row, row.due_date) : row));
  }
}

/** The rows as CSV text with the canonical headers. */
export function ledgerCsv(rows: readonly RawRow[]): string {
  return toCsv(rawColumns, rows.map((row) => rawColumns.map((column) => row[column])));
}

/** `generatedRows` in the state `kind`, as CSV text. */
export function degenerateCsv(kind: DegenerateKind, size: LedgerSize = {}): string {
  const asOf = size.asOf ?? "2025-06-30";
  return ledgerCsv(degenerate(generatedRows({...size, asOf}), kind, formatIsoDay(parseIsoDay(asOf)!)));
}
