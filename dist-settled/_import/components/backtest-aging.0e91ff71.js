import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatMoney } from "../lib/core/format.3eed6561.js";
export function bookAgingChart(horizons, { width, buckets, currency }) {
  const money = (v) => formatMoney(v, { currency });
  const rows = horizons.flatMap(
    (h) => buckets.map((bucket, b) => ({ horizon: `+${h.weeks} weeks`, bucket, expected: h.expected[b] ?? 0, actual: h.actual[b] ?? 0 }))
  );
  const narrow = width < 560;
  return Plot.plot({
    width,
    height: narrow ? 120 + 150 * horizons.length : 260,
    marginLeft: 56,
    marginBottom: 40,
    ariaLabel: "Aging expected and actual at each horizon",
    ariaDescription: rows.map((r) => `${r.horizon}, ${r.bucket}: expected ${money(r.expected)}, actual ${money(r.actual)}`).join("; "),
    fx: narrow ? void 0 : { label: null, domain: horizons.map((h) => `+${h.weeks} weeks`) },
    fy: narrow ? { label: null, domain: horizons.map((h) => `+${h.weeks} weeks`) } : void 0,
    x: { label: null, domain: [...buckets], tickRotate: narrow ? 0 : -30 },
    y: { label: "\u2191 Open amount", grid: true, tickFormat: (v) => money(v), type: "sqrt" },
    marks: [
      Plot.barY(rows, { [narrow ? "fy" : "fx"]: "horizon", x: "bucket", y: "actual", fill: "currentColor", fillOpacity: 0.45, inset: 4 }),
      Plot.barY(rows, { [narrow ? "fy" : "fx"]: "horizon", x: "bucket", y: "expected", stroke: "var(--theme-foreground-focus)", strokeWidth: 2, fill: "none", inset: 2 }),
      Plot.tip(rows, Plot.pointerX({ [narrow ? "fy" : "fx"]: "horizon", x: "bucket", y: "actual", title: (r) => `${r.horizon}, ${r.bucket}
expected ${money(r.expected)}
actual ${money(r.actual)}` })),
      Plot.ruleY([0])
    ]
  });
}
