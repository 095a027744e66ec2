// Invoiced and collected by month: the gap between the two lines is cash still in receivables.
import * as Plot from "@observablehq/plot";
import type {MonthRow} from "../lib/views/eda.js";
import {formatMoney} from "../lib/core/format.js";
import {good} from "./palette.js";
import {monthDate} from "./eda-monthlyLateRate.js";
import {sum} from "d3";

export interface InvoicedCollectedOptions {
  width: number;
  /** ISO currency code of the amounts; default USD. */
  currency?: string;
}

export function invoicedCollectedChart(months: readonly MonthRow[], {width, currency = "USD"}: InvoicedCollectedOptions) {
  const money = (v: number) => formatMoney(v, {currency});
  const series = months.flatMap((m) => [
    {date: monthDate(m.month), label: m.label, measure: "Invoiced", value: m.invoiced},
    {date: monthDate(m.month), label: m.label, measure: "Collected", value: m.collected}
  ]);
  type Point = (typeof series)[number];
  const last = months[months.length - 1];
  const total = (key: "invoiced" | "collected") => sum(months, (m) => m[key]);
  const colors = {Invoiced: "currentColor", Collected: good};
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 52,
    // Room for the line labels, which stand in for a legend.
    marginRight: 66,
    ariaLabel: "Amount invoiced and collected by month",
    ariaDescription: `Invoiced ${money(total("invoiced"))} and collected ${money(total("collected"))} from ${months[0]?.label ?? ""} to ${last?.label ?? ""}.`,
    x: {type: "utc", label: null, ticks: width < 480 ? 4 : 8},
    y: {label: "↑ Amount per month", tickFormat: (d: number) => money(d), grid: true, nice: true},
    color: {domain: ["Invoiced", "Collected"], range: [colors.Invoiced, colors.Collected]},
    marks: [
      // Dashed as well as coloured, so the two lines differ without colour.
      Plot.lineY(series.filter((d) => d.measure === "Invoiced"), {x: "date", y: "value", stroke: "measure", strokeWidth: 1.8}),
      Plot.lineY(series.filter((d) => d.measure === "Collected"), {x: "date", y: "value", stroke: "measure", strokeWidth: 1.8, strokeDasharray: "5,3"}),
      Plot.text(series, Plot.selectLast({x: "date", y: "value", z: "measure", text: "measure", fill: "measure", textAnchor: "start", dx: 5})),
      Plot.tip(series, Plot.pointerX({x: "date", y: "value", title: (d: Point) => `${d.label}\n${d.measure} ${money(d.value)}`})),
      Plot.ruleY([0])
    ]
  });
}
