import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { minGroupInvoices } from "../lib/views/eda.a6efc62d.js";
import { formatCount, formatMoney, formatPercent } from "../lib/core/format.3eed6561.js";
import { bad, good } from "./palette.3e60629a.js";
export function lateRateByAmountChart(bands, { width, overall, extent, currency = "USD" }) {
  const [lo, hi] = extent;
  const shown = bands.filter((b) => b.invoices > 0).map((b) => ({ ...b, x1: Math.max(b.min, lo), x2: Math.min(b.max, hi), mid: Math.sqrt(Math.max(b.min, lo) * Math.min(b.max, hi)) }));
  const yMax = Math.max(overall.rate, ...shown.map((b) => b.high));
  const narrow = width < 480;
  const decades = Array.from({ length: Math.ceil(Math.log10(hi)) - Math.floor(Math.log10(lo)) + 1 }, (_, k) => 10 ** (Math.floor(Math.log10(lo)) + k)).filter((t) => t >= lo && t <= hi);
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 44,
    ariaLabel: "Late rate by invoice amount band, log scale",
    ariaDescription: `Share of settled invoices paid late by invoice amount (overall ${formatPercent(overall.rate)}): ${shown.map((b) => `${b.label} ${formatPercent(b.rate)} of ${formatCount(b.invoices)}`).join("; ")}.`,
    x: { type: "log", domain: [lo, hi], label: "Invoice amount (log scale) \u2192", ticks: decades, tickFormat: (d) => formatMoney(d, { currency }) },
    y: { label: "\u2191 Paid late (% of settled invoices)", domain: [0, yMax * 1.1], tickFormat: (d) => formatPercent(d, 0), grid: true },
    marks: [
      Plot.rectY(shown, {
        x1: "x1",
        x2: "x2",
        y: "rate",
        inset: 0.5,
        fill: (b) => b.rate > overall.rate ? bad : good,
        fillOpacity: (b) => b.invoices < minGroupInvoices ? 0.3 : 0.85
      }),
      Plot.ruleX(shown, { x: "mid", y1: "low", y2: "high", stroke: "currentColor", strokeWidth: 1.2 }),
      Plot.ruleY([overall.rate], { stroke: "currentColor", strokeDasharray: "4,3" }),
      narrow ? null : Plot.text(shown, { x: "mid", y: "high", dy: -7, text: (b) => formatPercent(b.rate, 0), fill: "currentColor", fontSize: 10 }),
      Plot.tip(shown, Plot.pointerX({
        x: "mid",
        y: "rate",
        title: (b) => `${b.label}
${formatPercent(b.rate)} paid late (95% interval ${formatPercent(b.low)}\u2013${formatPercent(b.high)})
${formatCount(b.late)} of ${formatCount(b.invoices)} settled invoices`
      })),
      Plot.ruleY([0])
    ]
  });
}
