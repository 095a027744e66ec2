// How the chosen model's calibrated scores spread over the test invoices that were paid late and those
// paid on time (each as a share of its own outcome, so the two shapes compare despite a 1:4 imbalance),
// with the flagged region right of the slider's threshold.
import * as Plot from "@observablehq/plot";
import type {ScoreBinsFile} from "../lib/pipeline/contract.js";
import {formatCount, formatPercent} from "../lib/core/format.js";
import {bad, good} from "./palette.js";
import {thresholdMarks} from "./model-thresholdTradeoff.js";
import {greatest, sum} from "d3";

export interface ScoreDistributionOptions {
  width: number;
  threshold: number;
  chosen: number;
  /** Score bins merged into one bar; default so that about 50 bars span 0–1. */
  merge?: number;
}

interface OutcomeBin {
  outcome: "Paid late" | "Paid on time";
  x1: number;
  x2: number;
  count: number;
  share: number;
}

/** Both outcomes' shares per merged bin. */
export function outcomeBins(file: ScoreBinsFile, merge: number): OutcomeBin[] {
  const late = sum(file.positives);
  const onTime = sum(file.negatives);
  const rows: OutcomeBin[] = [];
  for (let start = 0; start < file.bins; start += merge) {
    const end = Math.min(file.bins, start + merge);
    let p = 0, q = 0;
    for (let b = start; b < end; ++b) {
      p += file.positives[b];
      q += file.negatives[b];
    }
    const [x1, x2] = [start / file.bins, end / file.bins];
    rows.push({outcome: "Paid late", x1, x2, count: p, share: late ? p / late : 0});
    rows.push({outcome: "Paid on time", x1, x2, count: q, share: onTime ? q / onTime : 0});
  }
  return rows;
}

export function scoreDistributionChart(file: ScoreBinsFile, {width, threshold, chosen, merge = Math.max(1, Math.round(file.bins / 50))}: ScoreDistributionOptions) {
  const narrow = width < 480;
  const rows = outcomeBins(file, merge);
  const late = rows.filter((r) => r.outcome === "Paid late");
  const onTime = rows.filter((r) => r.outcome === "Paid on time");
  const yTop = Math.max(...rows.map((r) => r.share)) * 1.15;
  const peak = (list: OutcomeBin[]) => [greatest(list, (b) => b.share)!];
  const mid = (r: OutcomeBin) => (r.x1 + r.x2) / 2;
  const lateFlagged = sum(late.filter((r) => r.x1 >= threshold - 1e-12), (r) => r.share);
  const onTimeFlagged = sum(onTime.filter((r) => r.x1 >= threshold - 1e-12), (r) => r.share);
  return Plot.plot({
    width,
    height: 300,
    marginLeft: 44,
    marginBottom: 38,
    marginTop: 24,
    ariaLabel: "Distribution of the chosen model's test scores by outcome",
    ariaDescription:
      `Calibrated P(late) of ${formatCount(file.n)} test invoices in bins of ${formatPercent(merge / file.bins, 1)}, as a share of each outcome. ` +
      `Invoices paid on time cluster at low scores, late ones spread to high scores; at a threshold of ${formatPercent(threshold, 1)} ` +
      `about ${formatPercent(lateFlagged, 0)} of late and ${formatPercent(onTimeFlagged, 0)} of on-time invoices are flagged.`,
    x: {label: "Predicted P(late) →", domain: [0, 1], tickFormat: (d: number) => formatPercent(d, 0), ticks: narrow ? 4 : 10},
    y: {label: null, domain: [0, yTop], tickFormat: (d: number) => formatPercent(d, 0), grid: true, ticks: 5},
    marks: [
      ...thresholdMarks({threshold, chosen, yTop, narrow}),
      Plot.rectY(onTime, {x1: "x1", x2: "x2", y: "share", fill: good, fillOpacity: 0.45, insetLeft: 0.5, insetRight: 0.5}),
      Plot.lineY(late, {x: mid, y: "share", curve: "step", stroke: bad, strokeWidth: 2}),
      Plot.text(peak(onTime), {x: "x2", y: "share", dx: 6, textAnchor: "start", fill: "currentColor", stroke: "var(--theme-background-alt)", strokeWidth: 3, paintOrder: "stroke", fontSize: 11, text: () => "paid on time (bars)"}),
      Plot.text(peak(late.filter((r) => r.x1 >= 0.5).length ? late.filter((r) => r.x1 >= 0.5) : late), {
        x: mid,
        y: "share",
        dy: -8,
        textAnchor: "end",
        fill: "currentColor",
        stroke: "var(--theme-background-alt)",
        strokeWidth: 3,
        paintOrder: "stroke",
        fontSize: 11,
        text: () => "paid late (line)"
      }),
      Plot.tip(rows, Plot.pointerX({
        x: mid,
        y: "share",
        title: (r: OutcomeBin) => `${r.outcome}: ${formatCount(r.count)} invoices (${formatPercent(r.share, 1)})\nscored ${formatPercent(r.x1, 0)}–${formatPercent(r.x2, 0)}`
      })),
      Plot.ruleY([0])
    ]
  });
}
