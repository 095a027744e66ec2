// The case-study cluster table: per cluster its customers, invoices, mean P(late), share of the amount
// invoiced, open amount, DSO, risk level and proposal, with the clustered customers' total below.
import {html} from "htl";
import {formatCount, formatDays, formatMoney, formatPercent} from "../lib/core/format.js";
import type {ClusterRow} from "../lib/pipeline/contract.js";
import {clusterTotals} from "../lib/views/segments.js";
import {riskColors} from "./palette.js";
import type {ClusterColorScale} from "./segments-colors.js";
import {swatch} from "./segments-colors.js";

export interface ClusterTableOptions {
  color: ClusterColorScale;
  currency?: string;
}

export function clusterTable(rows: readonly ClusterRow[], {color, currency = "USD"}: ClusterTableOptions): HTMLElement {
  const money = (v: number | null) => formatMoney(v, {currency});
  const colorOf = new Map(color.domain.map((name, i) => [name, color.range[i]]));
  const totals = clusterTotals(rows);
  const riskColour = (level: string) => riskColors[level.toLowerCase() as keyof typeof riskColors] ?? "currentColor";
  return html`<div class="table-wrap"><table class="report seg-table">
    <thead><tr>
      <th scope="col">Cluster</th>
      <th scope="col" class="num">Customers</th>
      <th scope="col" class="num">Invoices</th>
      <th scope="col" class="num">Avg P(late)</th>
      <th scope="col" class="num">Share of amount</th>
      <th scope="col" class="num">Outstanding</th>
      <th scope="col" class="num">DSO</th>
      <th scope="col">Risk level</th>
      <th scope="col">Proposal</th>
    </tr></thead>
    <tbody>${rows.map((c) => html`<tr>
      <th scope="row">${swatch(colorOf.get(c.name))}<strong>${c.name}</strong> <span class="muted seg-quadrant">${c.label}</span></th>
      <td class="num">${formatCount(c.customers)}</td>
      <td class="num">${formatCount(c.invoices)} <span class="muted">(${formatPercent(c.invoiceShare, 0)})</span></td>
      <td class="num">${formatPercent(c.meanPLate)}</td>
      <td class="num">${formatPercent(c.amountShare)}</td>
      <td class="num">${money(c.outstanding)}</td>
      <td class="num">${formatDays(c.dso, 0)}</td>
      <td><span class="seg-risk" style=${{borderColor: riskColour(c.riskLevel)}}>${c.riskLevel}</span></td>
      <td>${c.proposal}</td>
    </tr>`)}</tbody>
    <tfoot><tr>
      <th scope="row">All clustered</th>
      <td class="num">${formatCount(totals.customers)}</td>
      <td class="num">${formatCount(totals.invoices)}</td>
      <td class="num">${formatPercent(totals.meanPLate)}</td>
      <td class="num">${formatPercent(1)}</td>
      <td class="num">${money(totals.outstanding)}</td>
      <td class="num">–</td>
      <td></td>
      <td></td>
    </tr></tfoot>
  </table></div>`;
}
