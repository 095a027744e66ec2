import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatDays } from "../lib/core/format.3eed6561.js";
import { bad } from "./palette.3e60629a.js";
export function dsoTrendChart(points, { width }) {
  const narrow = width < 520;
  const last = points[points.length - 1];
  const lines = [
    ...points.map((p) => ({ ...p, series: "DSO", days: p.dso })),
    ...points.map((p) => ({ ...p, series: "Best possible DSO", days: p.bestPossibleDso }))
  ];
  const ends = last ? [{ date: last.date, days: last.dso, text: `DSO ${formatDays(last.dso, 1)}` }, { date: last.date, days: last.bestPossibleDso, text: `Best possible ${formatDays(last.bestPossibleDso, 1)}` }] : [];
  return Plot.plot({
    width,
    height: narrow ? 260 : 300,
    marginRight: narrow ? 10 : 150,
    marginTop: narrow ? 34 : 20,
    ariaLabel: "DSO and best possible DSO by month",
    ariaDescription: last ? `${points.length} month-ends from ${points[0].month} to ${last.month}; in ${last.month} DSO ${formatDays(last.dso, 1)}, best possible ${formatDays(last.bestPossibleDso, 1)}, a gap of ${formatDays(last.dso - last.bestPossibleDso, 1)}.` : "No months to show.",
    x: { type: "utc", label: null, ticks: narrow ? 4 : 8 },
    y: { label: "\u2191 Days", grid: true, zero: true },
    marks: [
      Plot.areaY(points, { x: "date", y1: "bestPossibleDso", y2: "dso", fill: bad, fillOpacity: 0.18, curve: "monotone-x" }),
      Plot.lineY(points, { x: "date", y: "dso", stroke: "currentColor", strokeWidth: 2.2, curve: "monotone-x" }),
      Plot.lineY(points, { x: "date", y: "bestPossibleDso", stroke: "currentColor", strokeWidth: 1.6, strokeDasharray: "5,4", curve: "monotone-x" }),
      Plot.dot(lines, Plot.pointerX({ x: "date", y: "days", fill: "currentColor", r: 3 })),
      Plot.tip(points, Plot.pointerX({ x: "date", y: "dso", title: (p) => `${p.month}
DSO ${formatDays(p.dso, 1)}
Best possible ${formatDays(p.bestPossibleDso, 1)}
Late payment adds ${formatDays(p.dso - p.bestPossibleDso, 1)}` })),
      ...narrow ? [
        // On a phone the labels sit inside the plot, DSO above its line and BPDSO below its own.
        Plot.text(ends.slice(0, 1), { x: "date", y: "days", text: "text", textAnchor: "end", dy: -12, fill: "currentColor", fontWeight: 600, stroke: "var(--theme-background-alt)", strokeWidth: 4, paintOrder: "stroke" }),
        Plot.text(ends.slice(1), { x: "date", y: "days", text: "text", textAnchor: "end", dy: 14, fill: "currentColor", fontWeight: 600, stroke: "var(--theme-background-alt)", strokeWidth: 4, paintOrder: "stroke" })
      ] : [Plot.text(ends, { x: "date", y: "days", text: "text", textAnchor: "start", dx: 8, fill: "currentColor", fontWeight: 600, stroke: "var(--theme-background-alt)", strokeWidth: 4, paintOrder: "stroke" })],
      Plot.ruleY([0])
    ]
  });
}
