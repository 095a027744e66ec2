import {readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {createRandom} from "../../../lib/core/random.js";
import {logistic} from "../../../lib/core/stats.js";
import {chooseCalibration, fitCalibrator, fitIsotonic, fitPlatt, identityCalibrator} from "../../../lib/model/learners/calibration.js";

interface CalibrationFixture {
  score: number[];
  y: number[];
  weights: number[];
  grid: number[];
  isotonic: {thresholdsX: number[]; thresholdsY: number[]; predictions: number[]};
  isotonicWeighted: {predictions: number[]};
  platt: {slope: number; intercept: number; predictions: number[]};
  plattWeighted: {slope: number; intercept: number};
}

const fixture: CalibrationFixture = JSON.parse(readFileSync(new URL("../../fixtures/models/calibration.json", import.meta.url), "utf8"));

describe("isotonic calibration", () => {
  test("pool-adjacent-violators on a hand-computed case", () => {
    // Labels by score: 0, 1, 0, 1 → the violating pair (1, 0) pools to 0.5.
    const model = fitIsotonic([0.1, 0.2, 0.3, 0.4], [0, 1, 0, 1]);
    expect(Array.from(model.apply([0.1, 0.2, 0.3, 0.4]))).toEqual([0, 0.5, 0.5, 1]);
    expect(model.apply([0.15])[0]).toBeCloseTo(0.25, 15); // linear between knots
    expect(Array.from(model.apply([0, 1]))).toEqual([0, 1]); // clipped outside the fitted range
  });

  test("tied scores are merged first (weighted mean label)", () => {
    const model = fitIsotonic([0.5, 0.5, 0.5, 0.9], [1, 0, 0, 1], [1, 1, 2, 1]);
    expect(model.apply([0.5])[0]).toBeCloseTo(0.25, 15);
  });

  test("matches sklearn IsotonicRegression(out_of_bounds='clip'), knots and predictions", () => {
    const model = fitIsotonic(fixture.score, fixture.y);
    expect(Array.from(model.knotScores)).toEqual(fixture.isotonic.thresholdsX);
    Array.from(model.knotValues).forEach((v, k) => expect(v).toBeCloseTo(fixture.isotonic.thresholdsY[k], 12));
    const predicted = model.apply(fixture.grid);
    predicted.forEach((p, k) => expect(p).toBeCloseTo(fixture.isotonic.predictions[k], 12));
    const weighted = fitIsotonic(fixture.score, fixture.y, fixture.weights).apply(fixture.grid);
    weighted.forEach((p, k) => expect(p).toBeCloseTo(fixture.isotonicWeighted.predictions[k], 12));
  });

  test("the fitted map is non-decreasing", () => {
    const values = fitIsotonic(fixture.score, fixture.y).knotValues;
    for (let k = 1; k < values.length; ++k) expect(values[k]).toBeGreaterThanOrEqual(values[k - 1]);
  });
});

describe("Platt calibration", () => {
  test("matches sklearn's _sigmoid_calibration on the score logits", () => {
    const model = fitPlatt(fixture.score, fixture.y);
    // Measured gaps ≈ 2e-8: sklearn's BFGS stops at gradient 1e-5, Newton goes further.
    expect(Math.abs(model.slope - fixture.platt.slope)).toBeLessThan(1e-6);
    expect(Math.abs(model.intercept - fixture.platt.intercept)).toBeLessThan(1e-6);
    model.apply(fixture.grid).forEach((p, k) => expect(Math.abs(p - fixture.platt.predictions[k])).toBeLessThan(1e-6));
    const weighted = fitPlatt(fixture.score, fixture.y, fixture.weights);
    expect(Math.abs(weighted.slope - fixture.plattWeighted.slope)).toBeLessThan(1e-6);
    expect(Math.abs(weighted.intercept - fixture.plattWeighted.intercept)).toBeLessThan(1e-6);
  });

  test("undoes a known distortion of the log-odds", () => {
    // True P = σ(z); the model reports σ(2z + 1). Platt should recover slope ½, intercept −½.
    const random = createRandom("platt");
    const scores: number[] = [], labels: number[] = [];
    for (let i = 0; i < 20_000; ++i) {
      const z = random.normal(0, 1.5);
      scores.push(logistic(2 * z + 1));
      labels.push(random.bernoulli(logistic(z)) ? 1 : 0);
    }
    const model = fitPlatt(scores, labels);
    expect(model.slope).toBeCloseTo(0.5, 1);
    expect(model.intercept).toBeCloseTo(-0.5, 1);
  });

  test("stays finite on perfectly separated scores and on constant scores", () => {
    const separated = fitPlatt([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]);
    expect(Number.isFinite(separated.slope) && Number.isFinite(separated.intercept)).toBe(true);
    const constant = fitPlatt([0.3, 0.3, 0.3, 0.3], [0, 1, 0, 0]);
    // Platt targets: hi = 2/3, lo = 1/5 → mean target (2/3 + 3/5) / 4 = 19/60.
    expect(constant.apply([0.3])[0]).toBeCloseTo(19 / 60, 6);
  });
});

describe("choosing a calibration", () => {
  function sample(seed: string, n: number, distort: (z: number) => number) {
    const random = createRandom(seed);
    const scores: number[] = [], labels: number[] = [];
    for (let i = 0; i < n; ++i) {
      const z = random.normal(-1, 1.2);
      scores.push(logistic(distort(z)));
      labels.push(random.bernoulli(logistic(z)) ? 1 : 0);
    }
    return {scores, labels};
  }

  test("leaves well-calibrated scores alone", () => {
    const {scores, labels} = sample("calibrated", 4000, (z) => z);
    const choice = chooseCalibration(scores, labels, {}, createRandom(1));
    expect(choice.method).toBe("none");
    expect(choice.calibrator).toBe(identityCalibrator);
  });

  test("fixes over-confident scores, and reports the figures it chose by", () => {
    const {scores, labels} = sample("overconfident", 4000, (z) => 2.5 * z + 0.8);
    const choice = chooseCalibration(scores, labels, {folds: 4}, createRandom(1));
    expect(choice.method).not.toBe("none");
    expect(choice.brier[choice.method]).toBeLessThan(choice.brier.none - 0.0002);
    expect(choice.logLoss.platt).toBeLessThan(choice.logLoss.none);
    // A distortion of the log-odds is exactly Platt's family: Platt should not lose to isotonic by much.
    expect(choice.brier.platt).toBeLessThan(choice.brier.isotonic + 0.001);
  });

  test("is deterministic for a seed, and the refitted calibrator is the one on all data", () => {
    const {scores, labels} = sample("overconfident", 2000, (z) => 2 * z);
    const a = chooseCalibration(scores, labels, {}, createRandom(9));
    const b = chooseCalibration(scores, labels, {}, createRandom(9));
    expect(a.brier).toEqual(b.brier);
    expect(Array.from(a.calibrator.apply([0.1, 0.5]))).toEqual(Array.from(fitCalibrator(a.method, scores, labels).apply([0.1, 0.5])));
  });
});
