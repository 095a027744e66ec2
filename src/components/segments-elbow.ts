// The elbow: inertia (within-cluster sum of squares) for each k, with the chord between the curve's ends
// and the gap that the rule maximises drawn at the chosen k, so the reader sees the rule at work.
import * as Plot from "@observablehq/plot";
import type {KCurve} from "../lib/pipeline/contract.js";
import {formatDecimal} from "../lib/core/format.js";

/** The k curve of segments.json: the fields the elbow and silhouette charts read. */
export type KCurveData = Pick<KCurve, "k" | "inertia" | "silhouette">;

export interface ElbowChartOptions {
  width: number;
  /** The k the rule chose. */
  chosenK: number;
  /** The k the elbow names (the chosen k unless the silhouette overrode it). */
  elbowK: number;
  /** The k the reader is looking at, ringed when it differs from the chosen k. */
  selectedK?: number;
}

interface Point {
  k: number;
  inertia: number;
}

export function elbowChart(curve: KCurveData, {width, chosenK, elbowK, selectedK = chosenK}: ElbowChartOptions) {
  const points: Point[] = curve.k.flatMap((k, i) => (curve.inertia[i] === null ? [] : [{k, inertia: curve.inertia[i]!}]));
  const first = points[0], last = points[points.length - 1];
  const chordAt = (k: number) => first.inertia + ((k - first.k) / (last.k - first.k || 1)) * (last.inertia - first.inertia);
  const elbow = points.find((p) => p.k === elbowK);
  const chosen = points.find((p) => p.k === chosenK);
  const selected = selectedK !== chosenK ? points.find((p) => p.k === selectedK) : undefined;
  const narrow = width < 480;
  const fmt = (v: number) => formatDecimal(v, 0);
  return Plot.plot({
    width,
    height: narrow ? 240 : 280,
    marginLeft: 52,
    marginRight: 16,
    ariaLabel: "Elbow chart: k-means inertia by number of segments",
    ariaDescription:
      `Inertia falls from ${fmt(first.inertia)} at k = ${first.k} to ${fmt(last.inertia)} at k = ${last.k}; ` +
      `the curve lies farthest below the chord between its ends at k = ${elbowK}` +
      (chosen ? ` (inertia ${fmt(chosen.inertia)}), the chosen number of segments.` : "."),
    x: {label: "Number of segments (k) →", ticks: points.map((p) => p.k), tickFormat: "d", domain: [first.k - 0.3, last.k + 0.3]},
    y: {label: "↑ Inertia (within-cluster sum of squares)", grid: true, nice: true, zero: false, tickFormat: "~s"},
    marks: [
      // The chord from the first to the last point; the rule picks the point farthest below it.
      Plot.link([{x1: first.k, y1: first.inertia, x2: last.k, y2: last.inertia}], {
        x1: "x1",
        y1: "y1",
        x2: "x2",
        y2: "y2",
        stroke: "currentColor",
        strokeOpacity: 0.45,
        strokeDasharray: "4,3"
      }),
      elbow
        ? Plot.link([elbow], {x1: "k", x2: "k", y1: "inertia", y2: (p: Point) => chordAt(p.k), stroke: "var(--theme-foreground-focus)", strokeWidth: 2})
        : null,
      Plot.line(points, {x: "k", y: "inertia", stroke: "currentColor", strokeWidth: 1.5}),
      Plot.dot(points, {x: "k", y: "inertia", fill: "currentColor", r: 3}),
      chosen ? Plot.dot([chosen], {x: "k", y: "inertia", r: 7, stroke: "var(--theme-foreground-focus)", strokeWidth: 2.5, fill: "var(--theme-background)"}) : null,
      chosen
        ? Plot.text([chosen], {
            x: "k",
            y: "inertia",
            text: (p: Point) => (p.k === elbowK ? `elbow: k = ${p.k}` : `chosen: k = ${p.k}`),
            dx: 10,
            dy: -12,
            textAnchor: "start",
            fontWeight: 600,
            fill: "currentColor",
            stroke: "var(--theme-background)",
            strokeWidth: 3
          })
        : null,
      selected ? Plot.dot([selected], {x: "k", y: "inertia", r: 7, stroke: "currentColor", strokeDasharray: "2,2", strokeWidth: 1.5}) : null,
      selected
        ? Plot.text([selected], {x: "k", y: "inertia", text: (p: Point) => `shown: k = ${p.k}`, dy: 16, textAnchor: "middle", fill: "currentColor", stroke: "var(--theme-background)", strokeWidth: 3})
        : null,
      Plot.tip(points, Plot.pointerX({x: "k", y: "inertia", title: (p: Point) => `k = ${p.k}\nInertia ${fmt(p.inertia)}\nChord ${fmt(chordAt(p.k))}`}))
    ]
  });
}
