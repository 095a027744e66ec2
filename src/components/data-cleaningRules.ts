// Rows touched by each cleaning rule, coloured and labelled by what the rule did with them.
import * as Plot from "@observablehq/plot";
import type {CleaningRule} from "../lib/clean/index.js";
import {formatCount} from "../lib/core/format.js";
import {bad, good} from "./palette.js";

export interface CleaningRulesOptions {
  width: number;
}

/** "due-before-invoice" → "Due before invoice". */
export function ruleName(id: string): string {
  const words = id.replace(/-/g, " ");
  return words[0].toUpperCase() + words.slice(1);
}

const actionColor: Record<CleaningRule["action"], string> = {fixed: good, removed: "var(--theme-foreground-muted)", quarantined: bad};

export function cleaningRulesChart(rules: readonly CleaningRule[], {width}: CleaningRulesOptions) {
  const touched = rules.filter((r) => r.count > 0).map((r) => ({...r, name: ruleName(r.id), label: `${formatCount(r.count)} ${r.action}`}));
  type Row = (typeof touched)[number];
  // On a phone the rule names move above their bars, leaving the full width to the bars.
  const narrow = width < 520;
  const common = {
    width,
    ariaLabel: "Rows touched by each cleaning rule",
    ariaDescription: touched.map((r) => `${r.name}: ${formatCount(r.count)} rows ${r.action}`).join("; ") + ".",
    y: {label: null, domain: touched.map((r) => r.name), axis: narrow ? null : ("left" as const)}
  };
  if (narrow) {
    return Plot.plot({
      ...common,
      height: 30 + touched.length * 42,
      marginLeft: 8,
      marginRight: 16,
      x: {label: "Rows →", grid: true, ticks: 4},
      marks: [
        Plot.barX(touched, {x: "count", y: "name", fill: (r: Row) => actionColor[r.action], insetTop: 20, insetBottom: 4}),
        Plot.text(touched, {x: 0, y: "name", dy: -7, textAnchor: "start", fill: "currentColor", text: (r: Row) => `${r.name} · ${r.label}`}),
        Plot.ruleX([0])
      ]
    });
  }
  return Plot.plot({
    ...common,
    height: 30 + touched.length * 28,
    marginLeft: Math.min(150, 12 + Math.max(...touched.map((r) => r.name.length)) * 6.6),
    marginRight: 110,
    x: {label: "Rows →", grid: true, ticks: 6},
    marks: [
      Plot.barX(touched, {x: "count", y: "name", fill: (r: Row) => actionColor[r.action], insetTop: 3, insetBottom: 3}),
      Plot.text(touched, {x: "count", y: "name", text: "label", dx: 5, textAnchor: "start", fill: "currentColor"}),
      Plot.ruleX([0])
    ]
  });
}
