import {describe, expect, test} from "vitest";
import {createRandom} from "../../../lib/core/random.js";
import {rocAuc} from "../../../lib/model/metrics.js";
import {fitLogistic} from "../../../lib/model/learners/logistic.js";
import {permutationImportance} from "../../../lib/model/learners/importance.js";
import type {ColumnGroup} from "../../../lib/model/learners/importance.js";
import {matrix} from "../../../lib/model/learners/types.js";
import type {Classifier, Matrix} from "../../../lib/model/learners/types.js";

/** Columns: signal, noise, one-hot (a, b, c) of a category that also carries signal. */
function heldOut(rows: number, seed: string): {x: Matrix; y: Uint8Array} {
  const random = createRandom(seed);
  const values: number[] = [];
  const y = new Uint8Array(rows);
  for (let i = 0; i < rows; ++i) {
    const signal = random.normal(), noise = random.normal(), category = random.int(3);
    values.push(signal, noise, category === 0 ? 1 : 0, category === 1 ? 1 : 0, category === 2 ? 1 : 0);
    y[i] = random.bernoulli(1 / (1 + Math.exp(-(2 * signal + (category === 2 ? 1.5 : 0) - 1)))) ? 1 : 0;
  }
  return {x: matrix(values, rows, 5), y};
}

const groups: ColumnGroup[] = [
  {name: "signal", columns: [0]},
  {name: "noise", columns: [1]},
  {name: "category", columns: [2, 3, 4], kind: "onehot"}
];

describe("permutation importance", () => {
  test("a column the classifier ignores has exactly zero importance", () => {
    const {x, y} = heldOut(300, "ignored");
    const onlySignal: Classifier = {predict: (m) => Float64Array.from({length: m.rows}, (_, i) => m.values[i * m.cols])};
    const result = permutationImportance(onlySignal, x, y, groups, {repeats: 4}, createRandom(1));
    expect(result.baseline).toBeCloseTo(rocAuc(y, onlySignal.predict(x)), 15);
    const noise = result.groups[1];
    expect(noise.drops).toEqual([0, 0, 0, 0]);
    expect(noise.sd).toBe(0);
    expect(result.groups[0].mean).toBeGreaterThan(0.2);
    expect(result.groups[0].drops.length).toBe(4);
  });

  test("a group's columns are shuffled together, so a one-hot code stays valid", () => {
    const {x, y} = heldOut(200, "together");
    // Scores explode unless each row has exactly one 1 in the category columns.
    const validity: Classifier = {
      predict: (m) =>
        Float64Array.from({length: m.rows}, (_, i) => {
          const ones = m.values[i * 5 + 2] + m.values[i * 5 + 3] + m.values[i * 5 + 4];
          return 1 / (1 + Math.exp(-m.values[i * 5])) + 10 * (ones - 1) ** 2;
        })
    };
    const result = permutationImportance(validity, x, y, [groups[2]], {repeats: 3}, createRandom(2));
    expect(result.groups[0].drops).toEqual([0, 0, 0]);
  });

  test("ranks a logistic model's groups: signal > category > noise ≈ 0", () => {
    const train = heldOut(3000, "train");
    const test = heldOut(2000, "test");
    const model = fitLogistic({x: train.x, y: train.y, featureNames: ["signal", "noise", "a", "b", "c"]});
    const {groups: importance} = permutationImportance(model, test.x, test.y, groups, {}, createRandom(3));
    const [signal, noise, category] = importance;
    expect(signal.mean).toBeGreaterThan(category.mean);
    expect(category.mean).toBeGreaterThan(noise.mean + 3 * noise.sd);
    expect(Math.abs(noise.mean)).toBeLessThan(0.005);
    // Population sd of the drops.
    const m = signal.drops.reduce((s, d) => s + d, 0) / signal.drops.length;
    expect(signal.sd).toBeCloseTo(Math.sqrt(signal.drops.reduce((s, d) => s + (d - m) ** 2, 0) / signal.drops.length), 15);
  });

  test("deterministic per seed, and a group's figures do not depend on the other groups", () => {
    const train = heldOut(1000, "train");
    const test = heldOut(500, "test");
    const model = fitLogistic({x: train.x, y: train.y, featureNames: ["signal", "noise", "a", "b", "c"]});
    const all = permutationImportance(model, test.x, test.y, groups, {repeats: 3}, createRandom(4));
    const again = permutationImportance(model, test.x, test.y, groups, {repeats: 3}, createRandom(4));
    const alone = permutationImportance(model, test.x, test.y, [groups[2]], {repeats: 3}, createRandom(4));
    expect(again).toEqual(all);
    expect(alone.groups[0]).toEqual(all.groups[2]);
    expect(permutationImportance(model, test.x, test.y, groups, {repeats: 3}, createRandom(5)).groups[0].drops).not.toEqual(all.groups[0].drops);
  });

  test("rejects columns outside the matrix", () => {
    const {x, y} = heldOut(10, "bad");
    const constant: Classifier = {predict: (m) => new Float64Array(m.rows)};
    expect(() => permutationImportance(constant, x, y, [{name: "ghost", columns: [5]}], {}, createRandom(1))).toThrow(/ghost/);
  });
});
