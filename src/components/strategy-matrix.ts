// The strategy matrix: risk band (rows, high at the top) × value band (columns) → strategy, as a heat-map
// grid. Each cell is split by the strategies the rules give in it (low risk splits into Loyalty for the
// loyal segment and Standard for the rest), coloured by strategy, shaded by its share of the open amount,
// and labelled with its strategy, invoice count and amount, so colour is never the only carrier.
import * as Plot from "@observablehq/plot";
import {formatCount, formatMoney, formatPercent} from "../lib/core/format.js";
import {matrixColumns, matrixRows, strategyShortLabels, strategyTinyLabels} from "../lib/views/strategy.js";
import type {ViewGridCell} from "../lib/views/strategy.js";
import type {RiskCutoffs} from "../lib/portfolio/riskBands.js";
import type {StrategyKey, ValueBand} from "../lib/portfolio/strategy.js";
import {strategyColors} from "./palette.js";
import {sum} from "d3";

export interface StrategyMatrixOptions {
  width: number;
  cutoffs: RiskCutoffs;
  valueCutoff: number;
  currency?: string;
  /** Figures are estimates from a sample: prefix counts with ≈. */
  estimated?: boolean;
}

interface Block {
  strategy: StrategyKey;
  risk: string;
  value: ValueBand;
  count: number;
  amount: number;
  amountShare: number;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

export function strategyMatrixChart(grid: readonly ViewGridCell[], {width, cutoffs, valueCutoff, currency = "USD", estimated = false}: StrategyMatrixOptions) {
  const narrow = width < 520;
  const money = (v: number) => formatMoney(v, {currency});
  const approx = estimated ? "≈" : "";
  const totalAmount = sum(grid, (g) => g.amount);
  const gap = 0.02;
  const blocks: Block[] = [];
  for (const cell of grid) {
    const column = matrixColumns.indexOf(cell.value);
    const row = matrixRows.length - 1 - matrixRows.indexOf(cell.risk);
    const parts = cell.strategies.length ? cell.strategies : [];
    parts.forEach((s, i) => {
      // Stacked top to bottom within the cell, in the rules' severity order.
      const top = row + 1 - (i / parts.length);
      const bottom = row + 1 - ((i + 1) / parts.length);
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
  // Shade by share of the open amount, capped so the text on top stays readable in both themes.
  const shade = (b: Block) => 0.1 + 0.38 * Math.sqrt(b.amountShare / maxShare);
  const rowHeight = narrow ? 100 : 116;
  const lines = (b: Block): string[] => {
    const count = `${approx}${formatCount(b.count)} ${b.count === 1 ? "invoice" : "invoices"}`;
    if (narrow) {
      const name = strategyTinyLabels[b.strategy];
      // A half-height block (two strategies in one cell) has room for two lines on a phone.
      if (b.y2 - b.y1 < 0.6) return [name, `${approx}${formatCount(b.count)} · ${approx}${money(b.amount)}`];
      return [name, count, `${approx}${money(b.amount)} · ${formatPercent(b.amountShare, 0)}`];
    }
    return [strategyShortLabels[b.strategy], count, `${approx}${money(b.amount)} · ${formatPercent(b.amountShare, 0)} of value`];
  };
  const riskTick = (risk: string) =>
    risk === "high" ? `High risk\n≥ ${cutoffs.high.toFixed(2)}`
    : risk === "medium" ? `Medium risk\n${cutoffs.medium.toFixed(2)}–${cutoffs.high.toFixed(2)}`
    : `Low risk\n< ${cutoffs.medium.toFixed(2)}`;
  const valueTick = (value: ValueBand) => `${value === "high" ? "High" : "Low"} value${narrow ? "\n" : " ("}${value === "high" ? "≥" : "<"} ${money(valueCutoff)}${narrow ? "" : ")"}`;
  const describe = grid
    .map((g) => `${g.risk} risk, ${g.value} value: ${g.strategies.map((s) => `${strategyShortLabels[s.strategy]} ${approx}${formatCount(s.count)} invoices, ${approx}${money(s.amount)}`).join("; ") || "no invoices"}`)
    .join(". ");
  return Plot.plot({
    width,
    height: (narrow ? 44 : 34) + 6 + rowHeight * matrixRows.length,
    marginTop: narrow ? 44 : 34,
    marginLeft: narrow ? 66 : 96,
    marginRight: 4,
    marginBottom: 6,
    ariaLabel: "Strategy matrix: risk band by value band, with the strategy, invoices and open amount in each cell",
    ariaDescription: `${describe}.`,
    x: {domain: [0, matrixColumns.length], axis: "top", ticks: matrixColumns.map((_, i) => i + 0.5), tickFormat: (d: number) => valueTick(matrixColumns[Math.floor(d)]), tickSize: 0, label: null},
    y: {
      domain: [0, matrixRows.length],
      ticks: matrixRows.map((_, i) => matrixRows.length - 1 - i + 0.5),
      tickFormat: (d: number) => riskTick(matrixRows[matrixRows.length - 1 - Math.floor(d)]),
      tickSize: 0,
      label: null
    },
    marks: [
      Plot.rect(blocks, {
        x1: "x1",
        x2: "x2",
        y1: "y1",
        y2: "y2",
        fill: (b: Block) => strategyColors[b.strategy],
        fillOpacity: shade,
        stroke: (b: Block) => strategyColors[b.strategy],
        strokeOpacity: 0.9,
        rx: 3,
        title: (b: Block) => lines(b).join("\n")
      }),
      ...textLines(blocks, lines, {fontSize: narrow ? 10 : 12, pixelsPerUnit: rowHeight})
    ]
  });
}

/**
 * A block's lines as one text mark per line (the first bold), centred on the block: Plot styles a text
 * mark as a whole, so a bold first line needs its own mark.
 */
function textLines(blocks: readonly Block[], lines: (b: Block) => string[], {fontSize, pixelsPerUnit}: {fontSize: number; pixelsPerUnit: number}) {
  const step = (fontSize * 1.3) / pixelsPerUnit;
  const x = (b: Block) => (b.x1 + b.x2) / 2;
  const most = Math.max(0, ...blocks.map((b) => lines(b).length));
  return Array.from({length: most}, (_, i) => {
    const having = blocks.filter((b) => lines(b).length > i);
    return Plot.text(having, {
      x,
      // Each block centres its own lines, however many it has (y runs upwards).
      y: (b: Block) => (b.y1 + b.y2) / 2 - (i - (lines(b).length - 1) / 2) * step,
      text: (b: Block) => lines(b)[i],
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
