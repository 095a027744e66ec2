import {readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {createRandom} from "../../../lib/core/random.js";
import {fitLogistic, logisticRegression, solveSymmetric} from "../../../lib/model/learners/logistic.js";
import {matrix} from "../../../lib/model/learners/types.js";
import type {Dataset} from "../../../lib/model/learners/types.js";

interface LogisticFixture {
  featureNames: string[];
  rows: number;
  cols: number;
  x: number[];
  y: number[];
  weights: number[];
  testRows: number;
  xTest: number[];
  means: number[];
  scales: number[];
  cases: {name: string; C: number; weighted: boolean; coefficients: number[]; intercept: number; predictions: number[]}[];
}

const fixture: LogisticFixture = JSON.parse(readFileSync(new URL("../../fixtures/models/logistic.json", import.meta.url), "utf8"));
const xTest = matrix(fixture.xTest, fixture.testRows, fixture.cols);

function dataset(weighted: boolean): Dataset {
  return {
    x: matrix(fixture.x, fixture.rows, fixture.cols),
    y: Uint8Array.from(fixture.y),
    weights: weighted ? Float64Array.from(fixture.weights) : undefined,
    featureNames: fixture.featureNames
  };
}

describe("logistic regression", () => {
  test("solveSymmetric solves a small SPD system and rejects an indefinite one", () => {
    // [[4, 2], [2, 3]] · [1, 2] = [8, 8]
    const solution = solveSymmetric(Float64Array.from([4, 2, 2, 3]), Float64Array.from([8, 8]), 2)!;
    expect(solution[0]).toBeCloseTo(1, 14);
    expect(solution[1]).toBeCloseTo(2, 14);
    expect(solveSymmetric(Float64Array.from([1, 2, 2, 1]), Float64Array.from([1, 1]), 2)).toBeNull();
  });

  test("standardises with the training means and population sds, as StandardScaler", () => {
    const model = fitLogistic(dataset(false));
    model.scale.means.forEach((m, j) => expect(m).toBeCloseTo(fixture.means[j], 8));
    model.scale.scales.forEach((s, j) => expect(s).toBeCloseTo(fixture.scales[j], 8));
  });

  for (const expected of fixture.cases) {
    test(`matches sklearn LogisticRegression(lbfgs, tol=1e-8) after StandardScaler: ${expected.name}`, () => {
      const model = fitLogistic(dataset(expected.weighted), {C: expected.C});
      expect(model.converged).toBe(true);
      expect(model.iterations).toBeLessThan(30);
      // Measured gaps are ≤ 2e-6 (sklearn's L-BFGS stops there; Newton goes to machine precision).
      model.coefficients.forEach((c, j) => expect(Math.abs(c - expected.coefficients[j])).toBeLessThan(1e-5));
      expect(Math.abs(model.intercept - expected.intercept)).toBeLessThan(1e-5);
      const predictions = model.predict(xTest);
      predictions.forEach((p, i) => expect(Math.abs(p - expected.predictions[i])).toBeLessThan(5e-6));
    });
  }

  test("the zero-variance column gets a zero coefficient (its standardised value is always 0)", () => {
    const model = fitLogistic(dataset(false));
    expect(model.coefficients[fixture.cols - 1]).toBe(0);
  });

  test("the optimum has zero gradient: intercept equation Σ (p − y) = 0", () => {
    const data = dataset(false);
    const model = fitLogistic(data, {C: 0.05});
    const p = model.predict(data.x);
    let residual = 0;
    for (let i = 0; i < p.length; ++i) residual += p[i] - data.y[i];
    expect(Math.abs(residual)).toBeLessThan(1e-8);
  });

  test("integer sample weights equal repeated rows when the penalty vanishes", () => {
    // With a penalty the two differ slightly: the scaler is unweighted, so the rows' repeated copies move
    // the mean and sd that β is penalised on. With C huge only the weighted log-likelihood remains.
    const x = [0, 1, 2, 3, 4, 5, 1, 3];
    const y = [0, 0, 1, 0, 1, 1, 1, 0];
    const w = [1, 2, 1, 3, 1, 1, 2, 1];
    const xs: number[] = [], ys: number[] = [];
    w.forEach((count, i) => {
      for (let r = 0; r < count; ++r) {
        xs.push(x[i]);
        ys.push(y[i]);
      }
    });
    const weighted = fitLogistic({x: matrix(x, 8, 1), y: Uint8Array.from(y), weights: Float64Array.from(w), featureNames: ["x"]}, {C: 1e8});
    const repeated = fitLogistic({x: matrix(xs, xs.length, 1), y: Uint8Array.from(ys), featureNames: ["x"]}, {C: 1e8});
    const grid = matrix([-1, 0, 2.5, 6], 4, 1);
    const a = weighted.predict(grid), b = repeated.predict(grid);
    for (let i = 0; i < 4; ++i) expect(a[i]).toBeCloseTo(b[i], 6);
    // And the weights matter: unweighted rows give another fit.
    const unweighted = fitLogistic({x: matrix(x, 8, 1), y: Uint8Array.from(y), featureNames: ["x"]}, {C: 1e8});
    expect(Math.abs(unweighted.predict(grid)[3] - a[3])).toBeGreaterThan(1e-3);
  });

  test("separable data stays finite thanks to the penalty", () => {
    const model = fitLogistic({x: matrix([0, 1, 2, 3], 4, 1), y: Uint8Array.from([0, 0, 1, 1]), featureNames: ["x"]}, {C: 10});
    expect(model.converged).toBe(true);
    expect(Number.isFinite(model.coefficients[0])).toBe(true);
    const p = model.predict(matrix([0, 3], 2, 1));
    expect(p[0]).toBeLessThan(0.1);
    expect(p[1]).toBeGreaterThan(0.9);
  });

  test("the Learner is deterministic and ignores the random source", () => {
    const a = logisticRegression(dataset(true), {C: 0.5}, createRandom(1));
    const b = logisticRegression(dataset(true), {C: 0.5}, createRandom(2));
    expect(Array.from(a.predict(xTest))).toEqual(Array.from(b.predict(xTest)));
  });

  test("rejects a matrix of the wrong width", () => {
    const model = fitLogistic(dataset(false));
    expect(() => model.predict(matrix([1, 2], 1, 2))).toThrow(/7 features/);
  });
});
