import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatCount, formatPercent } from "../lib/core/format.3eed6561.js";
export function monthDate(month) {
  return new Date(Date.UTC(1970 + Math.floor(month / 12), (month % 12 + 12) % 12, 1));
}
export function monthlyLateRateChart(months, { width, overall }) {
  const points = months.filter((m) => m.settled > 0).map((m) => ({ ...m, date: monthDate(m.month) }));
  const mature = points.filter((m) => m.mature);
  const lastMature = mature[mature.length - 1];
  const tail = points.filter((m) => !m.mature && (!lastMature || m.month > lastMature.month));
  const yMax = Math.max(...points.map((m) => m.lateRate), overall);
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 44,
    ariaLabel: "Monthly late rate by invoice month",
    ariaDescription: `Late rate of settled invoices by month issued, ${points[0]?.label ?? ""} to ${points[points.length - 1]?.label ?? ""}; overall ${formatPercent(overall)}; ${tail.length} recent months still maturing.`,
    x: { type: "utc", label: null, ticks: width < 480 ? 4 : 8 },
    y: { label: "\u2191 Paid late (% of settled invoices)", domain: [0, yMax * 1.1], tickFormat: (d) => formatPercent(d, 0), grid: true },
    marks: [
      Plot.ruleY([overall], { stroke: "currentColor", strokeOpacity: 0.5, strokeDasharray: "4,3" }),
      Plot.lineY(mature, { x: "date", y: "lateRate", stroke: "currentColor", strokeWidth: 1.5 }),
      Plot.lineY(lastMature ? [lastMature, ...tail] : tail, { x: "date", y: "lateRate", stroke: "currentColor", strokeDasharray: "3,3" }),
      Plot.dot(mature, { x: "date", y: "lateRate", r: 2.5, fill: "currentColor" }),
      Plot.dot(tail, { x: "date", y: "lateRate", r: 3, stroke: "currentColor", fill: "var(--theme-background)" }),
      tail.length ? Plot.text([tail[0]], { x: "date", y: "lateRate", text: () => "still maturing", dy: 14, textAnchor: "end", fill: "currentColor", fontSize: 10 }) : null,
      Plot.tip(points, Plot.pointerX({
        x: "date",
        y: "lateRate",
        title: (m) => `${m.label}
${formatPercent(m.lateRate)} of ${formatCount(m.settled)} settled invoices paid late
${formatCount(m.invoices)} issued, ${formatPercent(m.settled / m.invoices, 0)} settled`
      })),
      Plot.ruleY([0])
    ]
  });
}
