import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatCount, formatMoney, formatPercent } from "../lib/core/format.3eed6561.js";
import { riskColors } from "./palette.3e60629a.js";
export function riskDistributionChart(bins, { width, measure, cutoffs, currency = "USD" }) {
  const narrow = width < 520;
  const total = bins.reduce((s, b) => s + b[measure], 0);
  const value = (b) => b[measure];
  const label = (b) => measure === "count" ? formatCount(b.count) : formatMoney(b.amount, { currency });
  const bandName = (band) => `${band.charAt(0).toUpperCase()}${band.slice(1)} risk`;
  return Plot.plot({
    width,
    height: narrow ? 240 : 280,
    marginTop: 28,
    ariaLabel: `Open invoices by predicted P(late), ${measure === "count" ? "number of invoices" : "open amount"} per 0.1 bin`,
    ariaDescription: bins.map((b) => `${b.lo.toFixed(1)}\u2013${b.hi.toFixed(1)}: ${label(b)} (${formatPercent(total > 0 ? value(b) / total : 0, 0)})`).join("; "),
    x: { domain: [0, 1], label: "Predicted P(late) \u2192", ticks: narrow ? 5 : 10, tickFormat: (d) => d.toFixed(1) },
    y: { label: measure === "count" ? "\u2191 Open invoices" : "\u2191 Open amount", grid: true, tickFormat: measure === "count" ? (d) => formatCount(d) : (d) => formatMoney(d, { currency }), ticks: 5 },
    color: { legend: true, domain: ["Low risk", "Medium risk", "High risk"], range: ["low", "medium", "high"].map((b) => riskColors[b]) },
    marks: [
      Plot.rectY(bins, { x1: "lo", x2: "hi", y: value, fill: (b) => bandName(b.band), inset: 1, title: (b) => `P(late) ${b.lo.toFixed(1)}\u2013${b.hi.toFixed(1)}: ${formatCount(b.count)} invoices, ${formatMoney(b.amount, { currency })}` }),
      narrow ? null : Plot.text(bins, { x: (b) => (b.lo + b.hi) / 2, y: value, text: label, dy: -7, fill: "currentColor", fontSize: 10 }),
      Plot.ruleX([cutoffs.medium, cutoffs.high], { stroke: "currentColor", strokeDasharray: "4,3" }),
      Plot.text([cutoffs.medium, cutoffs.high], { x: (d) => d, frameAnchor: "top", dy: -16, text: (d) => `cut-off ${d.toFixed(2)}`, fill: "currentColor", fontSize: 10 }),
      Plot.ruleY([0])
    ]
  });
}
