// Helpers that keep the report's JSON files small and byte-stable: rounded numbers, columnar tables.

/** `value` rounded to `digits` decimals; non-finite values become null (JSON has no NaN or Infinity). */
export function round(value: number | null | undefined, digits = 4): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  const rounded = Math.round(value * scale) / scale;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Every number of a typed or plain array, rounded. */
export function roundAll(values: ArrayLike<number>, digits = 4): (number | null)[] {
  return Array.from(values, (v) => round(v, digits));
}

/** A table as one array per column, which is far smaller in JSON than an array of records. */
export type Columnar<K extends string> = {length: number} & Record<K, unknown[]>;

export function columnar<T, K extends string>(rows: readonly T[], columns: Record<K, (row: T) => unknown>): Columnar<K> {
  const out: Record<string, unknown> = {length: rows.length};
  for (const key of Object.keys(columns) as K[]) out[key] = rows.map(columns[key]);
  return out as Columnar<K>;
}

/** Records back from a columnar table (in the browser, where a page wants rows). */
export function records<K extends string>(table: Columnar<K>): Record<K, unknown>[] {
  const keys = Object.keys(table).filter((k) => k !== "length") as K[];
  return Array.from({length: table.length}, (_, i) => Object.fromEntries(keys.map((k) => [k, table[k][i]])) as Record<K, unknown>);
}
