import {describe, expect, test} from "vitest";
import {binMatrix, binOf, bundleExclusiveFeatures, columnThresholds, fitBinEdges} from "../../../lib/model/learners/binning.js";
import {matrix} from "../../../lib/model/learners/types.js";
import {createRandom} from "../../../lib/core/random.js";
import {readDataset, readExpected} from "../../fixtures/trees/fixtures.js";

describe("binning", () => {
  test("few distinct values: one bin each, thresholds at midpoints", () => {
    const t = columnThresholds(Float64Array.from([1, 1, 2, 3, 3, 3]));
    expect(Array.from(t)).toEqual([1.5, 2.5]);
    expect([0, 1, 1.5, 1.6, 2, 2.5, 3, 9].map((v) => binOf(t, v))).toEqual([0, 0, 0, 1, 1, 1, 2, 2]);
    expect(binOf(t, NaN)).toBe(2); // NaN fails every `<=` test, so it goes right: the last bin
    expect(columnThresholds(Float64Array.from([4, 4, 4])).length).toBe(0);
  });

  test("many distinct values: numpy midpoint percentiles, computed by hand", () => {
    // 0..9 into 4 bins: percentiles 25, 50, 75 → virtual indices 2.25, 4.5, 6.75 → midpoint method
    // takes the mean of floor and ceil (2.5, 4.5, 6.5), then interpolates halfway: 2.5, 4.5, 6.5.
    const t = columnThresholds(Float64Array.from({length: 10}, (_, i) => i), 4);
    expect(Array.from(t)).toEqual([2.5, 4.5, 6.5]);
    // Ties repeat a quantile; the repeat is dropped rather than leaving an empty bin.
    // Here 11 values: indices 2.5 → (x[2] + x[3]) / 2 = 0, 5 → x[5] = 0, 7.5 → (x[7] + x[8]) / 2 = 1.5.
    const tied = columnThresholds(Float64Array.from([0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4]), 4);
    expect(Array.from(tied)).toEqual([0, 1.5]);
  });

  test("thresholds equal scikit-learn's _BinMapper on the fixture", () => {
    const train = readDataset("train.csv");
    const expected = readExpected();
    const edges = fitBinEdges(train.x);
    expect(edges.thresholds.length).toBe(expected.bin_thresholds.length);
    edges.thresholds.forEach((t, j) => {
      const want = expected.bin_thresholds[j];
      expect(t.length, expected.features[j]).toBe(want.length);
      for (let b = 0; b < t.length; ++b) expect(t[b]).toBeCloseTo(want[b], 12);
    });
    // The continuous columns use the quantile path, the rest one bin per value.
    expect(edges.thresholds[0].length).toBe(254);
    expect(Array.from(edges.thresholds[4])).toEqual([37.5, 52.5, 75]);
  });

  test("binMatrix is column-major and consistent with the thresholds", () => {
    const x = matrix([0.5, 10, 2.5, 20, 1.5, 10, 3.5, 30], 4, 2);
    const edges = fitBinEdges(x);
    const binned = binMatrix(x, edges);
    expect(Array.from(binned.binCounts)).toEqual([4, 3]);
    expect(Array.from(binned.codes)).toEqual([0, 2, 1, 3, 0, 1, 0, 2]);
    for (let j = 0; j < 2; ++j) {
      const t = edges.thresholds[j];
      for (let i = 0; i < 4; ++i) {
        const v = x.values[i * 2 + j], code = binned.codes[j * 4 + i];
        if (code < t.length) expect(v).toBeLessThanOrEqual(t[code]);
        if (code > 0) expect(v).toBeGreaterThan(t[code - 1]);
      }
    }
  });

  test("rejects NaN at fit time, and subsamples only with a Random, deterministically", () => {
    expect(() => fitBinEdges(matrix([1, NaN, 3], 3, 1))).toThrow(/NaN/);
    const random = createRandom(1);
    const x = matrix(Float64Array.from({length: 1000}, () => random.normal()), 1000, 1);
    expect(() => fitBinEdges(x, {subsample: 100})).toThrow(/Random/);
    const a = fitBinEdges(x, {subsample: 100, maxBins: 16}, createRandom(7));
    const b = fitBinEdges(x, {subsample: 100, maxBins: 16}, createRandom(7));
    const c = fitBinEdges(x, {subsample: 100, maxBins: 16}, createRandom(8));
    expect(Array.from(a.thresholds[0])).toEqual(Array.from(b.thresholds[0]));
    expect(Array.from(a.thresholds[0])).not.toEqual(Array.from(c.thresholds[0]));
    expect(a.thresholds[0].length).toBe(15);
  });

  test("exclusive sparse features share a bundle; colliding ones do not", () => {
    // Columns: dense, one-hot a/b/c (exactly one set per row), and a flag that overlaps the one-hots.
    const rows = [
      [0.1, 1, 0, 0, 0],
      [0.2, 1, 0, 0, 1],
      [0.3, 0, 1, 0, 0],
      [0.4, 1, 0, 0, 0],
      [0.5, 0, 0, 1, 0],
      [0.6, 1, 0, 0, 0]
    ];
    const x = matrix(rows.flat(), rows.length, 5);
    const binned = binMatrix(x, fitBinEdges(x));
    const bundles = bundleExclusiveFeatures(binned);
    const groups = Array.from({length: bundles.count}, (_, q) => Array.from(bundles.members.subarray(bundles.memberStart[q], bundles.memberStart[q + 1])));
    // one-hot "a" is set in 4 of 6 rows, so its default is bin 1 (value 1); b and c default to 0.
    expect(groups).toEqual([[0], [1, 4], [2, 3]]);
    expect(Array.from(bundles.defaultBin)).toEqual([-1, 1, 0, 0, 0]);
    // Bundle [2, 3]: code 0 = both at default, b's bin 1 → 1, c's bin 1 → 2.
    const q = 2, n = rows.length;
    expect(Array.from(bundles.codes.subarray(q * n, (q + 1) * n))).toEqual([0, 0, 1, 0, 2, 0]);
    // Bundle [1, 4]: a off its default (value 0) in rows 2 and 4; the flag set in row 1 only.
    expect(Array.from(bundles.codes.subarray(1 * n, 2 * n))).toEqual([0, 2, 1, 0, 1, 0]);
  });
});
