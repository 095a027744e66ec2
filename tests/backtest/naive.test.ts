// The two naive forecasts, on invoices placed by hand.
import {describe, expect, test} from "vitest";
import {customerDelayForecast, dueDateForecast, paymentDelays} from "../../lib/backtest/naive.js";

// The replayed day is 100: week 1 is days 101–107, week 2 108–114, week 3 115–121.
const open = [
  {customerId: "X", amount: 10, dueDate: 90}, // overdue: paid on day 101 (week 1)
  {customerId: "X", amount: 20, dueDate: 107}, // due in week 1
  {customerId: "Y", amount: 40, dueDate: 108}, // due in week 2
  {customerId: "Z", amount: 80, dueDate: 130} // due after three weeks
];

describe("naive forecasts", () => {
  test("paid on the due date, or on the first day after the replayed day when already overdue", () => {
    const {weekly, later} = dueDateForecast(open, 100, 3);
    expect(Array.from(weekly)).toEqual([30, 40, 0]);
    expect(later).toBe(80);
  });

  test("average delays per customer over invoices paid by the day; the ledger's mean for others", () => {
    const history = [
      {customerId: "X", dueDate: 50, paidDate: 60}, // X: +10
      {customerId: "X", dueDate: 70, paidDate: 72}, // X: +2 → mean 6
      {customerId: "Y", dueDate: 80, paidDate: 75}, // Y: −5
      {customerId: "Y", dueDate: 90, paidDate: 130}, // paid after the day: not yet known
      {customerId: "Z", dueDate: 95, paidDate: null} // unpaid: no delay
    ];
    const delays = paymentDelays(history, 100);
    expect(Object.fromEntries(delays.byCustomer)).toEqual({X: 6, Y: -5});
    expect(delays.overall).toBeCloseTo((10 + 2 - 5) / 3, 12);
  });

  test("paid after the customer's average delay: X +6, Y −5, Z the ledger's +2.33 (rounded to 2)", () => {
    const delays = {byCustomer: new Map([["X", 6], ["Y", -5]]), overall: 7 / 3};
    // X: 90 + 6 = 96 → day 101 (week 1); X: 107 + 6 = 113 (week 2); Y: 108 − 5 = 103 (week 1); Z: 130 + 2 = 132 (later).
    const {weekly, later} = customerDelayForecast(open, 100, 3, delays);
    expect(Array.from(weekly)).toEqual([50, 20, 0]);
    expect(later).toBe(80);
  });
});
