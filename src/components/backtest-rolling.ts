// A score by replayed date: one line per series across the rolling origins and the report's own date
// (the last point, ringed), with an optional reference line (80 % for band coverage, 0.5 for AUC).
import * as Plot from "@observablehq/plot";

export interface RollingSeries {
  label: string;
  values: (number | null)[];
  /** The line to stress (the report's own forecast or model). */
  main?: boolean;
  /** Its colour; by default the focus colour for the main line, muted shades for the others. */
  color?: string;
}

const otherColors = ["var(--theme-foreground-muted)", "var(--theme-foreground-faint)"];

export interface RollingOptions {
  width: number;
  dates: readonly string[];
  /** Index of the report's own date among `dates` (ringed), if present. */
  reportIndex?: number;
  series: readonly RollingSeries[];
  yLabel: string;
  format: (v: number) => string;
  reference?: {value: number; label: string};
  domain?: [number, number];
}

export function rollingChart({width, dates, reportIndex, series, yLabel, format, reference, domain}: RollingOptions) {
  const points = series.flatMap((s) =>
    dates.flatMap((iso, k) => (s.values[k] === null || s.values[k] === undefined ? [] : [{date: new Date(`${iso}T00:00:00Z`), iso, value: s.values[k] as number, series: s.label, main: s.main ?? false, report: k === reportIndex}]))
  );
  type P = (typeof points)[number];
  const narrow = width < 520;
  return Plot.plot({
    width,
    height: narrow ? 240 : 280,
    marginLeft: 52,
    marginRight: narrow ? 12 : 20,
    ariaLabel: `${yLabel} by replayed date`,
    ariaDescription: series.map((s) => `${s.label}: ` + dates.map((iso, k) => `${iso} ${s.values[k] === null ? "not scored" : format(s.values[k] as number)}`).join(", ")).join(". "),
    x: {type: "utc", label: null, ticks: narrow ? 3 : 6},
    y: {label: `↑ ${yLabel}`, grid: true, tickFormat: format, domain, nice: !domain},
    color: {legend: series.length > 1, domain: series.map((s) => s.label), range: series.map((s, k) => s.color ?? (s.main ? "var(--theme-foreground-focus)" : otherColors[k % otherColors.length]))},
    marks: [
      reference ? Plot.ruleY([reference.value], {stroke: "currentColor", strokeOpacity: 0.45, strokeDasharray: "3,3"}) : null,
      reference ? Plot.text([reference], {x: () => new Date(`${dates[0]}T00:00:00Z`), y: "value", text: "label", dy: -7, textAnchor: "start", fill: "currentColor", fillOpacity: 0.75, fontSize: 10}) : null,
      Plot.line(points.filter((p) => p.main), {x: "date", y: "value", z: "series", stroke: "series", strokeWidth: 2.4}),
      Plot.line(points.filter((p) => !p.main), {x: "date", y: "value", z: "series", stroke: "series", strokeWidth: 1.4, strokeDasharray: "4,3"}),
      Plot.dot(points, {x: "date", y: "value", fill: "series", r: (p: P) => (p.report ? 5 : 3)}),
      Plot.dot(points.filter((p) => p.report), {x: "date", y: "value", r: 8, stroke: "currentColor", fill: "none"}),
      Plot.tip(points, Plot.pointer({x: "date", y: "value", title: (p: P) => `${p.iso}${p.report ? " (the report's date)" : ""}\n${p.series}: ${format(p.value)}`}))
    ]
  });
}
