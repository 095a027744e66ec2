// Two-dimensional PCA of the standardised clustering vectors, for the segment scatter and its biplot.
import {PCA} from "ml-pca";
import type {Matrix} from "../model/learners/types.js";

export interface PcaLoading {
  feature: string;
  /** Coefficient of the feature in each component's unit direction. */
  pc1: number;
  pc2: number;
}

export interface PcaProjection {
  /** Component scores of each row. */
  pc1: Float64Array;
  pc2: Float64Array;
  /** Share of total variance along each component. */
  explainedVarianceRatio: [number, number];
  /** Per feature, for biplot arrows. */
  loadings: PcaLoading[];
}

/**
 * Projects rows onto their first two principal components (centred, not rescaled: the input is already
 * standardised). A component's sign is arbitrary, so each is turned to make its largest-magnitude
 * coefficient positive; a rebuild then draws the same picture rather than a mirror image.
 */
export function projectPca(x: Matrix, featureNames: readonly string[]): PcaProjection {
  if (featureNames.length !== x.cols) throw new Error(`pca: ${featureNames.length} names for ${x.cols} columns`);
  if (x.rows < 2) throw new Error("pca: needs at least two rows");
  const rows = Array.from({length: x.rows}, (_, i) => Array.from(x.values.subarray(i * x.cols, (i + 1) * x.cols)));
  const pca = new PCA(rows, {center: true, scale: false});
  const vectors = pca.getEigenvectors().to2DArray(); // cols × components
  const ratios = pca.getExplainedVariance();
  const components = Math.min(2, vectors[0]?.length ?? 0);
  const signs = [1, 1];
  for (let c = 0; c < components; ++c) {
    let largest = 0;
    for (let j = 0; j < x.cols; ++j) if (Math.abs(vectors[j][c]) > Math.abs(largest) + 1e-12) largest = vectors[j][c];
    signs[c] = largest < 0 ? -1 : 1;
  }
  const coefficient = (j: number, c: number) => (c < components ? signs[c] * vectors[j][c] : 0);
  const scores = pca.predict(rows, {nComponents: components}).to2DArray();
  const score = (i: number, c: number) => (c < components ? signs[c] * scores[i][c] : 0);
  return {
    pc1: Float64Array.from({length: x.rows}, (_, i) => score(i, 0)),
    pc2: Float64Array.from({length: x.rows}, (_, i) => score(i, 1)),
    explainedVarianceRatio: [ratios[0] ?? 0, ratios[1] ?? 0],
    loadings: featureNames.map((feature, j) => ({feature, pc1: coefficient(j, 0), pc2: coefficient(j, 1)}))
  };
}
