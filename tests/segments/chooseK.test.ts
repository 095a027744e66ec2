import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import type {Matrix} from "../../lib/model/learners/types.js";
import {createRandom} from "../../lib/core/random.js";
import type {Random} from "../../lib/core/random.js";
import {bestSilhouetteK, chooseK, elbow} from "../../lib/segments/chooseK.js";
import type {KChoice, KCurvePoint} from "../../lib/segments/chooseK.js";
import {fitKMeansRange} from "../../lib/segments/kmeans.js";
import {meanSilhouettes} from "../../lib/segments/silhouette.js";
import {kChoiceRule} from "../../lib/views/definitions/segments.js";

interface Reference {
  kmeans: Record<string, {inertia: number; silhouette: number}>;
}
const reference: Reference = JSON.parse(readFileSync(new URL("../fixtures/segments/reference.json", import.meta.url), "utf8"));

/**
 * `k` Gaussian blobs of unit spread in k dimensions, centred `separation` along each axis: equidistant
 * centres, so that the true k is not blurred by two random centres landing close together.
 */
function blobs(k: number, perBlob: number, separation: number, random: Random): Matrix {
  const dims = k;
  const centres = Array.from({length: k}, (_, c) => Array.from({length: dims}, (_, j) => (j === c ? separation : 0)));
  const values = new Float64Array(k * perBlob * dims);
  for (let i = 0; i < k * perBlob; ++i) for (let j = 0; j < dims; ++j) values[i * dims + j] = centres[i % k][j] + random.normal();
  return {values, rows: k * perBlob, cols: dims};
}

function curveOf(x: Matrix, seed: number) {
  const fits = fitKMeansRange(x, {kMin: 2, kMax: 10}, createRandom(seed));
  const silhouettes = meanSilhouettes(x, fits.map((f) => f.assignments), {}, createRandom(seed + 1));
  return fits.map((f, i) => ({k: f.k, inertia: f.inertia, silhouette: silhouettes[i].score}));
}

describe("elbow", () => {
  it("measures the distance below the normalised chord", () => {
    // Normalised: (0, 1), (0.5, 0), (1, 0): chord x + y = 1; the middle point is 0.5/√2 below it.
    const {k, points} = elbow([
      {k: 2, inertia: 100},
      {k: 3, inertia: 0},
      {k: 4, inertia: 0}
    ]);
    expect(k).toBe(3);
    expect(points[1].distance).toBeCloseTo(0.5 / Math.SQRT2, 15);
    expect(points[0].distance).toBeCloseTo(0, 15);
    expect(points[2].distance).toBeCloseTo(0, 15);
  });

  it("prefers the smaller k among near-ties", () => {
    const curve = [
      {k: 2, inertia: 100},
      {k: 3, inertia: 43},
      {k: 4, inertia: 17},
      {k: 5, inertia: 8},
      {k: 6, inertia: 0}
    ];
    const distances = elbow(curve, {margin: 0}).points.map((p) => p.distance);
    expect(elbow(curve, {margin: 0}).k).toBe(distances.indexOf(Math.max(...distances)) + 2);
    // Normalised, k = 3 lies 0.32/√2 below the chord and k = 4 0.33/√2: within 5 %, so the smaller wins.
    expect(distances[1] * Math.SQRT2).toBeCloseTo(0.32, 12);
    expect(distances[2] * Math.SQRT2).toBeCloseTo(0.33, 12);
    expect(elbow(curve, {margin: 0}).k).toBe(4);
    expect(elbow(curve).k).toBe(3);
  });

  it("does not depend on the order of the points", () => {
    const curve = Object.entries(reference.kmeans).map(([k, r]) => ({k: Number(k), inertia: r.inertia}));
    expect(elbow(curve.slice().reverse()).k).toBe(elbow(curve).k);
  });
});

/** The rule in words, as the Segments page writes it from the file's curve and choice. */
const words = (curve: readonly KCurvePoint[], choice: KChoice) =>
  kChoiceRule({k: curve.map((p) => p.k), inertia: curve.map((p) => p.inertia), silhouette: curve.map((p) => p.silhouette)}, choice);

describe("chooseK", () => {
  it("finds four on scikit-learn's four blobs", () => {
    const curve = Object.entries(reference.kmeans).map(([k, r]) => ({k: Number(k), inertia: r.inertia, silhouette: r.silhouette}));
    const choice = chooseK(curve);
    expect(choice).toMatchObject({k: 4, elbowK: 4, silhouetteK: 4, agree: true, decidedBy: "elbow"});
    expect(words(curve, choice)).toContain("k = 4");
  });

  for (const trueK of [3, 4, 5, 6, 7]) {
    it(`finds ${trueK} on ${trueK} separated blobs`, () => {
      const x = blobs(trueK, 80, 5, createRandom(100 + trueK));
      const choice = chooseK(curveOf(x, trueK));
      expect(choice.k).toBe(trueK);
      expect(choice.agree).toBe(true);
    });
  }

  it("lets the silhouette overrule an elbow whose clusters barely separate", () => {
    const curve = [
      {k: 2, inertia: 100, silhouette: 0.3},
      {k: 3, inertia: 20, silhouette: 0.05},
      {k: 4, inertia: 15, silhouette: 0.04},
      {k: 5, inertia: 12, silhouette: 0.03}
    ];
    const choice = chooseK(curve);
    expect(choice).toMatchObject({k: 2, elbowK: 3, silhouetteK: 2, agree: false, decidedBy: "silhouette"});
    expect(words(curve, choice)).toMatch(/below the 0.1 floor/);
    // Above the floor the elbow stands, and the disagreement is reported.
    const higher = curve.map((p) => ({...p, silhouette: p.silhouette + 0.1}));
    const kept = chooseK(higher);
    expect(kept).toMatchObject({k: 3, agree: false, decidedBy: "elbow"});
    expect(words(higher, kept)).toMatch(/elbow stands/);
  });

  it("breaks silhouette ties towards the smaller k", () => {
    expect(bestSilhouetteK([{k: 5, silhouette: 0.4}, {k: 3, silhouette: 0.4}])).toBe(3);
  });
});
