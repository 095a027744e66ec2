import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {matrix} from "../../lib/model/learners/types.js";
import type {Matrix} from "../../lib/model/learners/types.js";
import {createRandom} from "../../lib/core/random.js";
import {assignToNearest, clusterMeans, distinctRows, fitKMeans, fitKMeansRange, inertia} from "../../lib/segments/kmeans.js";
import {sampleIndices} from "../../lib/segments/sampling.js";

interface Reference {
  blobs: {x: number[][]; trueLabels: number[]};
  kmeans: Record<string, {inertia: number; labels: number[]; silhouette: number}>;
}

const reference: Reference = JSON.parse(readFileSync(new URL("../fixtures/segments/reference.json", import.meta.url), "utf8"));
const blobs = matrix(reference.blobs.x.flat(), reference.blobs.x.length, reference.blobs.x[0].length);

describe("inertia and assignment", () => {
  // Four points on a line, two clusters: {0, 2} around 1 and {10, 14} around 12.
  const x = matrix([0, 2, 10, 14], 4, 1);

  it("sums squared distances to the assigned centroid", () => {
    const centroids = matrix([1, 12], 2, 1);
    expect(inertia(x, [0, 0, 1, 1], centroids)).toBe(1 + 1 + 4 + 4);
    expect(assignToNearest(x, centroids)).toEqual(Int32Array.from([0, 0, 1, 1]));
    expect(Array.from(clusterMeans(x, [0, 0, 1, 1], 2).values)).toEqual([1, 12]);
  });

  it("keeps the fallback centroid for an empty cluster", () => {
    expect(Array.from(clusterMeans(x, [0, 0, 0, 0], 2, matrix([0, 99], 2, 1)).values)).toEqual([6.5, 99]);
  });

  it("finds the obvious partition", () => {
    const fit = fitKMeans(x, 2, {}, createRandom(1));
    expect(fit.inertia).toBe(10);
    expect(fit.assignments[0]).toBe(fit.assignments[1]);
    expect(fit.assignments[2]).toBe(fit.assignments[3]);
    expect(fit.assignments[0]).not.toBe(fit.assignments[2]);
    expect(Array.from(fit.sizes).sort()).toEqual([2, 2]);
  });

  it("counts distinct rows", () => {
    expect(distinctRows(matrix([1, 2, 1, 2, 3, 4], 3, 2))).toBe(2);
  });
});

describe("fitKMeans against scikit-learn", () => {
  it("lands within 1.1 % of scikit-learn's inertia (n_init = 10) for k = 2..7, 3 % at k = 8", () => {
    // Past the true k = 4 the landscape has many local minima: over 20 seeds the best of ten restarts
    // stayed within 0.8 % up to k = 7 and within 2.4 % at k = 8 (sometimes below scikit-learn's).
    for (let k = 2; k <= 8; ++k) {
      const fit = fitKMeans(blobs, k, {restarts: 10}, createRandom(k));
      expect(fit.inertia).toBeLessThanOrEqual(reference.kmeans[k].inertia * (k < 8 ? 1.011 : 1.03));
      // Assignments, centroids and inertia describe the same partition.
      expect(fit.inertia).toBeCloseTo(inertia(blobs, fit.assignments, clusterMeans(blobs, fit.assignments, k)), 6);
      expect(fit.sizes.reduce((s, v) => s + v, 0)).toBe(blobs.rows);
    }
  });

  it("recovers the four blobs", () => {
    const fit = fitKMeans(blobs, 4, {}, createRandom(11));
    expect(fit.inertia).toBeCloseTo(reference.kmeans[4].inertia, 6);
    // Same partition as scikit-learn's, up to label names.
    const pairs = new Set(reference.kmeans[4].labels.map((label, i) => `${label}:${fit.assignments[i]}`));
    expect(pairs.size).toBe(4);
  });

  it("is deterministic for a seed", () => {
    const a = fitKMeans(blobs, 5, {}, createRandom(3));
    const b = fitKMeans(blobs, 5, {}, createRandom(3));
    expect(a.assignments).toEqual(b.assignments);
    expect(a.centroids.values).toEqual(b.centroids.values);
    expect(a.seed).toBe(b.seed);
  });

  it("runs restarts on a sample above the sample size and refines on every row", () => {
    const fit = fitKMeans(blobs, 4, {sampleSize: 100}, createRandom(4));
    expect(fit.assignments).toHaveLength(blobs.rows);
    expect(fit.inertia).toBeLessThanOrEqual(reference.kmeans[4].inertia * 1.011);
  });

  it("rejects impossible k", () => {
    expect(() => fitKMeans(blobs, 0, {}, createRandom(1))).toThrow(/positive integer/);
    expect(() => fitKMeans(matrix([1, 2], 2, 1), 3, {}, createRandom(1))).toThrow(/exceeds/);
  });
});

describe("fitKMeansRange", () => {
  it("fits every k, each from its own fork", () => {
    const fits = fitKMeansRange(blobs, {kMin: 2, kMax: 6}, createRandom(5));
    expect(fits.map((f) => f.k)).toEqual([2, 3, 4, 5, 6]);
    // Inertia falls with k (each fit is the best of ten restarts).
    for (let i = 1; i < fits.length; ++i) expect(fits[i].inertia).toBeLessThan(fits[i - 1].inertia);
    // A narrower range gives the same fit for a shared k.
    const narrow = fitKMeansRange(blobs, {kMin: 4, kMax: 4}, createRandom(5));
    expect(narrow[0].assignments).toEqual(fits[2].assignments);
  });

  it("stops at the number of distinct rows", () => {
    const x: Matrix = matrix([0, 0, 1, 1, 5, 5, 5, 5], 8, 1);
    expect(fitKMeansRange(x, {kMax: 10}, createRandom(1)).map((f) => f.k)).toEqual([2, 3]);
  });
});

describe("sampleIndices", () => {
  it("draws distinct sorted indices, deterministically", () => {
    const a = sampleIndices(100, 10, createRandom(9));
    expect(a).toHaveLength(10);
    expect(new Set(a).size).toBe(10);
    expect(Array.from(a)).toEqual(Array.from(a).sort((p, q) => p - q));
    expect(sampleIndices(100, 10, createRandom(9))).toEqual(a);
    expect(Array.from(sampleIndices(5, 10, createRandom(9)))).toEqual([0, 1, 2, 3, 4]);
  });
});
