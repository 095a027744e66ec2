// ROC curves of every model family on the test slice, overlaid, against the chance diagonal.
import * as Plot from "@observablehq/plot";
import type {FamilyCurves} from "../lib/pipeline/contract.js";
import {formatDecimal, formatPercent} from "../lib/core/format.js";
import {familyStyle, rocPoints} from "./model-familyStyle.js";

export interface RocCurvesOptions {
  width: number;
  /** The report's family, drawn on top and thicker. */
  chosen: string;
}

export function rocCurvesChart(curves: readonly FamilyCurves[], {width, chosen}: RocCurvesOptions) {
  // The chosen family last, so that it is drawn over the others.
  const ordered = [...curves].sort((a, b) => Number(a.family === chosen) - Number(b.family === chosen));
  const points = ordered.flatMap(rocPoints);
  const narrow = width < 480;
  return Plot.plot({
    width,
    height: Math.min(width, 380),
    marginLeft: 44,
    marginBottom: 38,
    ariaLabel: "ROC curves of the model families on the test slice",
    ariaDescription: `True-positive rate against false-positive rate on the test slice; ROC AUC ${curves
      .map((c) => `${c.familyName} ${formatDecimal(c.auc, 3)}`)
      .join(", ")}; the diagonal is a coin toss (AUC 0.5).`,
    x: {label: "False-positive rate (on-time invoices flagged) →", domain: [0, 1], tickFormat: (d: number) => formatPercent(d, 0), ticks: narrow ? 4 : 5, grid: true},
    y: {label: "↑ True-positive rate (late invoices caught)", domain: [0, 1], tickFormat: (d: number) => formatPercent(d, 0), grid: true},
    marks: [
      Plot.line([[0, 0], [1, 1]], {stroke: "currentColor", strokeOpacity: 0.45, strokeDasharray: "3,3"}),
      Plot.text([[0.62, 0.62]], {text: () => "chance (AUC 0.5)", rotate: narrow ? 0 : -38, dy: 10, fill: "currentColor", fillOpacity: 0.7, fontSize: 10, textAnchor: "start"}),
      ...ordered.map((c) => {
        const {color, dash} = familyStyle(c.family);
        return Plot.line(rocPoints(c), {x: "falsePositiveRate", y: "truePositiveRate", stroke: color, strokeDasharray: dash, strokeWidth: c.family === chosen ? 2.6 : 1.9});
      }),
      Plot.tip(points, Plot.pointer({
        x: "falsePositiveRate",
        y: "truePositiveRate",
        title: (p: ReturnType<typeof rocPoints>[number]) =>
          `${p.familyName}\nflag at P(late) ≥ ${p.threshold == null ? "–" : formatPercent(p.threshold, 1)}\n` +
          `${formatPercent(p.truePositiveRate, 0)} of late invoices caught\n${formatPercent(p.falsePositiveRate, 0)} of on-time invoices flagged`
      })),
      Plot.ruleY([0]),
      Plot.ruleX([0])
    ]
  });
}
