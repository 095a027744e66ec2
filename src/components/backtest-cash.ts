// The 13-week cash forecast against the cash that came in: bars for what was received each week, the
// forecast's expected line inside its 10–90 % band, and the two naive forecasts as thin dashed lines, in
// the colours the rolling-origin charts give them (`naiveColors`).
import * as Plot from "@observablehq/plot";
import {formatMoney} from "../lib/core/format.js";

export interface CashWeeks {
  length: number;
  week: number[];
  start: string[];
  actual: (number | null)[];
  expected: (number | null)[];
  low: (number | null)[];
  high: (number | null)[];
  dueDate: (number | null)[];
  customerDelay: (number | null)[];
}

export const naiveColors = {dueDate: "var(--bad)", customerDelay: "var(--good)"} as const;

export function cashChart(weeks: CashWeeks, {width, currency}: {width: number; currency: string}) {
  const money = (v: number | null) => formatMoney(v, {currency});
  const rows = Array.from({length: weeks.length}, (_, k) => ({
    week: weeks.week[k],
    date: new Date(`${weeks.start[k]}T00:00:00Z`),
    actual: weeks.actual[k] ?? 0,
    expected: weeks.expected[k] ?? 0,
    low: weeks.low[k] ?? 0,
    high: weeks.high[k] ?? 0,
    dueDate: weeks.dueDate[k] ?? 0,
    customerDelay: weeks.customerDelay[k] ?? 0
  }));
  type R = (typeof rows)[number];
  const naive = [
    ...rows.map((r) => ({date: r.date, value: r.dueDate, series: "Paid on the due date"})),
    ...rows.map((r) => ({date: r.date, value: r.customerDelay, series: "Paid after the customer's average delay"}))
  ];
  const narrow = width < 520;
  return Plot.plot({
    width,
    height: narrow ? 280 : 340,
    marginLeft: 56,
    ariaLabel: `Cash received each week against the forecast, over ${rows.length} weeks`,
    ariaDescription: rows.map((r) => `week ${r.week}: received ${money(r.actual)}, expected ${money(r.expected)} (${money(r.low)}–${money(r.high)})`).join("; "),
    x: {type: "utc", label: "Week starting →", ticks: narrow ? 4 : 7, tickFormat: "%b %-d"},
    y: {label: "↑ Cash in the week", grid: true, tickFormat: (v: number) => money(v), zero: true},
    color: {legend: true, domain: ["Received", "Forecast (10–90% band)", "Paid on the due date", "Paid after the customer's average delay"], range: ["var(--theme-foreground-faint)", "var(--theme-foreground-focus)", naiveColors.dueDate, naiveColors.customerDelay]},
    marks: [
      Plot.rectY(rows, {x1: (r: R) => new Date(+r.date + 864e5 * 0.5), x2: (r: R) => new Date(+r.date + 864e5 * 6.5), y: "actual", fill: () => "Received", fillOpacity: 0.55}),
      Plot.areaY(rows, {x: (r: R) => new Date(+r.date + 864e5 * 3.5), y1: "low", y2: "high", fill: "var(--theme-foreground-focus)", fillOpacity: 0.15, curve: "monotone-x"}),
      Plot.lineY(rows, {x: (r: R) => new Date(+r.date + 864e5 * 3.5), y: "expected", stroke: () => "Forecast (10–90% band)", strokeWidth: 2.4, curve: "monotone-x"}),
      Plot.lineY(naive, {x: (p: {date: Date}) => new Date(+p.date + 864e5 * 3.5), y: "value", z: "series", stroke: "series", strokeWidth: 1.3, strokeDasharray: "4,3"}),
      Plot.ruleY([0]),
      Plot.tip(rows, Plot.pointerX({
        x: (r: R) => new Date(+r.date + 864e5 * 3.5),
        y: "actual",
        title: (r: R) =>
          `Week ${r.week} (from ${r.date.toISOString().slice(0, 10)})\nReceived ${money(r.actual)}\nForecast ${money(r.expected)} (${money(r.low)}–${money(r.high)})\n` +
          `Due-date forecast ${money(r.dueDate)}\nCustomer-delay forecast ${money(r.customerDelay)}`
      }))
    ]
  });
}
