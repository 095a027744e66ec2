// The note a model-reading page shows when the ledger's payment history could not train a model: none
// at all (an open-items snapshot), one outcome only (never late, or never on time), or too short to
// validate on (lib/model/index.ts `PaymentHistoryGap`).
import type {SkippedModelFile} from "../lib/pipeline/contract.js";

const titles: Record<SkippedModelFile["kind"], string> = {
  "no-payments": "A payment history is needed for this page",
  "one-outcome": "Late and on-time payments are both needed for this page",
  short: "A longer payment history is needed for this page"
};

const learns: Record<SkippedModelFile["kind"], string> = {
  "no-payments": "A late-payment model learns from invoices whose payment dates are known",
  "one-outcome": "A late-payment model learns what sets the invoices paid late apart from those paid on time",
  short: "A late-payment model must be checked on invoices it never saw, in every slice of time"
};

export function noModelNote({kind, reason, rule}: Pick<SkippedModelFile, "kind" | "reason" | "rule">): HTMLElement {
  const card = document.createElement("div");
  card.className = "card note missing-data";
  card.setAttribute("role", "note");
  card.dataset.model = "skipped";
  const title = document.createElement("h2");
  title.textContent = titles[kind];
  const why = document.createElement("p");
  why.textContent = `The ledger has ${reason}. ${learns[kind]}, so none was fitted and nothing here is claimed about one.`;
  const how = document.createElement("p");
  how.textContent = rule;
  const next = document.createElement("p");
  next.innerHTML =
    (kind === "no-payments"
      ? "To see this page, export the invoices with their paid or clearing dates, or add a payments file with <code>AR_PAYMENTS</code>. "
      : "An export covering a longer period may hold enough of both outcomes to fit one. ") +
    'Aging, DSO and the worklist are on the <a href="./kpis">KPIs</a> and <a href="./strategy">Strategy</a> pages.';
  // Cells that read the model wait for one, and the page's prose describes a model: only the title and
  // this note are shown.
  const style = document.createElement("style");
  style.textContent = '#observablehq-main > :not(h1, :has([data-model="skipped"])) { display: none !important; } observablehq-loading { display: none; }';
  card.append(title, why, how, next, style);
  return card;
}
