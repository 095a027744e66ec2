import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatCount, formatMoney, formatPercent } from "../lib/core/format.3eed6561.js";
import { bad, good } from "./palette.3e60629a.js";
export function agingChart(rows, { width, currency = "USD" }) {
  const money = (v) => formatMoney(v, { currency });
  const bars = rows.flatMap((r) => [
    { bucket: r.bucket, index: r.index, measure: "amount", share: r.amountShare, text: `${money(r.amount)} \xB7 ${formatPercent(r.amountShare, 0)} of amount` },
    { bucket: r.bucket, index: r.index, measure: "count", share: r.countShare, text: `${formatCount(r.count)} ${r.count === 1 ? "invoice" : "invoices"} \xB7 ${formatPercent(r.countShare, 0)}` }
  ]);
  const totalAmount = rows.reduce((s, r) => s + r.amount, 0);
  const totalCount = rows.reduce((s, r) => s + r.count, 0);
  const inside = (b) => b.share > 0.55;
  return Plot.plot({
    width,
    height: 36 + rows.length * 52,
    marginLeft: 58,
    marginRight: 8,
    ariaLabel: "Open invoices by aging bucket, by amount and by count",
    ariaDescription: `${money(totalAmount)} open in ${formatCount(totalCount)} invoices: ${rows.map((r) => `${r.bucket} ${money(r.amount)} (${formatPercent(r.amountShare)}) in ${formatCount(r.count)} invoices`).join("; ")}.`,
    fy: { label: null, domain: rows.map((r) => r.bucket), padding: 0.2, axis: "left", tickFormat: (b) => b === "Current" ? "Not yet due" : `${b} days` },
    y: { axis: null, domain: ["amount", "count"], padding: 0.08 },
    x: { label: "Share of open amount / of open invoices \u2192", domain: [0, 1], tickFormat: (d) => formatPercent(d, 0), ticks: width < 480 ? 3 : 5, grid: true },
    marks: [
      Plot.barX(bars, {
        fy: "bucket",
        y: "measure",
        x: "share",
        fill: (b) => b.index === 0 ? good : bad,
        fillOpacity: (b) => b.measure === "amount" ? 0.9 : 0.4
      }),
      Plot.text(bars.filter((b) => !inside(b)), { fy: "bucket", y: "measure", x: "share", text: "text", dx: 4, textAnchor: "start", fill: "currentColor", fontSize: 10 }),
      Plot.text(bars.filter(inside), { fy: "bucket", y: "measure", x: "share", text: "text", dx: -4, textAnchor: "end", fill: "currentColor", fontSize: 10 }),
      Plot.ruleX([0])
    ]
  });
}
