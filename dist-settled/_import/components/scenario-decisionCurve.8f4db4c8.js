import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatCount, formatDecimal, formatMoney } from "../lib/core/format.3eed6561.js";
import { scenarioColor } from "./scenario-forecast.7b2df364.js";
import { sharePlotStyle } from "./scenario-plotStyle.a2deef2c.js";
export function decisionCurveChart(points, { width, currency = "USD", current, optimum }) {
  const money = (v) => formatMoney(v, { currency });
  const t = (v) => formatDecimal(v, 2);
  const narrow = width < 480;
  const side = (threshold) => threshold >= 0.5 ? { textAnchor: "end", dx: -8 } : { textAnchor: "start", dx: 8 };
  const best = optimum ? [optimum] : [];
  const same = optimum !== null && Math.abs(optimum.threshold - current.threshold) < 1e-9;
  return sharePlotStyle(Plot.plot({
    width,
    height: narrow ? 260 : 300,
    marginLeft: 56,
    marginRight: 12,
    marginTop: 28,
    ariaLabel: "Net value of collection work by intervention threshold on P(late)",
    ariaDescription: (optimum ? `The best threshold is ${t(optimum.threshold)}, netting ${money(optimum.net)} from ${formatCount(optimum.actioned)} actions. ` : "") + `At your threshold of ${t(current.threshold)} the work nets ${money(current.net)} from ${formatCount(current.actioned)} actions costing ${money(current.cost)}.`,
    x: { label: "Intervene from P(late) \u2192", domain: [0, 1], ticks: narrow ? 5 : 10, tickFormat: (v) => t(v) },
    y: { label: "\u2191 Net value of the work", grid: true, nice: true, tickFormat: (v) => money(v) },
    marks: [
      Plot.ruleY([0]),
      Plot.ruleX([current.threshold], { stroke: scenarioColor, strokeDasharray: "4,3", strokeWidth: 1.5 }),
      Plot.lineY(points, { x: "threshold", y: "net", stroke: "currentColor", strokeWidth: 1.5 }),
      Plot.dot(points, { x: "threshold", y: "net", fill: "currentColor", r: 2.5 }),
      Plot.dot(best, { x: "threshold", y: "net", r: 7, stroke: "var(--good)", strokeWidth: 2.5 }),
      Plot.text(best, {
        x: "threshold",
        y: "net",
        text: (o) => same ? `Best = yours: ${money(o.net)}` : `Best ${t(o.threshold)}: ${money(o.net)}`,
        dy: -14,
        ...side(optimum?.threshold ?? 0),
        fill: "currentColor",
        fontWeight: 600,
        stroke: "var(--theme-background)",
        strokeWidth: 3,
        paintOrder: "stroke"
      }),
      Plot.dot([current], { x: "threshold", y: "net", r: 5, fill: scenarioColor, symbol: "diamond" }),
      // The reader's label sits at the foot of their rule, clear of the curve's maximum where "best" is.
      same ? null : Plot.text([current], {
        x: "threshold",
        frameAnchor: "bottom",
        dy: -8,
        text: (o) => `Yours ${t(o.threshold)}: ${money(o.net)}`,
        ...side(current.threshold),
        fill: scenarioColor,
        fontWeight: 600,
        stroke: "var(--theme-background)",
        strokeWidth: 3,
        paintOrder: "stroke"
      }),
      Plot.tip(
        points,
        Plot.pointerX({
          x: "threshold",
          y: "net",
          title: (o) => `From P(late) ${t(o.threshold)}: ${formatCount(o.actioned)} of ${formatCount(o.eligible)} eligible invoices worked
Financing saved ${money(o.financingValue)} + write-offs recovered ${money(o.recovered)}
\u2212 cost ${money(o.cost)} = net ${money(o.net)}`
        })
      )
    ]
  }));
}
