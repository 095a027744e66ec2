// The note a model-reading page shows when the ledger had no payment history to learn from.

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
  title.textContent = "A payment history is needed for this page";
  const why = document.createElement("p");
  why.textContent = `The ledger has ${reason}. A late-payment model learns from invoices whose payment dates are known, so none was fitted and nothing here is claimed about one.`;
  const how = document.createElement("p");
  how.textContent = rule;
  const next = document.createElement("p");
  next.innerHTML =
    'To see this page, export the invoices with their paid or clearing dates, or add a payments file with <code>AR_PAYMENTS</code>. Aging, DSO and the worklist are on the <a href="./kpis">KPIs</a> and <a href="./strategy">Strategy</a> pages.';
  // Cells that read the model wait for one, and the page's prose describes a model: only the title and
  // this note are shown.
  const style = document.createElement("style");
  style.textContent = '#observablehq-main > :not(h1, :has([data-model="skipped"])) { display: none !important; } observablehq-loading { display: none; }';
  card.append(title, why, how, next, style);
  return card;
}
