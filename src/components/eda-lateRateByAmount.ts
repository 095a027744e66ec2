// Late rate by invoice amount: bands of round amounts on a log scale, each drawn across the amounts it
// covers, with its 95 % interval, against the selection's overall rate.
import * as Plot from "@observablehq/plot";
import type {AmountBand, RateGroup} from "../lib/views/eda.js";
import {minGroupInvoices} from "../lib/views/eda.js";
import {formatCount, formatMoney, formatPercent} from "../lib/core/format.js";
import {bad, good} from "./palette.js";

export interface LateRateByAmountOptions {
  width: number;
  overall: RateGroup;
  /** Smallest and largest invoice amount in the ledger: where the open-ended end bands stop. */
  extent: [number, number];
  /** ISO currency code of the amounts; default USD. */
  currency?: string;
}

export function lateRateByAmountChart(bands: readonly AmountBand[], {width, overall, extent, currency = "USD"}: LateRateByAmountOptions) {
  const [lo, hi] = extent;
  const shown = bands
    .filter((b) => b.invoices > 0)
    .map((b) => ({...b, x1: Math.max(b.min, lo), x2: Math.min(b.max, hi), mid: Math.sqrt(Math.max(b.min, lo) * Math.min(b.max, hi))}));
  const yMax = Math.max(overall.rate, ...shown.map((b) => b.high));
  const narrow = width < 480;
  const decades = Array.from({length: Math.ceil(Math.log10(hi)) - Math.floor(Math.log10(lo)) + 1}, (_, k) => 10 ** (Math.floor(Math.log10(lo)) + k)).filter((t) => t >= lo && t <= hi);
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 44,
    ariaLabel: "Late rate by invoice amount band, log scale",
    ariaDescription: `Share of settled invoices paid late by invoice amount (overall ${formatPercent(overall.rate)}): ${shown.map((b) => `${b.label} ${formatPercent(b.rate)} of ${formatCount(b.invoices)}`).join("; ")}.`,
    x: {type: "log", domain: [lo, hi], label: "Invoice amount (log scale) →", ticks: decades, tickFormat: (d: number) => formatMoney(d, {currency})},
    y: {label: "↑ Paid late (% of settled invoices)", domain: [0, yMax * 1.1], tickFormat: (d: number) => formatPercent(d, 0), grid: true},
    marks: [
      Plot.rectY(shown, {
        x1: "x1",
        x2: "x2",
        y: "rate",
        inset: 0.5,
        fill: (b: AmountBand) => (b.rate > overall.rate ? bad : good),
        fillOpacity: (b: AmountBand) => (b.invoices < minGroupInvoices ? 0.3 : 0.85)
      }),
      Plot.ruleX(shown, {x: "mid", y1: "low", y2: "high", stroke: "currentColor", strokeWidth: 1.2}),
      Plot.ruleY([overall.rate], {stroke: "currentColor", strokeDasharray: "4,3"}),
      narrow
        ? null
        : Plot.text(shown, {x: "mid", y: "high", dy: -7, text: (b: AmountBand) => formatPercent(b.rate, 0), fill: "currentColor", fontSize: 10}),
      Plot.tip(shown, Plot.pointerX({
        x: "mid",
        y: "rate",
        title: (b: AmountBand) => `${b.label}\n${formatPercent(b.rate)} paid late (95% interval ${formatPercent(b.low)}–${formatPercent(b.high)})\n${formatCount(b.late)} of ${formatCount(b.invoices)} settled invoices`
      })),
      Plot.ruleY([0])
    ]
  });
}
