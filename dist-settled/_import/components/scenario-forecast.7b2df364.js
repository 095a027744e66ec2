import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatMoney } from "../lib/core/format.3eed6561.js";
import { sharePlotStyle } from "./scenario-plotStyle.a2deef2c.js";
export const scenarioColor = "var(--theme-foreground-focus)";
function utcDate(iso) {
  return /* @__PURE__ */ new Date(`${iso}T00:00:00Z`);
}
export function scenarioForecastChart(rows, { width, currency = "USD", cumulative = false, lower = 0.1, upper = 0.9 }) {
  const money = (v) => formatMoney(v, { currency });
  const points = rows.map((r) => ({ ...r, date: utcDate(r.start) }));
  const total = (f) => cumulative ? f(points[points.length - 1]) : points.reduce((s, r) => s + f(r), 0);
  const baselineTotal = total((r) => r.baseline.expected);
  const scenarioTotal = total((r) => r.scenario.expected);
  const what = cumulative ? "Cumulative expected cash-in" : "Expected cash-in per week";
  const pct = (p) => `${Math.round(p * 100)}th`;
  return sharePlotStyle(Plot.plot({
    width,
    height: Math.max(240, Math.min(360, width * 0.45)),
    marginLeft: 56,
    marginRight: 12,
    ariaLabel: `${what} over the next ${rows.length} weeks, no change and this scenario, with ${pct(lower)}\u2013${pct(upper)} percentile bands`,
    ariaDescription: `Over ${rows.length} weeks from ${rows[0]?.start ?? "the as-of date"}: ${money(baselineTotal)} expected with no change, ${money(scenarioTotal)} in this scenario. Week 1: ${money(rows[0]?.baseline.expected)} with no change (${money(rows[0]?.baseline.low)}\u2013${money(rows[0]?.baseline.high)}), ${money(rows[0]?.scenario.expected)} in the scenario.`,
    x: { type: "utc", label: "Week starting \u2192", ticks: width < 480 ? 4 : 7, tickFormat: "%b %-d" },
    y: { label: `\u2191 ${cumulative ? "Cash collected to date" : "Cash collected in the week"}`, grid: true, tickFormat: (v) => money(v), nice: true, zero: true },
    marks: [
      Plot.areaY(points, { x: "date", y1: (r) => r.baseline.low, y2: (r) => r.baseline.high, fill: "currentColor", fillOpacity: 0.1, curve: "monotone-x" }),
      Plot.areaY(points, { x: "date", y1: (r) => r.scenario.low, y2: (r) => r.scenario.high, fill: scenarioColor, fillOpacity: 0.18, curve: "monotone-x" }),
      Plot.lineY(points, { x: "date", y: (r) => r.baseline.expected, stroke: "currentColor", strokeOpacity: 0.7, strokeDasharray: "5,4", strokeWidth: 1.5, curve: "monotone-x" }),
      Plot.lineY(points, { x: "date", y: (r) => r.scenario.expected, stroke: scenarioColor, strokeWidth: 2.5, curve: "monotone-x" }),
      Plot.dot(points, { x: "date", y: (r) => r.scenario.expected, fill: scenarioColor, r: 2.5 }),
      Plot.ruleY([0]),
      Plot.tip(
        points,
        Plot.pointerX({
          x: "date",
          y: (r) => r.scenario.expected,
          title: (r) => `Week ${r.week}: ${r.start} to ${r.end}
Scenario: ${money(r.scenario.expected)} (${money(r.scenario.low)}\u2013${money(r.scenario.high)})
No change: ${money(r.baseline.expected)} (${money(r.baseline.low)}\u2013${money(r.baseline.high)})
Change: ${r.change >= 0 ? "+" : "\u2212"}${money(Math.abs(r.change))}`
        })
      )
    ]
  }));
}
