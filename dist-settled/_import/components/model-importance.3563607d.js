import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { featureLabel } from "../lib/views/model.dc97c8d6.js";
import { formatDecimal } from "../lib/core/format.3eed6561.js";
const drop = (v) => formatDecimal(Math.abs(v) < 5e-4 ? 0 : v, 3);
export function importanceChart(entry, { width, color, top = Infinity }) {
  const rows = entry.groups.slice(0, top).map((g) => ({ ...g, label: featureLabel(g.group) }));
  const narrow = width < 480;
  const longest = Math.max(...rows.map((g) => g.label.length), 4);
  const xMax = Math.max(5e-3, ...rows.map((g) => g.mean + g.sd));
  const xMin = Math.min(0, ...rows.map((g) => g.mean - g.sd));
  return Plot.plot({
    width,
    height: 30 + rows.length * (narrow ? 22 : 20),
    marginLeft: Math.min(narrow ? 120 : 170, 12 + longest * 6.4),
    marginRight: 48,
    ariaLabel: `Permutation importance of the ${entry.familyName.toLowerCase()} model`,
    ariaDescription: `Drop in test ROC AUC (baseline ${formatDecimal(entry.baselineAuc, 3)}) when each feature group is shuffled: ` + rows.slice(0, 6).map((g) => `${g.label} ${drop(g.mean)}`).join(", ") + (rows.length > 6 ? `; the other ${rows.length - 6} groups ${drop(rows[6].mean)} or less.` : "."),
    x: { label: "Drop in test ROC AUC when shuffled \u2192", domain: [xMin, xMax * 1.08], ticks: narrow ? 3 : 6, grid: true, tickFormat: (d) => formatDecimal(d, 2) },
    y: { label: null, domain: rows.map((g) => g.label) },
    marks: [
      Plot.barX(rows, { x: "mean", y: "label", fill: color, fillOpacity: (g) => g.mean - g.sd > 0 ? 0.85 : 0.3, insetTop: 2, insetBottom: 2 }),
      Plot.ruleY(rows, { y: "label", x1: (g) => g.mean - g.sd, x2: (g) => g.mean + g.sd, stroke: "currentColor", strokeOpacity: 0.7 }),
      Plot.text(rows, { x: (g) => Math.max(g.mean + g.sd, 0), y: "label", dx: 4, textAnchor: "start", fill: "currentColor", fontSize: 10, text: (g) => drop(g.mean) }),
      Plot.tip(rows, Plot.pointerY({
        x: "mean",
        y: "label",
        title: (g) => `${g.label}: shuffling it changes test ROC AUC by ${formatDecimal(-g.mean, 4)} (\xB1 ${formatDecimal(g.sd, 4)})
${g.description}`
      })),
      Plot.ruleX([0])
    ]
  });
}
