// Aging expected against actual at each horizon: for each bucket, the expected open amount (outline) and
// the amount the ledger then showed (filled), one panel per horizon.
import * as Plot from "@observablehq/plot";
import {formatMoney} from "../lib/core/format.js";

export interface AgingHorizon {
  weeks: number;
  expected: (number | null)[];
  actual: (number | null)[];
}

export function bookAgingChart(horizons: readonly AgingHorizon[], {width, buckets, currency}: {width: number; buckets: readonly string[]; currency: string}) {
  const money = (v: number) => formatMoney(v, {currency});
  const rows = horizons.flatMap((h) =>
    buckets.map((bucket, b) => ({horizon: `+${h.weeks} weeks`, bucket, expected: h.expected[b] ?? 0, actual: h.actual[b] ?? 0}))
  );
  type R = (typeof rows)[number];
  const narrow = width < 560;
  return Plot.plot({
    width,
    height: narrow ? 120 + 150 * horizons.length : 260,
    marginLeft: 56,
    marginBottom: 40,
    ariaLabel: "Aging expected and actual at each horizon",
    ariaDescription: rows.map((r) => `${r.horizon}, ${r.bucket}: expected ${money(r.expected)}, actual ${money(r.actual)}`).join("; "),
    fx: narrow ? undefined : {label: null, domain: horizons.map((h) => `+${h.weeks} weeks`)},
    fy: narrow ? {label: null, domain: horizons.map((h) => `+${h.weeks} weeks`)} : undefined,
    x: {label: null, domain: [...buckets], tickRotate: narrow ? 0 : -30},
    y: {label: "↑ Open amount", grid: true, tickFormat: (v: number) => money(v), type: "sqrt"},
    marks: [
      Plot.barY(rows, {[narrow ? "fy" : "fx"]: "horizon", x: "bucket", y: "actual", fill: "currentColor", fillOpacity: 0.45, inset: 4}),
      Plot.barY(rows, {[narrow ? "fy" : "fx"]: "horizon", x: "bucket", y: "expected", stroke: "var(--theme-foreground-focus)", strokeWidth: 2, fill: "none", inset: 2}),
      Plot.tip(rows, Plot.pointerX({[narrow ? "fy" : "fx"]: "horizon", x: "bucket", y: "actual", title: (r: R) => `${r.horizon}, ${r.bucket}\nexpected ${money(r.expected)}\nactual ${money(r.actual)}`})),
      Plot.ruleY([0])
    ]
  });
}
