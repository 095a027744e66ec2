import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatPercent } from "../lib/core/format.3eed6561.js";
const orders = [
  { key: "worklist", label: "Worklist order" },
  { key: "largest", label: "Largest first" },
  { key: "oldest", label: "Oldest first" },
  { key: "random", label: "No order" }
];
export function captureChart(curves, { width, readAt }) {
  const narrow = width < 420;
  const points = orders.flatMap(
    ({ key, label }) => Array.from({ length: curves.length }, (_, k) => ({ order: label, rows: curves.rowShare[k] ?? 0, share: curves[key][k] ?? 0, main: key === "worklist" }))
  );
  const at = orders.map(({ key, label }) => {
    let k = 0;
    while (k < curves.length - 1 && (curves.rowShare[k] ?? 0) < readAt) ++k;
    return { order: label, rows: curves.rowShare[k] ?? readAt, share: curves[key][k] ?? 0 };
  });
  return Plot.plot({
    width,
    height: narrow ? 280 : 320,
    marginRight: 12,
    ariaLabel: "Share of the late amount captured by the first rows of each order",
    ariaDescription: `After ${formatPercent(readAt, 0)} of the open invoices: ` + at.map((p) => `${p.order} ${formatPercent(p.share, 0)}`).join(", ") + ".",
    x: { label: "Open invoices worked (share of the book) \u2192", domain: [0, 1], tickFormat: (d) => formatPercent(d, 0), ticks: narrow ? 4 : 5 },
    y: { label: "\u2191 Late amount held", domain: [0, 1], tickFormat: (d) => formatPercent(d, 0), grid: true },
    marks: [
      Plot.ruleX([readAt], { stroke: "currentColor", strokeOpacity: 0.4, strokeDasharray: "3,3" }),
      Plot.line(points.filter((p) => !p.main && p.order !== "No order"), { x: "rows", y: "share", z: "order", stroke: "currentColor", strokeWidth: 1.3, strokeOpacity: 0.6 }),
      Plot.line(points.filter((p) => p.order === "No order"), { x: "rows", y: "share", stroke: "currentColor", strokeWidth: 1.3, strokeOpacity: 0.6, strokeDasharray: "4,3" }),
      Plot.line(points.filter((p) => p.main), { x: "rows", y: "share", stroke: "var(--theme-foreground-focus)", strokeWidth: 2.6 }),
      Plot.dot(at, { x: "rows", y: "share", r: 3, fill: "currentColor" }),
      Plot.text(at, { x: "rows", y: "share", text: (p) => `${p.order} ${formatPercent(p.share, 0)}`, dx: 7, dy: 1, textAnchor: "start", fill: "currentColor", fontSize: narrow ? 9 : 10, stroke: "var(--theme-background-alt)", strokeWidth: 3, paintOrder: "stroke" }),
      Plot.tip(points, Plot.pointer({ x: "rows", y: "share", title: (p) => `${p.order}
after ${formatPercent(p.rows, 0)} of the book: ${formatPercent(p.share, 0)} of the late amount` })),
      Plot.ruleY([0])
    ]
  });
}
