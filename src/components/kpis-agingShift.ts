// Today's aging against the expected aging in N days from the predictions: per bucket, today's open
// amount and the amount expected still open then, side by side with their values written on the bars.
import * as Plot from "@observablehq/plot";
import {formatMoney} from "../lib/core/format.js";
import type {AgingShiftRow} from "../lib/pipeline/contract.js";
import {fitsOutside} from "./kpis-labels.js";
import {bad, good} from "./palette.js";

export interface AgingShiftOptions {
  width: number;
  horizonDays: number;
  currency?: string;
}

export function agingShiftChart(rows: readonly AgingShiftRow[], {width, horizonDays, currency = "USD"}: AgingShiftOptions) {
  const narrow = width < 520;
  const later = `In ${horizonDays} days`;
  const bars = rows.flatMap((r, index) => [
    {bucket: r.bucket, index, when: "Today", amount: r.todayAmount},
    {bucket: r.bucket, index, when: later, amount: r.expectedAmount}
  ]);
  type Bar = (typeof bars)[number];
  const max = Math.max(1, ...bars.map((b) => b.amount));
  const money = (v: number) => formatMoney(v, {currency});
  const text = (b: Bar) => `${b.when === "Today" ? "today" : `in ${horizonDays} d`}: ${money(b.amount)}`;
  const marginLeft = narrow ? 62 : 84;
  const marginRight = narrow ? 8 : 70;
  const plotWidth = width - marginLeft - marginRight;
  const domainMax = max * 1.3;
  const outside = (b: Bar) => fitsOutside(b.amount, text(b), {scale: plotWidth / domainMax, plotWidth, fontSize: 10});
  return Plot.plot({
    width,
    height: 40 + rows.length * 58,
    marginLeft,
    marginRight,
    ariaLabel: `Open amount by aging bucket today and expected in ${horizonDays} days`,
    ariaDescription: rows.map((r) => `${r.bucket}: ${money(r.todayAmount)} today, ${money(r.expectedAmount)} expected in ${horizonDays} days`).join("; "),
    fy: {domain: rows.map((r) => r.bucket), label: null, padding: 0.2, axis: "left", tickFormat: (b: string) => (b === "Current" ? "Not yet due" : `${b} days`)},
    y: {domain: ["Today", later], axis: narrow ? null : "right", label: null, padding: 0.08},
    x: {domain: [0, domainMax], label: "Open amount →", tickFormat: (d: number) => money(d), ticks: narrow ? 3 : 5, grid: true},
    marks: [
      Plot.barX(bars, {
        fy: "bucket",
        y: "when",
        x: "amount",
        fill: (b: Bar) => (b.index === 0 ? good : bad),
        fillOpacity: (b: Bar) => (b.when === "Today" ? 0.9 : 0.45)
      }),
      Plot.text(bars.filter(outside), {fy: "bucket", y: "when", x: "amount", text, dx: 4, textAnchor: "start", fill: "currentColor", fontSize: 10}),
      Plot.text(bars.filter((b) => !outside(b)), {
        fy: "bucket",
        y: "when",
        x: "amount",
        text,
        dx: -4,
        textAnchor: "end",
        fill: "currentColor",
        stroke: "var(--theme-background-alt)",
        strokeWidth: 3,
        paintOrder: "stroke",
        fontSize: 10
      }),
      Plot.ruleX([0])
    ]
  });
}
