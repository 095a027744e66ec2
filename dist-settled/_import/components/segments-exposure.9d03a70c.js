import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatPercent } from "../lib/core/format.3eed6561.js";
const measures = [
  { key: "customerShare", label: "Customers" },
  { key: "amountShare", label: "Amount invoiced" },
  { key: "outstandingShare", label: "Outstanding" }
];
export function exposureChart(clusters, { width, color }) {
  const narrow = width < 480;
  const marginLeft = narrow ? 92 : 120;
  const plotWidth = width - marginLeft - 12;
  const pieces = measures.flatMap((m) => clusters.map((c) => ({ measure: m.label, cluster: c.name, share: c[m.key] ?? 0 })));
  const text = (p) => {
    const px = p.share * plotWidth;
    return px >= 62 ? `${p.cluster} ${formatPercent(p.share, 0)}` : px >= 24 ? p.cluster : "";
  };
  return Plot.plot({
    width,
    height: 150,
    marginLeft,
    marginRight: 12,
    marginBottom: 34,
    ariaLabel: "Share of customers, amount invoiced and amount outstanding per cluster",
    ariaDescription: clusters.map((c) => `${c.name}: ${formatPercent(c.customerShare, 0)} of customers, ${formatPercent(c.amountShare, 0)} of the amount invoiced, ${formatPercent(c.outstandingShare, 0)} of the outstanding`).join("; "),
    x: { domain: [0, 1], label: "Share of the clustered customers\u2019 total (%) \u2192", tickFormat: (d) => formatPercent(d, 0), ticks: narrow ? 4 : 10 },
    y: { domain: measures.map((m) => m.label), label: null, tickSize: 0 },
    color: { domain: color.domain, range: color.range },
    marks: [
      Plot.barX(pieces, Plot.stackX({ x: "share", y: "measure", z: "cluster", fill: "cluster", order: color.domain, insetTop: 4, insetBottom: 4, stroke: "var(--theme-background)", strokeWidth: 1 })),
      Plot.text(
        pieces,
        Plot.stackX({
          x: "share",
          y: "measure",
          z: "cluster",
          order: color.domain,
          text,
          fill: "currentColor",
          stroke: "var(--theme-background)",
          strokeWidth: 3,
          paintOrder: "stroke",
          fontWeight: 600
        })
      ),
      Plot.tip(
        pieces,
        Plot.pointer(Plot.stackX({ x: "share", y: "measure", z: "cluster", order: color.domain, title: (p) => `${p.cluster}
${formatPercent(p.share)} of ${p.measure.toLowerCase()}` }))
      )
    ]
  });
}
