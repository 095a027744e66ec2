// The Data page's words that depend on the ledger. The generator's description says what it models;
// how often it happened in this ledger is measured on the ledger and added here, so the prose asserts
// no figure of its own. For a user's file: what it was (encoding, delimiter, sheet, title lines),
// which header fed which column, each column's inferred format and why, what kinds of rows were found,
// and the command and mapping file that reproduce the build.
import {formatCount, formatMoney, formatPercent} from "../core/format.js";
import type {CleaningFile, InputProvenance, MetaFile} from "../pipeline/contract.js";
import {generatorEffects} from "./definitions.js";

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
export type CleaningAccount = Pick<CleaningFile, "rowsIn" | "rules" | "documentTypes" | "customerIdFromName" | "openItemsOnly" | "unmatchedPayments">;

const delimiterNames: Record<string, string> = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"};

/** "A UTF-8 text file, comma-separated, with its header on line 4 below 3 title lines." */
export function readAsSentence(input: InputAccount): string {
  const what = input.format === "xlsx" ? `an Excel workbook, read from its sheet ${typeof input.sheet === "number" ? `number ${input.sheet}` : `“${input.sheet}”`}` : `a ${input.encoding ?? "text"} text file, ${delimiterNames[input.delimiter ?? ","] ?? "comma"}-separated`;
  const titles = input.titleLines.filter((t) => t.trim()).length;
  const where = input.headerLine > 1 ? `, with its header on ${input.format === "xlsx" ? "row" : "line"} ${input.headerLine}${titles ? ` below ${formatCount(titles)} title ${titles === 1 ? "line" : "lines"} (skipped)` : ""}` : "";
  return `The file is ${what}${where}.`;
}

/** Words for a column's format: "MM/DD/YYYY", "decimal comma". */
export function formatName(kind: "date" | "number", format: string): string {
  if (kind === "number") return format === "," ? "decimal comma" : "decimal point";
  return format;
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
  if (mapped.open_item) return `Paid dates come from “${mapped.paid_date ?? "–"}” where “${mapped.open_item}” says an invoice is closed${mapped.remaining_amount ? `, and open amounts from “${mapped.remaining_amount}”` : ""}.`;
  return `Paid dates come from “${mapped.paid_date}”; a blank one means the invoice is open.`;
}

/** The shell command that rebuilds this report with every inference written down. */
export function reproduceCommand(file: string, input: InputAccount): string {
  const payments = input.payments ? ` AR_PAYMENTS=${input.payments.file}` : "";
  return `AR_DATA=${file}${payments} AR_MAPPING=mapping.json npm run build`;
}
