import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatCount, formatPercent } from "../lib/core/format.3eed6561.js";
import { bad, good } from "./palette.3e60629a.js";
function binLabel(bin) {
  if (bin.overflow === "low") return `${bin.x1} days or earlier`;
  if (bin.overflow === "high") return `more than ${bin.x0} days late`;
  if (bin.x1 === 0) return `on the due date or up to ${-bin.x0 - 1} days early`;
  if (bin.x1 < 0) return `${-bin.x1}\u2013${-bin.x0 - 1} days early`;
  return `${bin.x0 + 1}\u2013${bin.x1} days late`;
}
export function daysLateHistogramChart(bins, { width, summary }) {
  const low = bins[0];
  const high = bins[bins.length - 1];
  const top = Math.max(...bins.map((b) => b.share));
  const rect = (late) => Plot.rectY(
    bins.filter((b) => b.late === late),
    { x1: "x0", x2: "x1", y: "share", fill: late ? bad : good, inset: 0.5, title: (b) => `${binLabel(b)}: ${formatCount(b.count)} invoices (${formatPercent(b.share)})` }
  );
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 44,
    ariaLabel: "Histogram of days late, settled invoices",
    ariaDescription: `${formatPercent(summary.lateRate)} of ${formatCount(summary.settled)} settled invoices were paid after the due date; ${formatPercent(summary.onDueDateRate)} on the due date itself; ${formatPercent(summary.over30Rate)} more than 30 days late.`,
    x: { label: "Days paid after the due date (negative: early) \u2192", domain: [low.x0, high.x1], ticks: width < 480 ? 6 : 12 },
    y: { label: "\u2191 Share of settled invoices", tickFormat: (d) => formatPercent(d, 0), grid: true, domain: [0, top * 1.12], nice: true },
    marks: [
      rect(false),
      rect(true),
      Plot.ruleX([0], { stroke: "currentColor", strokeDasharray: "3,3" }),
      Plot.text([0], { x: 0, y: top * 1.1, text: () => "due date", textAnchor: "start", dx: 4, fill: "currentColor" }),
      Plot.text([low, high], {
        x: (b) => (b.x0 + b.x1) / 2,
        y: "share",
        dy: -8,
        text: (b) => b.overflow === "low" ? `\u2264${b.x1}` : `>${b.x0}`,
        fontSize: 10,
        fill: "currentColor"
      }),
      Plot.ruleY([0])
    ]
  });
}
