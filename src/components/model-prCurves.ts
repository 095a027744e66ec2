// Precision–recall curves of every model family on the test slice, overlaid, against the base rate
// (what flagging invoices at random would achieve).
import * as Plot from "@observablehq/plot";
import type {FamilyCurves} from "../lib/pipeline/contract.js";
import {formatDecimal, formatPercent} from "../lib/core/format.js";
import {familyStyle, prPoints} from "./model-familyStyle.js";

export interface PrCurvesOptions {
  width: number;
  chosen: string;
  /** Share of test invoices paid late: the precision of random flags. */
  baseRate: number;
}

export function prCurvesChart(curves: readonly FamilyCurves[], {width, chosen, baseRate}: PrCurvesOptions) {
  const ordered = [...curves].sort((a, b) => Number(a.family === chosen) - Number(b.family === chosen));
  const points = ordered.flatMap(prPoints);
  const narrow = width < 480;
  return Plot.plot({
    width,
    height: Math.min(width, 380),
    marginLeft: 44,
    marginBottom: 38,
    ariaLabel: "Precision–recall curves of the model families on the test slice",
    ariaDescription: `Precision against recall on the test slice; PR AUC (average precision) ${curves
      .map((c) => `${c.familyName} ${formatDecimal(c.prAuc, 3)}`)
      .join(", ")}; flagging at random would be right ${formatPercent(baseRate)} of the time.`,
    x: {label: "Recall (late invoices caught) →", domain: [0, 1], tickFormat: (d: number) => formatPercent(d, 0), ticks: narrow ? 4 : 5, grid: true},
    y: {label: "↑ Precision (flagged invoices paid late)", domain: [0, 1], tickFormat: (d: number) => formatPercent(d, 0), grid: true},
    marks: [
      Plot.ruleY([baseRate], {stroke: "currentColor", strokeOpacity: 0.6, strokeDasharray: "3,3"}),
      Plot.text([baseRate], {
        x: 0.02,
        y: (d: number) => d,
        dy: -7,
        textAnchor: "start",
        fill: "currentColor",
        fontSize: 10,
        text: (d: number) => `base rate ${formatPercent(d)}: flagging at random`
      }),
      ...ordered.map((c) => {
        const {color, dash} = familyStyle(c.family);
        return Plot.line(prPoints(c), {x: "recall", y: "precision", stroke: color, strokeDasharray: dash, strokeWidth: c.family === chosen ? 2.6 : 1.9});
      }),
      Plot.tip(points, Plot.pointer({
        x: "recall",
        y: "precision",
        title: (p: ReturnType<typeof prPoints>[number]) =>
          `${p.familyName}\nflag at P(late) ≥ ${p.threshold == null ? "–" : formatPercent(p.threshold, 1)}\n` +
          `${formatPercent(p.precision, 0)} of flagged invoices paid late\n${formatPercent(p.recall, 0)} of late invoices caught`
      })),
      Plot.ruleY([0]),
      Plot.ruleX([0])
    ]
  });
}
