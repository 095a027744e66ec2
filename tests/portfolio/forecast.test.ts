import {describe, expect, test} from "vitest";
import {expectedCashByWeek, forecastCash, forecastItems, simulateCashByWeek, weeklyPaymentProbabilities} from "../../lib/portfolio/forecast.js";
import {collectionShare, compileTiming, fitPaymentTiming, invoiceTiming, noShift} from "../../lib/portfolio/paymentTiming.js";
import {createRandom} from "../../lib/core/random.js";
import {fixtureTimingModel, makeOpen, syntheticBook, syntheticHistory} from "../fixtures/kpi/fixtures.js";

const asOf = 20_000;
const timing = compileTiming(fitPaymentTiming(syntheticHistory(createRandom("history"))));
const book = syntheticBook(createRandom("book"), asOf);

describe("weekly payment probabilities", () => {
  test("weeks, later and never sum to one for every invoice", () => {
    for (const invoice of book.slice(0, 100)) {
      const p = weeklyPaymentProbabilities(invoiceTiming(timing, invoice, asOf), asOf, 13);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(p.every((v) => v >= 0)).toBe(true);
    }
  });
});

describe("expected cash", () => {
  test("over an unbounded horizon the forecast totals open amount × expected collection share (hand-computed)", () => {
    const fixture = compileTiming(fixtureTimingModel());
    const invoices = [
      makeOpen({id: "N", amount: 10_000, dueIn: 2, pLate: 0.25}, asOf), // collects 0.95
      makeOpen({id: "O", amount: 5_000, dueIn: -3, pLate: 0.9}, asOf) // collects 0.6
    ];
    const forecast = forecastCash(forecastItems(invoices, fixture, asOf), asOf, createRandom(1), {runs: 0});
    const weeks = forecast.weeks.reduce((s, w) => s + w.cash.expected, 0);
    expect(weeks + forecast.later).toBeCloseTo(12_500, 9);
    expect(forecast.uncollected).toBeCloseTo(2_500, 9);
    expect(forecast.expectedCollectionShare).toBeCloseTo(12_500 / 15_000, 12);
    // N's latest outcome (offset 6, paid 0.25 × 0.1) lands on day 8, in week 2; everything else in week 1.
    expect(forecast.weeks[0].cash.expected).toBeCloseTo(12_250, 9);
    expect(forecast.weeks[1].cash.expected).toBeCloseTo(250, 9);
    expect(forecast.later).toBeCloseTo(0, 9);
  });

  test("the same identity with long tails and a two-week horizon", () => {
    const items = forecastItems(book, timing, asOf);
    const cash = expectedCashByWeek(items, asOf, 2);
    const expected = items.reduce((s, i) => s + i.amount * collectionShare(i.timing), 0);
    expect(cash.weekly[0] + cash.weekly[1] + cash.later).toBeCloseTo(expected, 6);
    expect(cash.later).toBeGreaterThan(0);
    expect(cash.weekly[0] + cash.weekly[1] + cash.later + cash.uncollected).toBeCloseTo(cash.openAmount, 6);
  });

  test("a delay shifts cash later without changing the total", () => {
    const base = expectedCashByWeek(forecastItems(book, timing, asOf), asOf, 13);
    const shifts = book.map(() => ({...noShift, delayDays: 10}));
    const delayed = expectedCashByWeek(forecastItems(book, timing, asOf, shifts), asOf, 13);
    let cumulativeBase = 0, cumulativeDelayed = 0, strictlyLess = 0;
    for (let k = 0; k < 13; ++k) {
      cumulativeBase += base.weekly[k];
      cumulativeDelayed += delayed.weekly[k];
      expect(cumulativeDelayed).toBeLessThanOrEqual(cumulativeBase + 1e-6);
      if (cumulativeDelayed < cumulativeBase - 1) ++strictlyLess;
    }
    expect(strictlyLess).toBeGreaterThan(0);
    expect(cumulativeDelayed + delayed.later).toBeCloseTo(cumulativeBase + base.later, 6);
    // Ten days later: the first week's cash falls, and nothing arrives in a week it could not reach.
    expect(delayed.weekly[0]).toBeLessThan(base.weekly[0]);
  });
});

describe("Monte Carlo band", () => {
  const items = forecastItems(book, timing, asOf);

  test("deterministic for a seed, different for another", () => {
    const a = forecastCash(items, asOf, createRandom(42), {runs: 200});
    const b = forecastCash(items, asOf, createRandom(42), {runs: 200});
    const c = forecastCash(items, asOf, createRandom(43), {runs: 200});
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  test("weeks, bands and cumulative totals are consistent", () => {
    const f = forecastCash(items, asOf, createRandom(7), {runs: 300});
    expect(f.weeks).toHaveLength(13);
    expect(f.weeks[0]).toMatchObject({week: 1, start: asOf + 1, end: asOf + 7});
    expect(f.weeks[12].end).toBe(asOf + 91);
    for (const w of f.weeks) {
      expect(w.cash.low).toBeLessThanOrEqual(w.cash.median);
      expect(w.cash.median).toBeLessThanOrEqual(w.cash.high);
      expect(w.cumulative.low).toBeLessThanOrEqual(w.cumulative.high);
    }
    for (let k = 1; k < 13; ++k) expect(f.weeks[k].cumulative.expected).toBeGreaterThanOrEqual(f.weeks[k - 1].cumulative.expected);
  });

  test("the simulated mean converges to the expected forecast", () => {
    const runs = 2_000;
    const simulated = simulateCashByWeek(items, asOf, 13, runs, createRandom("mean"), 0.5);
    const expected = expectedCashByWeek(items, asOf, 13);
    let simulatedTotal = 0, expectedTotal = 0;
    for (let k = 0; k < 13; ++k) {
      let sum = 0;
      for (let r = 0; r < runs; ++r) sum += simulated[r * 13 + k];
      simulatedTotal += sum / runs;
      expectedTotal += expected.weekly[k];
    }
    expect(Math.abs(simulatedTotal / expectedTotal - 1)).toBeLessThan(0.01);
  });

  test("customer correlation widens the band", () => {
    const width = (customerCorrelation: number) => {
      const f = forecastCash(items, asOf, createRandom(5), {runs: 400, customerCorrelation});
      return f.weeks[3].cumulative.high - f.weeks[3].cumulative.low;
    };
    expect(width(1)).toBeGreaterThan(1.3 * width(0));
  });
});
