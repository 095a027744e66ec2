// Helpers that keep the report's JSON files small and byte-stable: rounded numbers, columnar tables.

/** `value` rounded to `digits` decimals; non-finite values become null (JSON has no NaN or Infinity). */
export function round(value: number | null | undefined, digits = 4): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  const rounded = Math.round(value * scale) / scale;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/**
 * `value` rounded, for a figure that is finite by construction (a sum of amounts, a count, a share whose
 * denominator is checked): the data-file contract (lib/pipeline/contract.ts) types it `number`. A
 * non-finite value here is a bug, which would otherwise reach the page as a silent null, so it throws.
 */
export function roundFinite(value: number, digits = 4): number {
  const rounded = round(value, digits);
  if (rounded === null) throw new RangeError(`expected a finite figure, got ${value}`);
  return rounded;
}

/** Every number of a typed or plain array, rounded. */
export function roundAll(values: ArrayLike<number>, digits = 4): (number | null)[] {
  return Array.from(values, (v) => round(v, digits));
}

/** Every number of an array, each finite by construction (see `roundFinite`), rounded. */
export function roundAllFinite(values: ArrayLike<number>, digits = 4): number[] {
  return Array.from(values, (v) => roundFinite(v, digits));
}

/** A table as one array per column, which is far smaller in JSON than an array of records. */
export type Columnar<Columns extends Record<string, (row: never) => unknown>> = {length: number} & {[K in keyof Columns]: ReturnType<Columns[K]>[]};

/** One column per accessor; each column's type is its accessor's return type. */
export function columnar<T, Columns extends Record<string, (row: T) => unknown>>(rows: readonly T[], columns: Columns): Columnar<Columns> {
  const out: Record<string, unknown> = {length: rows.length};
  for (const key of Object.keys(columns)) out[key] = rows.map(columns[key]);
  return out as Columnar<Columns>;
}

/** A column table's row type: one field per column, `length` aside. */
export type RowOf<Table extends {length: number}> = {[K in Exclude<keyof Table, "length">]: Table[K] extends ArrayLike<infer V> ? V : never};

/** A column table (`columnar`'s shape, as read from JSON) back as one record per row. */
export function rowsOf<Table extends {length: number}>(table: Table): RowOf<Table>[] {
  const keys = Object.keys(table).filter((k) => k !== "length") as Exclude<keyof Table, "length">[];
  return Array.from({length: table.length}, (_, i) => {
    const row = {} as RowOf<Table>;
    for (const k of keys) row[k] = (table[k] as ArrayLike<never>)[i];
    return row;
  });
}
