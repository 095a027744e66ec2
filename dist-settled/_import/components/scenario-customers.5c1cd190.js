import { impactDriver } from "../lib/views/scenarios.e6d46253.js";
import { formatMoney, formatSigned } from "../lib/core/format.3eed6561.js";
function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value) element.setAttribute(name, value);
  for (const child of children) if (child !== null) element.append(child);
  return element;
}
export function scenarioCustomerTable(rows, { currency = "USD", horizonDays }) {
  const money = (v) => formatMoney(v, { currency });
  const signedMoney = (v) => formatSigned(Math.abs(v) < 0.5 ? 0 : v, money);
  const days = (v) => formatSigned(Math.abs(v) < 0.05 ? 0 : v, (d) => d.toFixed(1));
  const tone = (v) => v > 5e-3 ? "up-bad" : v < -5e-3 ? "down-good" : "";
  const number = (text, v) => el("td", { class: "num" }, el("span", { class: tone(v) }, text));
  const head = el(
    "tr",
    {},
    el("th", { scope: "col" }, "Customer \xB7 what changes"),
    el("th", { scope: "col", class: "num" }, "Open amount"),
    el("th", { scope: "col", class: "num", title: "Change in expected days to cash, weighted by the amount expected to be collected" }, "Days to cash"),
    el("th", { scope: "col", class: "num", title: `Change in the expected open amount ${horizonDays} days from now` }, `Open in ${horizonDays} days`),
    el("th", { scope: "col", class: "num", title: "Financing cost of the change in timing; negative: a saving" }, "Financing")
  );
  const body = rows.map(
    (r) => el(
      "tr",
      {},
      el(
        "td",
        {},
        el("span", { class: "scenario-customer-name" }, r.customerName),
        el("span", { class: "scenario-customer-why" }, `${r.customerId}${r.segment ? ` \xB7 segment ${r.segment}` : ""} \xB7 ${impactDriver(r)}`)
      ),
      el("td", { class: "num" }, money(r.openAmount)),
      number(days(r.daysToCash), r.daysToCash),
      number(signedMoney(r.openArChange), r.openArChange),
      number(signedMoney(r.financing), r.financing)
    )
  );
  return el("div", { class: "table-wrap" }, el("table", { class: "report scenario-customers" }, el("thead", {}, head), el("tbody", {}, ...body)));
}
