// An Inputs.table that scrolls is a region a keyboard user must be able to reach and a screen reader
// must be able to name; Inputs leaves both to the page.
export function readableTable<T extends HTMLElement>(table: T, label: string): T {
  table.tabIndex = 0;
  table.setAttribute("role", "region");
  table.setAttribute("aria-label", label);
  return table;
}
