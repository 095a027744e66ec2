import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { minGroupInvoices } from "../lib/views/eda.a6efc62d.js";
import { formatCount, formatPercent } from "../lib/core/format.3eed6561.js";
import { bad, good } from "./palette.3e60629a.js";
export function lateRateBarsChart(groups, { width, overall, groupName, sortByRate = false }) {
  const shown = groups.filter((g) => g.invoices > 0);
  const order = sortByRate ? [...shown].sort((a, b) => b.rate - a.rate).map((g) => g.label) : shown.map((g) => g.label);
  const longest = Math.max(...shown.map((g) => g.label.length), 4);
  const xMax = Math.max(overall.rate, ...shown.map((g) => g.high));
  const narrow = width < 480;
  const describe = shown.map((g) => `${g.label} ${formatPercent(g.rate)} of ${formatCount(g.invoices)}`).join("; ");
  return Plot.plot({
    width,
    height: 34 + shown.length * (narrow ? 30 : 26),
    marginLeft: Math.min(130, 12 + longest * 6.6),
    // Room for the "rate · n" labels to the right of the whiskers.
    marginRight: narrow ? 84 : 96,
    ariaLabel: `Late rate by ${groupName}`,
    ariaDescription: `Share of settled invoices paid late by ${groupName} (overall ${formatPercent(overall.rate)}): ${describe}.`,
    x: { label: "Paid late (% of settled invoices) \u2192", domain: [0, xMax * 1.05], tickFormat: (d) => formatPercent(d, 0), ticks: narrow ? 3 : 6, grid: true },
    y: { label: null, domain: order },
    marks: [
      Plot.barX(shown, {
        x: "rate",
        y: "label",
        fill: (g) => g.rate > overall.rate ? bad : good,
        fillOpacity: (g) => g.invoices < minGroupInvoices ? 0.3 : 0.85,
        insetTop: 3,
        insetBottom: 3
      }),
      Plot.ruleY(shown, { y: "label", x1: "low", x2: "high", stroke: "currentColor", strokeWidth: 1.2 }),
      Plot.ruleX([overall.rate], { stroke: "currentColor", strokeDasharray: "4,3" }),
      Plot.text(shown, {
        x: "high",
        y: "label",
        dx: 5,
        textAnchor: "start",
        fill: "currentColor",
        text: (g) => `${formatPercent(g.rate)} \xB7 ${formatCount(g.invoices)}`
      }),
      Plot.tip(shown, Plot.pointerY({
        x: "rate",
        y: "label",
        title: (g) => `${g.label}
${formatPercent(g.rate)} paid late (95% interval ${formatPercent(g.low)}\u2013${formatPercent(g.high)})
${formatCount(g.late)} of ${formatCount(g.invoices)} settled invoices`
      })),
      Plot.ruleX([0])
    ]
  });
}
