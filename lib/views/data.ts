// The Data page's words that depend on the ledger. The generator's description says what it models;
// how often it happened in this ledger is measured on the ledger and added here, so the prose asserts
// no figure of its own. For a user's file: what it was (encoding, delimiter, sheet, title lines),
// which header fed which column, each column's inferred format and why, what kinds of rows were found,
// and the command and mapping file that reproduce the build.
import {formatCount, formatMoney, formatPercent} from "../core/format.js";
import type {CleaningFile, InputProvenance, MetaFile} from "../pipeline/contract.js";
import type {ColumnFormat, FormatDecision} from "../input/infer.js";
import {defaultUnreadableShare, formatSettings} from "../input/settings.js";

/**
 * What the seeded generator (lib/source/generate.ts) models, one line per effect. No line states a rate:
 * how often an effect happened is measured on the ledger (`generatorNotes` adds the written-off share
 * from meta.json).
 */
export const generatorEffects: Record<string, string> = {
  customers:
    "Customers fall into four hidden behaviour groups: A low risk/high value, B high risk/high value, C low risk/low value, D high risk/low value (chronic late payers). High-value customers invoice more often and in larger amounts.",
  attributes:
    "Each account has an industry (8), region (5), credit score 300–850 that tracks its behaviour only noisily, a credit limit sized to its usual balance, Net 15/30/45/60 terms and an opening date; about a fifth of accounts open during the window.",
  amounts: "Invoice amounts are log-normal around each customer's own scale: heavy-tailed, with a few very large invoices.",
  seasonality: "Invoicing peaks in Q4 and dips in July–August; invoices bunch on weekdays and in the last days of each month, most at quarter-end; some customers are billed in one month-end batch.",
  history: "Whether an invoice is paid late depends mostly on the customer's own reliability, which shows in its payment history.",
  creditPressure: "Late payers get later as their open balance approaches or exceeds their credit limit; invoices that are large against the limit are riskier.",
  calendar: "Invoices issued in the last days of a month, and in December and the summer months, are paid late a little more often.",
  tenure: "Accounts in their first two years pay late a little more often.",
  mildEffects: "Terms, industry (construction and the public sector slower, technology faster) and region have mild effects.",
  disputes: "Disputed invoices (more common among high-risk customers and for large invoices) are paid weeks later.",
  extensions: "Customers who negotiate ask for more time, especially for large invoices and under credit pressure, and then pay after the due date.",
  instalments: "Some invoices, more often of high-risk customers, are paid in two or three instalments, and later.",
  reminders: "Watched customers get a reminder five days before the due date; overdue invoices get one every two weeks (up to six). Customers sensitive to reminders often pay within a week of one.",
  paymentRuns: "Many customers pay in weekly or twice-monthly payment runs rather than on any day.",
  improvement: "Some customers, mostly high-risk ones, improve steadily over the window; others grow their credit use year by year.",
  writeOffs: "Some invoices are never paid in full: after part payments and reminders they are written off at a month-end four to ten months past due.",
  asOf: "The simulation runs 13 weeks past the report date, as an export taken later would hold them. The report sees the ledger as it stood on its date (invoices paid later are open, with only the instalments received by then); those 13 weeks are used only to score it, on the Backtest page."
};

/** The fields of meta.json read here. */
export type GeneratorMeta = Pick<MetaFile, "invoices" | "synthetic"> & Partial<Pick<MetaFile, "writtenOff">>;

/** The generator's description, topic by topic, with the measured share of written-off invoices. */
export function generatorNotes(meta: GeneratorMeta): [topic: string, text: string][] {
  return Object.entries(meta.synthetic ? generatorEffects : {}).map(([topic, text]) => {
    if (topic !== "writeOffs" || !meta.writtenOff || meta.writtenOff.share === null) return [topic, text];
    const {invoices, share} = meta.writtenOff;
    const measured = invoices
      ? `In this ledger ${formatPercent(share, share < 0.01 ? 2 : 1)} of invoices (${formatCount(invoices)} of ${formatCount(meta.invoices)}) were written off by the as-of date.`
      : "In this ledger none was written off by the as-of date.";
    return [topic, `${text} ${measured}`];
  });
}

/** meta.json's `source.input`, as the data stage writes it. */
export type InputAccount = InputProvenance;

/** cleaning.json's fields this view reads. */
export type CleaningAccount = Pick<CleaningFile, "rowsIn" | "rowsKept" | "rules" | "documentTypes" | "customerIdFromName" | "openItemsOnly" | "unmatchedPayments" | "currency">;

const delimiterNames: Record<string, string> = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"};

/** "A UTF-8 text file, comma-separated, with its header on line 4 below 3 title lines." */
export function readAsSentence(input: InputAccount): string {
  const what = input.format === "xlsx" ? `an Excel workbook, read from its sheet ${typeof input.sheet === "number" ? `number ${input.sheet}` : `“${input.sheet}”`}` : `a ${input.encoding ?? "text"} text file, ${delimiterNames[input.delimiter ?? ","] ?? "comma"}-separated`;
  const titles = input.titleLines.filter((t) => t.trim()).length;
  const where = input.headerLine > 1 ? `, with its header on ${input.format === "xlsx" ? "row" : "line"} ${input.headerLine}${titles ? ` below ${formatCount(titles)} title ${titles === 1 ? "line" : "lines"} (skipped)` : ""}` : "";
  return `The file is ${what}${where}.`;
}

/** Words for a column's format: "MM/DD/YYYY", "decimal comma", "whole numbers (decimal zero dropped)". */
export function formatName(kind: ColumnFormat["kind"], format: string): string {
  if (kind === "number") return format === "," ? "decimal comma" : "decimal point";
  if (kind === "id") return format === "decimal zero" ? "whole numbers written with a decimal zero" : "as written";
  return format;
}

const separatorNames: Record<string, string> = {".": "point", ",": "comma"};

/**
 * How a column's format was decided, in words: "2,305 of 2,305 values read as MM/DD/YYYY; 1,418 of
 * them (such as "3/25/2025") cannot be read as DD/MM/YYYY", "decimal comma: 1,000 values such as
 * "1.599,15" read only that way". The Data page and `npm run inspect` both print it.
 */
export function formatReason({kind, format, decision, twoDigitYearPivot}: Pick<ColumnFormat, "kind" | "format" | "decision" | "twoDigitYearPivot">): string {
  const reason = decisionWords(kind, format, decision);
  return twoDigitYearPivot === null ? reason : `${reason}; two-digit years 00–${twoDigitYearPivot - 1} are read as 20xx, ${twoDigitYearPivot}–99 as 19xx`;
}

function decisionWords(kind: ColumnFormat["kind"], format: string, decision: FormatDecision): string {
  switch (decision.by) {
    case "setting":
      return kind === "date" ? `given (${formatSettings.dateFormat.env} or the mapping's ${formatSettings.dateFormat.key})` : `given (${formatSettings.decimal.env} or the mapping's ${formatSettings.decimal.key})`;
    case "no values":
      return "no values";
    case "no layout":
      return "no value reads as a date in any layout";
    case "values": {
      const share = `${formatCount(decision.read)} of ${formatCount(decision.of)} values read as ${format}`;
      const {decisive} = decision;
      return decisive ? `${share}; ${formatCount(decisive.count)} of them (such as ${JSON.stringify(decisive.example)}) cannot be read as ${decisive.rival}` : share;
    }
    case "like column":
      return `${formatCount(decision.read)} of ${formatCount(decision.of)} values read as ${format} and as ${decision.alike} alike; read as ${format} like ${JSON.stringify(decision.header)}, whose values decide it`;
    case "separator": {
      const other = format === "." ? "comma" : "point";
      return `decimal ${separatorNames[format]}: ${formatCount(decision.only)} values such as ${JSON.stringify(decision.example)} read only that way${decision.other ? `, ${formatCount(decision.other)} only with a decimal ${other}` : ""}`;
    }
    case "like number column":
      return `read with a decimal ${separatorNames[format]} like ${JSON.stringify(decision.header)}, whose values decide it`;
    case "whole numbers":
      return "whole numbers: either separator reads them alike";
    case "decimal zeros":
      return `all ${formatCount(decision.numeric)} numeric ids end in a decimal zero (as pandas writes integers beside a blank): read as whole numbers`;
  }
}

const kindNames: Record<string, string> = {invoice: "invoices", credit: "credit memos (set aside)", payment: "payments (set aside)", refund: "refunds (set aside)", other: "other entries (set aside)", "by sign": "unknown type: read by the amount's sign"};

/** "“RV” 900 rows: invoices; “DZ” 830 rows: payments (set aside)". */
export function documentTypesSentence(types: CleaningAccount["documentTypes"]): string {
  if (!types.length) return "";
  return `Document types found: ${types.map((t) => `“${t.type}” ${formatCount(t.rows)} ${t.rows === 1 ? "row" : "rows"} (${kindNames[t.kind] ?? t.kind})`).join("; ")}.`;
}

/** What was set aside with money attached: credit memos, payments and other entries, negative amounts. */
export function setAsideMoneySentence(cleaning: CleaningAccount, currency: string): string {
  const names: Record<string, string> = {"credit-memo": "credit memos", "not-an-invoice": "payments, refunds and other entries", "negative-amount": "negative amounts (credit notes)", "zero-amount": "zero amounts"};
  const parts = cleaning.rules
    .filter((r) => r.count && names[r.id])
    .map((r) => `${formatCount(r.count)} ${names[r.id]}${r.amount !== null && r.id !== "zero-amount" ? ` totalling ${formatMoney(r.amount, {currency, compact: false, digits: 2})}` : ""}`);
  return parts.length ? `Set aside as not invoices to collect: ${parts.join(", ")}.` : "";
}

/** How paid dates were known: the sentence that tells a snapshot from a history. */
export function paymentSourceSentence(input: InputAccount, cleaning: CleaningAccount): string {
  if (input.payments) {
    const p = input.payments;
    const unmatched = cleaning.unmatchedPayments?.count ? ` ${formatCount(cleaning.unmatchedPayments.count)} ${cleaning.unmatchedPayments.count === 1 ? "receipt matches" : "receipts match"} no kept invoice and ${cleaning.unmatchedPayments.count === 1 ? "was" : "were"} set aside (${formatMoney(cleaning.unmatchedPayments.amount, {compact: false, digits: 2})}).` : "";
    return `Paid dates come from the payments file ${p.file}: ${formatCount(p.rowsKept)} receipts; an invoice is paid on the day its receipts reach its amount, and stays open, partly paid, until then.${unmatched}`;
  }
  if (cleaning.openItemsOnly) return "The file has no paid-date column: it lists what is open, so every invoice is read as open and no late-payment model can be fitted from it.";
  const mapped = input.mappingJson.columns;
  const says = mapped.open_item ?? mapped.remaining_amount;
  if (!mapped.paid_date && mapped.last_payment_date) {
    return `Paid dates come from “${mapped.last_payment_date}”, the payment that settled an invoice, where “${says}” says it is settled${mapped.open_item && mapped.remaining_amount ? `, and open amounts from “${mapped.remaining_amount}”` : ""}.`;
  }
  if (!mapped.paid_date) return `The file has no paid-date column: “${says}” says which invoices are settled, but not when, so only the open ones can be read.`;
  if (mapped.open_item) return `Paid dates come from “${mapped.paid_date}” where “${mapped.open_item}” says an invoice is closed${mapped.remaining_amount ? `, and open amounts from “${mapped.remaining_amount}”` : ""}.`;
  return `Paid dates come from “${mapped.paid_date}”; a blank one means the invoice is open.`;
}

const ruleCount = (cleaning: CleaningAccount, id: string) => cleaning.rules.find((r) => r.id === id)?.count ?? 0;

/**
 * Rows marked paid with no date of payment (a QuickBooks or Odoo invoice list's "Paid" status): how
 * many were set aside and why, what the report covers instead, and which export would give it a
 * history. Empty when none was.
 */
export function paidDateUnknownNote(input: InputAccount, cleaning: CleaningAccount): string {
  const unknown = ruleCount(cleaning, "paid-date-unknown");
  if (!unknown) return "";
  const mapped = input.mappingJson.columns;
  const marker = mapped.open_item ?? mapped.remaining_amount;
  const rows = `${formatCount(unknown)} of ${formatCount(cleaning.rowsIn)} rows`;
  const why = `${rows} ${unknown === 1 ? "is" : "are"} marked paid${marker ? ` by “${marker}”` : ""} but carry no date of payment, so they were set aside: when an invoice was paid is what the history is made of, and a guess would teach the model a timing that never happened.`;
  const covers = mapped.paid_date || mapped.last_payment_date
    ? ""
    : ` The report covers the ${formatCount(cleaning.rowsKept)} ${cleaning.rowsKept === 1 ? "invoice" : "invoices"} still open, as a snapshot: aging, DSO and the worklist, but no late-payment model.`;
  const fix = ` For a payment history, export the invoices with the date each was paid (a paid-date, last-payment-date or closed-date column), or add the payments as a second file: AR_PAYMENTS=payments.csv, with the invoice number, payment date and amount of each receipt.`;
  return why + covers + fix;
}

/** Where the ledger's currency came from, and how to set it when the file names none. */
export function currencySentence(cleaning: CleaningAccount, input: InputAccount): string {
  const {code, from} = cleaning.currency;
  const column = input.mappingJson.columns.currency;
  const amountHeader = input.mappingJson.columns.amount ?? input.mappingJson.columns.remaining_amount;
  switch (from) {
    case "column":
      return `Amounts are in ${code}, as the currency column${column ? ` “${column}”` : ""} says.`;
    case "amounts":
      return `Amounts are in ${code}, as the currency marks on them say.`;
    case "header":
      return `Amounts are in ${code}, as the amount column's header${amountHeader ? ` “${amountHeader}”` : ""} says.`;
    case "setting":
      return `Amounts are in ${code}, as set (${formatSettings.currency.env} or the mapping's "${formatSettings.currency.key}").`;
    case "assumed":
      return (
        `The file names no currency (no currency column, no mark on the amounts), so amounts are taken to be in ${code}. ` +
        `If they are not, set the currency with ${formatSettings.currency.env}=EUR (say) before the command, or "${formatSettings.currency.key}": "EUR" in the mapping file.`
      );
  }
}

/** The columns found by their header's words, not a known name: the reader should check them. */
export function byWordsSentence(input: InputAccount): string {
  const mapped = input.mappingJson.columns;
  const found = input.byWords.filter((column) => mapped[column]);
  if (!found.length) return "";
  const list = found.map((column) => `“${mapped[column]}” as ${columnWords[column] ?? column}`).join(", ");
  return `Recognised by the words of their headers rather than a name systems are known to use: ${list}. Check them in the data dictionary below; the mapping file can name another header for any column.`;
}

/** The file's only amount is the amount still open, read as the amount. */
export function amountFromOpenSentence(input: InputAccount): string {
  if (!input.amountFromOpenAmount) return "";
  const header = input.mappingJson.columns.amount;
  return `“${header}” is the file's only amount, an amount still open: it is read as each invoice's amount, as open-item lists write it (what is open is what was invoiced, until it is paid). If the file has the invoiced amounts in another column, name it: {"columns": {"amount": "Your Header"}}.`;
}

/** Ledger columns in words, for sentences about the mapping. */
const columnWords: Record<string, string> = {
  invoice_id: "the invoice number", customer_id: "the customer id", customer_name: "the customer name", invoice_date: "the invoice date", due_date: "the due date",
  amount: "the amount", currency: "the currency", paid_date: "the paid date", paid_amount: "the amount paid", payment_terms: "the payment terms",
  remaining_amount: "the amount still open", open_item: "the open flag", document_type: "the document type", last_payment_date: "the last payment date",
  credit_limit: "the credit limit", credit_score: "the credit score", write_off_date: "the write-off date"
};

/** The shell command that rebuilds this report with every inference written down. */
export function reproduceCommand(file: string, input: InputAccount): string {
  const payments = input.payments ? ` AR_PAYMENTS=${input.payments.file}` : "";
  return `AR_DATA=${file}${payments} AR_MAPPING=mapping.json npm run build`;
}

/** How unreadable values are treated, with the share this build allowed and how to allow more. */
export function unreadablePolicySentence(input: Pick<InputProvenance, "mappingJson">): string {
  const given = input.mappingJson.unreadableShare;
  const share = typeof given === "number" ? given : defaultUnreadableShare;
  // The example allows more: 5 %, or twice what this build allowed.
  const more = Math.min(1, Math.max(0.05, share * 2));
  return (
    `A value that cannot be read sets its row aside (listed below) while such rows are at most ${formatPercent(share, Number.isInteger(share * 100) ? 0 : 1)} of the file per column; ` +
    `AR_UNREADABLE_SHARE=${more} or "unreadableShare": ${more} in the mapping allows more.`
  );
}
