// The 13-week expected cash-in forecast: no change (dashed, grey band) and the scenario (solid, coloured
// band) overlaid. The bands are the simulated 10th–90th percentiles; the scenario's is the baseline band
// shifted by its change in expected cash (see lib/views/scenarios.ts).
import * as Plot from "@observablehq/plot";
import type {ScenarioForecastRow} from "../lib/views/scenarios.js";
import {formatMoney} from "../lib/core/format.js";
import {sharePlotStyle} from "./scenario-plotStyle.js";
import {sum} from "d3";

export interface ForecastChartOptions {
  width: number;
  currency?: string;
  cumulative?: boolean;
  /** Percentiles of the band, for the description (default 10th–90th). */
  lower?: number;
  upper?: number;
}

/** The colour of "this scenario" across the page's charts. */
export const scenarioColor = "var(--theme-foreground-focus)";

function utcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function scenarioForecastChart(rows: readonly ScenarioForecastRow[], {width, currency = "USD", cumulative = false, lower = 0.1, upper = 0.9}: ForecastChartOptions) {
  const money = (v: number) => formatMoney(v, {currency});
  const points = rows.map((r) => ({...r, date: utcDate(r.start)}));
  type Point = (typeof points)[number];
  const total = (f: (r: Point) => number) => (cumulative ? f(points[points.length - 1]) : sum(points, f));
  const baselineTotal = total((r) => r.baseline.expected);
  const scenarioTotal = total((r) => r.scenario.expected);
  const what = cumulative ? "Cumulative expected cash-in" : "Expected cash-in per week";
  const pct = (p: number) => `${Math.round(p * 100)}th`;
  return sharePlotStyle(Plot.plot({
    width,
    height: Math.max(240, Math.min(360, width * 0.45)),
    marginLeft: 56,
    marginRight: 12,
    ariaLabel: `${what} over the next ${rows.length} weeks, no change and this scenario, with ${pct(lower)}–${pct(upper)} percentile bands`,
    ariaDescription:
      `Over ${rows.length} weeks from ${rows[0]?.start ?? "the as-of date"}: ${money(baselineTotal)} expected with no change, ${money(scenarioTotal)} in this scenario. ` +
      `Week 1: ${money(rows[0]?.baseline.expected)} with no change (${money(rows[0]?.baseline.low)}–${money(rows[0]?.baseline.high)}), ${money(rows[0]?.scenario.expected)} in the scenario.`,
    x: {type: "utc", label: "Week starting →", ticks: width < 480 ? 4 : 7, tickFormat: "%b %-d"},
    y: {label: `↑ ${cumulative ? "Cash collected to date" : "Cash collected in the week"}`, grid: true, tickFormat: (v: number) => money(v), nice: true, zero: true},
    marks: [
      Plot.areaY(points, {x: "date", y1: (r: Point) => r.baseline.low, y2: (r: Point) => r.baseline.high, fill: "currentColor", fillOpacity: 0.1, curve: "monotone-x"}),
      Plot.areaY(points, {x: "date", y1: (r: Point) => r.scenario.low, y2: (r: Point) => r.scenario.high, fill: scenarioColor, fillOpacity: 0.18, curve: "monotone-x"}),
      Plot.lineY(points, {x: "date", y: (r: Point) => r.baseline.expected, stroke: "currentColor", strokeOpacity: 0.7, strokeDasharray: "5,4", strokeWidth: 1.5, curve: "monotone-x"}),
      Plot.lineY(points, {x: "date", y: (r: Point) => r.scenario.expected, stroke: scenarioColor, strokeWidth: 2.5, curve: "monotone-x"}),
      Plot.dot(points, {x: "date", y: (r: Point) => r.scenario.expected, fill: scenarioColor, r: 2.5}),
      Plot.ruleY([0]),
      Plot.tip(
        points,
        Plot.pointerX({
          x: "date",
          y: (r: Point) => r.scenario.expected,
          title: (r: Point) =>
            `Week ${r.week}: ${r.start} to ${r.end}\n` +
            `Scenario: ${money(r.scenario.expected)} (${money(r.scenario.low)}–${money(r.scenario.high)})\n` +
            `No change: ${money(r.baseline.expected)} (${money(r.baseline.low)}–${money(r.baseline.high)})\n` +
            `Change: ${r.change >= 0 ? "+" : "−"}${money(Math.abs(r.change))}`
        })
      )
    ]
  }));
}
