// DSO per segment, with each segment's share of high-risk customers and average outstanding written
// beside its bar: the slow segments and the reason they are slow, in one view.
import * as Plot from "@observablehq/plot";
import {formatDays, formatMoney, formatPercent} from "../lib/core/format.js";
import type {SegmentKpiRow} from "../lib/pipeline/contract.js";
import {segmentColors} from "./palette.js";

export interface SegmentDsoOptions {
  width: number;
  segmentName: (segment: string | null) => string;
  /** A shorter name for narrow charts (default: segmentName). */
  shortName?: (segment: string | null) => string;
  /** The whole book's DSO, drawn as a reference line. */
  overall?: number | null;
  currency?: string;
}

export function segmentDsoChart(rows: readonly SegmentKpiRow[], {width, segmentName, shortName = segmentName, overall = null, currency = "USD"}: SegmentDsoOptions) {
  const narrow = width < 560;
  const name = narrow ? shortName : segmentName;
  const data = rows.filter((r) => r.dso != null && Number.isFinite(r.dso)).map((r) => ({...r, name: name(r.segment), days: r.dso as number}));
  type Row = (typeof data)[number];
  const note = (r: Row) =>
    !((r.openAmount ?? 0) > 0) ? "nothing open" :
    `${formatDays(r.days, 1)}${r.highRiskShare != null && Number.isFinite(r.highRiskShare) ? ` · ${formatPercent(r.highRiskShare, 0)} high risk` : ""}${narrow ? "" : ` · avg ${formatMoney(r.averageOutstanding, {currency})} owed`}`;
  const max = Math.max(1, ...data.map((r) => r.days), overall ?? 0);
  const marginLeft = narrow ? 100 : 190;
  const marginRight = narrow ? 8 : 16;
  const domainMax = max * (narrow ? 1.15 : 1.7);
  const fontSize = narrow ? 10 : 11;
  const rowHeight = narrow ? 46 : 38;
  return Plot.plot({
    width,
    height: 50 + data.length * rowHeight,
    marginLeft,
    marginTop: 24,
    marginRight,
    ariaLabel: "Countback DSO by customer segment",
    ariaDescription: data.map((r) => `${segmentName(r.segment)}: ${note(r)}`).join("; ") + (overall != null ? `; the whole book: ${formatDays(overall, 1)}.` : "."),
    x: {domain: [0, domainMax], label: "DSO (days) →", grid: true, ticks: narrow ? 3 : 6},
    // On a phone, thinner bars leave room for the label above each bar.
    y: {domain: data.map((r) => r.name), label: null, padding: narrow ? 0.5 : 0.1},
    marks: [
      Plot.barX(data, {
        y: "name",
        x: "days",
        fill: (r: Row) => (r.segment ? segmentColors[r.segment.charAt(0) as keyof typeof segmentColors] ?? "currentColor" : "var(--theme-foreground-faint)"),
        fillOpacity: 0.85
      }),
      narrow
        ? Plot.text(data, {y: "name", x: 0, text: note, textAnchor: "start", dy: -17, fill: "currentColor", fontSize})
        : Plot.text(data, {y: "name", x: "days", text: note, textAnchor: "start", dx: 5, fill: "currentColor", fontSize}),
      overall != null ? Plot.ruleX([overall], {stroke: "currentColor", strokeDasharray: "4,3"}) : null,
      overall != null ? Plot.text([overall], {x: (d: number) => d, frameAnchor: "top", dy: -14, text: () => `All: ${formatDays(overall, 0)}`, fill: "currentColor", fontSize: 10, textAnchor: "start", dx: 4}) : null,
      Plot.ruleX([0])
    ]
  });
}
