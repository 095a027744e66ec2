import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatMoney, formatPercent } from "../lib/core/format.3eed6561.js";
import { strategyShortLabels } from "../lib/views/strategy.0c2da262.js";
import { strategyKeys } from "../lib/portfolio/strategy.91af66b0.js";
import { strategyColors } from "./palette.3e60629a.js";
export function segmentMixChart(rows, { width, segmentName, currency = "USD", estimated = false }) {
  const narrow = width < 520;
  const name = (r) => `${narrow ? r.segment ?? "\u2014" : segmentName(r)} \xB7 ${estimated ? "\u2248" : ""}${formatMoney(r.amount, { currency })}`;
  const bars = rows.flatMap((r) => r.strategies.filter((s) => s.amount > 0).map((s) => ({ row: name(r), strategy: s.strategy, share: s.amountShare, label: strategyShortLabels[s.strategy] })));
  const present = strategyKeys.filter((k) => bars.some((b) => b.strategy === k));
  return Plot.plot({
    width,
    height: 56 + rows.length * 40,
    marginLeft: narrow ? 84 : 250,
    marginRight: 8,
    ariaLabel: "Share of each segment's open amount by collection strategy",
    ariaDescription: rows.map((r) => `${segmentName(r)}: ${r.strategies.filter((s) => s.amount > 0).map((s) => `${strategyShortLabels[s.strategy]} ${formatPercent(s.amountShare, 0)}`).join(", ") || "no open invoices"}`).join("; "),
    x: { domain: [0, 1], label: "Share of the segment's open amount \u2192", tickFormat: (d) => formatPercent(d, 0), ticks: narrow ? 3 : 5 },
    y: { domain: rows.map(name), label: null },
    color: { legend: true, domain: present.map((k) => strategyShortLabels[k]), range: present.map((k) => strategyColors[k]) },
    marks: [
      Plot.barX(bars, Plot.stackX({ x: "share", y: "row", fill: "label", order: present.map((k) => strategyShortLabels[k]), inset: 0.5, title: (b) => `${b.label}: ${formatPercent(b.share, 1)}` })),
      Plot.textX(
        bars.filter((b) => b.share >= (narrow ? 0.14 : 0.08)),
        Plot.stackX({
          x: "share",
          y: "row",
          z: "label",
          order: present.map((k) => strategyShortLabels[k]),
          text: (b) => formatPercent(b.share, 0),
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
