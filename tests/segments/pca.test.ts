import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {matrix} from "../../lib/model/learners/types.js";
import {projectPca} from "../../lib/segments/pca.js";

interface Reference {
  pca: {x: number[][]; explainedVarianceRatio: number[]; components: number[][]; scores: number[][]};
}
const reference: Reference = JSON.parse(readFileSync(new URL("../fixtures/segments/reference.json", import.meta.url), "utf8"));
const {pca} = reference;
const x = matrix(pca.x.flat(), pca.x.length, pca.x[0].length);
const names = ["f1", "f2", "f3", "f4", "f5"];

describe("projectPca against scikit-learn", () => {
  const projection = projectPca(x, names);

  it("explains the same share of variance", () => {
    expect(projection.explainedVarianceRatio[0]).toBeCloseTo(pca.explainedVarianceRatio[0], 10);
    expect(projection.explainedVarianceRatio[1]).toBeCloseTo(pca.explainedVarianceRatio[1], 10);
  });

  it("finds the same components and scores, up to sign", () => {
    for (const [c, key] of [[0, "pc1"], [1, "pc2"]] as const) {
      const sign = Math.sign(projection.loadings[0][key]) === Math.sign(pca.components[c][0]) ? 1 : -1;
      projection.loadings.forEach((loading, j) => expect(loading[key]).toBeCloseTo(sign * pca.components[c][j], 8));
      projection[key].forEach((score, i) => expect(score).toBeCloseTo(sign * pca.scores[i][c], 8));
    }
    expect(projection.loadings.map((l) => l.feature)).toEqual(names);
  });

  it("turns each component so that its largest coefficient is positive", () => {
    for (const key of ["pc1", "pc2"] as const) {
      const coefficients = projection.loadings.map((l) => l[key]);
      const largest = coefficients.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a));
      expect(largest).toBeGreaterThan(0);
    }
    // Flipping the data's sign leaves the coefficients where they were (only the scores flip).
    const flipped = projectPca(matrix(x.values.map((v) => -v), x.rows, x.cols), names);
    flipped.loadings.forEach((l, j) => expect(l.pc1).toBeCloseTo(projection.loadings[j].pc1, 10));
    flipped.pc1.forEach((s, i) => expect(s).toBeCloseTo(-projection.pc1[i], 10));
  });

  it("checks its input", () => {
    expect(() => projectPca(x, ["a"])).toThrow(/names/);
  });
});
