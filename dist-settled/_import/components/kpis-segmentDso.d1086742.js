import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatDays, formatMoney, formatPercent } from "../lib/core/format.3eed6561.js";
import { segmentColors } from "./palette.3e60629a.js";
export function segmentDsoChart(rows, { width, segmentName, shortName = segmentName, overall = null, currency = "USD" }) {
  const narrow = width < 560;
  const name = narrow ? shortName : segmentName;
  const data = rows.filter((r) => r.dso != null && Number.isFinite(r.dso)).map((r) => ({ ...r, name: name(r.segment), days: r.dso }));
  const note = (r) => !((r.openAmount ?? 0) > 0) ? "nothing open" : `${formatDays(r.days, 1)}${r.highRiskShare != null && Number.isFinite(r.highRiskShare) ? ` \xB7 ${formatPercent(r.highRiskShare, 0)} high risk` : ""}${narrow ? "" : ` \xB7 avg ${formatMoney(r.averageOutstanding, { currency })} owed`}`;
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
    x: { domain: [0, domainMax], label: "DSO (days) \u2192", grid: true, ticks: narrow ? 3 : 6 },
    // On a phone, thinner bars leave room for the label above each bar.
    y: { domain: data.map((r) => r.name), label: null, padding: narrow ? 0.5 : 0.1 },
    marks: [
      Plot.barX(data, {
        y: "name",
        x: "days",
        fill: (r) => r.segment ? segmentColors[r.segment.charAt(0)] ?? "currentColor" : "var(--theme-foreground-faint)",
        fillOpacity: 0.85
      }),
      narrow ? Plot.text(data, { y: "name", x: 0, text: note, textAnchor: "start", dy: -17, fill: "currentColor", fontSize }) : Plot.text(data, { y: "name", x: "days", text: note, textAnchor: "start", dx: 5, fill: "currentColor", fontSize }),
      overall != null ? Plot.ruleX([overall], { stroke: "currentColor", strokeDasharray: "4,3" }) : null,
      overall != null ? Plot.text([overall], { x: (d) => d, frameAnchor: "top", dy: -14, text: () => `All: ${formatDays(overall, 0)}`, fill: "currentColor", fontSize: 10, textAnchor: "start", dx: 4 }) : null,
      Plot.ruleX([0])
    ]
  });
}
