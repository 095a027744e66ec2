// The k-means letters against the rule-based A–D rating, customer by customer: a cross-tab whose diagonal
// is agreement. Counts are written in every cell; the diagonal is outlined and drawn in the "good"
// colour, disagreement in grey, each darker with more customers.
import * as Plot from "@observablehq/plot";
import type {RatingAgreementSection} from "../lib/pipeline/contract.js";
import {formatCount, formatPercent} from "../lib/core/format.js";
import {good} from "./palette.js";
import {sum} from "d3";


interface Cell {
  cluster: string;
  rule: string;
  n: number;
  rowShare: number;
  diagonal: boolean;
}

export function agreementChart(agreement: RatingAgreementSection, {width}: {width: number}) {
  const narrow = width < 480;
  const letters = [...agreement.letters];
  const cells: Cell[] = agreement.crossTab.flatMap((row, i) => {
    const total = sum(row);
    return row.map((n, j) => ({cluster: letters[i], rule: letters[j], n, rowShare: total ? n / total : 0, diagonal: i === j}));
  });
  const max = Math.max(1, ...cells.map((c) => c.n));
  const marginLeft = 48;
  const size = Math.min(72, (width - marginLeft - 8) / letters.length);
  return Plot.plot({
    width: marginLeft + 8 + size * letters.length,
    height: 48 + size * letters.length,
    marginLeft,
    marginTop: 40,
    marginRight: 8,
    marginBottom: 8,
    ariaLabel: "Cross-tab of k-means segment letters against the rule-based rating",
    ariaDescription:
      `The two ratings agree for ${formatPercent(agreement.share, 0)} of ${formatCount(agreement.customers)} customers; ` +
      cells.filter((c) => c.n > 0).map((c) => `cluster ${c.cluster}, rule ${c.rule}: ${formatCount(c.n)}`).join("; ") +
      ".",
    x: {domain: letters, axis: "top", label: "Rule-based rating", labelAnchor: "center", labelArrow: "none", tickSize: 0},
    y: {domain: letters, label: "Cluster letter", labelAnchor: "center", labelArrow: "none", tickSize: 0},
    marks: [
      Plot.cell(cells, {
        x: "rule",
        y: "cluster",
        fill: (c: Cell) => (c.diagonal ? good : "currentColor"),
        fillOpacity: (c: Cell) => (c.n === 0 ? 0.03 : 0.12 + 0.55 * (c.n / max)),
        inset: 1.5
      }),
      Plot.cell(cells.filter((c) => c.diagonal), {x: "rule", y: "cluster", stroke: good, strokeWidth: 2, fill: "none", inset: 1.5}),
      Plot.text(cells, {
        x: "rule",
        y: "cluster",
        text: (c: Cell) => formatCount(c.n),
        fill: "currentColor",
        stroke: "var(--theme-background)",
        strokeWidth: 3,
        paintOrder: "stroke",
        fontSize: narrow ? 11 : 13
      }),
      Plot.tip(
        cells,
        Plot.pointer({
          x: "rule",
          y: "cluster",
          title: (c: Cell) =>
            `Cluster letter ${c.cluster}, rule rates ${c.rule}\n${formatCount(c.n)} customers (${formatPercent(c.rowShare, 0)} of the ${c.cluster} clusters)`
        })
      )
    ]
  });
}
