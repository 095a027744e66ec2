import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatCount } from "../lib/core/format.3eed6561.js";
import { bad, good } from "./palette.3e60629a.js";
export function ruleName(id) {
  const words = id.replace(/-/g, " ");
  return words[0].toUpperCase() + words.slice(1);
}
const actionColor = { fixed: good, removed: "var(--theme-foreground-muted)", quarantined: bad };
export function cleaningRulesChart(rules, { width }) {
  const touched = rules.filter((r) => r.count > 0).map((r) => ({ ...r, name: ruleName(r.id), label: `${formatCount(r.count)} ${r.action}` }));
  const narrow = width < 520;
  const common = {
    width,
    ariaLabel: "Rows touched by each cleaning rule",
    ariaDescription: touched.map((r) => `${r.name}: ${formatCount(r.count)} rows ${r.action}`).join("; ") + ".",
    y: { label: null, domain: touched.map((r) => r.name), axis: narrow ? null : "left" }
  };
  if (narrow) {
    return Plot.plot({
      ...common,
      height: 30 + touched.length * 42,
      marginLeft: 8,
      marginRight: 16,
      x: { label: "Rows \u2192", grid: true, ticks: 4 },
      marks: [
        Plot.barX(touched, { x: "count", y: "name", fill: (r) => actionColor[r.action], insetTop: 20, insetBottom: 4 }),
        Plot.text(touched, { x: 0, y: "name", dy: -7, textAnchor: "start", fill: "currentColor", text: (r) => `${r.name} \xB7 ${r.label}` }),
        Plot.ruleX([0])
      ]
    });
  }
  return Plot.plot({
    ...common,
    height: 30 + touched.length * 28,
    marginLeft: Math.min(150, 12 + Math.max(...touched.map((r) => r.name.length)) * 6.6),
    marginRight: 110,
    x: { label: "Rows \u2192", grid: true, ticks: 6 },
    marks: [
      Plot.barX(touched, { x: "count", y: "name", fill: (r) => actionColor[r.action], insetTop: 3, insetBottom: 3 }),
      Plot.text(touched, { x: "count", y: "name", text: "label", dx: 5, textAnchor: "start", fill: "currentColor" }),
      Plot.ruleX([0])
    ]
  });
}
