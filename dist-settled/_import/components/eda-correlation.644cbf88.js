import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatRho } from "../lib/views/eda.a6efc62d.js";
import { formatCount } from "../lib/core/format.3eed6561.js";
import { bad, good } from "./palette.3e60629a.js";
const signed = (rho) => Number.isNaN(rho) ? "\u2013" : formatRho(rho);
const compact = (rho) => signed(rho).replace(/^(−?)0\./, "$1.");
export function correlationChart(matrix, { width }) {
  const labels = matrix.variables.map((v) => v.label);
  const label = new Map(matrix.variables.map((v) => [v.key, v.label]));
  const order = new Map(matrix.variables.map((v, i) => [v.key, i]));
  const cells = matrix.cells.filter((c) => order.get(c.x) < order.get(c.y)).map((c) => ({ ...c, xLabel: label.get(c.x), yLabel: label.get(c.y) }));
  const narrow = width < 480;
  const marginLeft = narrow ? 92 : 108;
  const size = Math.min(64, (width - marginLeft - 8) / (labels.length - 1));
  const daysLate = cells.filter((c) => c.y === "daysLate").map((c) => `${c.xLabel} ${signed(c.rho)}`).join("; ");
  return Plot.plot({
    width: Math.min(width, marginLeft + 8 + size * (labels.length - 1)),
    height: 70 + size * (labels.length - 1),
    marginLeft,
    marginBottom: 70,
    marginTop: 4,
    ariaLabel: "Rank correlation heat map of invoice features",
    ariaDescription: `Spearman correlations between invoice features over ${formatCount(matrix.n)} settled invoices; with days late: ${daysLate}.`,
    x: { domain: labels.slice(0, -1), label: null, tickRotate: -40 },
    y: { domain: labels.slice(1), label: null },
    marks: [
      Plot.cell(cells, {
        x: "xLabel",
        y: "yLabel",
        fill: (c) => c.rho < 0 ? good : bad,
        fillOpacity: (c) => Number.isNaN(c.rho) ? 0 : Math.min(0.75, Math.abs(c.rho) * 1.1),
        inset: 1
      }),
      Plot.cell(cells, { x: "xLabel", y: "yLabel", stroke: "currentColor", strokeOpacity: 0.15, fill: "none", inset: 1 }),
      Plot.text(cells, { x: "xLabel", y: "yLabel", text: (c) => size < 46 ? compact(c.rho) : signed(c.rho), fill: "currentColor", fontSize: size < 46 ? 9.5 : 11 }),
      Plot.tip(cells, Plot.pointer({ x: "xLabel", y: "yLabel", title: (c) => `${c.xLabel} \xD7 ${c.yLabel}
\u03C1 = ${signed(c.rho)}` }))
    ]
  });
}
