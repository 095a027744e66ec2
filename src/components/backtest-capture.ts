// Capture curves: working the open book in each order, the share of the amount later paid late held by
// the rows worked so far. The worklist's order is the bold line; the rule marks where the page reads it,
// and each line is labelled there with its share, so colour is not needed to tell them apart.
import * as Plot from "@observablehq/plot";
import {formatPercent} from "../lib/core/format.js";

export interface CaptureCurves {
  length: number;
  rowShare: (number | null)[];
  worklist: (number | null)[];
  oldest: (number | null)[];
  largest: (number | null)[];
  random: (number | null)[];
}

const orders = [
  {key: "worklist", label: "Worklist order"},
  {key: "largest", label: "Largest first"},
  {key: "oldest", label: "Oldest first"},
  {key: "random", label: "No order"}
] as const;

export function captureChart(curves: CaptureCurves, {width, readAt}: {width: number; readAt: number}) {
  const narrow = width < 420;
  const points = orders.flatMap(({key, label}) =>
    Array.from({length: curves.length}, (_, k) => ({order: label, rows: curves.rowShare[k] ?? 0, share: curves[key][k] ?? 0, main: key === "worklist"}))
  );
  type P = (typeof points)[number];
  // The curves carry the row the page reads them at; take the point nearest to it.
  let read = 0;
  for (let k = 1; k < curves.length; ++k) if (Math.abs((curves.rowShare[k] ?? 0) - readAt) < Math.abs((curves.rowShare[read] ?? 0) - readAt)) read = k;
  const at = orders.map(({key, label}) => ({order: label, rows: curves.rowShare[read] ?? readAt, share: curves[key][read] ?? 0}));
  return Plot.plot({
    width,
    height: narrow ? 280 : 320,
    marginRight: 12,
    ariaLabel: "Share of the late amount captured by the first rows of each order",
    ariaDescription: `After ${formatPercent(readAt, 0)} of the open invoices: ` + at.map((p) => `${p.order} ${formatPercent(p.share, 0)}`).join(", ") + ".",
    x: {label: "Open invoices worked (share of the book) →", domain: [0, 1], tickFormat: (d: number) => formatPercent(d, 0), ticks: narrow ? 4 : 5},
    y: {label: "↑ Late amount held", domain: [0, 1], tickFormat: (d: number) => formatPercent(d, 0), grid: true},
    marks: [
      Plot.ruleX([readAt], {stroke: "currentColor", strokeOpacity: 0.4, strokeDasharray: "3,3"}),
      Plot.line(points.filter((p) => !p.main && p.order !== "No order"), {x: "rows", y: "share", z: "order", stroke: "currentColor", strokeWidth: 1.3, strokeOpacity: 0.6}),
      Plot.line(points.filter((p) => p.order === "No order"), {x: "rows", y: "share", stroke: "currentColor", strokeWidth: 1.3, strokeOpacity: 0.6, strokeDasharray: "4,3"}),
      Plot.line(points.filter((p) => p.main), {x: "rows", y: "share", stroke: "var(--theme-foreground-focus)", strokeWidth: 2.6}),
      Plot.dot(at, {x: "rows", y: "share", r: 3, fill: "currentColor"}),
      Plot.text(at, {x: "rows", y: "share", text: (p: {order: string; share: number}) => `${p.order} ${formatPercent(p.share, 0)}`, dx: 7, dy: 1, textAnchor: "start", fill: "currentColor", fontSize: narrow ? 9 : 10, stroke: "var(--theme-background-alt)", strokeWidth: 3, paintOrder: "stroke"}),
      Plot.tip(points, Plot.pointer({x: "rows", y: "share", title: (p: P) => `${p.order}\nafter ${formatPercent(p.rows, 0)} of the book: ${formatPercent(p.share, 0)} of the late amount`})),
      Plot.ruleY([0])
    ]
  });
}
