// Seeded row sampling, shared by k-means restarts and the sampled silhouette.
import type {Random} from "../core/random.js";

/** `size` distinct indices of 0..n−1 chosen uniformly (partial Fisher–Yates), ascending; all of them when size ≥ n. */
export function sampleIndices(n: number, size: number, random: Random): Int32Array {
  const indices = Int32Array.from({length: n}, (_, i) => i);
  const m = Math.min(n, Math.max(0, Math.floor(size)));
  for (let i = 0; i < m; ++i) {
    const j = i + random.int(n - i);
    [indices[i], indices[j]] = [indices[j], indices[i]];
  }
  return indices.slice(0, m).sort();
}
