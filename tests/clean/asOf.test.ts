// The report date a history is replayed on (lib/clean/asOf.ts `chooseAsOf`), worked by hand.
import {describe, expect, test} from "vitest";
import {chooseAsOf} from "../../lib/clean/asOf.js";
import {inputError} from "../helpers/inputError.js";

// Day numbers. Open at the end of a day from the issue day up to the day before settlement.
const settled = [
  {invoiceDate: 0, dueDate: 10, settledDate: 5, paidLate: false, openAmount: 0}, //   A open 0–4, on time
  {invoiceDate: 2, dueDate: 12, settledDate: 20, paidLate: true, openAmount: 0}, //   B open 2–19, late
  {invoiceDate: 15, dueDate: 25, settledDate: 30, paidLate: true, openAmount: 0}, //  C open 15–29, late
  {invoiceDate: 18, dueDate: 40, settledDate: 22, paidLate: false, openAmount: 0}, // D open 18–21, on time
  {invoiceDate: 40, dueDate: 50, settledDate: 41, paidLate: false, openAmount: 0} //  E open 40, on time
];
const options = {endOfDataRule: "Inferred: day 45.", horizonDays: 10};

describe("chooseAsOf", () => {
  test("invoices open on the last day of data: the report is dated on it", () => {
    const open = [...settled, {invoiceDate: 44, dueDate: 54, settledDate: null, paidLate: null, openAmount: 10}];
    expect(chooseAsOf(open, 45, {...options, minOutcomes: 1})).toEqual({asOf: 45, kind: "end-of-data", rule: "Inferred: day 45.", endOfData: 45});
  });

  test("fully settled: the latest day that leaves the horizon (before the last invoice) with enough of each outcome open", () => {
    // Known until min(45, last invoice 40) = 40, so at most day 30. Scanning back: days 30–22 hold only
    // C (late); day 21 holds C (late) and D (on time).
    const choice = chooseAsOf(settled, 45, {...options, minOutcomes: 1});
    expect([choice.asOf, choice.kind, choice.endOfData]).toEqual([21, "replayed", 45]);
    expect(choice.rule).toMatch(/^No invoice is open on the last day of data \(1970-02-15\), so the report is replayed as of 1970-01-22: the latest date that leaves 1 weeks of known future before the last invoice \(1970-02-10\) and at least 1 invoices paid late and 1 paid on time/);
  });

  test("no day has enough: the latest of those with the most of the scarcer outcome, and the rule says so", () => {
    // At most one on-time invoice is ever open alongside a late one (days 2–4, 18–21): the latest is 21.
    const choice = chooseAsOf(settled, 45, {...options, minOutcomes: 2});
    expect(choice.asOf).toBe(21);
    expect(choice.rule).toMatch(/no date has 2 invoices paid late and 2 paid on time open on it, and this one has the most \(1 late, 1 on time\)\.$/);
  });

  test("an invoice still unpaid at the end counts as late once due, and not at all before", () => {
    // Without C, and with U issued on day 19, due 21 and never paid: late, open from 19 on. Day 21 holds
    // U (late) and D (on time); were U not counted, the latest day with both would be 19 (B and D).
    const unpaid = [...settled.filter((_, k) => k !== 2), {invoiceDate: 19, dueDate: 21, settledDate: null, paidLate: null, openAmount: 0}];
    expect(chooseAsOf(unpaid, 45, {...options, minOutcomes: 1}).asOf).toBe(21);
    // Due after the end of the data, its outcome is unknown: it counts for neither.
    const undue = unpaid.map((v) => (v.settledDate === null ? {...v, dueDate: 60} : v));
    expect(chooseAsOf(undue, 45, {...options, minOutcomes: 1}).asOf).toBe(19);
  });

  test("a given date is checked against the first invoice and the last day of data", () => {
    expect(chooseAsOf(settled, 45, {...options, given: 12})).toEqual({asOf: 12, kind: "given", rule: "Given: 1970-01-13.", endOfData: 45});
    expect(inputError(() => chooseAsOf(settled, 45, {...options, given: -1, givenSource: "AR_AS_OF"})).message).toBe(
      'AR_AS_OF: "1969-12-31" is before the first invoice (1970-01-01); choose a date from 1970-01-01 to 1970-02-15'
    );
    expect(inputError(() => chooseAsOf(settled, 45, {...options, given: 46})).message).toMatch(/^as-of date: "1970-02-16" is after the last activity in the data \(1970-02-15\)/);
  });
});
