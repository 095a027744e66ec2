// How the open invoices' predicted P(late) is spread: 0.1-wide bins coloured and labelled by risk band,
// the band cut-offs drawn as rules, by invoice count or by open amount.
import * as Plot from "@observablehq/plot";
import {formatCount, formatMoney, formatPercent} from "../lib/core/format.js";
import type {RiskBin} from "../lib/pipeline/contract.js";
import type {RiskBand, RiskCutoffs} from "../lib/portfolio/riskBands.js";
import {riskColors} from "./palette.js";
import {sum} from "d3";

export interface RiskDistributionOptions {
  width: number;
  measure: "count" | "amount";
  cutoffs: RiskCutoffs;
  currency?: string;
  /** The score's axis and tooltip labels, by where the risk comes from (lib/views/risk.ts). */
  axis?: string;
  label?: string;
}

export function riskDistributionChart(bins: readonly RiskBin[], {width, measure, cutoffs, currency = "USD", axis = "Predicted P(late) →", label: scoreLabel = "P(late)"}: RiskDistributionOptions) {
  const narrow = width < 520;
  const total = sum(bins, (b) => b[measure]);
  const value = (b: RiskBin) => b[measure];
  const label = (b: RiskBin) => (measure === "count" ? formatCount(b.count) : formatMoney(b.amount, {currency}));
  const bandName = (band: string) => `${band.charAt(0).toUpperCase()}${band.slice(1)} risk`;
  return Plot.plot({
    width,
    height: narrow ? 240 : 280,
    marginTop: 28,
    ariaLabel: `Open invoices by ${scoreLabel}, ${measure === "count" ? "number of invoices" : "open amount"} per 0.1 bin`,
    ariaDescription: bins.map((b) => `${b.lo.toFixed(1)}–${b.hi.toFixed(1)}: ${label(b)} (${formatPercent(total > 0 ? value(b) / total : 0, 0)})`).join("; "),
    x: {domain: [0, 1], label: axis, ticks: narrow ? 5 : 10, tickFormat: (d: number) => d.toFixed(1)},
    y: {label: measure === "count" ? "↑ Open invoices" : "↑ Open amount", grid: true, tickFormat: measure === "count" ? (d: number) => formatCount(d) : (d: number) => formatMoney(d, {currency}), ticks: 5},
    color: {legend: true, domain: ["Low risk", "Medium risk", "High risk"], range: (["low", "medium", "high"] as RiskBand[]).map((b) => riskColors[b])},
    marks: [
      Plot.rectY(bins, {x1: "lo", x2: "hi", y: value, fill: (b: RiskBin) => bandName(b.band), inset: 1, title: (b: RiskBin) => `${scoreLabel} ${b.lo.toFixed(1)}–${b.hi.toFixed(1)}: ${formatCount(b.count)} invoices, ${formatMoney(b.amount, {currency})}`}),
      narrow ? null : Plot.text(bins, {x: (b: RiskBin) => (b.lo + b.hi) / 2, y: value, text: label, dy: -7, fill: "currentColor", fontSize: 10}),
      Plot.ruleX([cutoffs.medium, cutoffs.high], {stroke: "currentColor", strokeDasharray: "4,3"}),
      Plot.text([cutoffs.medium, cutoffs.high], {x: (d: number) => d, frameAnchor: "top", dy: -16, text: (d: number) => `cut-off ${d.toFixed(2)}`, fill: "currentColor", fontSize: 10}),
      Plot.ruleY([0])
    ]
  });
}
