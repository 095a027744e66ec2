import {describe, expect, test} from "vitest";
import {formatIsoDay} from "../../lib/core/dates.js";
import type {Invoice, Ledger} from "../../lib/input/ledger.js";
import {matrix} from "../../lib/model/learners/types.js";
import {createRandom} from "../../lib/core/random.js";
import {labelsKnownAt, sliceDataset, summarizeSplit, timeSplit} from "../../lib/model/split.js";
import {splitSentence} from "../../lib/views/definitions/model.js";
import {day, factsOf, makeInvoice, randomLedger} from "../fixtures/features/ledger.js";

const day0 = day("2024-01-01");
const asOf = day("2024-12-31");

/**
 * Invoice k issued on day 15k (k = 0…19), Net 30: even k paid 2 days early, odd k 10 days late, k = 19
 * still open (overdue); k = 20, 21 issued in December, not yet due. All of k = 0…19 are due before as-of.
 */
function handLedger(): Ledger {
  const invoices: Invoice[] = [];
  for (let k = 0; k < 22; ++k) {
    const invoiceDate = k < 20 ? day0 + 15 * k : day0 + 340 + 10 * (k - 20);
    const dueDate = invoiceDate + 30;
    const paidDate = k >= 19 ? null : k % 2 ? dueDate + 10 : dueDate - 2;
    invoices.push(makeInvoice({invoiceId: `I${k}`, customerId: "C", invoiceDate, dueDate, amount: 100, paidDate}, asOf));
  }
  // Ledger order must not matter: reverse it.
  invoices.reverse();
  return {invoices, customers: [], asOf, currency: "USD", source: {kind: "synthetic", name: "test"}, available: {} as Ledger["available"]};
}

const ids = (ledger: Ledger, indices: Int32Array) => Array.from(indices, (i) => ledger.invoices[i].invoiceId);
const range = (from: number, to: number) => Array.from({length: to - from + 1}, (_, k) => `I${from + k}`);

describe("time split on a hand-made ledger", () => {
  const ledger = handLedger();
  const split = timeSplit(ledger);

  test("cut dates at the 60 % and 75 % points of the labelled invoices by invoice date", () => {
    // 20 labelled invoices: T_val = date of the 13th (k = 12, day 180), T_test = of the 16th (k = 15, day 225).
    expect(split.validationStart).toBe(day0 + 180);
    expect(split.testStart).toBe(day0 + 225);
    expect(formatIsoDay(split.validationStart)).toBe("2024-06-29");
    expect(formatIsoDay(split.testStart)).toBe("2024-08-13");
  });

  test("slice members, label cutoffs and labels", () => {
    // Train: issued and due before day 180 → k ≤ 9. k = 10, 11 fall due after the cut.
    expect(ids(ledger, split.train.indices)).toEqual(range(0, 9));
    expect(Array.from(split.train.labels)).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    expect(split.train.labelledAt).toBe(split.validationStart);
    // Validation: issued on days 180–224 and due before 225 → only k = 12.
    expect(ids(ledger, split.validation.indices)).toEqual(["I12"]);
    expect(Array.from(split.validation.labels)).toEqual([0]);
    expect(split.validation.labelledAt).toBe(split.testStart);
    // Test: issued from day 225 on and due before as-of; k = 19 is unpaid past its due date → late.
    expect(ids(ledger, split.test.indices)).toEqual(range(15, 19));
    expect(Array.from(split.test.labels)).toEqual([1, 0, 1, 0, 1]);
    expect(ids(ledger, split.production.indices)).toEqual(range(0, 19));
    expect(ids(ledger, split.scored.indices)).toEqual(["I19", "I20", "I21"]);
    expect(split.scored.labels).toHaveLength(0);
    expect(split.unassigned).toBe(4); // k = 10, 11, 13, 14
    expect(split.train.firstIssued).toBe(day0);
    expect(split.train.lastIssued).toBe(day0 + 135);
  });

  test("summary and sentence for the page", () => {
    const summary = summarizeSplit(split);
    expect(summary.slices.map((s) => [s.name, s.invoices, s.late])).toEqual([
      ["train", 10, 5],
      ["validation", 1, 0],
      ["test", 5, 3],
      ["production", 20, 10],
      ["scored", 3, 0]
    ]);
    expect(summary.slices[0].lateRate).toBe(0.5);
    expect(summary.slices[4].lateRate).toBeNull();
    expect(splitSentence(summary)).toBe(
      "Trained on 10 invoices issued 2024-01-01 to 2024-05-15 (outcomes as known on 2024-06-29), " +
        "validated on 1 invoice issued 2024-06-29 to 2024-06-29 (outcomes as known on 2024-08-13) and " +
        "tested on 5 invoices issued 2024-08-13 to 2024-10-12 (outcomes as known on 2024-12-31). " +
        "The production model learns from all 20 invoices due before 2024-12-31 and scores the 3 invoices open on that date."
    );
  });

  test("datasets take the slice's rows and labels; the scored slice has none", () => {
    const x = matrix(Array.from({length: 22 * 2}, (_, v) => v), 22, 2);
    const data = sliceDataset({x, featureNames: ["a", "b"]}, split.validation);
    const row = split.validation.indices[0];
    expect(Array.from(data.x.values)).toEqual([2 * row, 2 * row + 1]);
    expect(Array.from(data.y)).toEqual([0]);
    expect(() => sliceDataset({x, featureNames: ["a", "b"]}, split.scored)).toThrow(/no labels/);
  });
});

describe("time split on a random ledger", () => {
  const ledger = randomLedger(createRandom("split"), {invoices: 3000, customers: 40});
  const split = timeSplit(ledger);
  const {invoices} = ledger;

  test("slice rules hold for every member", () => {
    const {validationStart: tVal, testStart: tTest} = split;
    expect(tVal).toBeLessThan(tTest);
    for (const i of split.train.indices) {
      expect(invoices[i].invoiceDate).toBeLessThan(tVal);
      expect(invoices[i].dueDate).toBeLessThan(tVal);
    }
    for (const i of split.validation.indices) {
      expect(invoices[i].invoiceDate).toBeGreaterThanOrEqual(tVal);
      expect(invoices[i].invoiceDate).toBeLessThan(tTest);
      expect(invoices[i].dueDate).toBeLessThan(tTest);
    }
    // No test invoice is issued before T_test.
    for (const i of split.test.indices) {
      expect(invoices[i].invoiceDate).toBeGreaterThanOrEqual(tTest);
      expect(invoices[i].dueDate).toBeLessThan(ledger.asOf);
    }
    for (const i of split.scored.indices) expect(invoices[i].settledDate).toBeNull();
  });

  test("counts add up, and the gap invoices are exactly those due after their cut", () => {
    const {train, validation, test: testSlice, production, scored} = split;
    const labelled = invoices.filter((invoice) => invoice.dueDate < ledger.asOf);
    expect(production.indices.length).toBe(labelled.length);
    const gap = labelled.filter(
      ({invoiceDate, dueDate}) =>
        (invoiceDate < split.validationStart && dueDate >= split.validationStart) ||
        (invoiceDate >= split.validationStart && invoiceDate < split.testStart && dueDate >= split.testStart)
    ).length;
    expect(split.unassigned).toBe(gap);
    expect(train.indices.length + validation.indices.length + testSlice.indices.length + split.unassigned).toBe(production.indices.length);
    const members = [train, validation, testSlice].flatMap((slice) => Array.from(slice.indices));
    expect(new Set(members).size).toBe(members.length);
    expect(scored.indices.length).toBe(invoices.filter((invoice) => invoice.status === "open").length);
    // ~60 / 15 / 25 % of the labelled invoices by invoice date.
    const issuedBefore = (d: number) => labelled.filter((invoice) => invoice.invoiceDate < d).length / labelled.length;
    expect(issuedBefore(split.validationStart)).toBeCloseTo(0.6, 2);
    expect(issuedBefore(split.testStart)).toBeCloseTo(0.75, 2);
    expect(train.indices.length / production.indices.length).toBeGreaterThan(0.5);
    expect(testSlice.indices.length / production.indices.length).toBeCloseTo(0.25, 1);
  });

  test("no training label uses information from T_val on, no validation label from T_test on", () => {
    const asSeenOn = (cutoff: number): Invoice[] =>
      invoices.map((invoice) =>
        invoice.settledDate !== null && invoice.settledDate >= cutoff
          ? makeInvoice({...factsOf(invoice), paidDate: null, writeOffDate: null, paidAmount: 0, installments: 0}, cutoff)
          : invoice
      );
    const censoredTrain = asSeenOn(split.validationStart);
    expect(censoredTrain.some((invoice, i) => invoice !== invoices[i] && split.train.indices.includes(i))).toBe(true);
    expect(Array.from(labelsKnownAt(censoredTrain, split.train.indices, split.validationStart))).toEqual(Array.from(split.train.labels));
    const censoredValidation = asSeenOn(split.testStart);
    expect(Array.from(labelsKnownAt(censoredValidation, split.validation.indices, split.testStart))).toEqual(Array.from(split.validation.labels));
    // Labels due before a cutoff are final: they equal the outcome known today.
    expect(Array.from(split.train.labels)).toEqual(Array.from(split.train.indices, (i) => (invoices[i].paidLate === false ? 0 : 1)));
  });

  test("labels are refused for an invoice whose outcome is not yet known", () => {
    const open = invoices.findIndex((invoice) => invoice.settledDate === null && invoice.dueDate >= ledger.asOf);
    expect(() => labelsKnownAt(invoices, [open], ledger.asOf)).toThrow(/no known outcome/);
  });

  test("shares are options; an empty ledger gives empty slices", () => {
    const half = timeSplit(ledger, {train: 0.5, validation: 0, test: 0.5});
    expect(half.validation.indices.length).toBe(0);
    const empty = timeSplit({invoices: [], asOf});
    expect(empty.production.indices.length).toBe(0);
    expect(empty.validationStart).toBe(asOf);
    expect(() => timeSplit(ledger, {train: -1})).toThrow(/shares/);
  });
});
