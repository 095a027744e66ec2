import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatMoney, formatSigned } from "../lib/core/format.3eed6561.js";
import { scenarioColor } from "./scenario-forecast.7b2df364.js";
import { sharePlotStyle } from "./scenario-plotStyle.a2deef2c.js";
export function scenarioAgingChart(aging, { width, currency = "USD", horizonDays }) {
  const money = (v) => formatMoney(v, { currency });
  const label = (b) => b === "Current" ? "Not yet due" : `${b} days`;
  const perBucket = 56, padding = 0.12, marginTop = 10, marginBottom = 36;
  const band = aging.length * perBucket / (aging.length + padding) * (1 - padding);
  const bar = (band - 2) / 2;
  const offset = band / 2 - bar / 2;
  const max = Math.max(1, ...aging.flatMap((a) => [a.baseline, a.scenario]));
  const inside = (v) => v > max * 0.6;
  const baselineText = (a) => money(a.baseline);
  const scenarioText = (a) => `${money(a.scenario)} (${formatSigned(Math.abs(a.scenario - a.baseline) < 0.5 ? 0 : a.scenario - a.baseline, money)})`;
  const halo = { stroke: "var(--theme-background)", strokeWidth: 3, paintOrder: "stroke" };
  const labels = (x, text, dy) => [
    Plot.text(aging.filter((a) => !inside(x(a))), { y: "bucket", x, text, dy, dx: 4, textAnchor: "start", fill: "currentColor", fontSize: 10 }),
    Plot.text(aging.filter((a) => inside(x(a))), { y: "bucket", x, text, dy, dx: -4, textAnchor: "end", fill: "currentColor", fontSize: 10, ...halo })
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
    y: { label: null, domain: aging.map((a) => a.bucket), padding, tickFormat: label, tickSize: 0 },
    x: { label: `Expected open amount in ${horizonDays} days \u2192`, grid: true, ticks: width < 480 ? 3 : 5, tickFormat: (v) => money(v) },
    marks: [
      Plot.barX(aging, { y: "bucket", x: "baseline", fill: "currentColor", fillOpacity: 0.3, insetBottom: band - bar }),
      Plot.barX(aging, { y: "bucket", x: "scenario", fill: scenarioColor, fillOpacity: 0.85, insetTop: band - bar }),
      ...labels((a) => a.baseline, baselineText, -offset),
      ...labels((a) => a.scenario, scenarioText, offset),
      Plot.ruleX([0])
    ]
  }));
}
