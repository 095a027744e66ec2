// The customers driving the scenario's impact, as a plain table. Names are data: they are set as text
// (textContent), never parsed as markup.
import type {CustomerImpact} from "../lib/views/scenarios.js";
import {impactDriver} from "../lib/views/scenarios.js";
import {formatMoney, formatSigned} from "../lib/core/format.js";

export interface CustomerTableOptions {
  currency?: string;
  horizonDays: number;
}

type Child = Node | string | null;

function el(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value) element.setAttribute(name, value);
  for (const child of children) if (child !== null) element.append(child);
  return element;
}

export function scenarioCustomerTable(rows: readonly CustomerImpact[], {currency = "USD", horizonDays}: CustomerTableOptions): HTMLElement {
  const money = (v: number) => formatMoney(v, {currency});
  const signedMoney = (v: number) => formatSigned(Math.abs(v) < 0.5 ? 0 : v, money);
  const days = (v: number) => formatSigned(Math.abs(v) < 0.05 ? 0 : v, (d) => d.toFixed(1));
  // A rise in any of these is bad news for cash: the class colours it, the sign carries it.
  const tone = (v: number) => (v > 0.005 ? "up-bad" : v < -0.005 ? "down-good" : "");
  const number = (text: string, v: number) => el("td", {class: "num"}, el("span", {class: tone(v)}, text));
  const head = el(
    "tr",
    {},
    el("th", {scope: "col"}, "Customer · what changes"),
    el("th", {scope: "col", class: "num"}, "Open amount"),
    el("th", {scope: "col", class: "num", title: "Change in expected days to cash, weighted by the amount expected to be collected"}, "Days to cash"),
    el("th", {scope: "col", class: "num", title: `Change in the expected open amount ${horizonDays} days from now`}, `Open in ${horizonDays} days`),
    el("th", {scope: "col", class: "num", title: "Financing cost of the change in timing; negative: a saving"}, "Financing")
  );
  const body = rows.map((r) =>
    el(
      "tr",
      {},
      el(
        "td",
        {},
        el("span", {class: "scenario-customer-name"}, r.customerName),
        el("span", {class: "scenario-customer-why"}, `${r.customerId}${r.segment ? ` · segment ${r.segment}` : ""} · ${impactDriver(r)}`)
      ),
      el("td", {class: "num"}, money(r.openAmount)),
      number(days(r.daysToCash), r.daysToCash),
      number(signedMoney(r.openArChange), r.openArChange),
      number(signedMoney(r.financing), r.financing)
    )
  );
  return el("div", {class: "table-wrap"}, el("table", {class: "report scenario-customers"}, el("thead", {}, head), el("tbody", {}, ...body)));
}
