import {describe, expect, test} from "vitest";
import {createRandom} from "../../../lib/core/random.js";
import {balancedClassWeights, binaryColumns, smote, smoteWithProvenance, withClassWeights} from "../../../lib/model/learners/imbalance.js";
import {matrix} from "../../../lib/model/learners/types.js";
import type {Dataset} from "../../../lib/model/learners/types.js";

/** Rows: [amount, days, region_a, region_b] with region one-hot; `positives` of the rows are late. */
function training(rows: number, positives: number, seed = "imbalance"): Dataset {
  const random = createRandom(seed);
  const values: number[] = [];
  const y = new Uint8Array(rows);
  for (let i = 0; i < rows; ++i) {
    const late = i < positives;
    y[i] = late ? 1 : 0;
    const regionA = random.bernoulli(0.5) ? 1 : 0;
    values.push(random.logNormal(late ? 8.5 : 8, 1), random.int(90), regionA, 1 - regionA);
  }
  return {x: matrix(values, rows, 4), y, featureNames: ["amount", "days", "region_a", "region_b"]};
}

function squaredDistance(data: Dataset, a: number, b: number, scales: number[]): number {
  let d = 0;
  for (let j = 0; j < data.x.cols; ++j) d += ((data.x.values[a * data.x.cols + j] - data.x.values[b * data.x.cols + j]) / scales[j]) ** 2;
  return d;
}

describe("class weights", () => {
  test("balanced weights are n / (2 · class count), as sklearn", () => {
    // 1 positive, 3 negatives: 4 / 2 = 2 and 4 / 6.
    const weights = balancedClassWeights([0, 1, 0, 0]);
    expect(weights.positive).toBe(2);
    expect(weights.negative).toBeCloseTo(2 / 3, 15);
    expect(() => balancedClassWeights([0, 0])).toThrow(/both classes/);
  });

  test("withClassWeights multiplies existing row weights", () => {
    const data: Dataset = {x: matrix([1, 2, 3, 4], 4, 1), y: Uint8Array.from([0, 1, 0, 0]), weights: Float64Array.from([1, 1, 2, 1]), featureNames: ["x"]};
    const weighted = withClassWeights(data, {negative: 0.5, positive: 3});
    expect(Array.from(weighted.weights!)).toEqual([0.5, 3, 1, 0.5]);
    expect(data.weights![2]).toBe(2); // input untouched
  });
});

describe("SMOTE", () => {
  const data = training(200, 30);

  test("reaches the target ratio, original rows first and untouched", () => {
    const result = smote(data, {targetRatio: 1}, createRandom(1));
    expect(result.x.rows).toBe(200 + 140);
    expect(Array.from(result.x.values.subarray(0, 200 * 4))).toEqual(Array.from(data.x.values));
    expect(Array.from(result.y.subarray(0, 200))).toEqual(Array.from(data.y));
    expect(result.y.subarray(200).every((label) => label === 1)).toBe(true);
    const half = smote(data, {targetRatio: 0.5}, createRandom(1));
    expect(half.x.rows).toBe(200 + 85 - 30);
    // Already balanced enough: nothing to add.
    expect(smote(data, {targetRatio: 0.1}, createRandom(1)).x.rows).toBe(200);
  });

  test("synthetic rows lie on segments between a minority row and one of its k nearest minority rows", () => {
    const k = 3;
    const {data: result, bases, neighbours, gaps} = smoteWithProvenance(data, {k}, createRandom(2));
    const scales = [0, 1, 2, 3].map((j) => {
      const column = Array.from({length: 200}, (_, i) => data.x.values[i * 4 + j]);
      const mean = column.reduce((s, v) => s + v, 0) / 200;
      return Math.sqrt(column.reduce((s, v) => s + (v - mean) ** 2, 0) / 200);
    });
    const minority = Array.from({length: 200}, (_, i) => i).filter((i) => data.y[i] === 1);
    for (let s = 0; s < bases.length; ++s) {
      const base = bases[s], neighbour = neighbours[s], gap = gaps[s];
      expect(data.y[base]).toBe(1);
      expect(data.y[neighbour]).toBe(1);
      expect(neighbour).not.toBe(base);
      // The neighbour is among the k nearest (exact search: 30 minority rows ≤ maxCandidates).
      const rank = minority.filter((other) => other !== base && squaredDistance(data, base, other, scales) < squaredDistance(data, base, neighbour, scales)).length;
      expect(rank).toBeLessThan(k);
      const row = result.x.values.subarray((200 + s) * 4, (201 + s) * 4);
      for (const j of [0, 1]) {
        const from = data.x.values[base * 4 + j], to = data.x.values[neighbour * 4 + j];
        expect(row[j]).toBeCloseTo(from + gap * (to - from), 9);
      }
      // One-hot columns come whole from the nearer parent.
      const parent = gap < 0.5 ? base : neighbour;
      expect([row[2], row[3]]).toEqual([data.x.values[parent * 4 + 2], data.x.values[parent * 4 + 3]]);
    }
  });

  test("is deterministic for a seed and differs across seeds", () => {
    const a = smote(data, {}, createRandom(5));
    const b = smote(data, {}, createRandom(5));
    const c = smote(data, {}, createRandom(6));
    expect(Array.from(a.x.values)).toEqual(Array.from(b.x.values));
    expect(Array.from(a.x.values)).not.toEqual(Array.from(c.x.values));
  });

  test("with a candidate cap, neighbours still come from the minority class and counts still reach the target", () => {
    const big = training(3000, 600, "big");
    const {data: result, bases, neighbours} = smoteWithProvenance(big, {maxCandidates: 50}, createRandom(3));
    expect(result.x.rows).toBe(3000 + 2400 - 600);
    for (let s = 0; s < bases.length; ++s) {
      expect(big.y[bases[s]]).toBe(1);
      expect(big.y[neighbours[s]]).toBe(1);
      expect(neighbours[s]).not.toBe(bases[s]);
    }
    // The cap trades exactness for cost: the k nearest of 50 random candidates rank about 600·3/51 ≈ 35th
    // among all 600 minority rows on average; a random partner would rank ≈ 300th.
    const scales = [0, 1, 2, 3].map((j) => {
      const column = Array.from({length: 3000}, (_, i) => big.x.values[i * 4 + j]);
      const mean = column.reduce((s, v) => s + v, 0) / 3000;
      return Math.sqrt(column.reduce((s, v) => s + (v - mean) ** 2, 0) / 3000);
    });
    const minority = Array.from({length: 600}, (_, i) => i);
    let rankSum = 0;
    const checked = 200;
    for (let s = 0; s < checked; ++s) {
      const d = squaredDistance(big, bases[s], neighbours[s], scales);
      rankSum += minority.filter((other) => other !== bases[s] && squaredDistance(big, bases[s], other, scales) < d).length;
    }
    expect(rankSum / checked).toBeLessThan(80);
  });

  test("oversamples label 0 when it is the minority, and copies row weights", () => {
    const flipped: Dataset = {...data, y: data.y.map((v) => 1 - v), weights: Float64Array.from({length: 200}, (_, i) => 1 + (i % 3))};
    const {data: result, bases} = smoteWithProvenance(flipped, {}, createRandom(4));
    expect(result.y.subarray(200).every((label) => label === 0)).toBe(true);
    for (let s = 0; s < bases.length; ++s) expect(result.weights![200 + s]).toBe(flipped.weights![bases[s]]);
  });

  test("binaryColumns finds the 0/1 columns", () => {
    expect(Array.from(binaryColumns(data))).toEqual([0, 0, 1, 1]);
  });
});
