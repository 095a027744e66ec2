import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
export function sparklineChart(points, { width, label, format }) {
  const valid = points.filter((p) => Number.isFinite(p.value));
  const first = valid[0], last = valid[valid.length - 1];
  return Plot.plot({
    width,
    height: 44,
    margin: 4,
    marginLeft: 4,
    marginRight: 6,
    ariaLabel: `${label}, month by month`,
    ariaDescription: first && last ? `From ${format(first.value)} to ${format(last.value)} over ${valid.length} months.` : "No months to show.",
    x: { type: "utc", axis: null },
    y: { axis: null, nice: false, inset: 3 },
    marks: [
      Plot.lineY(valid, { x: "date", y: "value", stroke: "currentColor", strokeOpacity: 0.55, strokeWidth: 1.5 }),
      Plot.dot(last ? [last] : [], { x: "date", y: "value", fill: "currentColor", r: 2.5 }),
      Plot.tip(valid, Plot.pointerX({ x: "date", y: "value", title: (p) => `${p.date.toISOString().slice(0, 7)}: ${format(p.value)}` }))
    ]
  });
}
