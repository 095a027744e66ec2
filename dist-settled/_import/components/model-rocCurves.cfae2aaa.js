import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatDecimal, formatPercent } from "../lib/core/format.3eed6561.js";
import { familyStyle, rocPoints } from "./model-familyStyle.e1386f7e.js";
export function rocCurvesChart(curves, { width, chosen }) {
  const ordered = [...curves].sort((a, b) => Number(a.family === chosen) - Number(b.family === chosen));
  const points = ordered.flatMap(rocPoints);
  const narrow = width < 480;
  return Plot.plot({
    width,
    height: Math.min(width, 380),
    marginLeft: 44,
    marginBottom: 38,
    ariaLabel: "ROC curves of the model families on the test slice",
    ariaDescription: `True-positive rate against false-positive rate on the test slice; ROC AUC ${curves.map((c) => `${c.familyName} ${formatDecimal(c.auc, 3)}`).join(", ")}; the diagonal is a coin toss (AUC 0.5).`,
    x: { label: "False-positive rate (on-time invoices flagged) \u2192", domain: [0, 1], tickFormat: (d) => formatPercent(d, 0), ticks: narrow ? 4 : 5, grid: true },
    y: { label: "\u2191 True-positive rate (late invoices caught)", domain: [0, 1], tickFormat: (d) => formatPercent(d, 0), grid: true },
    marks: [
      Plot.line([[0, 0], [1, 1]], { stroke: "currentColor", strokeOpacity: 0.45, strokeDasharray: "3,3" }),
      Plot.text([[0.62, 0.62]], { text: () => "chance (AUC 0.5)", rotate: narrow ? 0 : -38, dy: 10, fill: "currentColor", fillOpacity: 0.7, fontSize: 10, textAnchor: "start" }),
      ...ordered.map((c) => {
        const { color, dash } = familyStyle(c.family);
        return Plot.line(rocPoints(c), { x: "falsePositiveRate", y: "truePositiveRate", stroke: color, strokeDasharray: dash, strokeWidth: c.family === chosen ? 2.6 : 1.9 });
      }),
      Plot.tip(points, Plot.pointer({
        x: "falsePositiveRate",
        y: "truePositiveRate",
        title: (p) => `${p.familyName}
flag at P(late) \u2265 ${p.threshold == null ? "\u2013" : formatPercent(p.threshold, 1)}
${formatPercent(p.truePositiveRate, 0)} of late invoices caught
${formatPercent(p.falsePositiveRate, 0)} of on-time invoices flagged`
      })),
      Plot.ruleY([0]),
      Plot.ruleX([0])
    ]
  });
}
