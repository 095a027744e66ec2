import {describe, expect, test} from "vitest";
import {rocAuc} from "../../../lib/model/metrics.js";
import {featuresPerSplit, fitRandomForest, randomForest, rowWeights} from "../../../lib/model/learners/forest.js";
import {withClassWeights} from "../../../lib/model/learners/imbalance.js";
import {matrix} from "../../../lib/model/learners/types.js";
import {createRandom} from "../../../lib/core/random.js";
import {mean} from "../../../lib/core/stats.js";
import {readDataset, readExpected} from "../../fixtures/trees/fixtures.js";

const train = readDataset("train.csv");
const test_ = readDataset("test.csv");
const expected = readExpected();

describe("random forest", () => {
  test("test-set AUC within 0.01 of scikit-learn's RandomForestClassifier with the same settings", () => {
    const s = expected.random_forest.settings;
    expect(s.max_features).toBe("sqrt");
    const forest = fitRandomForest(train, {nTrees: s.n_estimators, minSamplesLeaf: s.min_samples_leaf, maxFeatures: "sqrt", oobScore: true}, createRandom(1));
    const p = forest.predict(test_.x);
    expect(forest.trees.length).toBe(200);
    expect(Math.abs(rocAuc(test_.y, p) - expected.random_forest.auc)).toBeLessThan(0.01);
    for (const v of p) expect(v >= 0 && v <= 1).toBe(true);
    // Out-of-bag: with 200 trees every row is left out of some bootstrap sample (P(never) ≈ e^−200).
    expect(forest.oobProbabilities!.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(Math.abs(forest.oobAuc! - rocAuc(test_.y, p))).toBeLessThan(0.05);
    expect(forest.featureImportance.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(forest.featureNames[forest.featureImportance.indexOf(Math.max(...forest.featureImportance))]).toBe("score");
  });

  test("soft voting: one unbootstrapped tree predicts its leaves' class-1 frequencies", () => {
    const x = matrix([1, 2, 3, 4, 5, 6, 7, 8], 8, 1);
    const y = Uint8Array.from([0, 0, 1, 0, 1, 1, 1, 0]);
    const forest = fitRandomForest({x, y, featureNames: ["a"]}, {nTrees: 1, bootstrap: false, maxFeatures: 1, minSamplesLeaf: 4}, createRandom(1));
    // Four rows per leaf at most one split: {1..4} has 1 late of 4, {5..8} 3 of 4.
    expect(Array.from(forest.predict(x))).toEqual([0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75]);
  });

  test("deterministic for a seed", () => {
    const options = {nTrees: 20};
    const a = randomForest(train, options, createRandom(7)).predict(test_.x);
    const b = randomForest(train, options, createRandom(7)).predict(test_.x);
    const c = randomForest(train, options, createRandom(8)).predict(test_.x);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  test("balanced class weights raise P(late) and equal the same weights passed as sample weights", () => {
    const options = {nTrees: 30};
    const plain = fitRandomForest(train, options, createRandom(2)).predict(test_.x);
    const balanced = fitRandomForest(train, {...options, classWeight: "balanced"}, createRandom(2)).predict(test_.x);
    expect(mean(balanced)).toBeGreaterThan(mean(plain) + 0.05);
    const viaWeights = fitRandomForest(withClassWeights(train, {negative: 1, positive: 3}), options, createRandom(2)).predict(test_.x);
    const viaOption = fitRandomForest(train, {...options, classWeight: {negative: 1, positive: 3}}, createRandom(2)).predict(test_.x);
    expect(Array.from(viaOption)).toEqual(Array.from(viaWeights));
  });

  test("features per split and row weights", () => {
    expect(featuresPerSplit("sqrt", 35)).toBe(5);
    expect(featuresPerSplit("sqrt", 2)).toBe(1);
    expect(featuresPerSplit(0.5, 11)).toBe(5);
    expect(featuresPerSplit(1, 11)).toBe(11);
    expect(() => featuresPerSplit(2, 11)).toThrow();
    const y = Uint8Array.from([1, 0, 0, 0]);
    expect(Array.from(rowWeights(y, undefined, "balanced"))).toEqual([2, 2 / 3, 2 / 3, 2 / 3]);
    expect(Array.from(rowWeights(y, Float64Array.from([1, 2, 3, 4]), {negative: 1, positive: 10}))).toEqual([10, 2, 3, 4]);
  });
});
