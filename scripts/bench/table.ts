// Plain tables for the terminal and the same tables as Markdown for notes: one renderer, two skins.

export interface Table {
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
  /** Lines printed under the table (how to read it). */
  notes?: string[];
}

export function formatTable({title, columns, rows, notes = []}: Table, style: "text" | "markdown" = "text"): string {
  const cells = rows.map((row) => row.map(cellText));
  const widths = columns.map((c, j) => Math.max(c.length, ...cells.map((r) => (r[j] ?? "").length)));
  // First column left-aligned (labels), the rest right-aligned (figures).
  const pad = (text: string, j: number) => (j === 0 ? text.padEnd(widths[j]) : text.padStart(widths[j]));
  if (style === "markdown") {
    const line = (r: string[]) => `| ${r.map(pad).join(" | ")} |`;
    const rule = `|${widths.map((w, j) => (j === 0 ? ` ${"-".repeat(w)} ` : ` ${"-".repeat(w - 1)}: `)).join("|")}|`;
    return [`**${title}**`, "", line(columns), rule, ...cells.map(line), ...(notes.length ? ["", ...notes.map((n) => `${n}`)] : []), ""].join("\n");
  }
  const line = (r: string[]) => r.map(pad).join("  ");
  return [title, "=".repeat(title.length), line(columns), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line), ...notes.map((n) => `  ${n}`), ""].join("\n");
}

function cellText(value: string | number | null): string {
  if (value === null || (typeof value === "number" && !Number.isFinite(value))) return "–";
  return String(value);
}

/** Fixed decimals, or "–" for missing figures. */
export function fixed(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "–" : value.toFixed(digits);
}

export function seconds(ms: number | null | undefined, digits = 1): string {
  return fixed(ms === null || ms === undefined ? null : ms / 1000, digits);
}

export function kilobytes(bytes: number | null | undefined): string {
  return bytes === null || bytes === undefined ? "–" : (bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0);
}

export function signed(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "–" : `${value >= 0 ? "+" : ""}${value.toFixed(digits)}`;
}
