// The decision curve: net value of the collection work (financing saved + write-offs recovered − cost of
// the actions) at each intervention threshold, the best one ringed and the reader's slider value marked.
import * as Plot from "@observablehq/plot";
import {formatCount, formatDecimal, formatMoney} from "../lib/core/format.js";
import type {InterventionOutcome} from "../lib/portfolio/scenario.js";
import {scenarioColor} from "./scenario-forecast.js";
import {sharePlotStyle} from "./scenario-plotStyle.js";

export interface DecisionCurveOptions {
  width: number;
  currency?: string;
  /** The outcome at the reader's threshold, which may lie between or beyond the curve's points. */
  current: InterventionOutcome;
  optimum: InterventionOutcome | null;
}

export function decisionCurveChart(points: readonly InterventionOutcome[], {width, currency = "USD", current, optimum}: DecisionCurveOptions) {
  const money = (v: number) => formatMoney(v, {currency});
  const t = (v: number) => formatDecimal(v, 2);
  const narrow = width < 480;
  // Labels sit on the side of the mark with more room, so that none runs off the plot.
  const side = (threshold: number) => (threshold >= 0.5 ? {textAnchor: "end" as const, dx: -8} : {textAnchor: "start" as const, dx: 8});
  const best = optimum ? [optimum] : [];
  const same = optimum !== null && Math.abs(optimum.threshold - current.threshold) < 1e-9;
  return sharePlotStyle(Plot.plot({
    width,
    height: narrow ? 260 : 300,
    marginLeft: 56,
    marginRight: 12,
    marginTop: 28,
    ariaLabel: "Net value of collection work by intervention threshold on P(late)",
    ariaDescription:
      (optimum ? `The best threshold is ${t(optimum.threshold)}, netting ${money(optimum.net)} from ${formatCount(optimum.actioned)} actions. ` : "") +
      `At your threshold of ${t(current.threshold)} the work nets ${money(current.net)} from ${formatCount(current.actioned)} actions costing ${money(current.cost)}.`,
    x: {label: "Intervene from P(late) →", domain: [0, 1], ticks: narrow ? 5 : 10, tickFormat: (v: number) => t(v)},
    y: {label: "↑ Net value of the work", grid: true, nice: true, tickFormat: (v: number) => money(v)},
    marks: [
      Plot.ruleY([0]),
      Plot.ruleX([current.threshold], {stroke: scenarioColor, strokeDasharray: "4,3", strokeWidth: 1.5}),
      Plot.lineY(points, {x: "threshold", y: "net", stroke: "currentColor", strokeWidth: 1.5}),
      Plot.dot(points, {x: "threshold", y: "net", fill: "currentColor", r: 2.5}),
      Plot.dot(best, {x: "threshold", y: "net", r: 7, stroke: "var(--good)", strokeWidth: 2.5}),
      Plot.text(best, {
        x: "threshold",
        y: "net",
        text: (o: InterventionOutcome) => (same ? `Best = yours: ${money(o.net)}` : `Best ${t(o.threshold)}: ${money(o.net)}`),
        dy: -14,
        ...side(optimum?.threshold ?? 0),
        fill: "currentColor",
        fontWeight: 600,
        stroke: "var(--theme-background)",
        strokeWidth: 3,
        paintOrder: "stroke"
      }),
      Plot.dot([current], {x: "threshold", y: "net", r: 5, fill: scenarioColor, symbol: "diamond"}),
      // The reader's label sits at the foot of their rule, clear of the curve's maximum where "best" is.
      same
        ? null
        : Plot.text([current], {
            x: "threshold",
            frameAnchor: "bottom",
            dy: -8,
            text: (o: InterventionOutcome) => `Yours ${t(o.threshold)}: ${money(o.net)}`,
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
          title: (o: InterventionOutcome) =>
            `From P(late) ${t(o.threshold)}: ${formatCount(o.actioned)} of ${formatCount(o.eligible)} eligible invoices worked\n` +
            `Financing saved ${money(o.financingValue)} + write-offs recovered ${money(o.recovered)}\n` +
            `− cost ${money(o.cost)} = net ${money(o.net)}`
        })
      )
    ]
  }));
}
