// Which of a user's columns is which ledger column. Exports name the same thing many ways ("Invoice #",
// "Doc No", "InvoiceID"), so headers are compared in a normalised form against known aliases; an
// explicit mapping overrides the guess where it is wrong or ambiguous.
import {InputError} from "../core/errors.js";
import {columnScore, headerWords, namesCustomerNumber, recognisedByWords, ruledOut} from "./headerWords.js";
import {rawColumns, requiredColumns} from "./ledger.js";
import type {CsvRecord} from "./csv.js";
import type {RawColumn, RawRow} from "./ledger.js";

/**
 * Columns that say what a row is rather than what it holds: the document type (invoice, credit memo,
 * payment, refund), a debit/credit indicator (SAP's S/H), an open flag or status (Dynamics' `Open`,
 * QuickBooks' `Status`) and the amount still open (`Remaining Amount`, Xero's `Due`). Cleaning reads
 * them to tell invoices from other entries and to find paid dates; they are not ledger columns.
 */
export const entryColumns = ["document_type", "debit_credit", "open_item", "remaining_amount"] as const;
export type EntryColumn = (typeof entryColumns)[number];
/** Every column a file's header can be mapped to. */
export type InputColumn = RawColumn | EntryColumn;
export const inputColumns: readonly InputColumn[] = [...rawColumns, ...entryColumns];

/** `{canonical column: "Their Header"}`; null leaves a column unmapped even where a header looks like it. */
export type ColumnOverrides = Partial<Record<InputColumn, string | null>>;

/** A row's values by input column; entry columns are absent where the source has none. */
export type InputRow = RawRow & Partial<Record<EntryColumn, string>>;

/** A data row in canonical columns, with where it came from. */
export interface SourceRow {
  /** Physical line in the file where the row starts (header = line 1). */
  line: number;
  /** 1-based data row. */
  row: number;
  /** Canonical values; "" for columns the file lacks. */
  values: InputRow;
  /** Every field of the record, mapped or not (to tell a heading in an unmapped column from a blank row). */
  fields?: readonly string[];
}

export interface ColumnMapping {
  file: string;
  /** Input columns found, in canonical order. */
  columns: InputColumn[];
  /** Position of each found column in the file's header. */
  index: Partial<Record<InputColumn, number>>;
  /** Header as written in the file, for each found column (messages quote the user's names). */
  headers: Partial<Record<InputColumn, string>>;
  /** Headers that map to no ledger column (ignored; the Data page lists them). Unnamed columns appear as "(column N)". */
  unmappedColumns: string[];
  /** Headers that also looked like a column another header was preferred for, by column. */
  passedOver: Partial<Record<InputColumn, string[]>>;
  /** The customer id column is the customer name column (the file has names only, as Xero's exports). */
  customerIdFromName: boolean;
  /** Columns found by their header's words rather than a known name ("clear_date" → paid_date). */
  byWords?: InputColumn[];
  /**
   * The amount column is the amount still open (`remaining_amount` as the file names it): an open-item
   * list, or an ERP table whose open amount is the invoice's ("total_open_amount"), with no other amount.
   */
  amountFromOpenAmount?: boolean;
}

export interface MappingOptions {
  file: string;
  /** Explicit `{canonical: header}` choices, which take precedence over the aliases. */
  columns?: ColumnOverrides;
  /** Replaces the default aliases of the columns given (normalised forms, see `normalizeHeader`). */
  aliases?: Partial<Record<InputColumn, readonly string[]>>;
}

/**
 * Known header spellings per column, normalised (`normalizeHeader`), best first: where two headers
 * match one column, the one with the earlier alias wins ("Amount" over "Original Amount" and "Amount
 * (LCY)"; "Document Date" over "Posting Date" and a bare "Date"). Names come from the systems' own
 * exports (SAP FBL5N in English and German, Dynamics 365 customer ledger entries, QuickBooks, Xero,
 * Sage, NetSuite, Oracle). Generic words are used only where an AR export means one thing by them.
 */
export const defaultAliases: Record<InputColumn, readonly string[]> = {
  invoice_id: ["invoiceid", "invoicenumber", "invoiceno", "invoice", "invoicecmnumber", "nofacture", "numerofacture", "facture", "numerodefactura", "factura", "invoicenum", "invoicenbr", "invoicenr", "invno", "invnumber", "invnum", "invid", "invoiceref", "invoicereference", "documentnumber", "documentno", "docno", "docnumber", "docid", "documentid", "billingdocument", "billno", "billnumber", "belegnummer", "belegnr", "rechnungsnummer", "rechnungsnr", "transactionnumber", "transactionno", "transno", "trannumber", "trxnumber", "trxno", "num", "number", "no", "reference", "ref", "document"],
  customer_id: ["customerid", "customernumber", "customerno", "customer", "customernum", "customernbr", "customercode", "custid", "custno", "custnumber", "custcode", "custaccount", "customeraccount", "account", "accountid", "accountnumber", "accountno", "accountnum", "accountcode", "acctno", "acctnumber", "clientid", "client", "clientnumber", "debtorid", "debtor", "debtornumber", "soldto", "soldtoparty", "selltocustomerno", "billtocustomerno", "kunde", "kundennummer", "kundennr", "codeclient", "numeroclient", "numerodeclient", "noclient", "cliente", "numerodecliente", "nodecliente", "codigodecliente", "codigocliente", "debitor", "debitorennummer", "debitornr", "konto"],
  customer_name: ["customername", "custname", "accountname", "clientname", "debtorname", "companyname", "contact", "contactname", "soldtoname", "kundenname", "name1", "name"],
  industry: ["industry", "sector", "vertical", "industrysector", "branche"],
  region: ["region", "salesregion", "territory", "salesterritory", "area", "country", "countryregioncode"],
  credit_score: ["creditscore", "score", "bureauscore", "ficoscore", "fico", "riskscore"],
  credit_limit: ["creditlimit", "creditlimitlcy", "limit", "creditline", "kreditlimit"],
  payment_terms: ["paymentterms", "terms", "paymentterm", "termsdays", "netterms", "termsofpayment", "paymenttermsdays", "paymenttermscode", "zahlungsbedingung", "zahlungsziel"],
  customer_since: ["customersince", "accountopened", "accountopendate", "opendate", "customerstartdate", "onboardingdate", "onboarded", "accountcreated", "createddate"],
  invoice_date: ["invoicedate", "documentdate", "docdate", "invdate", "fecha", "fechaemision", "datum", "billingdate", "billdate", "issuedate", "dateissued", "belegdatum", "rechnungsdatum", "datefacture", "fechafactura", "fechadefactura", "transactiondate", "txndate", "trandate", "trxdate", "gldate", "postingdate", "buchungsdatum", "date"],
  // A bare "Due" is the due date, unless a "Due Date" header claims that first: then it is the amount
  // due (Xero's aged receivables), which remaining_amount, mapped later, picks up.
  due_date: ["duedate", "netduedate", "netduedt", "paymentduedate", "datedue", "duedatenet", "duedatereceiveby", "dateecheance", "echeance", "fechadevencimiento", "vencimiento", "nettofalligkeit", "nettofalligkeitsdatum", "falligkeitsdatum", "falligkeit", "faelligkeit", "falligam", "faelligam", "due"],
  amount: ["amount", "invoiceamount", "total", "grossamount", "amountgross", "amountindc", "amountinlc", "invoicetotal", "totalamount", "invoicevalue", "originalamount", "amountinvoiced", "invamount", "amountlcy", "amountinlocalcurrency", "amountlc", "amountindoccurr", "amountindocumentcurrency", "originalamtlcy", "amountdueoriginal", "invoicedamount", "betrag", "betraginhauswahrung", "rechnungsbetrag", "bruttobetrag", "montant", "montantttc", "importe"],
  currency: ["currency", "currencycode", "curr", "ccy", "crcy", "documentcurrency", "doccurrency", "doccurr", "localcurrency", "loccurr", "lcurr", "currencykey", "waers", "invoicecurrency", "invoicecurrencycode", "transactioncurrency", "wahrung", "hauswahrung", "belegwahrung", "devise", "moneda", "divisa"],
  paid_date: ["paiddate", "paymentdate", "clearingdate", "datepaid", "settlementdate", "settleddate", "paidon", "receiptdate", "dateofpayment", "closedatdate", "closedat", "closedon", "closeddate", "ausgleichsdatum", "clearing", "clrngdate", "clearingdt", "zahlungsdatum", "zahldatum", "bezahltam", "datepaiement", "fechadepago", "fechapago", "fullypaiddate", "fullypaidondate", "geschlossenam", "geschlossenamdatum", "ausgeglichenam"],
  paid_amount: ["paidamount", "amountpaid", "paymentamount", "amountreceived", "receivedamount", "paid", "totalpaid", "amountapplied", "paidtodate", "amountcredited", "credited"],
  last_payment_date: ["lastpaymentdate", "lastpaiddate", "lastreceiptdate", "latestpaymentdate"],
  installments: ["installments", "instalments", "numberofpayments", "numpayments", "paymentcount", "noofpayments", "numberofinstallments"],
  disputed: ["disputed", "dispute", "indispute", "disputeflag", "isdisputed", "ondispute", "onhold"],
  reminders_sent: ["reminderssent", "reminders", "remindercount", "numberofreminders", "dunninglevel", "dunningcount", "noofreminders", "mahnstufe"],
  last_reminder_date: ["lastreminderdate", "lastreminder", "lastdunningdate", "dunningdate", "reminderdate", "letztemahnung"],
  extension_requested: ["extensionrequested", "extension", "extensionflag", "requestedextension", "extensionrequest"],
  write_off_date: ["writeoffdate", "writtenoffdate", "writeoff", "baddebtdate", "writeoffon"],
  document_type: ["documenttype", "doctype", "type", "transactiontype", "txntype", "trantype", "transtype", "entrytype", "invoicetype", "belegart", "documentclass"],
  debit_credit: ["debitcredit", "debitcreditind", "debitcreditindicator", "dcind", "dc", "sollhaben", "sollhabenkennz", "sollhabenkennzeichen", "shkennz"],
  open_item: ["open", "isopen", "openitem", "paymentstatus", "invoicestatus", "status", "offen"],
  remaining_amount: ["remainingamount", "amountremaining", "remainingamt", "remainingamtlcy", "remainingamountlcy", "openamount", "openamt", "openbalance", "balance", "balancedue", "amountdue", "due", "outstanding", "outstandingamount", "amountoutstanding", "amountresidual", "residual", "offenerbetrag", "amountdueremaining"]
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

const looselyMatched = new Set<InputColumn>(["invoice_id", "customer_id", "customer_name", "invoice_date", "due_date", "amount", "paid_date", "paid_amount", "remaining_amount", "currency"]);

/** Columns without which no ledger can be built (a due date may come from payment terms instead). */
const required: readonly InputColumn[] = requiredColumns.filter((column) => column !== "paid_date");

/**
 * Maps `header` onto the input columns. Where several headers match one column, the best-ranked alias
 * wins and the others are noted in `passedOver`. Throws an InputError when a required column is missing
 * (`due_date` may be missing if `payment_terms` is present; `paid_date` may be missing: the file is
 * then an open-items snapshot, or its payments come from elsewhere), when two headers match one column
 * equally well, or when an explicit choice names a header or column that does not exist.
 */
export function mapColumns(header: readonly string[], {file, columns: overrides = {}, aliases = {}}: MappingOptions): ColumnMapping {
  const found = header.map((name) => JSON.stringify(name)).join(", ");
  const index: Partial<Record<InputColumn, number>> = {};
  const claimed = new Set<number>();
  const unwanted = new Set<InputColumn>();
  const passedOver: Partial<Record<InputColumn, string[]>> = {};

  for (const [column, name] of Object.entries(overrides) as [string, string | null | undefined][]) {
    if (name === undefined) continue;
    if (!(inputColumns as readonly string[]).includes(column)) {
      throw new InputError({file, reason: `the column mapping names ${JSON.stringify(column)}, which is not a ledger column (ledger columns: ${inputColumns.join(", ")})`});
    }
    if (name === null) {
      unwanted.add(column as InputColumn);
      continue;
    }
    const position = findHeader(header, name);
    if (position < 0) {
      throw new InputError({file, reason: `the column mapping sets ${column} to ${JSON.stringify(name)}, but there is no such header (headers found: ${found})`});
    }
    if (claimed.has(position)) {
      const other = inputColumns.find((c) => index[c] === position)!;
      throw new InputError({file, column: header[position], reason: `is mapped to both ${other} and ${column} by the column mapping`});
    }
    index[column as InputColumn] = position;
    claimed.add(position);
  }

  // Three passes, each over every column before the next: headers as written; without a qualifier in
  // brackets ("Amount (Gross)", "Amount (LCY)"); then headers that start with a known name ("Due
  // Date/Receive By", "Invoice/CM #"). A header claimed in an earlier pass is not offered again.
  const exact = header.map(normalizeHeader);
  const unqualified = header.map((name) => normalizeHeader(name.replace(/\([^)]*\)|\[[^\]]*\]/g, "")));
  const passes: ((known: readonly string[], position: number, column: InputColumn) => number)[] = [
    (known, position) => known.indexOf(exact[position]),
    (known, position) => known.indexOf(unqualified[position]),
    // A known name followed by a qualifier that makes it something else is not that column: "Amount
    // Due Signed" is no amount, "Invoice Currency" no invoice id.
    (known, position, column) => known.findIndex((alias) => alias.length >= 6 && exact[position].startsWith(alias) && !ruledOut(column, headerWords(header[position])))
  ];
  passes.forEach((pass, p) => {
    for (const column of inputColumns) {
      if (index[column] !== undefined || unwanted.has(column)) continue;
      // Loose prefixes only for the ledger's core columns: "Status Date" must not become the open flag.
      if (p === 2 && !looselyMatched.has(column)) continue;
      const known = [normalizeHeader(column), ...(aliases[column] ?? defaultAliases[column])];
      claimBest(column, (position) => (exact[position] && !claimed.has(position) ? pass(known, position, column) : -1));
    }
  });

  function ambiguous(column: InputColumn, positions: readonly number[]): InputError {
    const names = positions.map((position) => JSON.stringify(header[position]));
    return new InputError({file, reason: `the headers ${names.join(" and ")} both look like the ${column} column; say which one to use with the column mapping, e.g. {${column}: ${names[0]}}`});
  }

  function claimBest(column: InputColumn, rank: (position: number) => number): void {
    const normalized = exact;
    const matches = normalized.flatMap((_, position) => (rank(position) >= 0 ? [position] : [])).sort((a, b) => rank(a) - rank(b));
    if (matches.length > 1 && rank(matches[0]) === rank(matches[1])) {
      throw ambiguous(column, matches.filter((position) => rank(position) === rank(matches[0])));
    }
    if (matches.length) {
      index[column] = matches[0];
      claimed.add(matches[0]);
      if (matches.length > 1) passedOver[column] = matches.slice(1).map((position) => header[position]);
    }
  }

  // "Customer ID" and "Customer" side by side: the one passed over for the id is the name.
  if (index.customer_name === undefined && !unwanted.has("customer_name") && passedOver.customer_id?.length) {
    const name = passedOver.customer_id.shift()!;
    index.customer_name = header.indexOf(name);
    claimed.add(index.customer_name);
    if (!passedOver.customer_id.length) delete passedOver.customer_id;
  }
  const byWords = claimByWords();
  // "Kunde" and "Kundennummer", "Client" and "Numéro client": of a name-like and a number-like customer
  // header, the number is the id, whichever alias ranked first (explicit choices stand).
  const {customer_id: id, customer_name: name} = index;
  if (id !== undefined && name !== undefined && overrides.customer_id === undefined && overrides.customer_name === undefined && !namesCustomerNumber(header[id]) && namesCustomerNumber(header[name])) {
    index.customer_id = name;
    index.customer_name = id;
  }
  // An export with customer names only (Xero's Contact) identifies customers by name.
  const customerIdFromName = index.customer_id === undefined && index.customer_name !== undefined && !unwanted.has("customer_id");
  if (customerIdFromName) index.customer_id = index.customer_name;

  // An open-item list names its amount the amount open ("Open Balance", "total_open_amount"): with no
  // other amount column, that is the amount, and cleaning reads each row as open for all of it.
  const amountFromOpenAmount = index.amount === undefined && index.remaining_amount !== undefined && !unwanted.has("amount");
  if (amountFromOpenAmount) {
    index.amount = index.remaining_amount;
    delete index.remaining_amount;
    if (byWords.includes("remaining_amount")) byWords.splice(byWords.indexOf("remaining_amount"), 1, "amount");
  }

  const missing = required.filter((column) => index[column] === undefined);
  if (index.due_date === undefined && index.payment_terms === undefined) missing.push("due_date");
  if (missing.length) {
    const what = missing.length === 1 ? `${missing[0]} column` : `columns for ${missing.join(", ")}`;
    const dueNote = missing.includes("due_date") ? " (due_date can be left out when there is a payment_terms column)" : "";
    throw new InputError({
      file,
      reason: `has no ${what}${dueNote}; headers found: ${found}. Name the matching header in the column mapping, e.g. {"columns": {"${missing[0]}": "Your Header"}}`
    });
  }

  const columns = inputColumns.filter((column) => index[column] !== undefined);
  const headers: Partial<Record<InputColumn, string>> = {};
  for (const column of columns) headers[column] = header[index[column]!];
  const unmappedColumns = header.flatMap((name, position) => (claimed.has(position) || position === index.customer_id ? [] : [name.trim() === "" ? `(column ${position + 1})` : name]));
  return {file, columns, index, headers, unmappedColumns, passedOver, customerIdFromName, byWords: inputColumns.filter((c) => byWords.includes(c)), amountFromOpenAmount};

  /**
   * The last pass: headers no name matched, recognised by their words (see headerWords.ts), for columns
   * still without one. Best scores claim first; two headers scoring alike for one column are refused
   * as the names' ties are. Returns the columns found so.
   */
  function claimByWords(): InputColumn[] {
    const free = header.flatMap((_, position) => (exact[position] && !claimed.has(position) ? [position] : []));
    const wordsAt = new Map(free.map((position) => [position, headerWords(header[position])]));
    const candidates: {column: InputColumn; position: number; score: number}[] = [];
    for (const column of inputColumns) {
      if (index[column] !== undefined || unwanted.has(column)) continue;
      for (const position of free) {
        const score = columnScore(column, wordsAt.get(position)!);
        if (score > 0) candidates.push({column, position, score});
      }
    }
    candidates.sort((a, b) => b.score - a.score || inputColumns.indexOf(a.column) - inputColumns.indexOf(b.column) || a.position - b.position);
    const found: InputColumn[] = [];
    for (const {column, position, score} of candidates) {
      if (index[column] !== undefined || claimed.has(position)) continue;
      const rivals = candidates.filter((c) => c.column === column && c.position !== position && !claimed.has(c.position));
      const tied = rivals.filter((c) => c.score === score);
      if (tied.length) {
        throw ambiguous(column, [position, ...tied.map((c) => c.position)]);
      }
      index[column] = position;
      claimed.add(position);
      found.push(column);
      if (rivals.length) passedOver[column] = [...(passedOver[column] ?? []), ...rivals.map((c) => header[c.position])];
    }
    return found;
  }
}

/**
 * How much a row looks like a header: the number of its cells that are known column names, headers
 * the mapping names, or headers recognised by their words (cells without digits only: a data row's
 * "INV-1001" or "2024-01-31" is no header). Title lines and data rows score 0 or 1; a header scores several.
 */
export function headerLikeness(overrides: ColumnOverrides = {}): (fields: readonly string[]) => number {
  const known = new Set<string>();
  for (const column of inputColumns) {
    known.add(normalizeHeader(column));
    for (const alias of defaultAliases[column]) known.add(alias);
  }
  for (const name of Object.values(overrides)) if (name) known.add(normalizeHeader(name));
  return (fields) => {
    let score = 0;
    for (const field of fields) {
      if (field.length >= 60) continue;
      if (known.has(normalizeHeader(field)) || (!/\d/.test(field) && recognisedByWords(field))) ++score;
    }
    return score;
  };
}

/** The identity mapping of a canonical file (what the synthetic generator writes). */
export function canonicalMapping(file: string): ColumnMapping {
  const index: Partial<Record<RawColumn, number>> = {};
  const headers: Partial<Record<RawColumn, string>> = {};
  rawColumns.forEach((column, position) => ((index[column] = position), (headers[column] = column)));
  return {file, columns: [...rawColumns], index, headers, unmappedColumns: [], passedOver: {}, customerIdFromName: false};
}

/** CSV records as canonical rows, lazily; columns the file lacks are "". */
export function* mappedRows(records: Iterable<CsvRecord>, {index}: ColumnMapping): Generator<SourceRow, void, undefined> {
  const positions = rawColumns.map((column) => index[column] ?? -1);
  const entries = entryColumns.filter((column) => index[column] !== undefined);
  const entryPositions = entries.map((column) => index[column]!);
  for (const {line, row, fields} of records) {
    const values = {} as InputRow;
    for (let j = 0; j < rawColumns.length; ++j) values[rawColumns[j]] = positions[j] < 0 ? "" : fields[positions[j]] ?? "";
    for (let j = 0; j < entries.length; ++j) values[entries[j]] = fields[entryPositions[j]] ?? "";
    yield {line, row, values, fields};
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
