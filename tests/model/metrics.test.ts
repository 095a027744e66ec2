import {readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {
  accuracy,
  averagePrecision,
  brierScore,
  calibrationBins,
  confusionFromBins,
  confusionMatrix,
  confusionRates,
  downsampleCurve,
  f1,
  logLoss,
  prCurve,
  precision,
  recall,
  rocAuc,
  rocCurve,
  scoreBins
} from "../../lib/model/metrics.js";

interface MetricsFixture {
  y: number[];
  score: number[];
  amount: number[];
  at: Record<string, {tp: number; fp: number; tn: number; fn: number; tpAmount: number; fpAmount: number; accuracy: number; precision: number; recall: number; f1: number}>;
  rocAuc: number;
  averagePrecision: number;
  brier: number;
  logLoss: number;
  roc: {fpr: number[]; tpr: number[]; thresholds: (number | null)[]};
  rocAll: {fpr: number[]; tpr: number[]; thresholds: (number | null)[]};
  pr: {precision: number[]; recall: number[]; thresholds: number[]};
  calibration: Record<"uniform" | "quantile", {observed: number[]; predicted: number[]}>;
}

const fixture: MetricsFixture = JSON.parse(readFileSync(new URL("../fixtures/models/metrics.json", import.meta.url), "utf8"));

describe("threshold metrics", () => {
  // 6 rows: scores ≥ 0.5 flag rows 0, 1, 3; labels 1, 0, _, 1 → tp 2, fp 1, fn 1 (row 4), tn 2.
  const y = [1, 0, 0, 1, 1, 0];
  const s = [0.9, 0.6, 0.2, 0.5, 0.4, 0.1];
  const amounts = [100, 200, 300, 400, 500, 600];

  test("hand-computed confusion matrix, amounts and rates", () => {
    expect(confusionMatrix(y, s)).toEqual({tp: 2, fp: 1, tn: 2, fn: 1, flagged: 3});
    const withAmounts = confusionMatrix(y, s, 0.5, amounts);
    expect(withAmounts.tpAmount).toBe(500);
    expect(withAmounts.fpAmount).toBe(200);
    expect(withAmounts.fnAmount).toBe(500);
    expect(withAmounts.tnAmount).toBe(900);
    expect(withAmounts.flaggedAmount).toBe(700);
    expect(accuracy(y, s)).toBeCloseTo(4 / 6, 15);
    expect(precision(y, s)).toBeCloseTo(2 / 3, 15);
    expect(recall(y, s)).toBeCloseTo(2 / 3, 15);
    expect(f1(y, s)).toBeCloseTo(2 / 3, 15);
    expect(confusionRates(confusionMatrix(y, s, 0.95))).toEqual({accuracy: 0.5, precision: 0, recall: 0, f1: 0, flaggedRate: 0});
  });

  test("match sklearn at several thresholds", () => {
    for (const [key, expected] of Object.entries(fixture.at)) {
      const cm = confusionMatrix(fixture.y, fixture.score, Number(key), fixture.amount);
      expect([cm.tp, cm.fp, cm.tn, cm.fn]).toEqual([expected.tp, expected.fp, expected.tn, expected.fn]);
      expect(cm.tpAmount).toBeCloseTo(expected.tpAmount, 6);
      expect(cm.fpAmount).toBeCloseTo(expected.fpAmount, 6);
      const rates = confusionRates(cm);
      expect(rates.accuracy).toBeCloseTo(expected.accuracy, 14);
      expect(rates.precision).toBeCloseTo(expected.precision, 14);
      expect(rates.recall).toBeCloseTo(expected.recall, 14);
      expect(rates.f1).toBeCloseTo(expected.f1, 14);
    }
  });
});

describe("ranking metrics", () => {
  test("ROC AUC counts tied pairs as one half", () => {
    // Pairs (pos, neg): (0.8, 0.3) win, (0.8, 0.5) win, (0.5, 0.3) win, (0.5, 0.5) tie → 3.5 / 4.
    expect(rocAuc([1, 1, 0, 0], [0.8, 0.5, 0.5, 0.3])).toBe(0.875);
    expect(rocAuc([1, 0], [0.2, 0.7])).toBe(0);
    expect(rocAuc([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
    expect(rocAuc([1, 1], [0.3, 0.4])).toBeNaN();
  });

  test("average precision on a hand-computed case", () => {
    // Descending: 0.9 (pos) P=1 R=.5; 0.8 (neg); 0.7 (pos) P=2/3 R=1 → AP = .5·1 + .5·2/3.
    expect(averagePrecision([1, 0, 1], [0.9, 0.8, 0.7])).toBeCloseTo(0.5 + 1 / 3, 15);
    // A tie of one positive and one negative at the top: P = 1/2 at R = 1/2.
    expect(averagePrecision([1, 0, 1], [0.9, 0.9, 0.1])).toBeCloseTo(0.5 * 0.5 + 0.5 * (2 / 3), 15);
    expect(averagePrecision([0, 0], [0.1, 0.2])).toBeNaN();
  });

  test("ROC AUC, average precision, Brier and log loss match sklearn on tied scores", () => {
    expect(rocAuc(fixture.y, fixture.score)).toBeCloseTo(fixture.rocAuc, 12);
    expect(averagePrecision(fixture.y, fixture.score)).toBeCloseTo(fixture.averagePrecision, 12);
    expect(brierScore(fixture.y, fixture.score)).toBeCloseTo(fixture.brier, 14);
    expect(logLoss(fixture.y, fixture.score)).toBeCloseTo(fixture.logLoss, 12);
  });

  test("Brier and clipped log loss by hand", () => {
    expect(brierScore([1, 0], [0.8, 0.4])).toBeCloseTo((0.04 + 0.16) / 2, 15);
    expect(logLoss([1, 0], [0.8, 0.4])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 15);
    expect(logLoss([1], [0])).toBeCloseTo(-Math.log(Number.EPSILON), 10);
    expect(logLoss([1], [0], 1e-15)).toBeCloseTo(-Math.log(1e-15), 10);
  });
});

describe("curves", () => {
  test("ROC curve points equal sklearn's, with and without dropping intermediate points", () => {
    for (const [points, expected] of [
      [rocCurve(fixture.y, fixture.score), fixture.roc],
      [rocCurve(fixture.y, fixture.score, {dropIntermediate: false}), fixture.rocAll]
    ] as const) {
      expect(points.length).toBe(expected.fpr.length);
      points.forEach((p, k) => {
        expect(p.falsePositiveRate).toBeCloseTo(expected.fpr[k], 14);
        expect(p.truePositiveRate).toBeCloseTo(expected.tpr[k], 14);
        if (k > 0) expect(p.threshold).toBe(expected.thresholds[k]);
      });
      expect(points[0].threshold).toBe(Infinity);
    }
  });

  test("PR curve equals sklearn's precision_recall_curve reversed", () => {
    const points = prCurve(fixture.y, fixture.score);
    const n = fixture.pr.precision.length;
    expect(points.length).toBe(n);
    points.forEach((p, k) => {
      expect(p.precision).toBeCloseTo(fixture.pr.precision[n - 1 - k], 14);
      expect(p.recall).toBeCloseTo(fixture.pr.recall[n - 1 - k], 14);
      if (k > 0) expect(p.threshold).toBe(fixture.pr.thresholds[n - 1 - k]);
    });
  });

  test("downsampling keeps the end points and at most N points", () => {
    const full = rocCurve(fixture.y, fixture.score, {dropIntermediate: false});
    const small = rocCurve(fixture.y, fixture.score, {dropIntermediate: false, maxPoints: 10});
    expect(small.length).toBe(10);
    expect(small[0]).toEqual(full[0]);
    expect(small[9]).toEqual(full[full.length - 1]);
    const pr = prCurve(fixture.y, fixture.score, {maxPoints: 7});
    expect(pr.length).toBe(7);
    expect(pr[6].recall).toBe(1);
    expect(downsampleCurve([1, 2, 3, 4, 5], 3)).toEqual([1, 3, 5]);
    expect(downsampleCurve([1, 2], 5)).toEqual([1, 2]);
  });
});

describe("calibration bins", () => {
  test("hand-computed equal-width bins (sklearn's docstring example, with edges and counts)", () => {
    const bins = calibrationBins([0, 0, 0, 0, 1, 1, 1, 1, 1], [0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1], {bins: 3});
    expect(bins.map((b) => b.observedRate)).toEqual([0, 0.5, 1]);
    expect(bins.map((b) => b.count)).toEqual([3, 2, 4]);
    expect(bins[1].meanPredicted).toBeCloseTo(0.525, 15);
    expect(bins[2].meanPredicted).toBeCloseTo(0.85, 15);
    expect(bins[0].lower).toBe(0);
    expect(bins[2].upper).toBe(1);
  });

  test("uniform and quantile bins match sklearn's calibration_curve", () => {
    for (const strategy of ["uniform", "quantile"] as const) {
      const bins = calibrationBins(fixture.y, fixture.score, {bins: 10, strategy});
      const expected = fixture.calibration[strategy];
      expect(bins.length).toBe(expected.observed.length);
      bins.forEach((b, k) => {
        expect(b.observedRate).toBeCloseTo(expected.observed[k], 14);
        expect(b.meanPredicted).toBeCloseTo(expected.predicted[k], 14);
      });
      expect(bins.reduce((s, b) => s + b.count, 0)).toBe(fixture.y.length);
    }
  });
});

describe("score bins", () => {
  test("a score exactly on an edge falls in the bin that starts there, even where k/bins rounds", () => {
    // 0.29 * 100 = 28.999999999999996 in floating point, yet 0.29 >= 29 / 100.
    const binned = scoreBins([1, 0, 1], [0.29, 0.5, 1], [10, 20, 30], 100);
    expect(binned.positives[29]).toBe(1);
    expect(binned.negatives[50]).toBe(1);
    expect(binned.positives[99]).toBe(1);
    expect(binned.positiveAmount[29]).toBe(10);
    expect(confusionFromBins(binned, 0.29)).toMatchObject({tp: 2, fp: 1, fn: 0, tn: 0});
  });

  test("confusionFromBins equals the exact confusion matrix at every bin edge", () => {
    // Scores on a 1/100 grid put many rows exactly on edges, the hardest case.
    for (const bins of [100, 1000]) {
      const binned = scoreBins(fixture.y, fixture.score, fixture.amount, bins);
      for (let k = 0; k < bins; ++k) {
        const threshold = k / bins;
        const exact = confusionMatrix(fixture.y, fixture.score, threshold, fixture.amount);
        const fromBins = confusionFromBins(binned, threshold);
        expect([fromBins.tp, fromBins.fp, fromBins.tn, fromBins.fn, fromBins.flagged]).toEqual([exact.tp, exact.fp, exact.tn, exact.fn, exact.flagged]);
        expect(fromBins.tpAmount).toBeCloseTo(exact.tpAmount, 6);
        expect(fromBins.fnAmount).toBeCloseTo(exact.fnAmount, 6);
        expect(fromBins.flaggedAmount).toBeCloseTo(exact.flaggedAmount, 6);
      }
    }
  });

  test("a threshold between edges rounds up to the next edge", () => {
    const binned = scoreBins(fixture.y, fixture.score, fixture.amount, 100);
    expect(confusionFromBins(binned, 0.291)).toEqual(confusionFromBins(binned, 0.3));
    expect(confusionFromBins(binned, 0).flagged).toBe(fixture.y.length);
    expect(confusionFromBins(binned, 1.5).flagged).toBe(0);
  });
});
