// Which of a user's columns is which ledger column. Exports name the same thing many ways ("Invoice #",
// "Doc No", "InvoiceID"), so headers are compared in a normalised form against known aliases; an
// explicit mapping overrides the guess where it is wrong or ambiguous.
import {InputError} from "../core/errors.js";
import {rawColumns, requiredColumns} from "./ledger.js";
import type {CsvRecord} from "./csv.js";
import type {RawColumn, RawRow} from "./ledger.js";

/** `{canonical column: "Their Header"}`. */
export type ColumnOverrides = Partial<Record<RawColumn, string>>;

/** A data row in canonical columns, with where it came from. */
export interface SourceRow {
  /** Physical line in the file where the row starts (header = line 1). */
  line: number;
  /** 1-based data row. */
  row: number;
  /** Canonical values; "" for columns the file lacks. */
  values: RawRow;
}

export interface ColumnMapping {
  file: string;
  /** Canonical columns found, in canonical order. */
  columns: RawColumn[];
  /** Position of each found column in the file's header. */
  index: Partial<Record<RawColumn, number>>;
  /** Header as written in the file, for each found column (messages quote the user's names). */
  headers: Partial<Record<RawColumn, string>>;
  /** Headers that map to no ledger column (ignored; the Data page lists them). Unnamed columns appear as "(column N)". */
  unmappedColumns: string[];
}

export interface MappingOptions {
  file: string;
  /** Explicit `{canonical: header}` choices, which take precedence over the aliases. */
  columns?: ColumnOverrides;
  /** Replaces the default aliases of the columns given (normalised forms, see `normalizeHeader`). */
  aliases?: Partial<Record<RawColumn, readonly string[]>>;
}

/**
 * Known header spellings per column, normalised (`normalizeHeader`). Generic words are used only where
 * an AR export means one thing by them: "Account" is the customer, "Total" the invoice amount.
 */
export const defaultAliases: Record<RawColumn, readonly string[]> = {
  invoice_id: ["invoiceid", "invoice", "invoicenumber", "invoiceno", "invoicenum", "invoicenbr", "invoicenr", "invno", "invnumber", "invnum", "invid", "docno", "documentno", "docnumber", "documentnumber", "docid", "documentid", "billno", "billnumber"],
  customer_id: ["customerid", "customer", "customernumber", "customerno", "customernum", "customernbr", "customercode", "custid", "custno", "custnumber", "custcode", "account", "accountid", "accountnumber", "accountno", "accountnum", "accountcode", "acctno", "acctnumber", "clientid", "client", "clientnumber", "debtorid", "debtor", "debtornumber", "soldto", "soldtoparty"],
  customer_name: ["customername", "custname", "accountname", "clientname", "debtorname", "companyname", "name"],
  industry: ["industry", "sector", "vertical", "industrysector"],
  region: ["region", "salesregion", "territory", "salesterritory", "area"],
  credit_score: ["creditscore", "score", "bureauscore", "ficoscore", "fico"],
  credit_limit: ["creditlimit", "limit", "creditline"],
  payment_terms: ["paymentterms", "terms", "paymentterm", "termsdays", "netterms", "termsofpayment", "paymenttermsdays"],
  customer_since: ["customersince", "accountopened", "accountopendate", "opendate", "customerstartdate", "onboardingdate", "onboarded", "accountcreated", "createddate"],
  invoice_date: ["invoicedate", "documentdate", "postingdate", "docdate", "invdate", "billingdate", "billdate", "issuedate", "dateissued", "date"],
  due_date: ["duedate", "netduedate", "paymentduedate", "datedue", "due"],
  amount: ["amount", "invoiceamount", "total", "grossamount", "invoicetotal", "totalamount", "invoicevalue", "originalamount", "amountinvoiced", "invamount"],
  currency: ["currency", "currencycode", "curr", "ccy", "documentcurrency"],
  paid_date: ["paiddate", "paymentdate", "clearingdate", "datepaid", "settlementdate", "settleddate", "paidon", "receiptdate", "dateofpayment"],
  paid_amount: ["paidamount", "amountpaid", "paymentamount", "amountreceived", "receivedamount", "paid", "totalpaid"],
  last_payment_date: ["lastpaymentdate", "lastpaiddate", "lastreceiptdate", "latestpaymentdate"],
  installments: ["installments", "instalments", "numberofpayments", "numpayments", "paymentcount", "noofpayments", "numberofinstallments"],
  disputed: ["disputed", "dispute", "indispute", "disputeflag", "isdisputed"],
  reminders_sent: ["reminderssent", "reminders", "remindercount", "numberofreminders", "dunninglevel", "dunningcount", "noofreminders"],
  last_reminder_date: ["lastreminderdate", "lastreminder", "lastdunningdate", "dunningdate", "reminderdate"],
  extension_requested: ["extensionrequested", "extension", "extensionflag", "requestedextension", "extensionrequest"],
  write_off_date: ["writeoffdate", "writtenoffdate", "writeoff", "baddebtdate", "writeoffon"]
};

/** Lowercase letters and digits only, "#" read as "number": "Invoice #" → "invoicenumber", "Due_Date" → "duedate". */
export function normalizeHeader(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replaceAll("#", "number")
    .replaceAll("&", "and")
    .replace(/[^a-z0-9]/g, "");
}

/**
 * Maps `header` onto the canonical raw columns. Throws an InputError when a required column is missing
 * (`due_date` may be missing if `payment_terms` is present), when two headers claim the same column,
 * or when an explicit choice names a header or column that does not exist.
 */
export function mapColumns(header: readonly string[], {file, columns: overrides = {}, aliases = {}}: MappingOptions): ColumnMapping {
  const found = header.map((name) => JSON.stringify(name)).join(", ");
  const index: Partial<Record<RawColumn, number>> = {};
  const claimed = new Set<number>();

  for (const [column, name] of Object.entries(overrides) as [string, string | undefined][]) {
    if (name === undefined) continue;
    if (!(rawColumns as readonly string[]).includes(column)) {
      throw new InputError({file, reason: `the column mapping names ${JSON.stringify(column)}, which is not a ledger column (ledger columns: ${rawColumns.join(", ")})`});
    }
    const position = findHeader(header, name);
    if (position < 0) {
      throw new InputError({file, reason: `the column mapping sets ${column} to ${JSON.stringify(name)}, but there is no such header (headers found: ${found})`});
    }
    if (claimed.has(position)) {
      const other = rawColumns.find((c) => index[c] === position)!;
      throw new InputError({file, column: header[position], reason: `is mapped to both ${other} and ${column} by the column mapping`});
    }
    index[column as RawColumn] = position;
    claimed.add(position);
  }

  const normalized = header.map(normalizeHeader);
  for (const column of rawColumns) {
    if (index[column] !== undefined) continue;
    const known = new Set([normalizeHeader(column), ...(aliases[column] ?? defaultAliases[column])]);
    const matches = normalized.flatMap((name, position) => (name && !claimed.has(position) && known.has(name) ? [position] : []));
    if (matches.length > 1) {
      const names = matches.map((position) => JSON.stringify(header[position]));
      throw new InputError({
        file,
        reason: `the headers ${names.join(" and ")} both look like the ${column} column; say which one to use with the column mapping, e.g. {${column}: ${names[0]}}`
      });
    }
    if (matches.length) {
      index[column] = matches[0];
      claimed.add(matches[0]);
    }
  }

  const missing = requiredColumns.filter((column) => index[column] === undefined);
  if (index.due_date === undefined && index.payment_terms === undefined) missing.push("due_date");
  if (missing.length) {
    const what = missing.length === 1 ? `${missing[0]} column` : `columns for ${missing.join(", ")}`;
    const dueNote = missing.includes("due_date") ? " (due_date can be left out when there is a payment_terms column)" : "";
    throw new InputError({
      file,
      reason: `has no ${what}${dueNote}; headers found: ${found}. Name the matching header in the column mapping, e.g. {${missing[0]}: "Your Header"}`
    });
  }

  const columns = rawColumns.filter((column) => index[column] !== undefined);
  const headers: Partial<Record<RawColumn, string>> = {};
  for (const column of columns) headers[column] = header[index[column]!];
  const unmappedColumns = header.flatMap((name, position) => (claimed.has(position) ? [] : [name.trim() === "" ? `(column ${position + 1})` : name]));
  return {file, columns, index, headers, unmappedColumns};
}

/** The identity mapping of a canonical file (what the synthetic generator writes). */
export function canonicalMapping(file: string): ColumnMapping {
  const index: Partial<Record<RawColumn, number>> = {};
  const headers: Partial<Record<RawColumn, string>> = {};
  rawColumns.forEach((column, position) => ((index[column] = position), (headers[column] = column)));
  return {file, columns: [...rawColumns], index, headers, unmappedColumns: []};
}

/** CSV records as canonical rows, lazily; columns the file lacks are "". */
export function* mappedRows(records: Iterable<CsvRecord>, {index}: ColumnMapping): Generator<SourceRow, void, undefined> {
  const positions = rawColumns.map((column) => index[column] ?? -1);
  for (const {line, row, fields} of records) {
    const values = {} as RawRow;
    for (let j = 0; j < rawColumns.length; ++j) values[rawColumns[j]] = positions[j] < 0 ? "" : fields[positions[j]];
    yield {line, row, values};
  }
}

/** Rows already in canonical form (the generator's) numbered as if written to a CSV with a header. */
export function* numberedRows(rows: Iterable<RawRow>): Generator<SourceRow, void, undefined> {
  let row = 0;
  for (const values of rows) {
    ++row;
    yield {line: row + 1, row, values};
  }
}

/** An exact header match first, then one that differs only in case, spacing or punctuation. */
function findHeader(header: readonly string[], name: string): number {
  const exact = header.indexOf(name);
  if (exact >= 0) return exact;
  const wanted = normalizeHeader(name);
  return wanted ? header.findIndex((h) => normalizeHeader(h) === wanted) : -1;
}
