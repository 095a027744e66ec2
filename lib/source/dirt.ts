// Realistic dirt for a stream of clean raw rows, so that cleaning has real work to do: the slips of
// hand-kept ledgers and careless exports. A touched row gets exactly one kind of dirt; every other row
// passes through as the same object. The formats below are a contract with cleaning (lib/clean/).
import {formatIsoDay, parseIsoDay} from "../core/dates.js";
import type {Day} from "../core/dates.js";
import type {RawRow} from "../input/ledger.js";
import type {Random} from "../core/random.js";

export const dirtKinds = [
  "missing_invoice_date",
  "currency_text_amount",
  "duplicate_row",
  "due_before_invoice",
  "negative_amount",
  "future_invoice_date",
  "inconsistent_customer_id"
] as const;
export type DirtKind = (typeof dirtKinds)[number];

export interface DirtOptions {
  /** Share of rows touched. Default 0.02. */
  rate?: number;
  /** The ledger's as-of date: future invoice dates land 30–400 days after it. */
  asOf: Day;
}

export interface DirtTally {
  rowsIn: number;
  rowsOut: number;
  injected: Record<DirtKind, number>;
}

export const defaultDirtRate = 0.02;

/** What each kind of dirt does, for the Data page. */
export const dirtDescriptions: Record<DirtKind, string> = {
  missing_invoice_date: "The invoice date is blank.",
  currency_text_amount: 'The amount is written as text with a currency: "$1,234.50" or "1234.50 USD".',
  duplicate_row: "The row appears twice in a row, identical.",
  due_before_invoice: "The due date mirrors the terms before the invoice date instead of after it.",
  negative_amount: "The amount carries a minus sign.",
  future_invoice_date: "The invoice date (and due date with it) lies 30–400 days after the as-of date, as a mistyped year would.",
  inconsistent_customer_id: 'The customer id is typed differently: "c00042", " C00042 ", "C-00042" or "C42" for C00042.'
};

/** A tally with every count at zero, to pass to `injectDirt`. */
export function createDirtTally(): DirtTally {
  return {rowsIn: 0, rowsOut: 0, injected: Object.fromEntries(dirtKinds.map((kind) => [kind, 0])) as Record<DirtKind, number>};
}

/**
 * Rows with dirt injected into about `rate` of them, lazily. `tally`, if given, is updated as rows are
 * read (rowsOut = rowsIn + duplicates). A kind that cannot apply to a row (a blank amount cannot turn
 * negative) is not chosen for it; a row no kind applies to passes through untouched and uncounted.
 */
export function injectDirt(rows: Iterable<RawRow>, {rate = defaultDirtRate, asOf}: DirtOptions, random: Random, tally: DirtTally = createDirtTally()): Generator<RawRow, void, undefined> {
  // Checked here, not inside the generator, so that a bad rate fails at the call rather than at the first read.
  if (!(rate >= 0 && rate <= 1)) throw new RangeError(`dirt rate must be between 0 and 1, not ${rate}`);
  return dirtyRows(rows, rate, asOf, random, tally);
}

function* dirtyRows(rows: Iterable<RawRow>, rate: number, asOf: Day, random: Random, tally: DirtTally): Generator<RawRow, void, undefined> {
  for (const row of rows) {
    ++tally.rowsIn;
    if (rate > 0 && random.next() < rate) {
      const kinds = dirtKinds.filter((kind) => applies(kind, row));
      if (kinds.length) {
        const kind = random.pick(kinds);
        ++tally.injected[kind];
        if (kind === "duplicate_row") {
          tally.rowsOut += 2;
          yield {...row};
          yield {...row};
        } else {
          ++tally.rowsOut;
          yield dirty(kind, row, asOf, random);
        }
        continue;
      }
    }
    ++tally.rowsOut;
    yield row;
  }
}

function applies(kind: DirtKind, row: RawRow): boolean {
  switch (kind) {
    case "missing_invoice_date":
      return row.invoice_date !== "";
    case "currency_text_amount":
    case "negative_amount":
      return plainAmount.test(row.amount);
    case "due_before_invoice": {
      const invoice = parseIsoDay(row.invoice_date), due = parseIsoDay(row.due_date);
      return invoice !== undefined && due !== undefined && due > invoice;
    }
    case "future_invoice_date":
      return parseIsoDay(row.invoice_date) !== undefined;
    case "inconsistent_customer_id":
      return customerIdVariants(row.customer_id).length > 0;
    case "duplicate_row":
      return true;
  }
}

const plainAmount = /^\d+(?:\.\d+)?$/;

/** A copy of `row` with one kind of dirt. */
function dirty(kind: Exclude<DirtKind, "duplicate_row">, row: RawRow, asOf: Day, random: Random): RawRow {
  switch (kind) {
    case "missing_invoice_date":
      return {...row, invoice_date: ""};
    case "currency_text_amount":
      return {...row, amount: currencyText(row.amount, row.currency, random)};
    case "negative_amount":
      return {...row, amount: `-${row.amount}`};
    case "due_before_invoice": {
      const invoice = parseIsoDay(row.invoice_date)!, due = parseIsoDay(row.due_date)!;
      return {...row, due_date: formatIsoDay(invoice - (due - invoice))};
    }
    case "future_invoice_date": {
      const invoice = parseIsoDay(row.invoice_date)!;
      const offset = asOf + 30 + random.int(371) - invoice;
      const due = parseIsoDay(row.due_date);
      return {...row, invoice_date: formatIsoDay(invoice + offset), due_date: due === undefined ? row.due_date : formatIsoDay(due + offset)};
    }
    case "inconsistent_customer_id":
      return {...row, customer_id: random.pick(customerIdVariants(row.customer_id))};
  }
}

const currencySymbols: Record<string, string> = {USD: "$", EUR: "€", GBP: "£", JPY: "¥"};

/** "$1,234.50" or "1234.50 USD" (the symbol form only for currencies with a well-known symbol). */
export function currencyText(amount: string, currency: string, random: Random): string {
  const code = currency || "USD";
  const symbol = currencySymbols[code];
  if (symbol && random.bernoulli(0.5)) {
    const [whole, fraction] = amount.split(".");
    const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ",");
    return `${symbol}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
  }
  return `${amount} ${code}`;
}

/** Hand-typed spellings of an id such as "C00042": lower case, padded, hyphenated, unpadded; never the id itself. */
export function customerIdVariants(id: string): string[] {
  if (!id.trim()) return [];
  const variants = [id.toLowerCase(), ` ${id} `];
  const match = /^([A-Za-z]+)(\d+)$/.exec(id);
  if (match) variants.push(`${match[1]}-${match[2]}`, `${match[1]}${String(Number(match[2]))}`);
  return [...new Set(variants)].filter((variant) => variant !== id);
}
