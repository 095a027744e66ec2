import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { formatCount, formatMoney, formatPercent } from "../lib/core/format.3eed6561.js";
import { matrixColumns, matrixRows, strategyShortLabels, strategyTinyLabels } from "../lib/views/strategy.0c2da262.js";
import { strategyColors } from "./palette.3e60629a.js";
export function strategyMatrixChart(grid, { width, cutoffs, valueCutoff, currency = "USD", estimated = false }) {
  const narrow = width < 520;
  const money = (v) => formatMoney(v, { currency });
  const approx = estimated ? "\u2248" : "";
  const totalAmount = grid.reduce((s, g) => s + g.amount, 0);
  const gap = 0.02;
  const blocks = [];
  for (const cell of grid) {
    const column = matrixColumns.indexOf(cell.value);
    const row = matrixRows.length - 1 - matrixRows.indexOf(cell.risk);
    const parts = cell.strategies.length ? cell.strategies : [];
    parts.forEach((s, i) => {
      const top = row + 1 - i / parts.length;
      const bottom = row + 1 - (i + 1) / parts.length;
      blocks.push({
        strategy: s.strategy,
        risk: cell.risk,
        value: cell.value,
        count: s.count,
        amount: s.amount,
        amountShare: totalAmount > 0 ? s.amount / totalAmount : 0,
        x1: column + gap,
        x2: column + 1 - gap,
        y1: bottom + (i === parts.length - 1 ? gap : gap / 4),
        y2: top - (i === 0 ? gap : gap / 4)
      });
    });
  }
  const maxShare = Math.max(1e-9, ...blocks.map((b) => b.amountShare));
  const shade = (b) => 0.1 + 0.38 * Math.sqrt(b.amountShare / maxShare);
  const rowHeight = narrow ? 100 : 116;
  const lines = (b) => {
    const count = `${approx}${formatCount(b.count)} ${b.count === 1 ? "invoice" : "invoices"}`;
    if (narrow) {
      const name = strategyTinyLabels[b.strategy];
      if (b.y2 - b.y1 < 0.6) return [name, `${approx}${formatCount(b.count)} \xB7 ${approx}${money(b.amount)}`];
      return [name, count, `${approx}${money(b.amount)} \xB7 ${formatPercent(b.amountShare, 0)}`];
    }
    return [strategyShortLabels[b.strategy], count, `${approx}${money(b.amount)} \xB7 ${formatPercent(b.amountShare, 0)} of value`];
  };
  const riskTick = (risk) => risk === "high" ? `High risk
\u2265 ${cutoffs.high.toFixed(2)}` : risk === "medium" ? `Medium risk
${cutoffs.medium.toFixed(2)}\u2013${cutoffs.high.toFixed(2)}` : `Low risk
< ${cutoffs.medium.toFixed(2)}`;
  const valueTick = (value) => `${value === "high" ? "High" : "Low"} value${narrow ? "\n" : " ("}${value === "high" ? "\u2265" : "<"} ${money(valueCutoff)}${narrow ? "" : ")"}`;
  const describe = grid.map((g) => `${g.risk} risk, ${g.value} value: ${g.strategies.map((s) => `${strategyShortLabels[s.strategy]} ${approx}${formatCount(s.count)} invoices, ${approx}${money(s.amount)}`).join("; ") || "no invoices"}`).join(". ");
  return Plot.plot({
    width,
    height: (narrow ? 44 : 34) + 6 + rowHeight * matrixRows.length,
    marginTop: narrow ? 44 : 34,
    marginLeft: narrow ? 66 : 96,
    marginRight: 4,
    marginBottom: 6,
    ariaLabel: "Strategy matrix: risk band by value band, with the strategy, invoices and open amount in each cell",
    ariaDescription: `${describe}.`,
    x: { domain: [0, matrixColumns.length], axis: "top", ticks: matrixColumns.map((_, i) => i + 0.5), tickFormat: (d) => valueTick(matrixColumns[Math.floor(d)]), tickSize: 0, label: null },
    y: {
      domain: [0, matrixRows.length],
      ticks: matrixRows.map((_, i) => matrixRows.length - 1 - i + 0.5),
      tickFormat: (d) => riskTick(matrixRows[matrixRows.length - 1 - Math.floor(d)]),
      tickSize: 0,
      label: null
    },
    marks: [
      Plot.rect(blocks, {
        x1: "x1",
        x2: "x2",
        y1: "y1",
        y2: "y2",
        fill: (b) => strategyColors[b.strategy],
        fillOpacity: shade,
        stroke: (b) => strategyColors[b.strategy],
        strokeOpacity: 0.9,
        rx: 3,
        title: (b) => lines(b).join("\n")
      }),
      ...textLines(blocks, lines, { fontSize: narrow ? 10 : 12, pixelsPerUnit: rowHeight })
    ]
  });
}
function textLines(blocks, lines, { fontSize, pixelsPerUnit }) {
  const step = fontSize * 1.3 / pixelsPerUnit;
  const x = (b) => (b.x1 + b.x2) / 2;
  const most = Math.max(0, ...blocks.map((b) => lines(b).length));
  return Array.from({ length: most }, (_, i) => {
    const having = blocks.filter((b) => lines(b).length > i);
    return Plot.text(having, {
      x,
      // Each block centres its own lines, however many it has (y runs upwards).
      y: (b) => (b.y1 + b.y2) / 2 - (i - (lines(b).length - 1) / 2) * step,
      text: (b) => lines(b)[i],
      fill: "currentColor",
      stroke: "var(--theme-background)",
      strokeWidth: 3,
      strokeOpacity: 0.55,
      paintOrder: "stroke",
      fontSize,
      fontWeight: i === 0 ? 700 : 400
    });
  });
}
