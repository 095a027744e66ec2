import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatDecimal, formatPercent } from "../lib/core/format.3eed6561.js";
import { familyStyle, prPoints } from "./model-familyStyle.e1386f7e.js";
export function prCurvesChart(curves, { width, chosen, baseRate }) {
  const ordered = [...curves].sort((a, b) => Number(a.family === chosen) - Number(b.family === chosen));
  const points = ordered.flatMap(prPoints);
  const narrow = width < 480;
  return Plot.plot({
    width,
    height: Math.min(width, 380),
    marginLeft: 44,
    marginBottom: 38,
    ariaLabel: "Precision\u2013recall curves of the model families on the test slice",
    ariaDescription: `Precision against recall on the test slice; PR AUC (average precision) ${curves.map((c) => `${c.familyName} ${formatDecimal(c.prAuc, 3)}`).join(", ")}; flagging at random would be right ${formatPercent(baseRate)} of the time.`,
    x: { label: "Recall (late invoices caught) \u2192", domain: [0, 1], tickFormat: (d) => formatPercent(d, 0), ticks: narrow ? 4 : 5, grid: true },
    y: { label: "\u2191 Precision (flagged invoices paid late)", domain: [0, 1], tickFormat: (d) => formatPercent(d, 0), grid: true },
    marks: [
      Plot.ruleY([baseRate], { stroke: "currentColor", strokeOpacity: 0.6, strokeDasharray: "3,3" }),
      Plot.text([baseRate], {
        x: 0.02,
        y: (d) => d,
        dy: -7,
        textAnchor: "start",
        fill: "currentColor",
        fontSize: 10,
        text: (d) => `base rate ${formatPercent(d)}: flagging at random`
      }),
      ...ordered.map((c) => {
        const { color, dash } = familyStyle(c.family);
        return Plot.line(prPoints(c), { x: "recall", y: "precision", stroke: color, strokeDasharray: dash, strokeWidth: c.family === chosen ? 2.6 : 1.9 });
      }),
      Plot.tip(points, Plot.pointer({
        x: "recall",
        y: "precision",
        title: (p) => `${p.familyName}
flag at P(late) \u2265 ${p.threshold == null ? "\u2013" : formatPercent(p.threshold, 1)}
${formatPercent(p.precision, 0)} of flagged invoices paid late
${formatPercent(p.recall, 0)} of late invoices caught`
      })),
      Plot.ruleY([0]),
      Plot.ruleX([0])
    ]
  });
}
