export function sharePlotStyle(chart) {
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
