import {describe, expect, test} from "vitest";
import {formatIsoDay, parseIsoDay} from "../../lib/core/dates.js";
import {createDirtTally, currencyText, customerIdVariants, dirtKinds, injectDirt} from "../../lib/source/dirt.js";
import type {DirtKind, DirtTally} from "../../lib/source/dirt.js";
import {generateLedger} from "../../lib/source/generate.js";
import {rawColumns} from "../../lib/input/ledger.js";
import type {RawColumn, RawRow} from "../../lib/input/ledger.js";
import {createRandom} from "../../lib/core/random.js";

const day = (iso: string) => parseIsoDay(iso)!;
const ledger = generateLedger({invoices: 20_000, customers: 800}, createRandom(21));
const clean = Array.from(ledger.rows());
const asOf = ledger.asOf;

function dirty(rate: number, seed = 1): {rows: RawRow[]; tally: DirtTally} {
  const tally = createDirtTally();
  const rows = Array.from(injectDirt(clean, {rate, asOf}, createRandom(seed), tally));
  return {rows, tally};
}

const changedColumns = (before: RawRow, after: RawRow) => rawColumns.filter((c) => before[c] !== after[c]);
const sameColumns = (a: readonly RawColumn[], b: readonly RawColumn[]) => [...a].sort().join() === [...b].sort().join();

/**
 * Walks the dirty output against the clean input and names the dirt of each touched row from what
 * changed, checking the exact formats as it goes. Untouched rows are the input objects themselves.
 */
function classify(output: RawRow[]): Record<DirtKind, number> {
  const found = Object.fromEntries(dirtKinds.map((k) => [k, 0])) as Record<DirtKind, number>;
  let j = 0;
  for (const before of clean) {
    const after = output[j++];
    if (after === before) continue;
    const changed = changedColumns(before, after);
    if (changed.length === 0) {
      // A duplicate: two identical copies, one after the other.
      expect(output[j]).toEqual(before);
      expect(output[j]).not.toBe(before);
      ++j;
      ++found.duplicate_row;
    } else if (sameColumns(changed, ["invoice_date"])) {
      expect(after.invoice_date).toBe("");
      ++found.missing_invoice_date;
    } else if (sameColumns(changed, ["invoice_date", "due_date"])) {
      const offset = day(after.invoice_date) - day(before.invoice_date);
      expect(day(after.due_date) - day(before.due_date)).toBe(offset);
      expect(day(after.invoice_date) - asOf).toBeGreaterThanOrEqual(30);
      expect(day(after.invoice_date) - asOf).toBeLessThanOrEqual(400);
      ++found.future_invoice_date;
    } else if (sameColumns(changed, ["due_date"])) {
      const invoice = day(before.invoice_date);
      expect(after.due_date).toBe(formatIsoDay(invoice - (day(before.due_date) - invoice)));
      expect(day(after.due_date)).toBeLessThan(invoice);
      ++found.due_before_invoice;
    } else if (sameColumns(changed, ["amount"]) && after.amount.startsWith("-")) {
      expect(after.amount).toBe(`-${before.amount}`);
      ++found.negative_amount;
    } else if (sameColumns(changed, ["amount"])) {
      const grouped = Number(before.amount).toLocaleString("en-US", {minimumFractionDigits: 2, maximumFractionDigits: 2});
      expect([`$${grouped}`, `${before.amount} USD`]).toContain(after.amount);
      ++found.currency_text_amount;
    } else if (sameColumns(changed, ["customer_id"])) {
      const id = before.customer_id;
      const unpadded = `C${Number(id.slice(1))}`;
      expect([id.toLowerCase(), ` ${id} `, `C-${id.slice(1)}`, unpadded]).toContain(after.customer_id);
      expect(after.customer_id).not.toBe(id);
      ++found.inconsistent_customer_id;
    } else {
      throw new Error(`unexpected change to ${changed.join(", ")}`);
    }
  }
  expect(j).toBe(output.length);
  return found;
}

describe("injectDirt", () => {
  test("rate 0 passes every row through unchanged", () => {
    const {rows, tally} = dirty(0);
    expect(rows).toHaveLength(clean.length);
    rows.forEach((row, i) => expect(row).toBe(clean[i]));
    expect(tally).toEqual({...createDirtTally(), rowsIn: clean.length, rowsOut: clean.length});
  });

  test("every touched row has exactly one kind of dirt, in the agreed format, as tallied", () => {
    const {rows, tally} = dirty(0.2);
    expect(classify(rows)).toEqual(tally.injected);
    expect(tally.rowsIn).toBe(clean.length);
    expect(tally.rowsOut).toBe(clean.length + tally.injected.duplicate_row);
    expect(rows).toHaveLength(tally.rowsOut);
  });

  test("the rate is respected and kinds are chosen evenly", () => {
    const {tally} = dirty(0.02, 2);
    const touched = Object.values(tally.injected).reduce((a, b) => a + b, 0);
    // Binomial sd is 0.1 percentage points at 20,000 rows; allow four.
    expect(touched / clean.length).toBeGreaterThan(0.016);
    expect(touched / clean.length).toBeLessThan(0.024);
    const {tally: many} = dirty(0.5, 3);
    const total = Object.values(many.injected).reduce((a, b) => a + b, 0);
    for (const kind of dirtKinds) {
      expect(many.injected[kind] / total).toBeGreaterThan(1 / 7 - 0.02);
      expect(many.injected[kind] / total).toBeLessThan(1 / 7 + 0.02);
    }
  });

  test("input rows are never modified", () => {
    const before = JSON.stringify(clean.slice(0, 2000));
    Array.from(injectDirt(clean.slice(0, 2000), {rate: 1, asOf}, createRandom(4)));
    expect(JSON.stringify(clean.slice(0, 2000))).toBe(before);
  });

  test("the same seed gives the same dirt; another seed does not", () => {
    const a = JSON.stringify(dirty(0.05, 7).rows), b = JSON.stringify(dirty(0.05, 7).rows);
    expect(a).toBe(b);
    expect(JSON.stringify(dirty(0.05, 8).rows)).not.toBe(a);
  });

  test("a kind that cannot apply to a row is not chosen for it", () => {
    const row = {...clean[0], invoice_date: "", amount: ""};
    const tally = createDirtTally();
    for (const out of injectDirt(Array(300).fill(row), {rate: 1, asOf}, createRandom(5), tally)) expect(out.amount).toBe("");
    expect(tally.injected.missing_invoice_date + tally.injected.currency_text_amount + tally.injected.negative_amount).toBe(0);
    expect(tally.injected.due_before_invoice + tally.injected.future_invoice_date).toBe(0);
    expect(tally.injected.duplicate_row).toBeGreaterThan(0);
    expect(tally.injected.inconsistent_customer_id).toBeGreaterThan(0);
  });

  test("an impossible rate is refused at the call", () => {
    expect(() => injectDirt(clean, {rate: 1.5, asOf}, createRandom(1))).toThrow(RangeError);
    expect(() => injectDirt(clean, {rate: -0.1, asOf}, createRandom(1))).toThrow(RangeError);
  });
});

describe("dirt formats", () => {
  test("currency text keeps the value", () => {
    const forms = new Set(Array.from({length: 40}, (_, i) => currencyText("1234.50", "USD", createRandom(i))));
    expect([...forms].sort()).toEqual(["$1,234.50", "1234.50 USD"]);
    const big = new Set(Array.from({length: 40}, (_, i) => currencyText("1234567.89", "USD", createRandom(i))));
    expect(big).toContain("$1,234,567.89");
    expect(new Set(Array.from({length: 40}, (_, i) => currencyText("12.00", "USD", createRandom(i))))).toContain("$12.00");
    expect(new Set(Array.from({length: 40}, (_, i) => currencyText("99.10", "CHF", createRandom(i))))).toEqual(new Set(["99.10 CHF"]));
  });

  test("customer id variants", () => {
    expect(customerIdVariants("C00042")).toEqual(["c00042", " C00042 ", "C-00042", "C42"]);
    // An id without leading zeros has no unpadded variant distinct from itself.
    expect(customerIdVariants("C10000")).toEqual(["c10000", " C10000 ", "C-10000"]);
    expect(customerIdVariants("")).toEqual([]);
  });
});
