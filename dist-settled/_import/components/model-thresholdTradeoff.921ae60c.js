import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatPercent } from "../lib/core/format.3eed6561.js";
export function thresholdMarks({ threshold, chosen, yTop, narrow }) {
  const same = Math.abs(threshold - chosen) < 1e-9;
  const farRight = threshold > 0.7;
  const chosenOnRight = chosen > threshold;
  return [
    Plot.rect([{ x1: threshold, x2: 1 }], { x1: "x1", x2: "x2", y1: 0, y2: yTop, fill: "currentColor", fillOpacity: 0.06 }),
    same ? null : Plot.ruleX([chosen], { stroke: "currentColor", strokeOpacity: 0.7, strokeDasharray: "4,3" }),
    same ? null : Plot.text([chosen], {
      x: (d) => d,
      y: yTop,
      dy: 10,
      dx: chosenOnRight ? 4 : -4,
      textAnchor: chosenOnRight ? "start" : "end",
      fill: "currentColor",
      stroke: "var(--theme-background-alt)",
      strokeWidth: 3,
      paintOrder: "stroke",
      fontSize: 10,
      text: (d) => narrow ? `chosen ${formatPercent(d, 1)}` : `chosen on validation: ${formatPercent(d, 1)}`
    }),
    Plot.ruleX([threshold], { stroke: "currentColor", strokeWidth: 2 }),
    // Above the frame, clear of the curves and of the labels inside it (the charts leave the y-axis label to their subtitle).
    Plot.text([threshold], {
      x: (d) => d,
      y: yTop,
      dy: -10,
      dx: farRight ? 4 : -4,
      textAnchor: farRight ? "end" : "start",
      fill: "currentColor",
      stroke: "var(--theme-background-alt)",
      strokeWidth: 3,
      paintOrder: "stroke",
      fontSize: 11,
      fontWeight: 600,
      text: (d) => `flag at \u2265 ${formatPercent(d, 1)}${same ? narrow ? " (chosen)" : " (chosen on validation)" : ""} \u2192`
    })
  ];
}
const series = [
  { key: "precision", label: "precision", color: "var(--segment-c)", dash: void 0 },
  { key: "recall", label: "recall", color: "var(--segment-b)", dash: "6,3" },
  { key: "flaggedShare", label: "flagged", color: "currentColor", dash: "2,3" }
];
function dodge(values, gap) {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const placed = new Array(values.length);
  let last = -Infinity;
  for (const { v, i } of order) {
    last = Math.max(v, last + gap);
    placed[i] = last;
  }
  return placed;
}
export function thresholdTradeoffChart(sweep, { width, threshold, chosen }) {
  const narrow = width < 480;
  const height = 300;
  const current = sweep.reduce((a, b) => Math.abs(b.threshold - threshold) < Math.abs(a.threshold - threshold) ? b : a);
  const values = series.map((s) => current[s.key]);
  const shown = series.map((s, i) => ({ ...s, value: values[i] })).filter((s) => Number.isFinite(s.value));
  const labelY = dodge(shown.map((s) => s.value), 14 / (height - 64));
  const labels = shown.map((s, i) => ({ ...s, labelY: labelY[i] }));
  const labelOnLeft = threshold > 0.6;
  return Plot.plot({
    width,
    height,
    marginLeft: 44,
    marginBottom: 38,
    marginTop: 24,
    ariaLabel: "Precision, recall and share of invoices flagged at each decision threshold",
    ariaDescription: `On the test slice, at a threshold of ${formatPercent(threshold, 1)}: precision ${formatPercent(current.precision, 0)}, recall ${formatPercent(current.recall, 0)}, ${formatPercent(current.flaggedShare, 0)} of invoices flagged; the threshold chosen on validation is ${formatPercent(chosen, 1)}. Raising the threshold flags fewer invoices, more of them late, and catches fewer late invoices.`,
    x: { label: narrow ? "Threshold: P(late) at least \u2192" : "Decision threshold: flag invoices with P(late) at least \u2192", domain: [0, 1], tickFormat: (d) => formatPercent(d, 0), ticks: narrow ? 4 : 10, grid: true },
    y: { label: null, domain: [0, 1], tickFormat: (d) => formatPercent(d, 0), grid: true },
    marks: [
      ...thresholdMarks({ threshold, chosen, yTop: 1, narrow }),
      ...series.map((s) => Plot.line(sweep, { x: "threshold", y: s.key, stroke: s.color, strokeWidth: 2, strokeDasharray: s.dash })),
      // One mark per series: CSS-variable colours are constants, not a colour channel Plot could read.
      ...shown.map((s) => Plot.dot([s], { x: () => current.threshold, y: "value", fill: s.color, stroke: "var(--theme-background-alt)", r: 4 })),
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
        text: (s) => `${s.label} ${formatPercent(s.value, 0)}`
      }),
      Plot.tip(sweep, Plot.pointerX({
        x: "threshold",
        y: "recall",
        title: (p) => `flag at P(late) \u2265 ${formatPercent(p.threshold, 1)}
precision ${formatPercent(p.precision, 1)}
recall ${formatPercent(p.recall, 1)}
flagged ${formatPercent(p.flaggedShare, 1)} of invoices`
      })),
      Plot.ruleY([0])
    ]
  });
}
