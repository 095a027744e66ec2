// Forecast errors pinned to cases worked by hand.
import {describe, expect, test} from "vitest";
import {bandCoverage, coverageTolerance, coverageVerdict, forecastBias, wape} from "../../lib/backtest/accuracy.js";

describe("WAPE and bias", () => {
  // Four weeks: received 100, 200, 0, 100 (Σ 400); forecast 150, 150, 50, 100 (Σ 450).
  const actual = [100, 200, 0, 100];
  const forecast = [150, 150, 50, 100];

  test("WAPE = Σ|actual − forecast| ÷ Σ actual", () => {
    // |−50| + |50| + |−50| + 0 = 150; 150 ÷ 400 = 0.375.
    expect(wape(actual, forecast)).toBeCloseTo(0.375, 12);
  });

  test("bias = (Σ forecast − Σ actual) ÷ Σ actual: positive when the forecast promised more", () => {
    // (450 − 400) ÷ 400 = 0.125.
    expect(forecastBias(actual, forecast)).toBeCloseTo(0.125, 12);
    expect(forecastBias(forecast, actual)).toBeCloseTo(-50 / 450, 12);
  });

  test("errors in both directions cancel in bias, not in WAPE", () => {
    expect(forecastBias([100, 100], [150, 50])).toBe(0);
    expect(wape([100, 100], [150, 50])).toBeCloseTo(0.5, 12);
  });

  test("undefined when nothing came in; lengths must agree", () => {
    expect(wape([0, 0], [1, 2])).toBeNaN();
    expect(forecastBias([0], [5])).toBeNaN();
    expect(() => wape([1, 2], [1])).toThrow(/2 actual values for 1 forecast/);
  });
});

describe("band coverage", () => {
  test("share of weeks inside the band, ends included", () => {
    // Week 1 inside, week 2 on the upper edge (inside), week 3 below, week 4 above: 2 of 4.
    expect(bandCoverage([100, 200, 10, 500], [50, 150, 20, 100], [150, 200, 90, 400])).toBe(0.5);
    expect(bandCoverage([], [], [])).toBeNaN();
  });

  test("near 80 % is judged within one binomial standard error: 9–11 of 13 weeks", () => {
    expect(coverageTolerance(0.8, 13)).toBeCloseTo(Math.sqrt(0.16 / 13), 12);
    const verdicts = Array.from({length: 14}, (_, inside) => coverageVerdict(inside / 13, 0.8, 13));
    expect(verdicts.slice(0, 9).every((v) => v === "too narrow")).toBe(true);
    expect(verdicts.slice(9, 12)).toEqual(["right", "right", "right"]);
    expect(verdicts.slice(12)).toEqual(["too wide", "too wide"]);
  });
});
