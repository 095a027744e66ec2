// Choosing k: the elbow of the inertia curve, checked against the mean silhouette.

export interface KCurvePoint {
  k: number;
  inertia: number;
  silhouette: number;
}

export interface ElbowPoint {
  k: number;
  /** Distance of the normalised point below the chord from the first to the last point. */
  distance: number;
}

export interface KChoice {
  /** The k the rule picks. */
  k: number;
  /** The silhouette floor the elbow was held to (`ChooseKOptions.minSilhouette`). */
  minSilhouette: number;
  elbowK: number;
  silhouetteK: number;
  /** Whether the elbow and the best silhouette name the same k. */
  agree: boolean;
  /** Which criterion decided. */
  decidedBy: "elbow" | "silhouette";
  elbow: ElbowPoint[];
}

export interface ElbowOptions {
  /**
   * The smallest k whose chord distance is within this share of the largest is the elbow (default 0.05):
   * on a smooth curve neighbouring points that close are indistinguishable, and fewer segments are
   * easier to staff and act on.
   */
  margin?: number;
}

export interface ChooseKOptions extends ElbowOptions {
  /**
   * The silhouette overrides the elbow only when the elbow's mean silhouette is below this (default 0.1):
   * its clusters then barely separate. Above it, the silhouette is a check, reported but not binding:
   * on customer data it tends to favour the coarsest split (k = 2), which no collections plan can use.
   */
  minSilhouette?: number;
}

/**
 * The elbow: scale k and inertia to [0, 1] over the curve and take the point farthest below the chord
 * joining its ends, i.e. where the curve bends most; near-ties (within `margin`) go to the smaller k.
 */
export function elbow(curve: readonly Pick<KCurvePoint, "k" | "inertia">[], options: ElbowOptions = {}): {k: number; points: ElbowPoint[]} {
  const {margin = 0.05} = options;
  const points = [...curve].sort((a, b) => a.k - b.k);
  if (points.length === 0) throw new Error("elbow: empty curve");
  const first = points[0], last = points[points.length - 1];
  const kSpan = last.k - first.k || 1;
  let lo = Infinity, hi = -Infinity;
  for (const p of points) [lo, hi] = [Math.min(lo, p.inertia), Math.max(hi, p.inertia)];
  const inertiaSpan = hi - lo || 1;
  const normal = (p: Pick<KCurvePoint, "k" | "inertia">): [number, number] => [(p.k - first.k) / kSpan, (p.inertia - lo) / inertiaSpan];
  const [x0, y0] = normal(first), [x1, y1] = normal(last);
  const length = Math.hypot(x1 - x0, y1 - y0) || 1;
  // Signed so that points below the chord (the convex bend of a falling curve) count as positive.
  const scored = points.map((p) => {
    const [x, y] = normal(p);
    return {k: p.k, distance: ((x1 - x0) * (y0 - y) - (x0 - x) * (y1 - y0)) / length};
  });
  const farthest = Math.max(...scored.map((p) => p.distance));
  const best = scored.find((p) => p.distance >= farthest * (1 - margin) - 1e-12)!;
  return {k: best.k, points: scored};
}

/** The k with the highest mean silhouette (ties: the smaller k). */
export function bestSilhouetteK(curve: readonly Pick<KCurvePoint, "k" | "silhouette">[]): number {
  let best: Pick<KCurvePoint, "k" | "silhouette"> | undefined;
  for (const p of [...curve].sort((a, b) => a.k - b.k)) if (!best || p.silhouette > best.silhouette + 1e-12) best = p;
  if (!best) throw new Error("bestSilhouetteK: empty curve");
  return best.k;
}

/** The elbow k, unless its mean silhouette is below `minSilhouette`; then the best-silhouette k. */
export function chooseK(curve: readonly KCurvePoint[], options: ChooseKOptions = {}): KChoice {
  const {minSilhouette = 0.1} = options;
  const {k: elbowK, points} = elbow(curve, options);
  const silhouetteK = bestSilhouetteK(curve);
  const silhouetteAt = (k: number) => curve.find((p) => p.k === k)!.silhouette;
  const decidedBy = silhouetteAt(elbowK) < minSilhouette && silhouetteK !== elbowK ? "silhouette" : "elbow";
  const k = decidedBy === "elbow" ? elbowK : silhouetteK;
  return {k, minSilhouette, elbowK, silhouetteK, agree: elbowK === silhouetteK, decidedBy, elbow: points};
}
