import {describe, expect, test} from "vitest";
import {createRandom, hashString} from "../../lib/core/random.js";

describe("createRandom", () => {
  test("the same seed gives the same sequence; another seed does not", () => {
    const a = createRandom(7), b = createRandom(7), c = createRandom(8);
    const seqA = Array.from({length: 5}, () => a.next());
    expect(Array.from({length: 5}, () => b.next())).toEqual(seqA);
    expect(Array.from({length: 5}, () => c.next())).not.toEqual(seqA);
  });

  test("string seeds hash deterministically", () => {
    expect(hashString("ledger")).toBe(hashString("ledger"));
    expect(createRandom("x").next()).toBe(createRandom("x").next());
  });

  test("draws have the moments they promise", () => {
    const random = createRandom(1);
    const n = 40_000;
    const mean = (f: () => number) => {
      let s = 0;
      for (let i = 0; i < n; ++i) s += f();
      return s / n;
    };
    expect(mean(() => random.next())).toBeCloseTo(0.5, 2);
    expect(mean(() => random.normal(3, 2))).toBeCloseTo(3, 1);
    expect(mean(() => random.exponential(4))).toBeCloseTo(4, 0);
    expect(mean(() => random.gamma(2.5, 2))).toBeCloseTo(5, 0);
    expect(mean(() => random.beta(2, 6))).toBeCloseTo(0.25, 2);
    expect(mean(() => random.poisson(3))).toBeCloseTo(3, 1);
    expect(mean(() => (random.bernoulli(0.2) ? 1 : 0))).toBeCloseTo(0.2, 2);
  });

  test("int stays in range and weighted follows its weights", () => {
    const random = createRandom(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; ++i) counts[random.weighted([0, 1, 2], [1, 2, 7])]++;
    expect(counts[2] / 30_000).toBeCloseTo(0.7, 1);
    for (let i = 0; i < 1000; ++i) expect(random.int(5)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...Array.from({length: 1000}, () => random.int(5)))).toBe(4);
  });

  test("forks are reproducible and independent of later draws on the parent", () => {
    const a = createRandom(9).fork("customers");
    const b = createRandom(9).fork("customers");
    expect(a.next()).toBe(b.next());
    expect(createRandom(9).fork("invoices").next()).not.toBe(createRandom(9).fork("customers").next());
  });

  test("shuffle permutes without losing elements", () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = createRandom(2).shuffle(items);
    expect([...shuffled].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
