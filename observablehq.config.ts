// Observable Framework configuration. Pages follow the reader's path from the summary to the method.
export default {
  root: "src",
  title: "AR Cashflow Intelligence",
  // The default links a web-font stylesheet on another host; style.css embeds the font instead.
  globalStylesheets: [],
  style: "style.css",
  // The home page (index.md) is the Overview; the sidebar follows the reader's path from data to action.
  pages: [
    {name: "Overview", path: "/"},
    {name: "Data", pages: [{name: "Data", path: "/data"}, {name: "EDA", path: "/eda"}]},
    {name: "Prediction", pages: [{name: "Model", path: "/model"}]},
    {name: "Action", pages: [{name: "Segments", path: "/segments"}, {name: "Strategy", path: "/strategy"}, {name: "KPIs", path: "/kpis"}, {name: "Scenarios", path: "/scenarios"}, {name: "Backtest", path: "/backtest"}]},
    {name: "About", pages: [{name: "Case study", path: "/case-study"}, {name: "Methodology", path: "/methodology"}]}
  ],
  // An inline icon: browsers otherwise ask for /favicon.ico, which a static host answers with 404.
  // The script gives Plot's labelled mark groups (<g aria-label="bar">) the role their label needs: SVG
  // <g> has none, so screen readers and axe ignore or reject the label.
  head: `<script>new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) for (const g of [n, ...n.querySelectorAll("g[aria-label]:not([role])")]) if (g.matches("g[aria-label]:not([role])")) g.setAttribute("role", "graphics-object"); }).observe(document.documentElement, {childList: true, subtree: true});</script><link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%23176b87'/%3E%3Cpath d='M8 22l6-7 4 4 6-9' stroke='white' stroke-width='3' fill='none'/%3E%3C/svg%3E">`,
  pager: true,
  search: false,
  // The build reads the same environment as the loader: a site built from a CSV names the file (as
  // text: the footer is HTML) instead of the synthetic ledger.
  footer: `AR Cashflow Intelligence — built with Observable Framework from ${
    process.env.AR_DATA ? process.env.AR_DATA.split(/[\\/]/).pop()!.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`) : "a seeded synthetic ledger"
  }.`,
  output: process.env.AR_OUTPUT ?? "dist"
};
