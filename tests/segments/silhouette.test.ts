import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {matrix} from "../../lib/model/learners/types.js";
import {createRandom} from "../../lib/core/random.js";
import {meanSilhouette, meanSilhouettes, silhouetteSamples} from "../../lib/segments/silhouette.js";

interface Reference {
  blobs: {x: number[][]; trueLabels: number[]; trueSilhouette: number};
  kmeans: Record<string, {inertia: number; labels: number[]; silhouette: number}>;
}

const reference: Reference = JSON.parse(readFileSync(new URL("../fixtures/segments/reference.json", import.meta.url), "utf8"));
const blobs = matrix(reference.blobs.x.flat(), reference.blobs.x.length, reference.blobs.x[0].length);

describe("silhouetteSamples", () => {
  it("matches a hand computation", () => {
    // Points 0, 1 | 4, 6, 7 on a line.
    const x = matrix([0, 1, 4, 6, 7], 5, 1);
    const [s] = silhouetteSamples(x, [[0, 0, 1, 1, 1]]);
    // point 0: a = 1, b = (4 + 6 + 7) / 3 = 17/3
    expect(s[0]).toBeCloseTo((17 / 3 - 1) / (17 / 3), 15);
    // point 1: a = 1, b = (3 + 5 + 6) / 3 = 14/3
    expect(s[1]).toBeCloseTo((14 / 3 - 1) / (14 / 3), 15);
    // point 4: a = (2 + 3) / 2 = 2.5, b = (4 + 3) / 2 = 3.5
    expect(s[2]).toBeCloseTo((3.5 - 2.5) / 3.5, 15);
    // point 6: a = (2 + 1) / 2 = 1.5, b = (6 + 5) / 2 = 5.5
    expect(s[3]).toBeCloseTo((5.5 - 1.5) / 5.5, 15);
    // point 7: a = (3 + 1) / 2 = 2, b = (7 + 6) / 2 = 6.5
    expect(s[4]).toBeCloseTo((6.5 - 2) / 6.5, 15);
  });

  it("scores a point alone in its cluster 0, as scikit-learn", () => {
    const [s] = silhouetteSamples(matrix([0, 1, 10], 3, 1), [[0, 0, 1]]);
    expect(s[2]).toBe(0);
    expect(s[0]).toBeCloseTo((10 - 1) / 10, 15);
  });

  it("ignores unused labels", () => {
    const x = matrix([0, 1, 4, 6, 7], 5, 1);
    const [plain] = silhouetteSamples(x, [[0, 0, 1, 1, 1]]);
    const [gappy] = silhouetteSamples(x, [[0, 0, 3, 3, 3]]);
    expect(gappy).toEqual(plain);
  });
});

describe("meanSilhouette against scikit-learn", () => {
  it("matches silhouette_score within 1e-9 for every k", () => {
    const ks = Object.keys(reference.kmeans);
    const results = meanSilhouettes(blobs, ks.map((k) => reference.kmeans[k].labels), {}, createRandom(1));
    ks.forEach((k, i) => {
      expect(results[i].exact).toBe(true);
      expect(Math.abs(results[i].score - reference.kmeans[k].silhouette)).toBeLessThan(1e-9);
    });
    const truth = meanSilhouette(blobs, reference.blobs.trueLabels, {}, createRandom(1));
    expect(Math.abs(truth.score - reference.blobs.trueSilhouette)).toBeLessThan(1e-9);
  });

  it("estimates on a seeded sample above the cap", () => {
    const labels = reference.kmeans["4"].labels;
    const a = meanSilhouette(blobs, labels, {sampleSize: 200}, createRandom(2));
    const b = meanSilhouette(blobs, labels, {sampleSize: 200}, createRandom(2));
    expect(a.exact).toBe(false);
    expect(a.rowsScored).toBe(200);
    expect(a.score).toBe(b.score);
    expect(Math.abs(a.score - reference.kmeans["4"].silhouette)).toBeLessThan(0.05);
  });

  it("needs between 2 and n − 1 clusters", () => {
    expect(() => meanSilhouette(matrix([0, 1, 2], 3, 1), [0, 0, 0], {}, createRandom(1))).toThrow(/2 to n − 1/);
    expect(() => meanSilhouette(matrix([0, 1, 2], 3, 1), [0, 1, 2], {}, createRandom(1))).toThrow(/2 to n − 1/);
  });
});
