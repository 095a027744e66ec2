// Each cluster's profile: the mean standardised value of every feature (0 = the average clustered
// customer; ±1 = one standard deviation), as a heat map in two diverging colours whose strength grows with
// the distance from average. The signed value is written in each cell wide enough, so the colour is never
// the only carrier; features that describe the clusters but do not form them are marked †.
import * as Plot from "@observablehq/plot";
import {formatDecimal} from "../lib/core/format.js";
import type {ProfileCell} from "../lib/views/segments.js";
import {shortFeatureLabels} from "./segments-labels.js";

export interface ProfileOptions {
  width: number;
  /** Cluster names in table order. */
  clusters: readonly string[];
  /** Features top to bottom; `describes`: shown but not clustered on (marked †). */
  features: readonly {key: string; label: string; describes: boolean}[];
}

const above = "var(--theme-red)";
const below = "var(--theme-blue)";
/** "+1.1", "−0.4", and "0.0" rather than "+0.0" for what rounds to zero. */
const signed = (z: number) => {
  const r = Math.round(z * 10) / 10;
  return `${r > 0 ? "+" : r < 0 ? "−" : ""}${formatDecimal(Math.abs(r), 1)}`;
};

export function profileChart(cells: readonly ProfileCell[], {width, clusters, features}: ProfileOptions) {
  const narrow = width < 480;
  // On a phone with many clusters the full names would leave the columns too narrow for their names.
  const short = narrow && clusters.length > 4;
  const name = new Map(features.map((f) => [f.key, `${short ? shortFeatureLabels[f.key] ?? f.label : f.label}${f.describes ? " †" : ""}`]));
  const rows = cells.map((c) => ({...c, row: name.get(c.feature) ?? c.label}));
  type Row = (typeof rows)[number];
  const domain = features.map((f) => name.get(f.key)!);
  const longest = Math.max(...domain.map((f) => f.length), 8);
  const marginLeft = Math.min(narrow ? 150 : 190, 10 + longest * (narrow ? 5.9 : 6.4));
  const columnWidth = Math.min(88, (width - marginLeft - 8) / Math.max(1, clusters.length));
  const rowHeight = narrow ? 24 : 26;
  const showText = columnWidth >= 34;
  const extreme = [...cells].sort((a, b) => Math.abs(b.z) - Math.abs(a.z)).slice(0, 3);
  return Plot.plot({
    width: Math.min(width, marginLeft + 8 + columnWidth * clusters.length),
    height: 30 + rowHeight * domain.length,
    marginLeft,
    marginRight: 8,
    marginTop: 28,
    marginBottom: 2,
    ariaLabel: "Heat map of standardised feature means per cluster",
    ariaDescription:
      `Mean standardised feature values for clusters ${clusters.join(", ")}; largest departures from average: ` +
      extreme.map((c) => `${c.cluster} ${c.label} ${signed(c.z)} standard deviations`).join("; ") +
      ".",
    x: {domain: [...clusters], axis: "top", label: null, tickSize: 0},
    y: {domain, label: null, tickSize: 0},
    marks: [
      Plot.cell(rows, {
        x: "cluster",
        y: "row",
        fill: (c: Row) => (c.z >= 0 ? above : below),
        fillOpacity: (c: Row) => (Number.isFinite(c.z) ? Math.min(0.85, 0.08 + Math.abs(c.z) * 0.4) : 0),
        inset: 1
      }),
      Plot.cell(rows, {x: "cluster", y: "row", stroke: "currentColor", strokeOpacity: 0.12, fill: "none", inset: 1}),
      showText
        ? Plot.text(rows, {
            x: "cluster",
            y: "row",
            text: (c: Row) => (Number.isFinite(c.z) ? signed(c.z) : "–"),
            fill: "currentColor",
            fontSize: narrow ? 10 : 11,
            fontVariant: "tabular-nums"
          })
        : null,
      Plot.tip(
        rows,
        Plot.pointer({
          x: "cluster",
          y: "row",
          title: (c: Row) =>
            `${c.cluster} · ${c.label}\n${signed(c.z)} standard deviations ${c.z >= 0 ? "above" : "below"} the average clustered customer`
        })
      )
    ]
  });
}
