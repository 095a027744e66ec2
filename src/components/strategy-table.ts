// The strategy table: per strategy its open invoices and their share, its share of the open amount, mean
// P(late), the customers whose own strategy it is, and its action plan relative to the due date.
import {html} from "htl";
import {formatCount, formatDecimal, formatPercent} from "../lib/core/format.js";
import type {StrategyKey} from "../lib/portfolio/strategy.js";
import {offsetLabel} from "../lib/views/strategy.js";
import type {ViewTableRow} from "../lib/views/strategy.js";
import {strategyColors} from "./palette.js";

export interface StrategyTableOptions {
  /** Each strategy's one-line purpose. */
  summaries: ReadonlyMap<StrategyKey, string>;
  /** Counts are scaled up from a sample: marked "≈". */
  estimated?: boolean;
}

export function strategyTable(rows: readonly ViewTableRow[], {summaries, estimated = false}: StrategyTableOptions): HTMLElement {
  const approx = estimated ? "≈" : "";
  return html`<table class="report strategy-table">
    <thead><tr><th>Strategy</th><th class="num">Invoices</th><th class="num">Share</th><th class="num">Value share</th><th class="num">Avg P(late)</th><th class="num">Customers</th><th>Action plan</th></tr></thead>
    <tbody>${rows.map((r) => html`<tr>
      <td><span class="swatch" style=${{background: strategyColors[r.strategy]}}></span><strong>${r.label}</strong><div class="summary">${summaries.get(r.strategy) ?? ""}</div></td>
      <td class="num">${approx}${formatCount(r.invoices)}</td>
      <td class="num">${formatPercent(r.invoiceShare, 1)}</td>
      <td class="num">${formatPercent(r.amountShare, 1)}</td>
      <td class="num">${r.invoices > 0 ? formatDecimal(r.meanPLate, 2) : "–"}</td>
      <td class="num">${approx}${formatCount(r.customers)}</td>
      <td><ul class="plan">${r.actions.map((a) => html`<li><span class="when">${offsetLabel(a.offsetDays)}</span> · ${a.action} <span class="channel">(${a.channel})</span></li>`)}</ul></td>
    </tr>`)}</tbody>
  </table>`;
}
