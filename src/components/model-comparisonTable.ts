// The comparison of every model family × imbalance variant: the validation figures that chose, and the
// test figures that report, grouped under a second header row; the best value of each column in bold,
// the report's model starred and each family's chosen variant marked.
import {html} from "htl";
import {formatCount, formatDecimal, formatPercent} from "../lib/core/format.js";
import type {ComparisonRow} from "../lib/pipeline/contract.js";

type Key = keyof ComparisonRow;

interface Column {
  key: Key;
  label: string;
  /** Which end is better, for bold type; none for settings. */
  better?: "high" | "low";
  /** Metrics read to three decimals unless a column says otherwise. */
  format?: (value: never) => string;
}

const groups: readonly {label: string; columns: readonly Column[]}[] = [
  {label: "Validation (chooses)", columns: [
    {key: "validationPrAuc", label: "PR AUC", better: "high"},
    {key: "validationAuc", label: "ROC AUC", better: "high"}
  ]},
  {label: "Test · ranking", columns: [
    {key: "testPrAuc", label: "PR AUC", better: "high"},
    {key: "testAuc", label: "ROC AUC", better: "high"}
  ]},
  {label: "Test · raw probabilities", columns: [
    {key: "testBrier", label: "Brier", better: "low"},
    {key: "testLogLoss", label: "Log loss", better: "low"}
  ]},
  {label: "Test · calibrated", columns: [
    {key: "calibration", label: "Mapping", format: (v: string) => ({none: "none", platt: "Platt", isotonic: "isotonic"})[v] ?? v},
    {key: "calibratedBrier", label: "Brier", better: "low"},
    {key: "calibratedLogLoss", label: "Log loss", better: "low"}
  ]},
  {label: "Test · at own threshold", columns: [
    {key: "threshold", label: "Threshold", format: (v: number | null) => formatPercent(v, 1)},
    {key: "accuracyAtThreshold", label: "Accuracy", better: "high"},
    {key: "precisionAtThreshold", label: "Precision", better: "high"},
    {key: "recallAtThreshold", label: "Recall", better: "high"},
    {key: "f1AtThreshold", label: "F1", better: "high"},
    {key: "flaggedAtThreshold", label: "Flagged", format: (v: number | null) => formatPercent(v, 1)}
  ]},
  {label: "Test · raw scores at 0.5", columns: [
    {key: "accuracyAt50", label: "Accuracy", better: "high"},
    {key: "precisionAt50", label: "Precision", better: "high"},
    {key: "recallAt50", label: "Recall", better: "high"},
    {key: "f1At50", label: "F1", better: "high"}
  ]},
  {label: "Fit", columns: [
    {key: "trainingRows", label: "Rows", format: formatCount},
    {key: "syntheticRows", label: "SMOTE rows", format: formatCount},
    {key: "parameters", label: "Parameters", format: formatCount},
    {key: "rounds", label: "Rounds", format: (v: number | null) => (v == null ? "–" : formatCount(v))}
  ]}
];

const variantShort: Record<string, string> = {none: "None", balanced: "Class weights", smote: "SMOTE"};

/** The best value of a column across the rows, for bold type. */
function bestOf(rows: readonly ComparisonRow[], column: Column): number | undefined {
  const values = rows.map((r) => r[column.key]).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (!values.length || !column.better) return undefined;
  return column.better === "high" ? Math.max(...values) : Math.min(...values);
}

export function comparisonTable(rows: readonly ComparisonRow[]): HTMLElement {
  const columns = groups.flatMap((g) => g.columns.map((c, k) => ({...c, start: k === 0, best: bestOf(rows, c)})));
  const show = (c: Column, v: unknown) => (c.format ? c.format(v as never) : formatDecimal(v as number | null, 3));
  const numClass = (c: {start: boolean}) => `num${c.start ? " start" : ""}`;
  return html`<table class="report model-comparison">
    <caption class="sr-only">Every model family and imbalance variant on the validation and test slices; the chosen row is marked.</caption>
    <thead>
      <tr><th colspan="2"></th>${groups.map((g) => html`<th scope="colgroup" colspan=${g.columns.length} class="group">${g.label}</th>`)}</tr>
      <tr><th scope="col">Model</th><th scope="col">Imbalance</th>${columns.map((c) => html`<th scope="col" class=${numClass(c)}>${c.label}</th>`)}</tr>
    </thead>
    <tbody>${rows.map((r) => html`<tr class=${r.selected ? "chosen" : ""}>
      <th scope="row">${r.selected ? "★ " : r.familyChoice ? "◆ " : ""}${r.familyName}${r.selected ? html`<span class="sr-only"> (chosen)</span>` : ""}</th>
      <td>${variantShort[r.variant] ?? r.variantName}</td>
      ${columns.map((c) => html`<td class=${`${numClass(c)}${c.best !== undefined && r[c.key] === c.best ? " best" : ""}`}>${show(c, r[c.key])}</td>`)}
    </tr>`)}</tbody>
  </table>`;
}
