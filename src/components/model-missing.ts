// The note a model-reading page shows when the ledger's payment history could not train a model: none
// at all (an open-items snapshot), one outcome only (never late, or never on time), or too short to
// validate on (lib/model/index.ts `PaymentHistoryGap`). The note takes the place
// of the parts of the page that describe a model.
import type {SkippedModelFile} from "../lib/pipeline/contract.js";

const titles: Record<SkippedModelFile["kind"], string> = {
  "no-payments": "A payment history is needed for the model",
  "one-outcome": "Late and on-time payments are both needed for the model",
  short: "A longer payment history is needed for the model"
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
      ? "To see the model, export the invoices with their paid or clearing dates, or add a payments file with <code>AR_PAYMENTS</code>. "
      : "An export covering a longer period may hold enough of both outcomes to fit one. ") +
    'Aging, DSO and the worklist are on the <a href="./kpis">KPIs</a> and <a href="./strategy">Strategy</a> pages.';
  card.append(title, why, how, next);
  return card;
}

/**
 * Puts `note` in place of the page's parts marked `data-needs-model` and removes the others, with their
 * entries in the table of contents. Their cells read a model there is none of, so they never run: with
 * their placeholders gone, nothing on the page is left waiting for one.
 */
export function showWithoutModel(note: HTMLElement, root: ParentNode = document): void {
  const parts = Array.from(root.querySelectorAll("[data-needs-model]"));
  for (const part of parts) {
    for (const heading of Array.from(part.querySelectorAll("[id]"))) {
      for (const link of Array.from(document.querySelectorAll(`#observablehq-toc a[href="#${CSS.escape(heading.id)}"]`))) link.closest("li")?.remove();
    }
  }
  parts.forEach((part, i) => (i === 0 ? part.replaceWith(note) : part.remove()));
}
