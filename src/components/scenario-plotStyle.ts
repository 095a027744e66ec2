// Plot puts the same small stylesheet inside every chart it draws. Inserting and removing a stylesheet
// makes the browser restyle the whole document, which on a page redrawn at every slider step costs more
// than drawing the charts. The Scenarios page's charts therefore share one copy, kept in <head>.

/** Moves a Plot chart's stylesheet to a single shared copy in the document head; returns the chart. */
export function sharePlotStyle<T extends Element>(chart: T): T {
  const svg = chart instanceof SVGSVGElement ? chart : chart.querySelector("svg");
  const style = svg?.querySelector(":scope > style");
  if (!svg || !style) return chart;
  const key = svg.getAttribute("class") ?? "plot";
  if (!document.head.querySelector(`style[data-plot-style="${CSS.escape(key)}"]`)) {
    const shared = document.createElement("style");
    shared.dataset.plotStyle = key;
    shared.textContent = style.textContent;
    document.head.append(shared);
  }
  style.remove();
  return chart;
}
