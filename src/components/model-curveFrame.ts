// The frame the ROC and PR charts share: every model family's curve on the test slice, overlaid on
// 0–100 % axes, the chosen family drawn last and thicker, a reference for a model without skill, and a
// tip at the nearest point saying what flagging at that threshold means.
import * as Plot from "@observablehq/plot";
import type {FamilyCurves} from "../lib/pipeline/contract.js";
import {formatPercent} from "../lib/core/format.js";
import {familyStyle} from "./model-familyStyle.js";

export interface CurveFrameOptions<P> {
  width: number;
  /** The report's family, drawn on top and thicker. */
  chosen: string;
  /** A family's curve as rows, and the columns of a row plotted on x and y. */
  points: (curve: FamilyCurves) => P[];
  x: keyof P & string;
  y: keyof P & string;
  xLabel: string;
  yLabel: string;
  ariaLabel: string;
  ariaDescription: string;
  /** What a model without skill draws (the chance diagonal, the base rate), under the curves. */
  reference: Plot.Markish[];
  /** The tip's text for a point. */
  tip: (point: P) => string;
}

export function curveFrame<P>(curves: readonly FamilyCurves[], {width, chosen, points, x, y, xLabel, yLabel, ariaLabel, ariaDescription, reference, tip}: CurveFrameOptions<P>) {
  // The chosen family last, so that it is drawn over the others.
  const ordered = [...curves].sort((a, b) => Number(a.family === chosen) - Number(b.family === chosen));
  const narrow = width < 480;
  return Plot.plot({
    width,
    height: Math.min(width, 380),
    marginLeft: 44,
    marginBottom: 38,
    ariaLabel,
    ariaDescription,
    x: {label: xLabel, domain: [0, 1], tickFormat: (d: number) => formatPercent(d, 0), ticks: narrow ? 4 : 5, grid: true},
    y: {label: yLabel, domain: [0, 1], tickFormat: (d: number) => formatPercent(d, 0), grid: true},
    marks: [
      ...reference,
      ...ordered.map((c) => {
        const {color, dash} = familyStyle(c.family);
        return Plot.line(points(c), {x, y, stroke: color, strokeDasharray: dash, strokeWidth: c.family === chosen ? 2.6 : 1.9});
      }),
      Plot.tip(ordered.flatMap(points), Plot.pointer({x, y, title: tip})),
      Plot.ruleY([0]),
      Plot.ruleX([0])
    ]
  });
}
