export function round(value, digits = 4) {
  if (value === null || value === void 0 || !Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  const rounded = Math.round(value * scale) / scale;
  return Object.is(rounded, -0) ? 0 : rounded;
}
export function roundAll(values, digits = 4) {
  return Array.from(values, (v) => round(v, digits));
}
export function columnar(rows, columns) {
  const out = { length: rows.length };
  for (const key of Object.keys(columns)) out[key] = rows.map(columns[key]);
  return out;
}
export function records(table) {
  const keys = Object.keys(table).filter((k) => k !== "length");
  return Array.from({ length: table.length }, (_, i) => Object.fromEntries(keys.map((k) => [k, table[k][i]])));
}
