// The time split as a timeline: when the invoices of each slice were issued, and the date by which
// their outcomes were known (the cut-off each slice's labels are read at).
import * as Plot from "@observablehq/plot";
import type {SliceSummary} from "../lib/pipeline/contract.js";
import {formatCount} from "../lib/core/format.js";

/** A slice of model.json `split.slices`. */
export type SplitSlice = Pick<SliceSummary, "name" | "title" | "invoices" | "firstIssued" | "lastIssued" | "labelledAt">;

export interface SplitTimelineOptions {
  width: number;
  /** The as-of date: the right edge. */
  asOf: string;
}

/** Row names that fit beside a phone-width chart. */
const shortTitles: Record<string, string> = {train: "Training", validation: "Validation", test: "Test", production: "Production", scored: "Open, scored"};

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function splitTimelineChart(slices: readonly SplitSlice[], {width, asOf}: SplitTimelineOptions) {
  const narrow = width < 480;
  const rows = slices
    .filter((s) => s.firstIssued && s.lastIssued)
    .map((s) => ({...s, title: narrow ? shortTitles[s.name] ?? s.title : s.title, start: day(s.firstIssued!), end: day(s.lastIssued!), known: s.labelledAt ? day(s.labelledAt) : null}));
  const evaluation = new Set(["train", "validation", "test"]);
  const longest = Math.max(...rows.map((r) => r.title.length), 4);
  return Plot.plot({
    width,
    height: 30 + rows.length * 34,
    marginLeft: Math.min(narrow ? 110 : 170, 14 + longest * 6.4),
    marginRight: 16,
    ariaLabel: "Time split of the invoices into training, validation and test slices",
    ariaDescription: rows
      .map((r) => `${r.title}: ${formatCount(r.invoices)} invoices issued ${r.firstIssued} to ${r.lastIssued}${r.labelledAt ? `, outcomes as known on ${r.labelledAt}` : ""}`)
      .join("; "),
    x: {type: "utc", label: null, ticks: narrow ? 3 : 8, domain: [rows.length ? new Date(Math.min(...rows.map((r) => +r.start))) : day(asOf), day(asOf)]},
    y: {label: null, domain: rows.map((r) => r.title)},
    marks: [
      Plot.barX(rows, {
        x1: "start",
        x2: "end",
        y: "title",
        fill: "currentColor",
        fillOpacity: (r: (typeof rows)[number]) => (evaluation.has(r.name) ? 0.55 : 0.2),
        insetTop: 6,
        insetBottom: 6
      }),
      Plot.tickX(rows.filter((r) => r.known), {x: "known", y: "title", stroke: "currentColor", strokeWidth: 2.5, insetTop: 2, insetBottom: 2}),
      Plot.text(rows, {
        x: "start",
        y: "title",
        dx: 4,
        textAnchor: "start",
        fill: "currentColor",
        stroke: "var(--theme-background-alt)",
        strokeWidth: 3,
        paintOrder: "stroke",
        fontSize: 10,
        text: (r: (typeof rows)[number]) => (narrow ? formatCount(r.invoices) : `${formatCount(r.invoices)} invoices`)
      }),
      Plot.tip(rows, Plot.pointerY({
        x1: "start",
        x2: "end",
        y: "title",
        title: (r: (typeof rows)[number]) =>
          `${r.title}: ${formatCount(r.invoices)} invoices\nissued ${r.firstIssued} to ${r.lastIssued}${r.labelledAt ? `\noutcomes as known on ${r.labelledAt}` : "\nopen: scored, no outcome yet"}`
      }))
    ]
  });
}
