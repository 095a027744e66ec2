import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatMoney } from "../lib/core/format.3eed6561.js";
import { good } from "./palette.3e60629a.js";
import { monthDate } from "./eda-monthlyLateRate.008ca726.js";
export function invoicedCollectedChart(months, { width, currency = "USD" }) {
  const money = (v) => formatMoney(v, { currency });
  const series = months.flatMap((m) => [
    { date: monthDate(m.month), label: m.label, measure: "Invoiced", value: m.invoiced },
    { date: monthDate(m.month), label: m.label, measure: "Collected", value: m.collected }
  ]);
  const last = months[months.length - 1];
  const total = (key) => months.reduce((s, m) => s + m[key], 0);
  const colors = { Invoiced: "currentColor", Collected: good };
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 52,
    // Room for the line labels, which stand in for a legend.
    marginRight: 66,
    ariaLabel: "Amount invoiced and collected by month",
    ariaDescription: `Invoiced ${money(total("invoiced"))} and collected ${money(total("collected"))} from ${months[0]?.label ?? ""} to ${last?.label ?? ""}.`,
    x: { type: "utc", label: null, ticks: width < 480 ? 4 : 8 },
    y: { label: "\u2191 Amount per month", tickFormat: (d) => money(d), grid: true, nice: true },
    color: { domain: ["Invoiced", "Collected"], range: [colors.Invoiced, colors.Collected] },
    marks: [
      // Dashed as well as coloured, so the two lines differ without colour.
      Plot.lineY(series.filter((d) => d.measure === "Invoiced"), { x: "date", y: "value", stroke: "measure", strokeWidth: 1.8 }),
      Plot.lineY(series.filter((d) => d.measure === "Collected"), { x: "date", y: "value", stroke: "measure", strokeWidth: 1.8, strokeDasharray: "5,3" }),
      Plot.text(series, Plot.selectLast({ x: "date", y: "value", z: "measure", text: "measure", fill: "measure", textAnchor: "start", dx: 5 })),
      Plot.tip(series, Plot.pointerX({ x: "date", y: "value", title: (d) => `${d.label}
${d.measure} ${money(d.value)}` })),
      Plot.ruleY([0])
    ]
  });
}
