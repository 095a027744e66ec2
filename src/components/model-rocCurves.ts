// ROC curves of every model family on the test slice, overlaid, against the chance diagonal.
import * as Plot from "@observablehq/plot";
import type {FamilyCurves} from "../lib/pipeline/contract.js";
import {formatDecimal, formatPercent} from "../lib/core/format.js";
import {curveFrame} from "./model-curveFrame.js";
import {rocPoints} from "./model-familyStyle.js";

export interface RocCurvesOptions {
  width: number;
  /** The report's family, drawn on top and thicker. */
  chosen: string;
}

export function rocCurvesChart(curves: readonly FamilyCurves[], {width, chosen}: RocCurvesOptions) {
  return curveFrame(curves, {
    width,
    chosen,
    points: rocPoints,
    x: "falsePositiveRate",
    y: "truePositiveRate",
    xLabel: "False-positive rate (on-time invoices flagged) →",
    yLabel: "↑ True-positive rate (late invoices caught)",
    ariaLabel: "ROC curves of the model families on the test slice",
    ariaDescription: `True-positive rate against false-positive rate on the test slice; ROC AUC ${curves
      .map((c) => `${c.familyName} ${formatDecimal(c.auc, 3)}`)
      .join(", ")}; the diagonal is a coin toss (AUC 0.5).`,
    reference: [
      Plot.line([[0, 0], [1, 1]], {stroke: "currentColor", strokeOpacity: 0.45, strokeDasharray: "3,3"}),
      Plot.text([[0.62, 0.62]], {text: () => "chance (AUC 0.5)", rotate: width < 480 ? 0 : -38, dy: 10, fill: "currentColor", fillOpacity: 0.7, fontSize: 10, textAnchor: "start"})
    ],
    tip: (p) =>
      `${p.familyName}\nflag at P(late) ≥ ${p.threshold == null ? "–" : formatPercent(p.threshold, 1)}\n` +
      `${formatPercent(p.truePositiveRate, 0)} of late invoices caught\n${formatPercent(p.falsePositiveRate, 0)} of on-time invoices flagged`
  });
}
