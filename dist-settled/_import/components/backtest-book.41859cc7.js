import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatDays, formatPercent } from "../lib/core/format.3eed6561.js";
export function bookChart(points, { width, metric }) {
  const format = metric === "dso" ? (v) => formatDays(v, 1) : (v) => formatPercent(v, 1);
  const rows = points.filter((p) => p.expected !== null && p.actual !== null).map((p) => ({ ...p, label: `+${p.weeks} weeks` }));
  const dots = rows.flatMap((p) => [{ label: p.label, value: p.expected, series: "Expected" }, { label: p.label, value: p.actual, series: "Actual" }]);
  return Plot.plot({
    width,
    height: 90 + 46 * rows.length,
    marginLeft: 80,
    marginRight: 20,
    ariaLabel: `${metric === "dso" ? "DSO" : "Overdue share"} expected and actual at each horizon`,
    ariaDescription: rows.map((p) => `${p.label}: expected ${format(p.expected)}, actual ${format(p.actual)}`).join("; "),
    x: { label: metric === "dso" ? "DSO, days \u2192" : "Overdue share \u2192", tickFormat: metric === "dso" ? void 0 : (v) => formatPercent(v, 0), grid: true, zero: metric === "overdueShare", nice: true },
    y: { label: null, domain: rows.map((p) => p.label) },
    symbol: { legend: true, domain: ["Expected", "Actual"], range: ["circle", "diamond2"] },
    marks: [
      Plot.link(rows, { y1: "label", y2: "label", x1: "expected", x2: "actual", stroke: "currentColor", strokeOpacity: 0.5 }),
      Plot.dot(dots, { x: "value", y: "label", symbol: "series", r: 5, fill: (d) => d.series === "Actual" ? "currentColor" : "var(--theme-foreground-focus)" }),
      Plot.tip(dots, Plot.pointer({ x: "value", y: "label", title: (d) => `${d.label}: ${d.series.toLowerCase()} ${format(d.value)}` }))
    ]
  });
}
