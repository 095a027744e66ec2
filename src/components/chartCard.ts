// A chart card, as every page draws it: the finding as its title, what is plotted as its subtitle, then
// the chart at the card's width — or, when there is nothing to draw, a note saying why instead.
import {html} from "htl";
import {resize} from "observablehq:stdlib";

export interface ChartCardOptions {
  /** The finding the chart proves. */
  title: unknown;
  /** What is plotted. */
  subtitle: unknown;
  /** Why there is no chart (the card then holds this note instead); null or absent: draw it. */
  note?: string | null;
  /** Drawn above the chart (a legend) and below it. */
  before?: unknown;
  after?: unknown;
  /** A caption below the chart. */
  caption?: unknown;
  render: (width: number) => Node | null;
}

/** A card whose chart `render(width)` draws; `id` names it for the tests and the benchmark (data-chart). */
export function chartCard(id: string, {title, subtitle, note = null, before = "", after = "", caption = null, render}: ChartCardOptions): HTMLElement {
  if (note) return html`<div class="card"><h2>${title ?? "Nothing to show"}</h2><h3>${subtitle}</h3><p class="missing-data">${note}</p></div>`;
  // While the page lays out, a card can briefly measure only a few pixels wide: wait for its real width.
  const chart = resize((width) => (width < 200 ? null : render(width)));
  return html`<div class="card" data-chart=${id}><h2>${title}</h2><h3>${subtitle}</h3>${before}${chart}${after}${caption ? html`<p class="caption">${caption}</p>` : ""}</div>`;
}
