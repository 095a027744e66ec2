import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
export function pipelineChart(steps, { width }) {
  const vertical = width < 700;
  const n = steps.length;
  const boxes = steps.map((s, i) => ({ ...s, i, x: vertical ? 0 : i, y: vertical ? i : 0 }));
  const links = boxes.slice(1).map((b, i) => ({ x1: boxes[i].x, y1: boxes[i].y, x2: b.x, y2: b.y }));
  const half = 0.42;
  return Plot.plot({
    width,
    height: vertical ? n * 78 + 20 : 170,
    margin: 10,
    x: { axis: null, domain: vertical ? [-1, 1] : [-0.5, n - 0.5] },
    y: { axis: null, domain: vertical ? [n - 0.5, -0.5] : [-0.6, 0.6] },
    ariaLabel: "Pipeline diagram",
    ariaDescription: steps.map((s) => `${s.name}: ${s.detail}`).join(" \u2192 "),
    marks: [
      Plot.arrow(links, {
        x1: "x1",
        y1: "y1",
        x2: "x2",
        y2: "y2",
        insetStart: vertical ? 30 : width / n / 2 - 4,
        insetEnd: vertical ? 30 : width / n / 2 - 4,
        stroke: "currentColor",
        strokeOpacity: 0.5
      }),
      Plot.rect(boxes, {
        x1: (d) => d.x - (vertical ? 0.9 : half),
        x2: (d) => d.x + (vertical ? 0.9 : half),
        y1: (d) => d.y - (vertical ? 0.33 : 0.5),
        y2: (d) => d.y + (vertical ? 0.33 : 0.5),
        fill: "var(--theme-background-alt)",
        stroke: "var(--theme-foreground-faint)",
        rx: 6
      }),
      Plot.text(boxes, { x: "x", y: "y", text: "name", dy: vertical ? -14 : -24, fontWeight: 700, fontSize: 13, fill: "currentColor" }),
      Plot.text(boxes, { x: "x", y: "y", text: "detail", dy: 8, fontSize: 11, lineWidth: vertical ? 30 : 0.75 * width / n / 11, lineHeight: 1.1, fill: "currentColor", fillOpacity: 0.8 })
    ]
  });
}
