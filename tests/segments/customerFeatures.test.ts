import {describe, expect, it} from "vitest";
import {createRandom} from "../../lib/core/random.js";
import {
  customerFeatureKeys,
  customerFeatureSpecs,
  customerFeatures,
  monthEndsBefore,
  openBalanceAt,
  utilisationVelocity
} from "../../lib/segments/customerFeatures.js";
import {day, fourGroupWorld, makeInvoice} from "../fixtures/segments/invoices.js";
import type {InvoiceSpec} from "../fixtures/segments/invoices.js";

const asOf = day("2026-09-30");

/** Customer C1: five settled invoices and two open ones, every feature computable by hand. */
function handLedger() {
  const specs: InvoiceSpec[] = [
    // due 2026-01-31, paid 10 days late: 10 days after the reminder on the due date, so prompted by it
    {id: "1", issued: day("2026-01-01"), amount: 1000, paid: day("2026-02-10"), reminded: true},
    // due 2026-03-03, paid 2 days early
    {id: "2", issued: day("2026-02-01"), amount: 3000, paid: day("2026-03-01")},
    // due 2026-03-31, paid 30 days late in two instalments, after an extension request; reminded, but not prompted (30 days on)
    {id: "3", issued: day("2026-03-01"), amount: 2000, paid: day("2026-04-30"), installments: 2, extension: true, reminded: true},
    // due 2026-05-01, paid on the due date
    {id: "4", issued: day("2026-04-01"), amount: 1000, paid: day("2026-05-01")},
    // due 2026-05-31, written off 60 days late
    {id: "5", issued: day("2026-05-01"), amount: 500, writtenOff: day("2026-07-30")},
    // open, due 2026-08-01: 60 days past due at as-of, 400 of 1000 received
    {id: "6", issued: day("2026-07-02"), amount: 1000, paidAmount: 400, lastPayment: day("2026-08-15"), installments: 1},
    // open, not yet due
    {id: "7", issued: day("2026-09-15"), amount: 2400}
  ];
  return specs.map((spec) => makeInvoice({creditLimit: 10_000, creditScore: 640, ...spec}, asOf));
}

describe("customerFeatures", () => {
  it("computes every behaviour feature as defined", () => {
    const table = customerFeatures(handLedger(), {asOf, predictedLate: new Map([["C1", 0.35]])});
    expect(table.profiles).toHaveLength(1);
    const [p] = table.profiles;
    expect(p.settledCount).toBe(5);
    expect(p.invoiceCount).toBe(7);
    const f = p.features;
    // days late 10, −2, 30, 0, 60 weighted by 1000, 3000, 2000, 1000, 500
    expect(f.averageDelay).toBeCloseTo((10_000 - 6000 + 60_000 + 0 + 30_000) / 7500, 12);
    expect(f.totalInvoiced).toBe(10_900);
    expect(f.outstanding).toBe(600 + 2400);
    expect(f.onTimeShare).toBeCloseTo(2 / 5, 12);
    expect(p.aging).toEqual({Current: 2400 / 3000, "1–30": 0, "31–60": 600 / 3000, "61–90": 0, "90+": 0});
    expect(f.overdueOver30Share).toBeCloseTo(0.2, 12);
    // invoice 3 (two instalments) and invoice 6 (partly paid, open)
    expect(f.partialPaymentRatio).toBeCloseTo(2 / 7, 12);
    expect(f.negotiationFrequency).toBeCloseTo(1 / 7, 12);
    expect(f.reminderResponse).toBe(0.5);
    const delays = [10, -2, 30, 0, 60];
    const m = delays.reduce((s, v) => s + v, 0) / 5;
    expect(f.paymentConsistency).toBeCloseTo(Math.sqrt(delays.reduce((s, v) => s + (v - m) ** 2, 0) / 4), 12);
    expect(f.creditScore).toBe(640);
    expect(f.predictedLate).toBe(0.35);
    expect(p.name).toBe("Customer C1");
  });

  it("takes the utilisation slope over month-ends since the first invoice", () => {
    const invoices = handLedger();
    const ends = monthEndsBefore(asOf, 12);
    expect(ends).toHaveLength(12);
    expect(ends[11]).toBe(asOf);
    expect(ends[0]).toBe(day("2025-10-31"));
    // Balances at each month-end from January 2026 on, by hand:
    const expected = [
      [day("2026-01-31"), 1000], // #1 open
      [day("2026-02-28"), 3000], // #1 paid 02-10; #2 open
      [day("2026-03-31"), 2000], // #2 paid 03-01; #3 open
      [day("2026-04-30"), 1000], // #3 paid 04-30; #4 open
      [day("2026-05-31"), 500], // #4 paid 05-01; #5 open
      [day("2026-06-30"), 500],
      [day("2026-07-31"), 1000], // #5 written off 07-30; #6 open, nothing received yet
      [day("2026-08-31"), 600], // 400 received on 08-15
      [day("2026-09-30"), 3000] // #7 issued
    ] as const;
    for (const [d, balance] of expected) expect(openBalanceAt(invoices, d)).toBe(balance);
    const y = expected.map(([, b]) => b / 10_000);
    const x = [0, 1, 2, 3, 4, 5, 6, 7, 8];
    const mx = 4, my = y.reduce((s, v) => s + v, 0) / 9;
    const slope = x.reduce((s, xi, i) => s + (xi - mx) * (y[i] - my), 0) / x.reduce((s, xi) => s + (xi - mx) ** 2, 0);
    expect(utilisationVelocity(invoices, 10_000, ends)).toBeCloseTo(slope, 12);
    expect(customerFeatures(invoices, {asOf}).profiles[0].features.utilisationVelocity).toBeCloseTo(slope, 12);
    expect(utilisationVelocity(invoices, 10_000, ends, 10)).toBeNull();
  });

  it("uses the last complete month when the report date is mid-month", () => {
    expect(monthEndsBefore(day("2026-09-15"), 2)).toEqual([day("2026-07-31"), day("2026-08-31")]);
  });

  it("sets thin-history customers apart and standardises the rest", () => {
    const world = fourGroupWorld(10, createRandom(1), 3);
    const table = customerFeatures(world.invoices, {asOf: world.asOf});
    expect(table.profiles).toHaveLength(40);
    expect(table.thinHistory.map((p) => p.customerId)).toEqual(["T001", "T002", "T003"]);
    expect(table.thinHistory.every((p) => p.vector.length === 0)).toBe(true);
    expect(table.matrix.rows).toBe(40);
    expect(table.matrix.cols).toBe(table.clusteringFeatures.length);
    for (let j = 0; j < table.matrix.cols; ++j) {
      let s = 0, ss = 0;
      for (let i = 0; i < 40; ++i) {
        const v = table.matrix.values[i * table.matrix.cols + j];
        s += v;
        ss += v * v;
      }
      expect(s / 40).toBeCloseTo(0, 10);
      expect(ss / 40).toBeCloseTo(1, 10);
    }
    // Profiles in customer-id order, whatever the invoice order.
    const shuffled = customerFeatures(createRandom(2).shuffle(world.invoices), {asOf: world.asOf});
    expect(shuffled.profiles.map((p) => p.customerId)).toEqual(table.profiles.map((p) => p.customerId));
    expect(Array.from(shuffled.matrix.values)).toEqual(Array.from(table.matrix.values));
  });

  it("log-transforms amounts before standardising", () => {
    const world = fourGroupWorld(5, createRandom(3));
    const table = customerFeatures(world.invoices, {asOf: world.asOf});
    const logs = table.profiles.map((p) => Math.log1p(p.features.totalInvoiced!));
    const m = logs.reduce((s, v) => s + v, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((s, v) => s + (v - m) ** 2, 0) / logs.length);
    table.profiles.forEach((p, i) => expect(p.z.totalInvoiced).toBeCloseTo((logs[i] - m) / sd, 12));
    expect(table.scale.totalInvoiced!.mean).toBeCloseTo(m, 12);
  });

  it("clusters on the documented default set", () => {
    const world = fourGroupWorld(5, createRandom(4));
    const table = customerFeatures(world.invoices, {asOf: world.asOf});
    expect(table.clusteringFeatures).toEqual(customerFeatureSpecs.filter((s) => s.clustering).map((s) => s.key));
    expect(customerFeatureSpecs.map((s) => s.key)).toEqual([...customerFeatureKeys]);
  });

  it("drops and reports features the ledger cannot supply", () => {
    const world = fourGroupWorld(5, createRandom(5));
    const clusterOn = ["averageDelay", "totalInvoiced", "utilisationVelocity", "reminderResponse", "negotiationFrequency"] as const;
    const table = customerFeatures(world.invoices, {
      asOf: world.asOf,
      available: {creditLimit: false, extensions: false},
      clusterOn
    });
    const reasons = Object.fromEntries(table.unavailable.map((u) => [u.key, u.reason]));
    expect(reasons.utilisationVelocity).toMatch(/credit limit/);
    expect(reasons.negotiationFrequency).toMatch(/extension/);
    // Nobody in this world was reminded.
    expect(reasons.reminderResponse).toMatch(/no customer/);
    expect(reasons.predictedLate).toMatch(/predictions/);
    expect(table.clusteringFeatures).toEqual(["averageDelay", "totalInvoiced"]);
    expect(table.availableFeatures).not.toContain("utilisationVelocity");
    expect(table.profiles[0].z.utilisationVelocity).toBeUndefined();
  });

  it("imputes a missing per-customer value with the median and counts it", () => {
    const invoices = handLedger();
    // A second customer never reminded: no reminder response.
    for (let i = 0; i < 5; ++i) {
      invoices.push(makeInvoice({id: `X${i}`, customer: "C2", issued: day("2026-01-01") + 30 * i, amount: 100, paid: day("2026-01-31") + 30 * i}, asOf));
    }
    const table = customerFeatures(invoices, {asOf, clusterOn: ["averageDelay", "reminderResponse"]});
    expect(table.imputed.reminderResponse).toBe(1);
    expect(table.profiles[1].features.reminderResponse).toBeNull();
    // Median of the one present value (0.5) fills in; with two customers both z are then 0 (constant).
    expect(table.scale.reminderResponse!.median).toBe(0.5);
    expect(table.constant).toEqual(["reminderResponse"]);
    expect(table.clusteringFeatures).toEqual(["averageDelay"]);
  });

  it("respects minSettled", () => {
    const table = customerFeatures(handLedger(), {asOf, minSettled: 6});
    expect(table.profiles).toHaveLength(0);
    expect(table.thinHistory).toHaveLength(1);
  });
});
