// Capture shares pinned to a book worked by hand.
import {describe, expect, test} from "vitest";
import {captureCurve, capturedAt, largestFirst, oldestFirst, randomCapture} from "../../lib/backtest/capture.js";
import type {CaptureRow} from "../../lib/backtest/capture.js";

// Five open invoices; A, C and E were paid late: late amount 100 + 300 + 100 = 500.
const rows: CaptureRow[] = [
  {invoiceId: "A", amount: 100, dueDate: 10, late: true},
  {invoiceId: "B", amount: 400, dueDate: 5, late: false},
  {invoiceId: "C", amount: 300, dueDate: 20, late: true},
  {invoiceId: "D", amount: 200, dueDate: 1, late: false},
  {invoiceId: "E", amount: 100, dueDate: 2, late: true}
];

describe("capture of the late amount", () => {
  test("a given order: the share held after each row", () => {
    // C (300 late), A (100 late), B (on time), D, E (100 late): 0.6, 0.8, 0.8, 0.8, 1.
    const curve = captureCurve(rows, [2, 0, 1, 3, 4]);
    expect(Array.from(curve)).toEqual([0.6, 0.8, 0.8, 0.8, 1]);
    expect(capturedAt(curve, 0)).toBe(0);
    expect(capturedAt(curve, 2)).toBe(0.8);
    expect(capturedAt(curve, 99)).toBe(1);
  });

  test("oldest first: earliest due date first — D, E, B, A, C", () => {
    const order = oldestFirst(rows);
    expect(Array.from(order, (i) => rows[i].invoiceId)).toEqual(["D", "E", "B", "A", "C"]);
    // After two rows: E's 100 of 500.
    expect(capturedAt(captureCurve(rows, order), 2)).toBe(0.2);
  });

  test("largest first: B, C, D, then A and E by id", () => {
    const order = largestFirst(rows);
    expect(Array.from(order, (i) => rows[i].invoiceId)).toEqual(["B", "C", "D", "A", "E"]);
    expect(capturedAt(captureCurve(rows, order), 2)).toBe(0.6);
  });

  test("random order holds n / rows on average, exactly: the mean over every order of the first 2 rows", () => {
    expect(randomCapture(2, 5)).toBe(0.4);
    // Brute force over all 120 orders of five invoices.
    const permutations = (items: number[]): number[][] => (items.length <= 1 ? [items] : items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest])));
    const all = permutations([0, 1, 2, 3, 4]);
    const mean = all.reduce((sum, order) => sum + capturedAt(captureCurve(rows, order), 2), 0) / all.length;
    expect(mean).toBeCloseTo(0.4, 12);
  });

  test("nothing late: the share is undefined", () => {
    expect(capturedAt(captureCurve(rows.map((r) => ({...r, late: false})), [0, 1, 2, 3, 4]), 3)).toBeNaN();
  });
});
