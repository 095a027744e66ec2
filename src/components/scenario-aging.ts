// Expected aging of the open book at the horizon: no change (upper, faint bar) and this scenario (lower,
// coloured bar) in each bucket's band, the scenario bar labelled with its change, so that the shift
// between buckets reads without a legend. One band per bucket, split by insets rather than facets:
// this chart is redrawn at every slider step and facets cost several times more to draw.
import * as Plot from "@observablehq/plot";
import {formatMoney, formatSigned} from "../lib/core/format.js";
import type {ScenarioResult} from "../lib/portfolio/scenario.js";
import {scenarioColor} from "./scenario-forecast.js";
import {sharePlotStyle} from "./scenario-plotStyle.js";

export interface ScenarioAgingOptions {
  width: number;
  currency?: string;
  horizonDays: number;
}

type Row = ScenarioResult["aging"][number];

export function scenarioAgingChart(aging: ScenarioResult["aging"], {width, currency = "USD", horizonDays}: ScenarioAgingOptions) {
  const money = (v: number) => formatMoney(v, {currency});
  const label = (b: string) => (b === "Current" ? "Not yet due" : `${b} days`);
  // Band geometry in pixels, from the band scale's rule: step = range ÷ (n + padding), band = step × (1 − padding).
  const perBucket = 56, padding = 0.12, marginTop = 10, marginBottom = 36;
  const band = ((aging.length * perBucket) / (aging.length + padding)) * (1 - padding);
  const bar = (band - 2) / 2;
  const offset = band / 2 - bar / 2;
  const max = Math.max(1, ...aging.flatMap((a) => [a.baseline, a.scenario]));
  // Labels sit right of short bars and inside long ones, so that none runs off the plot.
  const inside = (v: number) => v > max * 0.6;
  const baselineText = (a: Row) => money(a.baseline);
  const scenarioText = (a: Row) => `${money(a.scenario)} (${formatSigned(Math.abs(a.scenario - a.baseline) < 0.5 ? 0 : a.scenario - a.baseline, money)})`;
  const halo = {stroke: "var(--theme-background)", strokeWidth: 3, paintOrder: "stroke"} as const;
  const labels = (x: (a: Row) => number, text: (a: Row) => string, dy: number) => [
    Plot.text(aging.filter((a) => !inside(x(a))), {y: "bucket", x, text, dy, dx: 4, textAnchor: "start", fill: "currentColor", fontSize: 10}),
    Plot.text(aging.filter((a) => inside(x(a))), {y: "bucket", x, text, dy, dx: -4, textAnchor: "end", fill: "currentColor", fontSize: 10, ...halo})
  ];
  return sharePlotStyle(Plot.plot({
    width,
    height: marginTop + marginBottom + aging.length * perBucket,
    marginTop,
    marginBottom,
    marginLeft: 84,
    marginRight: 8,
    ariaLabel: `Expected open amount by aging bucket in ${horizonDays} days, no change and this scenario`,
    ariaDescription: aging.map((a) => `${label(a.bucket)}: ${money(a.baseline)} with no change, ${money(a.scenario)} in the scenario`).join("; ") + ".",
    y: {label: null, domain: aging.map((a) => a.bucket), padding, tickFormat: label, tickSize: 0},
    x: {label: `Expected open amount in ${horizonDays} days →`, grid: true, ticks: width < 480 ? 3 : 5, tickFormat: (v: number) => money(v)},
    marks: [
      Plot.barX(aging, {y: "bucket", x: "baseline", fill: "currentColor", fillOpacity: 0.3, insetBottom: band - bar}),
      Plot.barX(aging, {y: "bucket", x: "scenario", fill: scenarioColor, fillOpacity: 0.85, insetTop: band - bar}),
      ...labels((a) => a.baseline, baselineText, -offset),
      ...labels((a) => a.scenario, scenarioText, offset),
      Plot.ruleX([0])
    ]
  }));
}
