import {describe, expect, test} from "vitest";
import {rocAuc} from "../../../lib/model/metrics.js";
import {baseLogOdds, fitGradientBoosting, gradientBoosting, logLoss, stratifiedHoldout} from "../../../lib/model/learners/boosting.js";
import {matrix} from "../../../lib/model/learners/types.js";
import type {Dataset} from "../../../lib/model/learners/types.js";
import {createRandom} from "../../../lib/core/random.js";
import {correlation, mean} from "../../../lib/core/stats.js";
import {readDataset, readExpected} from "../../fixtures/trees/fixtures.js";

const train = readDataset("train.csv");
const test_ = readDataset("test.csv");
const expected = readExpected();

/** A noisy set on which many rounds overfit: a weak signal in one of six features. */
function noisy(n: number, seed: number): Dataset {
  const random = createRandom(seed);
  const values = Float64Array.from({length: n * 6}, () => random.normal());
  const y = Uint8Array.from({length: n}, (_, i) => (random.next() < 1 / (1 + Math.exp(-0.8 * values[i * 6])) ? 1 : 0));
  return {x: matrix(values, n, 6), y, featureNames: ["a", "b", "c", "d", "e", "f"]};
}

describe("gradient boosting", () => {
  test("matches scikit-learn's HistGradientBoostingClassifier with identical settings", () => {
    // The fixture's AUCs were computed by sklearn; the shared metric must reproduce them first.
    for (const reference of expected.hist_gradient_boosting) {
      expect(rocAuc(test_.y, reference.probabilities)).toBeCloseTo(reference.auc, 5);
      const s = reference.settings;
      const model = fitGradientBoosting(train, {
        earlyStopping: false,
        maxIterations: s.max_iter,
        learningRate: s.learning_rate,
        maxLeafNodes: s.max_leaf_nodes,
        minSamplesLeaf: s.min_samples_leaf,
        l2: s.l2_regularization,
        maxDepth: s.max_depth,
        maxBins: 255
      }, createRandom(1));
      const p = model.predict(test_.x);
      expect(model.rounds).toBe(reference.n_iter);
      expect(correlation(p, reference.probabilities)).toBeGreaterThan(0.99);
      expect(Math.abs(rocAuc(test_.y, p) - reference.auc)).toBeLessThan(0.005);
      // Same bins, gains, growth order and leaf values: the probabilities agree to the fixture's six
      // significant digits (sklearn keeps gradients in float32, which could move a near-tied split).
      let worst = 0;
      for (let i = 0; i < p.length; ++i) worst = Math.max(worst, Math.abs(p[i] - reference.probabilities[i]));
      expect(worst).toBeLessThan(1e-5);
    }
  });

  test("starts from the log-odds of the weighted base rate; log loss by hand", () => {
    const y = Uint8Array.from([1, 0, 0, 0]);
    expect(baseLogOdds(y)).toBeCloseTo(Math.log(1 / 3), 14);
    expect(baseLogOdds(y, Float64Array.from([3, 1, 1, 1]))).toBeCloseTo(0, 14);
    // scores 0 → each row costs log 2; a confident right answer costs ~0.
    expect(logLoss(Uint8Array.from([1, 0]), Float64Array.from([0, 0]))).toBeCloseTo(Math.LN2, 14);
    expect(logLoss(Uint8Array.from([1, 0]), Float64Array.from([800, -800]))).toBe(0);
    expect(logLoss(Uint8Array.from([1]), Float64Array.from([-800]))).toBe(800);
    const lone = fitGradientBoosting({...train, y: new Uint8Array(train.x.rows).fill(0).map((_, i) => (i < 600 ? 1 : 0))}, {maxIterations: 0}, createRandom(1));
    expect(lone.predict(test_.x)[0]).toBeCloseTo(600 / train.x.rows, 12);
  });

  test("early stopping stops, keeps the best round, and reports its losses", () => {
    const data = noisy(2000, 1);
    const validation = noisy(1000, 2);
    const model = fitGradientBoosting(data, {maxIterations: 500, learningRate: 0.3, validation, patience: 5}, createRandom(1));
    expect(model.roundsFitted).toBeLessThan(500);
    expect(model.validationLoss.length).toBe(model.roundsFitted + 1);
    const losses = Array.from(model.validationLoss);
    const best = losses.indexOf(Math.min(...losses));
    expect(model.rounds).toBe(best);
    expect(model.trees.length).toBe(best);
    expect(model.roundsFitted - model.rounds).toBe(5);
    expect(losses[best]).toBeLessThan(losses[0]);
    // Without a validation set, "auto" stays off below 10 000 rows and every round is fitted.
    const plain = fitGradientBoosting(data, {maxIterations: 30}, createRandom(1));
    expect(plain.roundsFitted).toBe(30);
    expect(plain.validationLoss.length).toBe(0);
    // Forced on without a validation set, it holds out a stratified share of the rows.
    const held = fitGradientBoosting(data, {maxIterations: 500, learningRate: 0.3, earlyStopping: true, patience: 5}, createRandom(1));
    expect(held.roundsFitted).toBeLessThan(500);
  });

  test("stratified holdout keeps each class's share", () => {
    const y = Uint8Array.from({length: 1000}, (_, i) => (i % 5 === 0 ? 1 : 0));
    const {fit, held} = stratifiedHoldout(y, 0.1, createRandom(3));
    expect(held.length).toBe(100);
    expect(fit.length).toBe(900);
    expect(Array.from(held).filter((i) => y[i] === 1).length).toBe(20);
    expect(new Set([...fit, ...held]).size).toBe(1000);
  });

  test("weighting the late invoices up raises predicted P(late)", () => {
    const options = {maxIterations: 30};
    const plain = gradientBoosting(train, options, createRandom(1)).predict(test_.x);
    const weights = Float64Array.from(train.y, (v) => (v ? 3 : 1));
    const weighted = gradientBoosting({...train, weights}, options, createRandom(1)).predict(test_.x);
    expect(mean(weighted)).toBeGreaterThan(mean(plain) + 0.1);
    // Ranking barely moves: weights shift the base rate, not the signal.
    expect(Math.abs(rocAuc(test_.y, weighted) - rocAuc(test_.y, plain))).toBeLessThan(0.02);
  });

  test("deterministic for a seed, including row subsampling", () => {
    const options = {maxIterations: 20, subsample: 0.5};
    const a = fitGradientBoosting(train, options, createRandom(4)).predict(test_.x);
    const b = fitGradientBoosting(train, options, createRandom(4)).predict(test_.x);
    const c = fitGradientBoosting(train, options, createRandom(5)).predict(test_.x);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
    expect(rocAuc(test_.y, a)).toBeGreaterThan(0.7);
  });

  test("gain importance sums to one and ranks the strongest signal first", () => {
    const model = fitGradientBoosting(train, {maxIterations: 40, maxLeafNodes: 8}, createRandom(1));
    expect(model.featureImportance.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const top = model.featureImportance.indexOf(Math.max(...model.featureImportance));
    expect(model.featureNames[top]).toBe("score");
    expect(Array.from(model.decisionFunction(test_.x).slice(0, 3)).map((z) => 1 / (1 + Math.exp(-z)))).toEqual(Array.from(model.predict(test_.x).slice(0, 3)).map((p) => expect.closeTo(p, 14)));
  });
});
