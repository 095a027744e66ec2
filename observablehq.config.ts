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
    {name: "Action", pages: [{name: "Segments", path: "/segments"}, {name: "Strategy", path: "/strategy"}, {name: "KPIs", path: "/kpis"}, {name: "Scenarios", path: "/scenarios"}]},
    {name: "About", pages: [{name: "Case study", path: "/case-study"}, {name: "Methodology", path: "/methodology"}]}
  ],
  // An inline icon: browsers otherwise ask for /favicon.ico, which a static host answers with 404.
  head: `<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%23176b87'/%3E%3Cpath d='M8 22l6-7 4 4 6-9' stroke='white' stroke-width='3' fill='none'/%3E%3C/svg%3E">`,
  pager: true,
  search: false,
  footer: "AR Cashflow Intelligence — built with Observable Framework from a seeded synthetic ledger unless stated otherwise.",
  output: process.env.AR_OUTPUT ?? "dist"
};
