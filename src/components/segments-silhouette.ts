// Mean silhouette per k: how well separated the clusters are (−1 to 1; higher is better), with the best
// k and the chosen k marked — the check the elbow is held against.
import * as Plot from "@observablehq/plot";
import {formatDecimal} from "../lib/core/format.js";
import type {KCurveData} from "./segments-elbow.js";

export interface SilhouetteChartOptions {
  width: number;
  chosenK: number;
  /** The k with the highest mean silhouette. */
  silhouetteK: number;
  selectedK?: number;
}

interface Point {
  k: number;
  silhouette: number;
}

export function silhouetteChart(curve: KCurveData, {width, chosenK, silhouetteK, selectedK = chosenK}: SilhouetteChartOptions) {
  const points: Point[] = curve.k.flatMap((k, i) => (curve.silhouette[i] === null ? [] : [{k, silhouette: curve.silhouette[i]!}]));
  const best = points.find((p) => p.k === silhouetteK);
  const chosen = points.find((p) => p.k === chosenK);
  const selected = selectedK !== chosenK ? points.find((p) => p.k === selectedK) : undefined;
  const narrow = width < 480;
  const top = Math.max(0.1, ...points.map((p) => p.silhouette));
  const label = (p: Point) => (p.k === chosenK && p.k === silhouetteK ? `chosen and best: ${formatDecimal(p.silhouette, 2)}` : p.k === chosenK ? `chosen: ${formatDecimal(p.silhouette, 2)}` : `best: ${formatDecimal(p.silhouette, 2)}`);
  const marked = [best, chosen].filter((p, i, all): p is Point => p !== undefined && all.indexOf(p) === i);
  return Plot.plot({
    width,
    height: narrow ? 240 : 280,
    marginLeft: 52,
    marginRight: 16,
    ariaLabel: "Mean silhouette by number of segments",
    ariaDescription:
      `Mean silhouette for k = ${points[0]?.k}–${points[points.length - 1]?.k}: ` +
      points.map((p) => `${p.k}: ${formatDecimal(p.silhouette, 2)}`).join(", ") +
      `; highest at k = ${silhouetteK}, chosen k = ${chosenK}.`,
    x: {label: "Number of segments (k) →", ticks: points.map((p) => p.k), tickFormat: "d", domain: [points[0].k - 0.3, points[points.length - 1].k + 0.3]},
    y: {label: "↑ Mean silhouette (−1 to 1, higher: better separated)", grid: true, domain: [Math.min(0, ...points.map((p) => p.silhouette)), top * 1.15], tickFormat: ".2f"},
    marks: [
      Plot.ruleY([0], {stroke: "currentColor", strokeOpacity: 0.5}),
      Plot.line(points, {x: "k", y: "silhouette", stroke: "currentColor", strokeWidth: 1.5}),
      Plot.dot(points, {x: "k", y: "silhouette", fill: "currentColor", r: 3}),
      chosen ? Plot.dot([chosen], {x: "k", y: "silhouette", r: 7, stroke: "var(--theme-foreground-focus)", strokeWidth: 2.5, fill: "var(--theme-background)"}) : null,
      best && best !== chosen ? Plot.dot([best], {x: "k", y: "silhouette", r: 6, stroke: "currentColor", strokeWidth: 1.5}) : null,
      Plot.text(marked, {
        x: "k",
        y: "silhouette",
        text: label,
        dy: -14,
        textAnchor: "start",
        dx: -4,
        fill: "currentColor",
        stroke: "var(--theme-background)",
        strokeWidth: 3
      }),
      selected ? Plot.dot([selected], {x: "k", y: "silhouette", r: 7, stroke: "currentColor", strokeDasharray: "2,2", strokeWidth: 1.5}) : null,
      selected
        ? Plot.text([selected], {x: "k", y: "silhouette", text: (p: Point) => `shown: k = ${p.k}`, dy: 16, textAnchor: "middle", fill: "currentColor", stroke: "var(--theme-background)", strokeWidth: 3})
        : null,
      Plot.tip(points, Plot.pointerX({x: "k", y: "silhouette", title: (p: Point) => `k = ${p.k}\nMean silhouette ${formatDecimal(p.silhouette, 3)}`}))
    ]
  });
}
