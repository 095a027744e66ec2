// DSO or the overdue share, expected on the report date against what the ledger showed, at each horizon:
// a pair of dots per horizon joined by a line, so the miss reads as its length.
import * as Plot from "@observablehq/plot";
import {formatDays, formatPercent} from "../lib/core/format.js";

export interface BookHorizonPoint {
  weeks: number;
  expected: number | null;
  actual: number | null;
}

export function bookChart(points: readonly BookHorizonPoint[], {width, metric}: {width: number; metric: "dso" | "overdueShare"}) {
  const format = metric === "dso" ? (v: number) => formatDays(v, 1) : (v: number) => formatPercent(v, 1);
  const rows = points.filter((p) => p.expected !== null && p.actual !== null).map((p) => ({...p, label: `+${p.weeks} weeks`}));
  const dots = rows.flatMap((p) => [{label: p.label, value: p.expected!, series: "Expected"}, {label: p.label, value: p.actual!, series: "Actual"}]);
  return Plot.plot({
    width,
    height: 90 + 46 * rows.length,
    marginLeft: 80,
    marginRight: 20,
    ariaLabel: `${metric === "dso" ? "DSO" : "Overdue share"} expected and actual at each horizon`,
    ariaDescription: rows.map((p) => `${p.label}: expected ${format(p.expected!)}, actual ${format(p.actual!)}`).join("; "),
    x: {label: metric === "dso" ? "DSO, days →" : "Overdue share →", tickFormat: metric === "dso" ? undefined : (v: number) => formatPercent(v, 0), grid: true, zero: metric === "overdueShare", nice: true},
    y: {label: null, domain: rows.map((p) => p.label)},
    symbol: {domain: ["Expected", "Actual"], range: ["circle", "diamond2"]},
    color: {legend: true, domain: ["Expected", "Actual"], range: ["var(--theme-foreground-focus)", "currentColor"]},
    marks: [
      Plot.link(rows, {y1: "label", y2: "label", x1: "expected", x2: "actual", stroke: "currentColor", strokeOpacity: 0.5}),
      Plot.dot(dots, {x: "value", y: "label", symbol: "series", r: 5, fill: "series"}),
      Plot.tip(dots, Plot.pointer({x: "value", y: "label", title: (d: {label: string; series: string; value: number}) => `${d.label}: ${d.series.toLowerCase()} ${format(d.value)}`}))
    ]
  });
}
