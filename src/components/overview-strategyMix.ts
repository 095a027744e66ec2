// The strategy mix: how the open book splits across collection strategies, by invoices and by value.
import * as Plot from "@observablehq/plot";
import type {OverviewFactsFile} from "../lib/pipeline/contract.js";
import {formatPercent} from "../lib/core/format.js";
import {strategyColors} from "./palette.js";
import type {StrategyKey} from "../lib/portfolio/strategy.js";

export type StrategyMixRow = Pick<OverviewFactsFile["strategyMix"][number], "strategy" | "label" | "invoiceShare" | "amountShare">;

export function strategyMixChart(mix: readonly StrategyMixRow[], {width}: {width: number}) {
  const narrow = width < 560;
  const measures = [
    {key: "invoiceShare", name: narrow ? "Invoices" : "Share of open invoices"},
    {key: "amountShare", name: narrow ? "Value" : "Share of open value"}
  ] as const;
  const rows = measures.flatMap(({key, name}) => mix.map((m) => ({measure: name, label: m.label, strategy: m.strategy, share: m[key]})));
  const order = mix.map((m) => m.label);
  return Plot.plot({
    width,
    height: 150,
    marginLeft: narrow ? 60 : 150,
    x: {label: "Share (%)", percent: true, domain: [0, 100], tickFormat: (d: number) => `${d}%`},
    y: {label: null, domain: measures.map((m) => m.name)},
    color: {
      legend: true,
      domain: order,
      range: mix.map((m) => strategyColors[m.strategy as StrategyKey] ?? "currentColor")
    },
    ariaLabel: "Strategy mix of the open book, by invoices and by value",
    ariaDescription: mix.map((m) => `${m.label}: ${formatPercent(m.invoiceShare, 0)} of invoices, ${formatPercent(m.amountShare, 0)} of value`).join("; "),
    marks: [
      Plot.barX(rows, Plot.stackX({x: "share", y: "measure", fill: "label", order, inset: 0.5, tip: {format: {share: (d: number) => formatPercent(d, 1)}}})),
      Plot.textX(
        rows.filter((r) => r.share >= 0.07),
        Plot.stackX({x: "share", y: "measure", z: "label", order, text: (d: {share: number}) => formatPercent(d.share, 0), fill: "white", fontWeight: 600})
      )
    ]
  });
}
