// Open invoices by aging bucket, as shares of the open amount and of the open invoices side by side: a
// bucket whose amount share exceeds its count share holds the larger invoices. Rows in bucket order,
// Current first.
import * as Plot from "@observablehq/plot";
import type {AgingRow} from "../lib/pipeline/contract.js";
import {formatCount, formatMoney, formatPercent} from "../lib/core/format.js";
import {bad, good} from "./palette.js";
import {sum} from "d3";

export interface AgingOptions {
  width: number;
  /** ISO currency code of the amounts; default USD. */
  currency?: string;
}

export function agingChart(rows: readonly AgingRow[], {width, currency = "USD"}: AgingOptions) {
  const money = (v: number) => formatMoney(v, {currency});
  const bars = rows.flatMap((r, index) => [
    {bucket: r.bucket, index, measure: "amount", share: r.amountShare, text: `${money(r.amount)} · ${formatPercent(r.amountShare, 0)} of amount`},
    {bucket: r.bucket, index, measure: "count", share: r.countShare, text: `${formatCount(r.count)} ${r.count === 1 ? "invoice" : "invoices"} · ${formatPercent(r.countShare, 0)}`}
  ]);
  type Bar = (typeof bars)[number];
  const totalAmount = sum(rows, (r) => r.amount);
  const totalCount = sum(rows, (r) => r.count);
  // Labels sit right of short bars and inside long ones, so that none runs off the plot.
  const inside = (b: Bar) => b.share > 0.55;
  return Plot.plot({
    width,
    height: 36 + rows.length * 52,
    marginLeft: 58,
    marginRight: 8,
    ariaLabel: "Open invoices by aging bucket, by amount and by count",
    ariaDescription: `${money(totalAmount)} open in ${formatCount(totalCount)} invoices: ${rows.map((r) => `${r.bucket} ${money(r.amount)} (${formatPercent(r.amountShare)}) in ${formatCount(r.count)} invoices`).join("; ")}.`,
    fy: {label: null, domain: rows.map((r) => r.bucket), padding: 0.2, axis: "left", tickFormat: (b: string) => (b === "Current" ? "Not yet due" : `${b} days`)},
    y: {axis: null, domain: ["amount", "count"], padding: 0.08},
    x: {label: "Share of open amount / of open invoices →", domain: [0, 1], tickFormat: (d: number) => formatPercent(d, 0), ticks: width < 480 ? 3 : 5, grid: true},
    marks: [
      Plot.barX(bars, {
        fy: "bucket",
        y: "measure",
        x: "share",
        fill: (b: Bar) => (b.index === 0 ? good : bad),
        fillOpacity: (b: Bar) => (b.measure === "amount" ? 0.9 : 0.4)
      }),
      Plot.text(bars.filter((b) => !inside(b)), {fy: "bucket", y: "measure", x: "share", text: "text", dx: 4, textAnchor: "start", fill: "currentColor", fontSize: 10}),
      Plot.text(bars.filter(inside), {fy: "bucket", y: "measure", x: "share", text: "text", dx: -4, textAnchor: "end", fill: "currentColor", fontSize: 10}),
      Plot.ruleX([0])
    ]
  });
}
