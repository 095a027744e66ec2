// Precision–recall curves of every model family on the test slice, overlaid, against the base rate
// (what flagging invoices at random would achieve).
import * as Plot from "@observablehq/plot";
import type {FamilyCurves} from "../lib/pipeline/contract.js";
import {formatDecimal, formatPercent} from "../lib/core/format.js";
import {curveFrame} from "./model-curveFrame.js";
import {prPoints} from "./model-familyStyle.js";

export interface PrCurvesOptions {
  width: number;
  chosen: string;
  /** Share of test invoices paid late: the precision of random flags. */
  baseRate: number;
}

export function prCurvesChart(curves: readonly FamilyCurves[], {width, chosen, baseRate}: PrCurvesOptions) {
  return curveFrame(curves, {
    width,
    chosen,
    points: prPoints,
    x: "recall",
    y: "precision",
    xLabel: "Recall (late invoices caught) →",
    yLabel: "↑ Precision (flagged invoices paid late)",
    ariaLabel: "Precision–recall curves of the model families on the test slice",
    ariaDescription: `Precision against recall on the test slice; PR AUC (average precision) ${curves
      .map((c) => `${c.familyName} ${formatDecimal(c.prAuc, 3)}`)
      .join(", ")}; flagging at random would be right ${formatPercent(baseRate)} of the time.`,
    reference: [
      Plot.ruleY([baseRate], {stroke: "currentColor", strokeOpacity: 0.6, strokeDasharray: "3,3"}),
      Plot.text([baseRate], {
        x: 0.02,
        y: (d: number) => d,
        dy: -7,
        textAnchor: "start",
        fill: "currentColor",
        fontSize: 10,
        text: (d: number) => `base rate ${formatPercent(d)}: flagging at random`
      })
    ],
    tip: (p) =>
      `${p.familyName}\nflag at P(late) ≥ ${p.threshold == null ? "–" : formatPercent(p.threshold, 1)}\n` +
      `${formatPercent(p.precision, 0)} of flagged invoices paid late\n${formatPercent(p.recall, 0)} of late invoices caught`
  });
}
