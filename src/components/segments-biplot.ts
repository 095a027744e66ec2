// The PCA biplot: every clustered customer on the first two principal components of the standardised
// clustering features, coloured and labelled by cluster, with the features' loadings as arrows. Both axes
// share one unit length, so an arrow's direction is honest (on a phone the y axis is stretched, or the
// cloud would be a strip a few pixels high); the arrows are scaled to fit the cloud.
import * as Plot from "@observablehq/plot";
import type {ClusterRow, PcaLoadingRow} from "../lib/pipeline/contract.js";
import {formatCount, formatDays, formatDecimal, formatMoney, formatPercent} from "../lib/core/format.js";
import type {ClusterColorScale} from "./segments-colors.js";
import {shortFeatureLabels} from "./segments-labels.js";
import {sum} from "d3";

export interface BiplotPoint {
  customerId: string;
  name: string;
  pc1: number;
  pc2: number;
  /** Index into `clusters`. */
  cluster: number;
  /** Optional per-customer figures, shown on hover when the data carries them. */
  outstanding?: number | null;
  totalInvoiced?: number | null;
  averageDelay?: number | null;
  predictedLate?: number | null;
}

export type BiplotCluster = Pick<ClusterRow, "name" | "label">;

export interface BiplotOptions {
  width: number;
  clusters: readonly BiplotCluster[];
  color: ClusterColorScale;
  /** Explained variance ratio of PC1 and PC2. */
  explained: readonly (number | null)[];
  currency?: string;
}

interface Label {
  text: string;
  x: number;
  y: number;
  /** Where the arrow ends, for the leader line when the label had to move. */
  tipX: number;
  tipY: number;
  anchor: "start" | "middle" | "end";
}

const fontSize = 11;
const charWidth = 6.1;
const lineHeight = 13;

/**
 * Places the loadings' labels beyond their arrow tips, then pushes apart (downwards, in screen space)
 * those that would overlap: loadings often point the same way, and stacked labels stay readable.
 */
export function placeLabels(
  tips: readonly {text: string; px: number; py: number; dx: number; dy: number}[],
  {width, height}: {width: number; height: number}
): {text: string; px: number; py: number; anchor: "start" | "middle" | "end"}[] {
  const placed = tips
    .map((t) => {
      const length = Math.hypot(t.dx, t.dy) || 1;
      const [ux, uy] = [t.dx / length, t.dy / length];
      const anchor: "start" | "middle" | "end" = ux > 0.35 ? "start" : ux < -0.35 ? "end" : "middle";
      const w = t.text.length * charWidth;
      let px = t.px + ux * 6, py = t.py + uy * 8 + (uy > 0 ? 6 : uy < -0.35 ? -2 : 4);
      // Keep the text inside the plot.
      const left = anchor === "start" ? px : anchor === "end" ? px - w : px - w / 2;
      if (left < 2) px += 2 - left;
      if (left + w > width - 2) px -= left + w - (width - 2);
      py = Math.max(lineHeight, Math.min(height - 4, py));
      return {text: t.text, px, py, anchor, w};
    })
    .sort((a, b) => a.py - b.py);
  const span = (l: (typeof placed)[number]) => (l.anchor === "start" ? [l.px, l.px + l.w] : l.anchor === "end" ? [l.px - l.w, l.px] : [l.px - l.w / 2, l.px + l.w / 2]);
  for (let i = 1; i < placed.length; ++i) {
    const [a0, a1] = span(placed[i]);
    for (let j = 0; j < i; ++j) {
      const [b0, b1] = span(placed[j]);
      if (a0 < b1 && b0 < a1 && placed[i].py - placed[j].py < lineHeight) placed[i].py = placed[j].py + lineHeight;
    }
  }
  return placed.map(({text, px, py, anchor}) => ({text, px, py, anchor}));
}

function extent(values: readonly number[]): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  return lo <= hi ? [lo, hi] : [-1, 1];
}

export function biplotChart(points: readonly BiplotPoint[], loadings: readonly PcaLoadingRow[], options: BiplotOptions) {
  const {width, clusters, color, explained, currency = "USD"} = options;
  const narrow = width < 480;
  const plotWidth = Math.min(width, 920);
  const [marginLeft, marginRight, marginTop, marginBottom] = [narrow ? 36 : 44, 12, 18, 36];
  // One unit on both axes: the x extent fixes the scale, the y extent then sets the height.
  const [x0, x1] = pad(extent(points.map((p) => p.pc1)));
  let [y0, y1] = pad(extent(points.map((p) => p.pc2)));
  const innerWidth = plotWidth - marginLeft - marginRight;
  const unit = innerWidth / (x1 - x0);
  // A very flat cloud would make a sliver; give it at least a third of the width in height.
  const minSpan = innerWidth / 3 / unit;
  if (y1 - y0 < minSpan) [y0, y1] = [(y0 + y1) / 2 - minSpan / 2, (y0 + y1) / 2 + minSpan / 2];
  const unitY = narrow ? Math.max(unit, (innerWidth * 0.9) / (y1 - y0)) : unit;
  const height = Math.round(marginTop + marginBottom + unitY * (y1 - y0));
  const toPx = (x: number, y: number) => [marginLeft + (x - x0) * unit, marginTop + (y1 - y) * unitY] as const;
  const fromPy = (py: number) => y1 - (py - marginTop) / unitY;
  const fromPx = (px: number) => x0 + (px - marginLeft) / unit;

  // Arrows reach 85 % of the way to the nearest edge of the cloud from the origin.
  const arrows = loadings.filter((l) => l.pc1 !== null).map((l) => ({...l, pc1: l.pc1!, pc2: l.pc2 ?? 0}));
  const longest = Math.max(1e-9, ...arrows.map((l) => Math.hypot(l.pc1, l.pc2)));
  const room = Math.min(Math.abs(x0), Math.abs(x1), Math.abs(y0), Math.abs(y1));
  const scale = (0.85 * Math.max(room, 0.5)) / longest;
  const tips = arrows.map((l) => {
    const [px, py] = toPx(l.pc1 * scale, l.pc2 * scale);
    const text = narrow ? shortFeatureLabels[l.feature] ?? l.label : l.label;
    return {text, px, py, dx: l.pc1, dy: -l.pc2, x: l.pc1 * scale, y: l.pc2 * scale};
  });
  const labels: Label[] = placeLabels(tips, {width: plotWidth, height}).map((l) => {
    const tip = tips.find((t) => t.text === l.text)!;
    return {text: l.text, x: fromPx(l.px), y: fromPy(l.py), tipX: tip.x, tipY: tip.y, anchor: l.anchor};
  });

  const rows = points.map((p) => ({...p, clusterName: clusters[p.cluster]?.name ?? "?"}));
  type Row = (typeof rows)[number];
  const centres = clusters.map((c, i) => {
    const members = rows.filter((r) => r.cluster === i);
    const n = members.length || 1;
    return {name: c.name, n: members.length, pc1: sum(members, (r) => r.pc1) / n, pc2: sum(members, (r) => r.pc2) / n};
  }).filter((c) => c.n > 0);

  const axis = (i: number) => `PC${i + 1}${explained[i] != null ? ` (${formatPercent(explained[i], 1)} of variance)` : ""}`;
  const tip = (r: Row) => {
    const c = clusters[r.cluster];
    const lines = [r.name, `${r.customerId} · cluster ${c?.name ?? "?"}${c ? ` (${c.label})` : ""}`];
    if (r.outstanding != null) lines.push(`Outstanding ${formatMoney(r.outstanding, {currency})}`);
    if (r.totalInvoiced != null) lines.push(`Invoiced ${formatMoney(r.totalInvoiced, {currency})}`);
    if (r.averageDelay != null) lines.push(`Average delay ${r.averageDelay > 0 ? "" : "−"}${formatDays(Math.abs(r.averageDelay))}${r.averageDelay > 0 ? " late" : " early"}`);
    if (r.predictedLate != null) lines.push(`Mean predicted P(late) ${formatPercent(r.predictedLate)}`);
    lines.push(`PC1 ${formatDecimal(r.pc1, 2)} · PC2 ${formatDecimal(r.pc2, 2)}`);
    return lines.join("\n");
  };

  const sizes = centres.map((c) => `${c.name} ${formatCount(c.n)}`).join(", ");
  const strongest = [...arrows].sort((a, b) => Math.hypot(b.pc1, b.pc2) - Math.hypot(a.pc1, a.pc2)).slice(0, 3);
  return Plot.plot({
    width: plotWidth,
    height,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom,
    ariaLabel: "PCA biplot of customers coloured by cluster, with feature loadings",
    ariaDescription:
      `${formatCount(points.length)} customers on the first two principal components (${axis(0)}, ${axis(1)}); clusters: ${sizes}. ` +
      `Longest loadings: ${strongest.map((l) => `${l.label} (${formatDecimal(l.pc1, 2)}, ${formatDecimal(l.pc2, 2)})`).join(", ")}.`,
    x: {domain: [x0, x1], label: `${axis(0)} →`, ticks: narrow ? 4 : 8},
    y: {domain: [y0, y1], label: `↑ ${axis(1)}`, ticks: narrow ? 4 : 6},
    color: {
      domain: color.domain,
      range: color.range,
      legend: true,
      tickFormat: (name: string) => {
        const c = clusters.find((c) => c.name === name);
        return c ? `${c.name} · ${c.label}` : name;
      }
    },
    marks: [
      Plot.ruleX([0], {stroke: "currentColor", strokeOpacity: 0.2}),
      Plot.ruleY([0], {stroke: "currentColor", strokeOpacity: 0.2}),
      Plot.dot(rows, {x: "pc1", y: "pc2", fill: "clusterName", r: narrow ? 2 : 2.6, fillOpacity: 0.65}),
      // Cluster names at their members' mean position, so colour is not the only way to tell them apart.
      Plot.text(centres, {
        x: "pc1",
        y: "pc2",
        text: "name",
        fontSize: narrow ? 13 : 16,
        fontWeight: 700,
        fill: "name",
        stroke: "var(--theme-background)",
        strokeWidth: 4,
        paintOrder: "stroke"
      }),
      Plot.arrow(arrows, {x1: 0, y1: 0, x2: (l: (typeof arrows)[number]) => l.pc1 * scale, y2: (l: (typeof arrows)[number]) => l.pc2 * scale, stroke: "currentColor", strokeWidth: 1.6, headLength: 7}),
      Plot.link(labels.filter((l) => Math.hypot((l.x - l.tipX) * unit, (l.y - l.tipY) * unitY) > 18), {
        x1: "tipX",
        y1: "tipY",
        x2: "x",
        y2: "y",
        stroke: "currentColor",
        strokeOpacity: 0.35
      }),
      // textAnchor is a constant per mark: one text mark per anchor.
      ...(["start", "middle", "end"] as const).map((anchor) =>
        Plot.text(
          labels.filter((l) => l.anchor === anchor),
          {
            x: "x",
            y: "y",
            text: "text",
            textAnchor: anchor,
            fontSize: narrow ? 10 : fontSize,
            fill: "currentColor",
            stroke: "var(--theme-background)",
            strokeWidth: 3,
            paintOrder: "stroke"
          }
        )
      ),
      Plot.tip(rows, Plot.pointer({x: "pc1", y: "pc2", title: tip, maxRadius: 30, lineWidth: 34}))
    ]
  });
}

/** An extent widened by 5 % each side, so edge points and labels are not cut. */
function pad([lo, hi]: [number, number]): [number, number] {
  const margin = (hi - lo || 1) * 0.05;
  return [lo - margin, hi + margin];
}
