// How each segment's open amount splits across strategies under the current rules: one stacked bar per
// segment, shares labelled where they fit, the segment's open amount beside its name.
import * as Plot from "@observablehq/plot";
import {formatMoney, formatPercent} from "../lib/core/format.js";
import {strategyShortLabels} from "../lib/views/strategy.js";
import type {SegmentMixRow} from "../lib/views/strategy.js";
import {strategyKeys} from "../lib/portfolio/strategy.js";
import type {StrategyKey} from "../lib/portfolio/strategy.js";
import {strategyColors} from "./palette.js";

export interface SegmentMixOptions {
  width: number;
  /** The row's name on the axis ("A · Low risk, high value"). */
  segmentName: (row: SegmentMixRow) => string;
  currency?: string;
  estimated?: boolean;
}

export function segmentMixChart(rows: readonly SegmentMixRow[], {width, segmentName, currency = "USD", estimated = false}: SegmentMixOptions) {
  const narrow = width < 520;
  const name = (r: SegmentMixRow) => `${narrow ? (r.segment ?? "—") : segmentName(r)} · ${estimated ? "≈" : ""}${formatMoney(r.amount, {currency})}`;
  const bars = rows.flatMap((r) => r.strategies.filter((s) => s.amount > 0).map((s) => ({row: name(r), strategy: s.strategy, share: s.amountShare, label: strategyShortLabels[s.strategy]})));
  type Bar = (typeof bars)[number];
  const present = strategyKeys.filter((k) => bars.some((b) => b.strategy === k));
  return Plot.plot({
    width,
    height: 56 + rows.length * 40,
    marginLeft: narrow ? 84 : 250,
    marginRight: 8,
    ariaLabel: "Share of each segment's open amount by collection strategy",
    ariaDescription: rows
      .map((r) => `${segmentName(r)}: ${r.strategies.filter((s) => s.amount > 0).map((s) => `${strategyShortLabels[s.strategy]} ${formatPercent(s.amountShare, 0)}`).join(", ") || "no open invoices"}`)
      .join("; "),
    x: {domain: [0, 1], label: "Share of the segment's open amount →", tickFormat: (d: number) => formatPercent(d, 0), ticks: narrow ? 3 : 5},
    y: {domain: rows.map(name), label: null},
    color: {legend: true, domain: present.map((k) => strategyShortLabels[k]), range: present.map((k: StrategyKey) => strategyColors[k])},
    marks: [
      Plot.barX(bars, Plot.stackX({x: "share", y: "row", fill: "label", order: present.map((k) => strategyShortLabels[k]), inset: 0.5, title: (b: Bar) => `${b.label}: ${formatPercent(b.share, 1)}`})),
      Plot.textX(
        bars.filter((b) => b.share >= (narrow ? 0.14 : 0.08)),
        Plot.stackX({
          x: "share",
          y: "row",
          z: "label",
          order: present.map((k) => strategyShortLabels[k]),
          text: (b: Bar) => formatPercent(b.share, 0),
          // A halo in the page's background keeps the label readable on every strategy's colour.
          fill: "currentColor",
          fontWeight: 600,
          stroke: "var(--theme-background)",
          strokeWidth: 3,
          paintOrder: "stroke"
        })
      )
    ]
  });
}
