// What each decision threshold buys on the test slice: precision (flagged invoices that were paid
// late), recall (late invoices flagged) and the share of invoices flagged, at every threshold the
// slider offers, with the slider's threshold and the one chosen on validation marked.
import * as Plot from "@observablehq/plot";
import type {SweepPoint} from "../lib/views/model.js";
import {formatPercent} from "../lib/core/format.js";
import {least} from "d3";

export interface ThresholdMarksOptions {
  /** The slider's threshold. */
  threshold: number;
  /** The threshold chosen on the validation slice. */
  chosen: number;
  /** Top of the y domain, where the labels sit. */
  yTop: number;
  narrow: boolean;
}

/** A label at a threshold on the x axis, haloed in the card's background so that curves under it stay readable. */
const thresholdLabel = {x: (d: number) => d, fill: "currentColor", stroke: "var(--theme-background-alt)", strokeWidth: 3, paintOrder: "stroke"} as const;

/** The current threshold (solid) and the validation choice (dashed), each labelled: shared by both slider charts. */
export function thresholdMarks({threshold, chosen, yTop, narrow}: ThresholdMarksOptions) {
  const same = Math.abs(threshold - chosen) < 1e-9;
  const farRight = threshold > 0.7;
  const chosenOnRight = chosen > threshold;
  return [
    Plot.rect([{x1: threshold, x2: 1}], {x1: "x1", x2: "x2", y1: 0, y2: yTop, fill: "currentColor", fillOpacity: 0.06}),
    same ? null : Plot.ruleX([chosen], {stroke: "currentColor", strokeOpacity: 0.7, strokeDasharray: "4,3"}),
    same
      ? null
      : Plot.text([chosen], {
          ...thresholdLabel,
          y: yTop,
          dy: 10,
          dx: chosenOnRight ? 4 : -4,
          textAnchor: chosenOnRight ? "start" : "end",
          fontSize: 10,
          text: (d: number) => (narrow ? `chosen ${formatPercent(d, 1)}` : `chosen on validation: ${formatPercent(d, 1)}`)
        }),
    Plot.ruleX([threshold], {stroke: "currentColor", strokeWidth: 2}),
    // Above the frame, clear of the curves and of the labels inside it (the charts leave the y-axis label to their subtitle).
    Plot.text([threshold], {
      ...thresholdLabel,
      y: yTop,
      dy: -10,
      dx: farRight ? 4 : -4,
      textAnchor: farRight ? "end" : "start",
      fontSize: 11,
      fontWeight: 600,
      text: (d: number) => `flag at ≥ ${formatPercent(d, 1)}${same ? (narrow ? " (chosen)" : " (chosen on validation)") : ""} →`
    })
  ];
}

export interface ThresholdTradeoffOptions {
  width: number;
  threshold: number;
  chosen: number;
}

const series = [
  {key: "precision", label: "precision", color: "var(--segment-c)", dash: undefined},
  {key: "recall", label: "recall", color: "var(--segment-b)", dash: "6,3"},
  {key: "flaggedShare", label: "flagged", color: "currentColor", dash: "2,3"}
] as const;

type SeriesKey = (typeof series)[number]["key"];

/** Label positions at least `gap` apart (in y units), in the order of the values. */
function dodge(values: number[], gap: number): number[] {
  const order = values.map((v, i) => ({v, i})).sort((a, b) => a.v - b.v);
  const placed = new Array<number>(values.length);
  let last = -Infinity;
  for (const {v, i} of order) {
    last = Math.max(v, last + gap);
    placed[i] = last;
  }
  return placed;
}

export function thresholdTradeoffChart(sweep: readonly SweepPoint[], {width, threshold, chosen}: ThresholdTradeoffOptions) {
  const narrow = width < 480;
  const height = 300;
  const current = least(sweep, (b) => Math.abs(b.threshold - threshold))!;
  const values = series.map((s) => current[s.key as SeriesKey]);
  const shown = series.map((s, i) => ({...s, value: values[i]})).filter((s) => Number.isFinite(s.value));
  const labelY = dodge(shown.map((s) => s.value), 14 / (height - 64));
  const labels = shown.map((s, i) => ({...s, labelY: labelY[i]}));
  const labelOnLeft = threshold > 0.6;
  return Plot.plot({
    width,
    height,
    marginLeft: 44,
    marginBottom: 38,
    marginTop: 24,
    ariaLabel: "Precision, recall and share of invoices flagged at each decision threshold",
    ariaDescription:
      `On the test slice, at a threshold of ${formatPercent(threshold, 1)}: precision ${formatPercent(current.precision, 0)}, recall ${formatPercent(current.recall, 0)}, ` +
      `${formatPercent(current.flaggedShare, 0)} of invoices flagged; the threshold chosen on validation is ${formatPercent(chosen, 1)}. Raising the threshold flags fewer invoices, more of them late, and catches fewer late invoices.`,
    x: {label: narrow ? "Threshold: P(late) at least →" : "Decision threshold: flag invoices with P(late) at least →", domain: [0, 1], tickFormat: (d: number) => formatPercent(d, 0), ticks: narrow ? 4 : 10, grid: true},
    y: {label: null, domain: [0, 1], tickFormat: (d: number) => formatPercent(d, 0), grid: true},
    marks: [
      ...thresholdMarks({threshold, chosen, yTop: 1, narrow}),
      ...series.map((s) => Plot.line(sweep, {x: "threshold", y: s.key, stroke: s.color, strokeWidth: 2, strokeDasharray: s.dash})),
      // One mark per series: CSS-variable colours are constants, not a colour channel Plot could read.
      ...shown.map((s) => Plot.dot([s], {x: () => current.threshold, y: "value", fill: s.color, stroke: "var(--theme-background-alt)", r: 4})),
      Plot.text(labels, {
        x: () => current.threshold,
        y: "labelY",
        dx: labelOnLeft ? -9 : 9,
        textAnchor: labelOnLeft ? "end" : "start",
        fill: "currentColor",
        fontSize: 11,
        stroke: "var(--theme-background-alt)",
        strokeWidth: 3,
        paintOrder: "stroke",
        text: (s: (typeof labels)[number]) => `${s.label} ${formatPercent(s.value, 0)}`
      }),
      Plot.tip(sweep, Plot.pointerX({
        x: "threshold",
        y: "recall",
        title: (p: SweepPoint) =>
          `flag at P(late) ≥ ${formatPercent(p.threshold, 1)}\nprecision ${formatPercent(p.precision, 1)}\nrecall ${formatPercent(p.recall, 1)}\nflagged ${formatPercent(p.flaggedShare, 1)} of invoices`
      })),
      Plot.ruleY([0])
    ]
  });
}
