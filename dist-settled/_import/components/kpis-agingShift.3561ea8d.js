import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatMoney } from "../lib/core/format.3eed6561.js";
import { fitsOutside } from "./kpis-labels.eae18206.js";
import { bad, good } from "./palette.3e60629a.js";
export function agingShiftChart(rows, { width, horizonDays, currency = "USD" }) {
  const narrow = width < 520;
  const later = `In ${horizonDays} days`;
  const bars = rows.flatMap((r, index) => [
    { bucket: r.bucket, index, when: "Today", amount: r.todayAmount },
    { bucket: r.bucket, index, when: later, amount: r.expectedAmount }
  ]);
  const max = Math.max(1, ...bars.map((b) => b.amount));
  const money = (v) => formatMoney(v, { currency });
  const text = (b) => `${b.when === "Today" ? "today" : `in ${horizonDays} d`}: ${money(b.amount)}`;
  const marginLeft = narrow ? 62 : 84;
  const marginRight = narrow ? 8 : 70;
  const plotWidth = width - marginLeft - marginRight;
  const domainMax = max * 1.3;
  const outside = (b) => fitsOutside(b.amount, text(b), { scale: plotWidth / domainMax, plotWidth, fontSize: 10 });
  return Plot.plot({
    width,
    height: 40 + rows.length * 58,
    marginLeft,
    marginRight,
    ariaLabel: `Open amount by aging bucket today and expected in ${horizonDays} days`,
    ariaDescription: rows.map((r) => `${r.bucket}: ${money(r.todayAmount)} today, ${money(r.expectedAmount)} expected in ${horizonDays} days`).join("; "),
    fy: { domain: rows.map((r) => r.bucket), label: null, padding: 0.2, axis: "left", tickFormat: (b) => b === "Current" ? "Not yet due" : `${b} days` },
    y: { domain: ["Today", later], axis: narrow ? null : "right", label: null, padding: 0.08 },
    x: { domain: [0, domainMax], label: "Open amount \u2192", tickFormat: (d) => money(d), ticks: narrow ? 3 : 5, grid: true },
    marks: [
      Plot.barX(bars, {
        fy: "bucket",
        y: "when",
        x: "amount",
        fill: (b) => b.index === 0 ? good : bad,
        fillOpacity: (b) => b.when === "Today" ? 0.9 : 0.45
      }),
      Plot.text(bars.filter(outside), { fy: "bucket", y: "when", x: "amount", text, dx: 4, textAnchor: "start", fill: "currentColor", fontSize: 10 }),
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
