// Worklist capture: work the open invoices in some order, and after the first N rows count the share of
// the amount that was in the end paid late which those rows hold. The worklist's own order (expected
// late amount first, lib/portfolio/worklist.ts) is compared with the orders collectors use without a
// model — oldest first, largest first — and with no order at all: a random order's first N of R rows
// hold N/R of the late amount on average, exactly, whatever the amounts (each invoice is among them with
// probability N/R), so it needs no draw.

/** One open invoice as the capture orders see it. */
export interface CaptureRow {
  invoiceId: string;
  /** Open amount on the replayed date. */
  amount: number;
  dueDate: number;
  /** Whether it was in the end paid late (or never). */
  late: boolean;
}

export const captureOrderKeys = ["worklist", "oldest", "largest", "random"] as const;
export type CaptureOrderKey = (typeof captureOrderKeys)[number];

/**
 * Share of the late amount held by the first k + 1 rows of `order`, for each k. Ends at 1 (or NaN when
 * nothing was late).
 */
export function captureCurve(rows: readonly CaptureRow[], order: ArrayLike<number>): Float64Array {
  let total = 0;
  for (const row of rows) if (row.late) total += row.amount;
  const curve = new Float64Array(order.length);
  let held = 0;
  for (let k = 0; k < order.length; ++k) {
    const row = rows[order[k]];
    if (row.late) held += row.amount;
    curve[k] = total > 0 ? held / total : NaN;
  }
  return curve;
}

/** The curve's value after `n` rows (0 rows hold nothing; past the end, everything). */
export function capturedAt(curve: ArrayLike<number>, n: number): number {
  if (n <= 0) return 0;
  return curve[Math.min(curve.length, n) - 1];
}

/** A random order's expected share after `n` of `total` rows. */
export function randomCapture(n: number, total: number): number {
  return total > 0 ? Math.min(1, Math.max(0, n) / total) : NaN;
}

/** Most days overdue first (the earliest due date), ties by invoice id: an aged-debt list worked top down. */
export function oldestFirst(rows: readonly CaptureRow[]): Int32Array {
  return Int32Array.from(rows.keys()).sort((a, b) => rows[a].dueDate - rows[b].dueDate || byId(rows[a], rows[b]));
}

/** Largest open amount first, ties by invoice id. */
export function largestFirst(rows: readonly CaptureRow[]): Int32Array {
  return Int32Array.from(rows.keys()).sort((a, b) => rows[b].amount - rows[a].amount || byId(rows[a], rows[b]));
}

function byId(a: CaptureRow, b: CaptureRow): number {
  return a.invoiceId < b.invoiceId ? -1 : a.invoiceId > b.invoiceId ? 1 : 0;
}
