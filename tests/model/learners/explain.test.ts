import {describe, expect, test} from "vitest";
import {createRandom} from "../../../lib/core/random.js";
import {explainRows, groupContributions, groupKind, logisticContributions, referenceRow, topContributions} from "../../../lib/model/learners/explain.js";
import type {ColumnGroup} from "../../../lib/model/learners/importance.js";
import {fitLogistic} from "../../../lib/model/learners/logistic.js";
import {matrix} from "../../../lib/model/learners/types.js";
import type {Classifier} from "../../../lib/model/learners/types.js";

describe("reference row", () => {
  test("medians for numeric columns, the modal code for one-hot groups (all-zero included)", () => {
    // Columns: amount, region_b, region_c (region_a dropped: all-zero code). Codes: 00, 00, 10, 00, 01.
    const x = matrix([10, 0, 0, 30, 0, 0, 20, 1, 0, 50, 0, 0, 40, 0, 1], 5, 3);
    const groups: ColumnGroup[] = [{name: "amount", columns: [0]}, {name: "region", columns: [1, 2]}];
    expect(groupKind(x, groups[1])).toBe("onehot");
    expect(Array.from(referenceRow(x, groups))).toEqual([30, 0, 0]);
    expect(referenceRow(x, groups, {numeric: "mean"})[0]).toBe(30);
    // Two 1s in one row: not a one-hot code.
    expect(groupKind(matrix([1, 1, 0, 1], 2, 2), {name: "flags", columns: [0, 1]})).toBe("numeric");
  });

  test("the modal code, not the column medians, when no category has half the rows", () => {
    // Codes 100, 100, 010, 001, 000: every column's median is 0, the modal code is 100.
    const x = matrix([1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0], 5, 3);
    expect(Array.from(referenceRow(x, [{name: "c", columns: [0, 1, 2]}]))).toEqual([1, 0, 0]);
    expect(Array.from(referenceRow(x, [{name: "c", columns: [0, 1, 2], kind: "numeric"}]))).toEqual([0, 0, 0]);
  });
});

describe("model-agnostic contributions", () => {
  // An additive "model": P = 0.1 + 0.02·x0 + 0.05·x1 + 0.01·x2.
  const additive: Classifier = {
    predict: (m) => Float64Array.from({length: m.rows}, (_, i) => 0.1 + 0.02 * m.values[i * 3] + 0.05 * m.values[i * 3 + 1] + 0.01 * m.values[i * 3 + 2])
  };
  const groups: ColumnGroup[] = [{name: "x0", columns: [0]}, {name: "x1 and x2", columns: [1, 2]}];
  const x = matrix([5, 1, 2, 0, 3, -4, 2, 0, 0], 3, 3);
  const reference = [2, 1, 0];

  test("equal the change in probability against the reference, by hand", () => {
    const {probability, contributions} = groupContributions(additive, x, groups, reference);
    expect(probability[0]).toBeCloseTo(0.1 + 0.1 + 0.05 + 0.02, 15);
    // Row 0: x0 = 5 vs 2 → 0.06; (x1, x2) = (1, 2) vs (1, 0) → 0.02.
    expect(contributions.values[0]).toBeCloseTo(0.06, 15);
    expect(contributions.values[1]).toBeCloseTo(0.02, 15);
    // Row 1: x0 = 0 → −0.04; (3, −4) → 0.1 − 0.04 = 0.06.
    expect(contributions.values[2]).toBeCloseTo(-0.04, 15);
    expect(contributions.values[3]).toBeCloseTo(0.06, 15);
    // Row 2 is the reference in x0 and differs by x1 = 0 → −0.05.
    expect(contributions.values[4]).toBeCloseTo(0, 15);
    expect(contributions.values[5]).toBeCloseTo(-0.05, 15);
  });

  test("rank the raising groups per row, largest first", () => {
    const explained = explainRows(additive, x, groups, reference, {k: 1});
    expect(explained[0].reasons).toEqual([{group: "x0", index: 0, contribution: expect.closeTo(0.06, 12)}]);
    expect(explained[1].reasons.map((r) => r.group)).toEqual(["x1 and x2"]);
    expect(explained[2].reasons).toEqual([]); // nothing raises row 2 above the reference
    const all = topContributions(groupContributions(additive, x, groups, reference).contributions, groups, {k: 5, positiveOnly: false});
    expect(all[1].map((r) => r.group)).toEqual(["x1 and x2", "x0"]);
  });

  test("leave the input matrix untouched", () => {
    const before = Array.from(x.values);
    groupContributions(additive, x, groups, reference);
    expect(Array.from(x.values)).toEqual(before);
  });
});

describe("exact logistic contributions", () => {
  const random = createRandom("explain");
  const rows = 800;
  const values: number[] = [];
  const y = new Uint8Array(rows);
  for (let i = 0; i < rows; ++i) {
    const a = random.normal(), b = random.normal(3, 2), c = random.exponential(5), d = random.normal();
    values.push(a, b, c, d);
    y[i] = random.bernoulli(1 / (1 + Math.exp(-(1.2 * a - 0.5 * b + 0.1 * c + 0.3 * d)))) ? 1 : 0;
  }
  const x = matrix(values, rows, 4);
  const model = fitLogistic({x, y, featureNames: ["a", "b", "c", "d"]});
  const groups: ColumnGroup[] = [{name: "a", columns: [0]}, {name: "b and c", columns: [1, 2]}, {name: "d", columns: [3]}];

  test("intercept + Σ group contributions = the log-odds", () => {
    const exact = logisticContributions(model, x, groups);
    const logOdds = model.decisionFunction(x);
    for (let i = 0; i < rows; ++i) {
      const total = model.intercept + exact.values[i * 3] + exact.values[i * 3 + 1] + exact.values[i * 3 + 2];
      expect(total).toBeCloseTo(logOdds[i], 10);
    }
  });

  test("with the mean row as reference, the model-agnostic ranking equals the exact one for every row", () => {
    // Replacing a group by the training means subtracts exactly its logit contribution c, and
    // σ(L) − σ(L − c) increases with c, so both orderings must agree.
    const reference = referenceRow(x, groups, {numeric: "mean"});
    const agnostic = topContributions(groupContributions(model, x, groups, reference).contributions, groups, {k: 3, positiveOnly: false});
    const exact = topContributions(logisticContributions(model, x, groups), groups, {k: 3, positiveOnly: false});
    for (let i = 0; i < rows; ++i) expect(agnostic[i].map((r) => r.index)).toEqual(exact[i].map((r) => r.index));
    // And the signs agree: raising on one scale is raising on the other.
    const agnosticPositive = topContributions(groupContributions(model, x, groups, reference).contributions, groups);
    const exactPositive = topContributions(logisticContributions(model, x, groups), groups);
    for (let i = 0; i < rows; ++i) expect(agnosticPositive[i].map((r) => r.index)).toEqual(exactPositive[i].map((r) => r.index));
  });
});
