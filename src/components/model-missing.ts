// What a model-reading page shows when the ledger had no payment history to learn from: the note, in
// place of the parts of the page that describe a model.

export interface SkippedModel {
  reason: string;
  rule: string;
}

export function noModelNote({reason, rule}: SkippedModel): HTMLElement {
  const card = document.createElement("div");
  card.className = "card note missing-data";
  card.setAttribute("role", "note");
  card.dataset.model = "skipped";
  const title = document.createElement("h2");
  title.textContent = "A payment history is needed for the model";
  const why = document.createElement("p");
  why.textContent = `The ledger has ${reason}. A late-payment model learns from invoices whose payment dates are known, so none was fitted and nothing here is claimed about one.`;
  const how = document.createElement("p");
  how.textContent = rule;
  const next = document.createElement("p");
  next.innerHTML =
    'To see the model, export the invoices with their paid or clearing dates, or add a payments file with <code>AR_PAYMENTS</code>. Aging, DSO and the worklist are on the <a href="./kpis">KPIs</a> and <a href="./strategy">Strategy</a> pages.';
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
