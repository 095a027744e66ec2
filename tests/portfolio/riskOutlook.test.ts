import {describe, expect, test} from "vitest";
import {compileTiming} from "../../lib/portfolio/paymentTiming.js";
import {agingShift, customerRisks, riskDistribution, topRiskyCustomers} from "../../lib/portfolio/riskOutlook.js";
import {fixtureTimingModel, makeOpen} from "../fixtures/kpi/fixtures.js";

const asOf = 20_000;

describe("risk outlook", () => {
  const invoices = [
    {id: "I1", customer: "C1", amount: 10_000, dueIn: 5, pLate: 0.5},
    {id: "I2", customer: "C1", amount: 2_000, dueIn: -40, pLate: 0.5},
    {id: "I3", customer: "C2", amount: 12_000, dueIn: 5, pLate: 0.5},
    {id: "I4", customer: "C3", amount: 20_000, dueIn: 5, pLate: 0.3},
    {id: "I5", customer: "C4", amount: 1_000, dueIn: 5, pLate: 1}
  ].map((spec) => makeOpen(spec, asOf));

  test("customers ranked by expected late amount, then open amount, then id", () => {
    // C1: 6,000 expected late of 12,000; C2: 6,000 of 12,000; C3: 6,000 of 20,000; C4: 1,000.
    expect(topRiskyCustomers(invoices, 3).map((c) => c.customerId)).toEqual(["C3", "C1", "C2"]);
    const c1 = customerRisks(invoices).find((c) => c.customerId === "C1")!;
    expect(c1).toMatchObject({openAmount: 12_000, expectedLateAmount: 6_000, meanPLate: 0.5, invoices: 2, maxDaysOverdue: 40});
  });

  test("the risk histogram puts a probability on a bin edge in the bin above; 1 in the last bin", () => {
    const bins = riskDistribution(invoices);
    expect(bins).toHaveLength(10);
    expect(bins[3]).toMatchObject({count: 1, amount: 20_000, band: "medium"});
    expect(bins[5]).toMatchObject({count: 3, amount: 24_000, band: "medium"});
    expect(bins[9]).toMatchObject({count: 1, amount: 1_000, band: "high"});
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(5);
  });

  test("expected aging a day later, hand-computed from the fixture timing model", () => {
    const timing = compileTiming(fixtureTimingModel());
    const open = [
      makeOpen({id: "N", amount: 1_000, dueIn: 2, pLate: 0.25}, asOf),
      makeOpen({id: "O", amount: 1_000, dueIn: -3, pLate: 0.9}, asOf)
    ];
    const rows = agingShift(open, timing, asOf, 1);
    // N stays current unless paid tomorrow (0.75 × 0.3 / 0.7); O moves to 1–30 unless paid at offset 4 (0.2).
    expect(rows[0]).toMatchObject({bucket: "Current", todayAmount: 1_000, todayCount: 1});
    expect(rows[0].expectedAmount).toBeCloseTo(1_000 * (1 - (0.75 * 0.3) / 0.7), 9);
    expect(rows[1].todayAmount).toBe(1_000);
    expect(rows[1].expectedAmount).toBeCloseTo(800, 9);
    expect(rows[1].expectedCount).toBeCloseTo(0.8, 12);
    // Thirty days on, the fixture's outcomes (at most six days late) have all happened.
    expect(agingShift(open, timing, asOf, 30).reduce((s, r) => s + r.expectedAmount, 0)).toBeCloseTo(0, 9);
  });
});
