// Reliability of the report's P(late) on its own open book: for each score bin, the mean predicted
// P(late) against the share of its invoices that was in fact paid late, against the diagonal of perfect
// calibration. Dot area shows how many invoices a bin holds.
import * as Plot from "@observablehq/plot";
import {formatCount, formatPercent} from "../lib/core/format.js";

export interface ReliabilityTable {
  length: number;
  lower: (number | null)[];
  upper: (number | null)[];
  meanPredicted: (number | null)[];
  observedRate: (number | null)[];
  count: number[];
}

interface Point {
  lower: number;
  upper: number;
  meanPredicted: number;
  observedRate: number;
  count: number;
}

export function reliabilityChart(bins: ReliabilityTable, {width, asOf}: {width: number; asOf: string}) {
  const points: Point[] = [];
  for (let k = 0; k < bins.length; ++k) {
    const meanPredicted = bins.meanPredicted[k], observedRate = bins.observedRate[k];
    if (!bins.count[k] || meanPredicted === null || observedRate === null) continue;
    points.push({lower: bins.lower[k] ?? 0, upper: bins.upper[k] ?? 1, meanPredicted, observedRate, count: bins.count[k]});
  }
  return Plot.plot({
    width,
    height: Math.min(width, 360),
    marginLeft: 44,
    marginBottom: 38,
    ariaLabel: `Reliability of the report's P(late) on the invoices open on ${asOf}`,
    ariaDescription: points.map((p) => `predicted ${formatPercent(p.meanPredicted, 0)}, paid late ${formatPercent(p.observedRate, 0)} (${formatCount(p.count)} invoices)`).join("; "),
    x: {label: "Predicted P(late) (bin mean) →", domain: [0, 1], tickFormat: (d: number) => formatPercent(d, 0), ticks: width < 480 ? 4 : 5, grid: true},
    y: {label: "↑ Paid late", domain: [0, 1], tickFormat: (d: number) => formatPercent(d, 0), grid: true},
    r: {type: "sqrt", domain: [0, Math.max(1, ...points.map((p) => p.count))], range: [0, 9]},
    marks: [
      Plot.line([[0, 0], [1, 1]], {stroke: "currentColor", strokeOpacity: 0.45, strokeDasharray: "3,3"}),
      Plot.text([[0.62, 0.62]], {text: () => "perfect calibration", dx: 6, dy: 12, textAnchor: "start", fill: "currentColor", fillOpacity: 0.7, fontSize: 10}),
      Plot.line(points, {x: "meanPredicted", y: "observedRate", stroke: "var(--theme-foreground-focus)", strokeWidth: 2}),
      Plot.dot(points, {x: "meanPredicted", y: "observedRate", r: "count", fill: "var(--theme-foreground-focus)", fillOpacity: 0.75, stroke: "var(--theme-background-alt)", strokeWidth: 0.75}),
      Plot.tip(points, Plot.pointer({
        x: "meanPredicted",
        y: "observedRate",
        title: (p: Point) => `P(late) ${formatPercent(p.lower, 0)}–${formatPercent(p.upper, 0)}: ${formatCount(p.count)} invoices\npredicted ${formatPercent(p.meanPredicted, 1)} late, ${formatPercent(p.observedRate, 1)} were`
      })),
      Plot.ruleY([0]),
      Plot.ruleX([0])
    ]
  });
}
