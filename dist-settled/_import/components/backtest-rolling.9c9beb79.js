import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
const otherColors = ["var(--theme-foreground-muted)", "var(--theme-foreground-faint)"];
export function rollingChart({ width, dates, reportIndex, series, yLabel, format, reference, domain }) {
  const points = series.flatMap(
    (s) => dates.flatMap((iso, k) => s.values[k] === null || s.values[k] === void 0 ? [] : [{ date: /* @__PURE__ */ new Date(`${iso}T00:00:00Z`), iso, value: s.values[k], series: s.label, main: s.main ?? false, report: k === reportIndex }])
  );
  const narrow = width < 520;
  return Plot.plot({
    width,
    height: narrow ? 240 : 280,
    marginLeft: 52,
    marginRight: narrow ? 12 : 20,
    ariaLabel: `${yLabel} by replayed date`,
    ariaDescription: series.map((s) => `${s.label}: ` + dates.map((iso, k) => `${iso} ${s.values[k] === null ? "not scored" : format(s.values[k])}`).join(", ")).join(". "),
    x: { type: "utc", label: null, ticks: narrow ? 3 : 6 },
    y: { label: `\u2191 ${yLabel}`, grid: true, tickFormat: format, domain, nice: !domain },
    color: { legend: series.length > 1, domain: series.map((s) => s.label), range: series.map((s, k) => s.color ?? (s.main ? "var(--theme-foreground-focus)" : otherColors[k % otherColors.length])) },
    marks: [
      reference ? Plot.ruleY([reference.value], { stroke: "currentColor", strokeOpacity: 0.45, strokeDasharray: "3,3" }) : null,
      reference ? Plot.text([reference], { x: () => /* @__PURE__ */ new Date(`${dates[0]}T00:00:00Z`), y: "value", text: "label", dy: -7, textAnchor: "start", fill: "currentColor", fillOpacity: 0.75, fontSize: 10 }) : null,
      Plot.line(points.filter((p) => p.main), { x: "date", y: "value", z: "series", stroke: "series", strokeWidth: 2.4 }),
      Plot.line(points.filter((p) => !p.main), { x: "date", y: "value", z: "series", stroke: "series", strokeWidth: 1.4, strokeDasharray: "4,3" }),
      Plot.dot(points, { x: "date", y: "value", fill: "series", r: (p) => p.report ? 5 : 3 }),
      Plot.dot(points.filter((p) => p.report), { x: "date", y: "value", r: 8, stroke: "currentColor", fill: "none" }),
      Plot.tip(points, Plot.pointer({ x: "date", y: "value", title: (p) => `${p.iso}${p.report ? " (the report's date)" : ""}
${p.series}: ${format(p.value)}` }))
    ]
  });
}
