import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatPercent } from "../lib/core/format.3eed6561.js";
import { strategyColors } from "./palette.3e60629a.js";
export function strategyMixChart(mix, { width }) {
  const narrow = width < 560;
  const measures = [
    { key: "invoiceShare", name: narrow ? "Invoices" : "Share of open invoices" },
    { key: "amountShare", name: narrow ? "Value" : "Share of open value" }
  ];
  const rows = measures.flatMap(({ key, name }) => mix.map((m) => ({ measure: name, label: m.label, strategy: m.strategy, share: m[key] })));
  const order = mix.map((m) => m.label);
  return Plot.plot({
    width,
    height: 150,
    marginLeft: narrow ? 60 : 150,
    x: { label: "Share (%)", percent: true, domain: [0, 100], tickFormat: (d) => `${d}%` },
    y: { label: null, domain: measures.map((m) => m.name) },
    color: {
      legend: true,
      domain: order,
      range: mix.map((m) => strategyColors[m.strategy] ?? "currentColor")
    },
    ariaLabel: "Strategy mix of the open book, by invoices and by value",
    ariaDescription: mix.map((m) => `${m.label}: ${formatPercent(m.invoiceShare, 0)} of invoices, ${formatPercent(m.amountShare, 0)} of value`).join("; "),
    marks: [
      Plot.barX(rows, Plot.stackX({ x: "share", y: "measure", fill: "label", order, inset: 0.5, tip: { format: { share: (d) => formatPercent(d, 1) } } })),
      Plot.textX(
        rows.filter((r) => r.share >= 0.07),
        Plot.stackX({ x: "share", y: "measure", z: "label", order, text: (d) => formatPercent(d.share, 0), fill: "white", fontWeight: 600 })
      )
    ]
  });
}
