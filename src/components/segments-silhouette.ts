// Mean silhouette per k: how well separated the clusters are (−1 to 1; higher is better), with the best
// k and the chosen k marked — the check the elbow is held against.
import * as Plot from "@observablehq/plot";
import {formatDecimal} from "../lib/core/format.js";
import {kFrame, kPoints, kRings} from "./segments-kRings.js";
import type {KChartOptions, KCurveData, KPoint} from "./segments-kRings.js";

export interface SilhouetteChartOptions extends KChartOptions {
  /** The k with the highest mean silhouette. */
  silhouetteK: number;
}

export function silhouetteChart(curve: KCurveData, {width, chosenK, silhouetteK, selectedK = chosenK}: SilhouetteChartOptions) {
  const points = kPoints(curve, "silhouette");
  const best = points.find((p) => p.k === silhouetteK);
  const {chosen, chosenRing, selectedRing} = kRings(points, {chosenK, selectedK});
  const top = Math.max(0.1, ...points.map((p) => p.value));
  const label = (p: KPoint) => (p.k === chosenK && p.k === silhouetteK ? `chosen and best: ${formatDecimal(p.value, 2)}` : p.k === chosenK ? `chosen: ${formatDecimal(p.value, 2)}` : `best: ${formatDecimal(p.value, 2)}`);
  const marked = [best, chosen].filter((p, i, all): p is KPoint => p !== undefined && all.indexOf(p) === i);
  return Plot.plot({
    ...kFrame(points, width),
    ariaLabel: "Mean silhouette by number of segments",
    ariaDescription:
      `Mean silhouette for k = ${points[0]?.k}–${points[points.length - 1]?.k}: ` +
      points.map((p) => `${p.k}: ${formatDecimal(p.value, 2)}`).join(", ") +
      `; highest at k = ${silhouetteK}, chosen k = ${chosenK}.`,
    y: {label: "↑ Mean silhouette (−1 to 1, higher: better separated)", grid: true, domain: [Math.min(0, ...points.map((p) => p.value)), top * 1.15], tickFormat: ".2f"},
    marks: [
      Plot.ruleY([0], {stroke: "currentColor", strokeOpacity: 0.5}),
      Plot.line(points, {x: "k", y: "value", stroke: "currentColor", strokeWidth: 1.5}),
      Plot.dot(points, {x: "k", y: "value", fill: "currentColor", r: 3}),
      chosenRing,
      best && best !== chosen ? Plot.dot([best], {x: "k", y: "value", r: 6, stroke: "currentColor", strokeWidth: 1.5}) : null,
      Plot.text(marked, {
        x: "k",
        y: "value",
        text: label,
        dy: -14,
        textAnchor: "start",
        dx: -4,
        fill: "currentColor",
        stroke: "var(--theme-background)",
        strokeWidth: 3
      }),
      ...selectedRing,
      Plot.tip(points, Plot.pointerX({x: "k", y: "value", title: (p: KPoint) => `k = ${p.k}\nMean silhouette ${formatDecimal(p.value, 3)}`}))
    ]
  });
}
