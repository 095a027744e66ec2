// Headers recognised by their words, for exports whose names no alias list foresaw: "name_customer",
// "clear_date", "due_in_date", "total_open_amount" (a pandas export of an ERP table), "Invoice/Bill
// Date", "Amount Due Signed" (Odoo), "numéro client". A header is split into words (snake_case,
// camelCase, punctuation, "/", and compounds of known words: "Kundennummer" → kunden + nummer), and
// each column has rules naming the words it needs, the words that rule it out, and how strongly it
// claims a header. The mapping tries these rules only after its exact and alias passes, on the headers
// and columns those left, so a rule never overrides a name a system is known to use.

import type {InputColumn} from "./mapping.js";

/** Words of one meaning, in the lower-case, accent-free form `headerWords` gives. */
const words = {
  date: ["date", "dt", "dte", "datum", "fecha", "dates"],
  invoice: ["invoice", "inv", "document", "doc", "bill", "billing", "rechnung", "rechnungs", "beleg", "belegs", "factura", "facture", "fattura", "transaction", "trx", "txn", "tran", "trans", "voucher"],
  posting: ["posting", "posted", "post", "pstng", "buchung", "buchungs", "gl"],
  issued: ["issue", "issued", "created", "creation"],
  due: ["due", "maturity", "falligkeit", "falligkeits", "vencimiento", "echeance", "netto", "net"],
  paid: ["paid", "payment", "pay", "clear", "clearing", "cleared", "clrng", "settled", "settlement", "settle", "receipt", "received", "closed", "close", "zahlung", "zahlungs", "ausgleich", "ausgleichs", "pago", "paiement", "reglement", "collected"],
  customer: ["customer", "customers", "cust", "client", "clients", "partner", "debtor", "account", "acct", "soldto", "payer", "buyer", "kunde", "kunden", "cliente", "debitor", "debitoren", "debiteur", "konto"],
  id: ["number", "no", "nr", "num", "nbr", "id", "code", "key", "numero", "nummer", "ref"],
  name: ["name", "nom", "nombre", "bezeichnung"],
  amount: ["amount", "amt", "total", "value", "gross", "betrag", "montant", "importe", "sum", "invoiced", "original", "orig"],
  open: ["open", "remaining", "balance", "due", "outstanding", "residual", "unpaid", "offen", "offener", "rest", "pending"],
  status: ["status", "state", "stage"],
  currency: ["currency", "curr", "ccy", "crcy", "cur", "lcurr", "waers", "wahrung", "devise", "moneda", "divisa", "valuta"],
  type: ["type", "kind", "class", "art", "category"],
  terms: ["terms", "term", "zahlungsbedingung", "zahlungsbedingungen", "conditions", "condiciones"],
  received: ["paid", "received", "applied", "payment", "receipt", "collected", "allocated"],
  last: ["last", "latest", "recent"]
} as const;

/** Customer words that name an account number rather than a name ("Customer Account", "Debitor"). */
const accountWords = ["account", "acct", "konto", "debitor", "debitoren", "debtor", "soldto"];

/** Words that carry no meaning of their own in a header ("due in date", "número de cliente"). */
const stopWords = new Set(["of", "the", "in", "on", "at", "for", "by", "to", "a", "an", "de", "du", "des", "la", "le", "el", "der", "die", "das", "del", "is", "and"]);

/** Qualifiers that make an amount something other than the invoice amount ("Amount Paid", "Tax Amount"). */
const notTheAmount = ["paid", "due", "open", "remaining", "balance", "tax", "vat", "outstanding", "residual", "discount", "credit", "credited", "received", "applied", "allocated", "unpaid", "overdue", "offen", "offener", "rest", "limit", "fee", "freight", "shipping", "days", "rate", "percent", "pct", "count", "terms", "quantity", "qty", "price", "cost", "margin", "profit", "payment", "date", "expected", "forecast", "exchange"];
/** Words that make a date a plan or a count rather than the event ("Expected Payment Date", "Days to Pay"). */
const notTheEvent = ["expected", "promised", "planned", "forecast", "forecasted", "scheduled", "estimated", "next", "first", "days", "terms", "last", "latest", "baseline"];

export interface WordRule {
  column: InputColumn;
  /** Each group must be present with at least one of its words. */
  all: readonly (readonly string[])[];
  /** Any of these words rules the header out. */
  none?: readonly string[];
  /** Most words allowed beyond the groups and stop words. Default 2. */
  extra?: number;
  /** How strongly the rule claims a header, against other rules and headers: default 2. */
  weight?: number;
}

/**
 * The rules, column by column. Weights order the rules of one column (an invoice or document date
 * over a posting date over a creation date); a header's score is 10 × weight less one per extra word,
 * so "Document Date" beats "Document Create Date", which beats its pandas duplicate "…Date.1".
 */
export const wordRules: readonly WordRule[] = [
  {column: "invoice_id", all: [words.invoice, words.id], none: [...words.date, ...words.customer, ...words.amount, ...words.currency, ...words.status, ...words.type, ...words.terms, "payment", "clearing"]},
  {column: "customer_id", all: [words.customer, words.id], none: [...words.name, ...words.date, ...words.amount, "terms"]},
  {column: "customer_id", all: [accountWords], none: [...words.name, ...words.date, ...words.amount, "terms", "manager", "owner", "rep", "type"], extra: 1},
  {column: "customer_name", all: [words.customer, words.name], extra: 0},
  {column: "customer_name", all: [words.customer], extra: 0, weight: 1},
  {column: "invoice_date", all: [words.invoice, words.date], none: [...words.due, ...words.paid, ...notTheEvent], weight: 3},
  {column: "invoice_date", all: [words.posting, words.date], none: [...words.due, ...words.paid, ...notTheEvent], weight: 2},
  {column: "invoice_date", all: [words.issued, words.date], none: [...words.due, ...words.paid, ...notTheEvent], extra: 0, weight: 1},
  {column: "due_date", all: [words.due, words.date], none: [...words.paid, ...notTheEvent.filter((w) => w !== "baseline")]},
  {column: "paid_date", all: [words.paid, words.date], none: [...words.due, ...notTheEvent, "document", "doc", "terms", "method", "reference"]},
  {column: "last_payment_date", all: [words.last, words.received, words.date], extra: 1},
  {column: "amount", all: [words.amount], none: [...notTheAmount, ...words.date, ...words.id], extra: 3},
  {column: "amount", all: [["net"], ["amount", "amt", "value", "total"]], none: notTheAmount, extra: 3},
  {column: "remaining_amount", all: [words.open, words.amount], none: [...words.date, "tax", "vat", "credit", "limit"], extra: 3},
  {column: "paid_amount", all: [words.received, words.amount], none: [...words.open, ...words.date, "expected", "tax", "vat"], extra: 3},
  {column: "open_item", all: [["open", "offen"]], none: [...words.amount, ...words.date, "days"], extra: 1},
  {column: "open_item", all: [words.status], none: [...words.amount, ...words.date, ...words.customer, "approval", "delivery", "shipping", "order", "dunning"], extra: 1},
  {column: "currency", all: [words.currency], none: [...words.amount, "rate", "exchange", "fx"], extra: 2},
  {column: "document_type", all: [words.invoice, words.type], none: [...words.customer, "payment", "terms", "tax"], extra: 1},
  {column: "payment_terms", all: [words.terms], none: [...words.date, ...words.amount, "discount"], extra: 2},
  {column: "credit_limit", all: [["credit"], ["limit", "line"]], extra: 1},
  {column: "credit_score", all: [["credit", "risk", "bureau"], ["score", "rating"]], extra: 1},
  {column: "write_off_date", all: [["write", "writeoff", "written"], words.date], extra: 1}
];

/** Every word a rule names: compounds are split into these ("duedate" → due + date). */
const vocabulary = new Set<string>([...Object.values(words).flat(), ...notTheAmount, ...notTheEvent, "sold", "write", "writeoff", "written", "line", "score", "rating", "limit", "risk", "bureau", "item", "flag", "is"]);

/**
 * A header's words, lower-case and without accents: "name_customer" → name, customer; "isOpen" → is,
 * open; "Invoice/Bill Date" → invoice, bill, date; "Invoice #" → invoice, number; "Sold-to" → soldto;
 * "Kundennummer" → kunden, nummer; "document_create_date.1" → document, create, date, 1.
 */
export function headerWords(header: string): string[] {
  const spaced = header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replaceAll("#", " number ")
    // camelCase and digits: "isOpen" → "is Open", "LCurr" stays whole ("L" alone is no word), "Name1" → "Name 1".
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]{2,})([A-Z][a-z])/g, "$1 $2")
    .replace(/([A-Za-z])(\d)/g, "$1 $2")
    .toLowerCase()
    .replace(/\bsold[\s_-]*to\b/g, "soldto")
    .replace(/\bbill[\s_-]*to\b/g, "billto");
  return spaced.split(/[^a-z0-9]+/).filter(Boolean).flatMap(splitCompound);
}

/** A word not in the vocabulary, as two or three vocabulary words when it is made of them; else itself. */
function splitCompound(word: string): string[] {
  if (word.length < 5 || vocabulary.has(word) || /\d/.test(word)) return [word];
  return segment(word, 3) ?? [word];
}

function segment(word: string, parts: number): string[] | null {
  if (vocabulary.has(word) || stopWords.has(word)) return [word];
  if (parts === 1) return null;
  // Longest first, so "kundennummer" is kunden + nummer, not kunde + nnummer.
  for (let cut = word.length - 2; cut >= 2; --cut) {
    const head = word.slice(0, cut);
    if (!vocabulary.has(head) && !stopWords.has(head)) continue;
    const rest = segment(word.slice(cut), parts - 1);
    if (rest) return [head, ...rest];
  }
  return null;
}

/** How strongly `rule` claims a header with these words: 10 × weight less its extra words, or 0. */
export function ruleScore(rule: WordRule, headerWordList: readonly string[]): number {
  const present = new Set(headerWordList);
  if (rule.none?.some((word) => present.has(word))) return 0;
  if (!rule.all.every((group) => group.some((word) => present.has(word)))) return 0;
  const named = new Set(rule.all.flat());
  const extra = headerWordList.filter((word) => !named.has(word) && !stopWords.has(word)).length;
  if (extra > (rule.extra ?? 2)) return 0;
  return 10 * (rule.weight ?? 2) - extra;
}

/** The best score of `column`'s rules for a header's words (0: not recognised). */
export function columnScore(column: InputColumn, headerWordList: readonly string[]): number {
  let best = 0;
  for (const rule of wordRules) if (rule.column === column) best = Math.max(best, ruleScore(rule, headerWordList));
  return best;
}

/** Whether any column's rules recognise the header. */
export function recognisedByWords(header: string): boolean {
  const list = headerWords(header);
  return wordRules.some((rule) => ruleScore(rule, list) > 0);
}

/**
 * Whether every rule of `column` rules out a header with these words ("Amount Due Signed" is no amount,
 * "Invoice Currency" no invoice id): the mapping's loose prefix pass asks this before it claims one.
 */
export function ruledOut(column: InputColumn, headerWordList: readonly string[]): boolean {
  const rules = wordRules.filter((rule) => rule.column === column);
  const present = new Set(headerWordList);
  return rules.length > 0 && rules.every((rule) => rule.none?.some((word) => present.has(word)));
}

/** Whether a customer header names a number or code ("Kundennummer", "Customer No.", "Debitor", "Account") rather than a name. */
export function namesCustomerNumber(header: string): boolean {
  const list = headerWords(header);
  if (list.some((word) => (words.name as readonly string[]).includes(word))) return false;
  return list.some((word) => (words.id as readonly string[]).includes(word) || accountWords.includes(word));
}
