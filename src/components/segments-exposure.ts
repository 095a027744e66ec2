// Where the exposure sits: each cluster's share of the customers, of the amount invoiced and of the
// amount outstanding, as three 100 % bars. A cluster that is a small share of customers but a large
// share of the open amount stands out at a glance; names and shares are written on the bars.
import * as Plot from "@observablehq/plot";
import type {ClusterRow} from "../lib/pipeline/contract.js";
import {formatPercent} from "../lib/core/format.js";
import type {ClusterColorScale} from "./segments-colors.js";

export type ExposureCluster = Pick<ClusterRow, "name" | "customerShare" | "amountShare" | "outstandingShare">;

export interface ExposureOptions {
  width: number;
  color: ClusterColorScale;
}

const measures = [
  {key: "customerShare", label: "Customers"},
  {key: "amountShare", label: "Amount invoiced"},
  {key: "outstandingShare", label: "Outstanding"}
] as const;

interface Piece {
  measure: string;
  cluster: string;
  share: number;
}

export function exposureChart(clusters: readonly ExposureCluster[], {width, color}: ExposureOptions) {
  const narrow = width < 480;
  const marginLeft = narrow ? 92 : 120;
  const plotWidth = width - marginLeft - 12;
  const pieces: Piece[] = measures.flatMap((m) => clusters.map((c) => ({measure: m.label, cluster: c.name, share: c[m.key] ?? 0})));
  // A label only where the piece is wide enough to hold it.
  const text = (p: Piece) => {
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
    ariaDescription: clusters
      .map((c) => `${c.name}: ${formatPercent(c.customerShare, 0)} of customers, ${formatPercent(c.amountShare, 0)} of the amount invoiced, ${formatPercent(c.outstandingShare, 0)} of the outstanding`)
      .join("; "),
    x: {domain: [0, 1], label: "Share of the clustered customers’ total (%) →", tickFormat: (d: number) => formatPercent(d, 0), ticks: narrow ? 4 : 10},
    y: {domain: measures.map((m) => m.label), label: null, tickSize: 0},
    color: {domain: color.domain, range: color.range},
    marks: [
      Plot.barX(pieces, Plot.stackX({x: "share", y: "measure", z: "cluster", fill: "cluster", order: color.domain, insetTop: 4, insetBottom: 4, stroke: "var(--theme-background)", strokeWidth: 1})),
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
        Plot.pointer(Plot.stackX({x: "share", y: "measure", z: "cluster", order: color.domain, title: (p: Piece) => `${p.cluster}\n${formatPercent(p.share)} of ${p.measure.toLowerCase()}`}))
      )
    ]
  });
}
