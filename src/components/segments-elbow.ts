// The elbow: inertia (within-cluster sum of squares) for each k, with the chord between the curve's ends
// and the gap that the rule maximises drawn at the chosen k, so the reader sees the rule at work.
import * as Plot from "@observablehq/plot";
import {formatDecimal} from "../lib/core/format.js";
import {kFrame, kPoints, kRings} from "./segments-kRings.js";
import type {KChartOptions, KCurveData, KPoint} from "./segments-kRings.js";

export interface ElbowChartOptions extends KChartOptions {
  /** The k the elbow names (the chosen k unless the silhouette overrode it). */
  elbowK: number;
}

export function elbowChart(curve: KCurveData, {width, chosenK, elbowK, selectedK = chosenK}: ElbowChartOptions) {
  const points = kPoints(curve, "inertia");
  const first = points[0], last = points[points.length - 1];
  const chordAt = (k: number) => first.value + ((k - first.k) / (last.k - first.k || 1)) * (last.value - first.value);
  const elbow = points.find((p) => p.k === elbowK);
  const {chosen, chosenRing, selectedRing} = kRings(points, {chosenK, selectedK});
  const fmt = (v: number) => formatDecimal(v, 0);
  return Plot.plot({
    ...kFrame(points, width),
    ariaLabel: "Elbow chart: k-means inertia by number of segments",
    ariaDescription:
      `Inertia falls from ${fmt(first.value)} at k = ${first.k} to ${fmt(last.value)} at k = ${last.k}; ` +
      `the curve lies farthest below the chord between its ends at k = ${elbowK}` +
      (chosen ? ` (inertia ${fmt(chosen.value)}), the chosen number of segments.` : "."),
    y: {label: "↑ Inertia (within-cluster sum of squares)", grid: true, nice: true, zero: false, tickFormat: "~s"},
    marks: [
      // The chord from the first to the last point; the rule picks the point farthest below it.
      Plot.link([{x1: first.k, y1: first.value, x2: last.k, y2: last.value}], {
        x1: "x1",
        y1: "y1",
        x2: "x2",
        y2: "y2",
        stroke: "currentColor",
        strokeOpacity: 0.45,
        strokeDasharray: "4,3"
      }),
      elbow
        ? Plot.link([elbow], {x1: "k", x2: "k", y1: "value", y2: (p: KPoint) => chordAt(p.k), stroke: "var(--theme-foreground-focus)", strokeWidth: 2})
        : null,
      Plot.line(points, {x: "k", y: "value", stroke: "currentColor", strokeWidth: 1.5}),
      Plot.dot(points, {x: "k", y: "value", fill: "currentColor", r: 3}),
      chosenRing,
      chosen
        ? Plot.text([chosen], {
            x: "k",
            y: "value",
            text: (p: KPoint) => (p.k === elbowK ? `elbow: k = ${p.k}` : `chosen: k = ${p.k}`),
            dx: 10,
            dy: -12,
            textAnchor: "start",
            fontWeight: 600,
            fill: "currentColor",
            stroke: "var(--theme-background)",
            strokeWidth: 3
          })
        : null,
      ...selectedRing,
      Plot.tip(points, Plot.pointerX({x: "k", y: "value", title: (p: KPoint) => `k = ${p.k}\nInertia ${fmt(p.value)}\nChord ${fmt(chordAt(p.k))}`}))
    ]
  });
}
