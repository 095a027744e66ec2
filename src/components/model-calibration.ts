// Reliability diagram of the chosen model on the test slice: the mean predicted P(late) of each score
// bin against the share of its invoices that was in fact paid late, before and after calibration,
// against the diagonal of perfect calibration. Dot area shows how many invoices a bin holds. The series
// are told apart by line style and fill (legend on the page), not by colour alone.
import * as Plot from "@observablehq/plot";
import type {CalibrationFacts, ReliabilityBins} from "../lib/pipeline/contract.js";
import {calibrationMethodName} from "../lib/views/model.js";
import {formatCount, formatDecimal, formatPercent} from "../lib/core/format.js";

export interface CalibrationOptions {
  width: number;
  /** Colour of the calibrated curve (the chosen family's). */
  color: string;
}

interface ReliabilityPoint {
  series: string;
  lower: number;
  upper: number;
  meanPredicted: number;
  observedRate: number;
  count: number;
}

function reliabilityPoints(bins: ReliabilityBins, series: string): ReliabilityPoint[] {
  const points: ReliabilityPoint[] = [];
  for (let k = 0; k < bins.length; ++k) {
    const meanPredicted = bins.meanPredicted[k], observedRate = bins.observedRate[k];
    if (!bins.count[k] || meanPredicted === null || observedRate === null) continue;
    points.push({series, lower: bins.lower[k], upper: bins.upper[k], meanPredicted, observedRate, count: bins.count[k]});
  }
  return points;
}

export function calibrationChart(calibration: CalibrationFacts, {width, color}: CalibrationOptions) {
  const same = calibration.method === "none";
  const after = reliabilityPoints(calibration.binsAfter, same ? "Model's scores, used as they are" : `After ${calibrationMethodName(calibration.method).toLowerCase()}`);
  const before = same ? [] : reliabilityPoints(calibration.binsBefore, "Before calibration");
  const all = [...before, ...after];
  return Plot.plot({
    width,
    height: Math.min(width, 380),
    marginLeft: 44,
    marginBottom: 38,
    ariaLabel: "Reliability diagram of the chosen model on the test slice",
    ariaDescription:
      `Predicted against observed late rate in ${after.length} bins of test invoices; ` +
      (same
        ? `no calibration applied, Brier score ${formatDecimal(calibration.brierAfter, 3)}. `
        : `Brier score ${formatDecimal(calibration.brierBefore, 3)} before and ${formatDecimal(calibration.brierAfter, 3)} after ${calibrationMethodName(calibration.method)}. `) +
      after.map((p) => `predicted ${formatPercent(p.meanPredicted, 0)}, observed ${formatPercent(p.observedRate, 0)} (${formatCount(p.count)} invoices)`).join("; "),
    x: {label: "Predicted P(late) (bin mean) →", domain: [0, 1], tickFormat: (d: number) => formatPercent(d, 0), ticks: width < 480 ? 4 : 5, grid: true},
    y: {label: "↑ Observed: share paid late", domain: [0, 1], tickFormat: (d: number) => formatPercent(d, 0), grid: true},
    r: {type: "sqrt", domain: [0, Math.max(1, ...all.map((p) => p.count))], range: [0, 9]},
    marks: [
      Plot.line([[0, 0], [1, 1]], {stroke: "currentColor", strokeOpacity: 0.45, strokeDasharray: "3,3"}),
      Plot.text([[0.6, 0.6]], {text: () => "perfect calibration", dx: 6, dy: 12, textAnchor: "start", fill: "currentColor", fillOpacity: 0.7, fontSize: 10}),
      before.length ? Plot.line(before, {x: "meanPredicted", y: "observedRate", stroke: "currentColor", strokeOpacity: 0.6, strokeDasharray: "4,3"}) : null,
      before.length ? Plot.dot(before, {x: "meanPredicted", y: "observedRate", r: "count", stroke: "currentColor", strokeOpacity: 0.7, fill: "none"}) : null,
      Plot.line(after, {x: "meanPredicted", y: "observedRate", stroke: color, strokeWidth: 2}),
      Plot.dot(after, {x: "meanPredicted", y: "observedRate", r: "count", fill: color, fillOpacity: 0.75, stroke: "var(--theme-background-alt)", strokeWidth: 0.75}),
      Plot.tip(all, Plot.pointer({
        x: "meanPredicted",
        y: "observedRate",
        title: (p: ReliabilityPoint) =>
          `${p.series}\nscores ${formatPercent(p.lower, 0)}–${formatPercent(p.upper, 0)}: ${formatCount(p.count)} invoices\n` +
          `predicted ${formatPercent(p.meanPredicted, 1)} late, observed ${formatPercent(p.observedRate, 1)}`
      })),
      Plot.ruleY([0]),
      Plot.ruleX([0])
    ]
  });
}
