import {describe, expect, test} from "vitest";
import {matrix} from "../../lib/model/learners/types.js";
import {columnScale, correlation, logistic, logit, mean, median, quantile, slope, standardDeviation, standardize, weightedMean} from "../../lib/core/stats.js";

describe("stats", () => {
  test("moments and quantiles on hand-computed cases", () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(weightedMean([1, 3], [3, 1])).toBe(1.5);
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138, 3);
    expect(median([5, 1, 3])).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(correlation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(Number.isNaN(correlation([1, 1, 1], [1, 2, 3]))).toBe(true);
    expect(slope([0, 1, 2], [1, 3, 5])).toBe(2);
  });

  test("standardize gives zero means and unit population sd; constant columns become 0", () => {
    const x = matrix([1, 5, 2, 5, 3, 5], 3, 2);
    const scale = columnScale(x);
    expect(Array.from(scale.means)).toEqual([2, 5]);
    expect(scale.scales[0]).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(scale.scales[1]).toBe(1);
    const z = standardize(x, scale);
    expect(z.values[0]).toBeCloseTo(-Math.sqrt(1.5), 12);
    expect(z.values[1]).toBe(0);
  });

  test("logistic and logit are inverses and stable at the extremes", () => {
    expect(logistic(0)).toBe(0.5);
    expect(logit(logistic(2.5))).toBeCloseTo(2.5, 10);
    expect(logistic(-800)).toBe(0);
    expect(logistic(800)).toBe(1);
    expect(Number.isFinite(logit(0))).toBe(true);
  });
});
