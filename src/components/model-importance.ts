// Permutation importance of one model family on the test slice: how much test ROC AUC drops when one
// feature group is shuffled (mean of the repeats, whisker ± one standard deviation). Bars near zero
// or below it are noise: the model does not rely on that group.
import * as Plot from "@observablehq/plot";
import type {FamilyImportance, FeatureOptionsSection} from "../lib/pipeline/contract.js";
import {featureGroupDescription} from "../lib/views/definitions/model.js";
import {featureLabel} from "../lib/views/model.js";
import {formatDecimal} from "../lib/core/format.js";

export interface ImportanceOptions {
  width: number;
  color: string;
  /** model.json's `features.options`, for each group's description in its tooltip. */
  featureOptions: FeatureOptionsSection;
  /** Show at most this many groups (the largest); default all. */
  top?: number;
}

/** Three decimals without a "-0.000": noise around zero reads as zero. */
const drop = (v: number) => formatDecimal(Math.abs(v) < 0.0005 ? 0 : v, 3);

type GroupRow = FamilyImportance["groups"][number] & {label: string; description: string};

export function importanceChart(entry: FamilyImportance, {width, color, featureOptions, top = Infinity}: ImportanceOptions) {
  const rows: GroupRow[] = entry.groups
    .slice(0, top)
    .map((g) => ({...g, label: featureLabel(g.group), description: featureGroupDescription(g.group, featureOptions)}));
  const narrow = width < 480;
  const longest = Math.max(...rows.map((g) => g.label.length), 4);
  const xMax = Math.max(0.005, ...rows.map((g) => g.mean + g.sd));
  const xMin = Math.min(0, ...rows.map((g) => g.mean - g.sd));
  return Plot.plot({
    width,
    height: 30 + rows.length * (narrow ? 22 : 20),
    marginLeft: Math.min(narrow ? 120 : 170, 12 + longest * 6.4),
    marginRight: 48,
    ariaLabel: `Permutation importance of the ${entry.familyName.toLowerCase()} model`,
    ariaDescription:
      `Drop in test ROC AUC (baseline ${formatDecimal(entry.baselineAuc, 3)}) when each feature group is shuffled: ` +
      rows.slice(0, 6).map((g) => `${g.label} ${drop(g.mean)}`).join(", ") +
      (rows.length > 6 ? `; the other ${rows.length - 6} groups ${drop(rows[6].mean)} or less.` : "."),
    x: {label: "Drop in test ROC AUC when shuffled →", domain: [xMin, xMax * 1.08], ticks: narrow ? 3 : 6, grid: true, tickFormat: (d: number) => formatDecimal(d, 2)},
    y: {label: null, domain: rows.map((g) => g.label)},
    marks: [
      Plot.barX(rows, {x: "mean", y: "label", fill: color, fillOpacity: (g: GroupRow) => (g.mean - g.sd > 0 ? 0.85 : 0.3), insetTop: 2, insetBottom: 2}),
      Plot.ruleY(rows, {y: "label", x1: (g: GroupRow) => g.mean - g.sd, x2: (g: GroupRow) => g.mean + g.sd, stroke: "currentColor", strokeOpacity: 0.7}),
      Plot.text(rows, {x: (g: GroupRow) => Math.max(g.mean + g.sd, 0), y: "label", dx: 4, textAnchor: "start", fill: "currentColor", fontSize: 10, text: (g: GroupRow) => drop(g.mean)}),
      Plot.tip(rows, Plot.pointerY({
        x: "mean",
        y: "label",
        title: (g: GroupRow) => `${g.label}: shuffling it changes test ROC AUC by ${formatDecimal(-g.mean, 4)} (± ${formatDecimal(g.sd, 4)})\n${g.description}`
      })),
      Plot.ruleX([0])
    ]
  });
}
