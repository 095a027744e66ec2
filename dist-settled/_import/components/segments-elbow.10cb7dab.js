import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatDecimal } from "../lib/core/format.3eed6561.js";
export function elbowChart(curve, { width, chosenK, elbowK, selectedK = chosenK }) {
  const points = curve.k.flatMap((k, i) => curve.inertia[i] === null ? [] : [{ k, inertia: curve.inertia[i] }]);
  const first = points[0], last = points[points.length - 1];
  const chordAt = (k) => first.inertia + (k - first.k) / (last.k - first.k || 1) * (last.inertia - first.inertia);
  const elbow = points.find((p) => p.k === elbowK);
  const chosen = points.find((p) => p.k === chosenK);
  const selected = selectedK !== chosenK ? points.find((p) => p.k === selectedK) : void 0;
  const narrow = width < 480;
  const fmt = (v) => formatDecimal(v, 0);
  return Plot.plot({
    width,
    height: narrow ? 240 : 280,
    marginLeft: 52,
    marginRight: 16,
    ariaLabel: "Elbow chart: k-means inertia by number of segments",
    ariaDescription: `Inertia falls from ${fmt(first.inertia)} at k = ${first.k} to ${fmt(last.inertia)} at k = ${last.k}; the curve lies farthest below the chord between its ends at k = ${elbowK}` + (chosen ? ` (inertia ${fmt(chosen.inertia)}), the chosen number of segments.` : "."),
    x: { label: "Number of segments (k) \u2192", ticks: points.map((p) => p.k), tickFormat: "d", domain: [first.k - 0.3, last.k + 0.3] },
    y: { label: "\u2191 Inertia (within-cluster sum of squares)", grid: true, nice: true, zero: false, tickFormat: "~s" },
    marks: [
      // The chord from the first to the last point; the rule picks the point farthest below it.
      Plot.link([{ x1: first.k, y1: first.inertia, x2: last.k, y2: last.inertia }], {
        x1: "x1",
        y1: "y1",
        x2: "x2",
        y2: "y2",
        stroke: "currentColor",
        strokeOpacity: 0.45,
        strokeDasharray: "4,3"
      }),
      elbow ? Plot.link([elbow], { x1: "k", x2: "k", y1: "inertia", y2: (p) => chordAt(p.k), stroke: "var(--theme-foreground-focus)", strokeWidth: 2 }) : null,
      Plot.line(points, { x: "k", y: "inertia", stroke: "currentColor", strokeWidth: 1.5 }),
      Plot.dot(points, { x: "k", y: "inertia", fill: "currentColor", r: 3 }),
      chosen ? Plot.dot([chosen], { x: "k", y: "inertia", r: 7, stroke: "var(--theme-foreground-focus)", strokeWidth: 2.5, fill: "var(--theme-background)" }) : null,
      chosen ? Plot.text([chosen], {
        x: "k",
        y: "inertia",
        text: (p) => p.k === elbowK ? `elbow: k = ${p.k}` : `chosen: k = ${p.k}`,
        dx: 10,
        dy: -12,
        textAnchor: "start",
        fontWeight: 600,
        fill: "currentColor",
        stroke: "var(--theme-background)",
        strokeWidth: 3
      }) : null,
      selected ? Plot.dot([selected], { x: "k", y: "inertia", r: 7, stroke: "currentColor", strokeDasharray: "2,2", strokeWidth: 1.5 }) : null,
      selected ? Plot.text([selected], { x: "k", y: "inertia", text: (p) => `shown: k = ${p.k}`, dy: 16, textAnchor: "middle", fill: "currentColor", stroke: "var(--theme-background)", strokeWidth: 3 }) : null,
      Plot.tip(points, Plot.pointerX({ x: "k", y: "inertia", title: (p) => `k = ${p.k}
Inertia ${fmt(p.inertia)}
Chord ${fmt(chordAt(p.k))}` }))
    ]
  });
}
