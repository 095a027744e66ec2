import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatDecimal } from "../lib/core/format.3eed6561.js";
import { shortFeatureLabels } from "./segments-labels.cb96c590.js";
const above = "var(--theme-red)";
const below = "var(--theme-blue)";
const signed = (z) => {
  const r = Math.round(z * 10) / 10;
  return `${r > 0 ? "+" : r < 0 ? "\u2212" : ""}${formatDecimal(Math.abs(r), 1)}`;
};
export function profileChart(cells, { width, clusters, features }) {
  const narrow = width < 480;
  const short = narrow && clusters.length > 4;
  const name = new Map(features.map((f) => [f.key, `${short ? shortFeatureLabels[f.key] ?? f.label : f.label}${f.describes ? " \u2020" : ""}`]));
  const rows = cells.map((c) => ({ ...c, row: name.get(c.feature) ?? c.label }));
  const domain = features.map((f) => name.get(f.key));
  const longest = Math.max(...domain.map((f) => f.length), 8);
  const marginLeft = Math.min(narrow ? 150 : 190, 10 + longest * (narrow ? 5.9 : 6.4));
  const columnWidth = Math.min(88, (width - marginLeft - 8) / Math.max(1, clusters.length));
  const rowHeight = narrow ? 24 : 26;
  const showText = columnWidth >= 34;
  const extreme = [...cells].sort((a, b) => Math.abs(b.z) - Math.abs(a.z)).slice(0, 3);
  return Plot.plot({
    width: Math.min(width, marginLeft + 8 + columnWidth * clusters.length),
    height: 30 + rowHeight * domain.length,
    marginLeft,
    marginRight: 8,
    marginTop: 28,
    marginBottom: 2,
    ariaLabel: "Heat map of standardised feature means per cluster",
    ariaDescription: `Mean standardised feature values for clusters ${clusters.join(", ")}; largest departures from average: ` + extreme.map((c) => `${c.cluster} ${c.label} ${signed(c.z)} standard deviations`).join("; ") + ".",
    x: { domain: [...clusters], axis: "top", label: null, tickSize: 0 },
    y: { domain, label: null, tickSize: 0 },
    marks: [
      Plot.cell(rows, {
        x: "cluster",
        y: "row",
        fill: (c) => c.z >= 0 ? above : below,
        fillOpacity: (c) => Number.isFinite(c.z) ? Math.min(0.85, 0.08 + Math.abs(c.z) * 0.4) : 0,
        inset: 1
      }),
      Plot.cell(rows, { x: "cluster", y: "row", stroke: "currentColor", strokeOpacity: 0.12, fill: "none", inset: 1 }),
      showText ? Plot.text(rows, {
        x: "cluster",
        y: "row",
        text: (c) => Number.isFinite(c.z) ? signed(c.z) : "\u2013",
        fill: "currentColor",
        fontSize: narrow ? 10 : 11,
        fontVariant: "tabular-nums"
      }) : null,
      Plot.tip(
        rows,
        Plot.pointer({
          x: "cluster",
          y: "row",
          title: (c) => `${c.cluster} \xB7 ${c.label}
${signed(c.z)} standard deviations ${c.z >= 0 ? "above" : "below"} the average clustered customer`
        })
      )
    ]
  });
}
