// What the elbow and silhouette charts share: the k curve's points where the measure is known, and the
// rings they draw — the chosen k (solid) and, when the reader picks another, the k shown (dashed).
import * as Plot from "@observablehq/plot";
import type {KCurve} from "../lib/pipeline/contract.js";

/** The k curve of segments.json: the fields the elbow and silhouette charts read. */
export type KCurveData = Pick<KCurve, "k" | "inertia" | "silhouette">;

export interface KChartOptions {
  width: number;
  /** The k the rule chose. */
  chosenK: number;
  /** The k the reader is looking at, ringed when it differs from the chosen k. */
  selectedK?: number;
}

export interface KPoint {
  k: number;
  value: number;
}

export function kPoints(curve: KCurveData, measure: "inertia" | "silhouette"): KPoint[] {
  return curve.k.flatMap((k, i) => (curve[measure][i] === null ? [] : [{k, value: curve[measure][i]!}]));
}

/** The plot's size and its k axis, as both charts draw them. */
export function kFrame(points: readonly KPoint[], width: number) {
  return {
    width,
    height: width < 480 ? 240 : 280,
    marginLeft: 52,
    marginRight: 16,
    x: {label: "Number of segments (k) →", ticks: points.map((p) => p.k), tickFormat: "d", domain: [points[0].k - 0.3, points[points.length - 1].k + 0.3]}
  };
}

export function kRings(points: readonly KPoint[], {chosenK, selectedK = chosenK}: Pick<KChartOptions, "chosenK" | "selectedK">) {
  const chosen = points.find((p) => p.k === chosenK);
  const selected = selectedK !== chosenK ? points.find((p) => p.k === selectedK) : undefined;
  return {
    chosen,
    chosenRing: chosen ? Plot.dot([chosen], {x: "k", y: "value", r: 7, stroke: "var(--theme-foreground-focus)", strokeWidth: 2.5, fill: "var(--theme-background)"}) : null,
    selectedRing: selected
      ? [
          Plot.dot([selected], {x: "k", y: "value", r: 7, stroke: "currentColor", strokeDasharray: "2,2", strokeWidth: 1.5}),
          Plot.text([selected], {x: "k", y: "value", text: (p: KPoint) => `shown: k = ${p.k}`, dy: 16, textAnchor: "middle", fill: "currentColor", stroke: "var(--theme-background)", strokeWidth: 3})
        ]
      : []
  };
}
