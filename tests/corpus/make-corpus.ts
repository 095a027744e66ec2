// Writes the import corpus: receivables exports shaped like what SAP, Dynamics 365, Oracle, QuickBooks,
// Xero and spreadsheets write (see shared/REAL-EXPORTS.md), from one seeded set of made-up invoices
// per case, plus the malformed files that must stop the build. Beside the files, `expected.json` holds
// each case's truth as the generator knows it (invoices kept, open, set aside, totals, formats): the
// corpus test compares what the importer reads against it.
//
//   npx tsx tests/corpus/make-corpus.ts      (rewrites tests/corpus/files/ and tests/corpus/expected.json)
import {mkdirSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {createRandom} from "../../lib/core/random.js";
import type {Random} from "../../lib/core/random.js";
import {calendarParts, formatIsoDay, parseIsoDay} from "../../lib/core/dates.js";
import type {Day} from "../../lib/core/dates.js";
import {xlsx} from "../helpers/xlsx.js";

const folder = new URL("./files/", import.meta.url).pathname;

interface TrueInvoice {
  id: string;
  customerId: string;
  customerName: string;
  issued: Day;
  due: Day;
  amount: number;
  paid: Day | null;
  currency: string;
}

export interface CaseExpectation {
  /** Files of the case, under tests/corpus/files/. */
  data: string;
  payments?: string;
  mapping?: string;
  env?: Record<string, string>;
  /** What the export is, in a few words. */
  about: string;
  exit: 0 | 1;
  /** For builds: invoices kept, open, rules that must have fired with their counts (and totals), formats. */
  kept?: number;
  open?: number;
  rules?: Record<string, number>;
  totals?: Record<string, number>;
  formats?: Record<string, string>;
  asOf?: string;
  model?: boolean;
  /** Run the whole loader (every stage), not only the import. */
  fullBuild?: boolean;
  /** For refusals: what the one line must contain. */
  message?: string[];
  /** The ledger's currency. */
  currency?: string;
  /** The first kept invoice: which header fed the customer id and name. */
  first?: {invoiceId: string; customerId: string; customerName: string};
  /** Each column's sample value as inspect shows it (a workbook's number at Excel's digits). */
  samples?: Record<string, string>;
  /** Text `npm run inspect` must print (what the Data page says too). */
  says?: string[];
}

const customerNames = ["Müller GmbH", "Søren & Co ApS", "Zoë's Café Ltd", "Acme Corp", "Beta Industries", "Crédit Agricole Services", "Delta Logistics", "Østergaard A/S", "Nuñez y Asociados", "O'Brien Supplies", "Fjällräven Handel AB", "Łódź Tools sp. z o.o.", "Gamma Retail LLC", "Horizon Care", "Iris Pharma", "Juniper Foods", "Kappa Metals", "Lambda Print", "Mu Systems", "Nova Textiles"];

/** Seeded invoices over `months` months to `end`; those issued early enough are mostly paid, late or on time. */
function invoices(random: Random, {n = 400, customers = 20, end = "2025-06-30", months = 24, currency = "USD", prefix = "INV-"} = {}): TrueInvoice[] {
  const last = parseIsoDay(end)!;
  const first = last - months * 30;
  const out: TrueInvoice[] = [];
  for (let i = 0; i < n; ++i) {
    const c = random.int(customers);
    const issued = first + Math.floor(((last - first - 3) * i) / n) + random.int(3);
    const terms = [30, 30, 45, 60, 14][random.int(5)];
    const due = issued + terms;
    const amount = Math.round((50 + random.exponential(2500)) * 100) / 100;
    const delay = c % 4 === 0 ? random.int(60) - 5 : random.int(25) - 15;
    let paid: Day | null = due + delay;
    if (paid > last || random.bernoulli(0.04)) paid = null;
    if (paid !== null && paid < issued) paid = issued + 1;
    out.push({id: `${prefix}${String(10001 + i)}`, customerId: `C${String(100 + c).padStart(5, "0")}`, customerName: customerNames[c % customerNames.length], issued, due, amount, paid, currency});
  }
  return out;
}

// ——— Formatting as systems write it ———

const monthShort = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const date = {
  iso: (d: Day) => formatIsoDay(d),
  isoTime: (d: Day) => `${formatIsoDay(d)}T00:00:00`,
  mdy: (d: Day) => ((p) => `${p.month}/${p.day}/${p.year}`)(calendarParts(d)),
  mdyy: (d: Day) => ((p) => `${p.month}/${p.day}/${String(p.year).slice(2)}`)(calendarParts(d)),
  dmy: (d: Day) => ((p) => `${pad(p.day)}/${pad(p.month)}/${p.year}`)(calendarParts(d)),
  dmyDot: (d: Day) => ((p) => `${pad(p.day)}.${pad(p.month)}.${p.year}`)(calendarParts(d)),
  dmyDash: (d: Day) => ((p) => `${pad(p.day)}-${pad(p.month)}-${p.year}`)(calendarParts(d)),
  dMonYY: (d: Day) => ((p) => `${pad(p.day)}-${monthShort[p.month - 1].toUpperCase()}-${String(p.year).slice(2)}`)(calendarParts(d)),
  monDY: (d: Day) => ((p) => `${monthShort[p.month - 1]} ${p.day}, ${p.year}`)(calendarParts(d)),
  dMonY: (d: Day) => ((p) => `${p.day} ${monthShort[p.month - 1]} ${p.year}`)(calendarParts(d)),
  serial: (d: Day) => String(d + 25569)
};
const money = {
  plain: (v: number) => v.toFixed(2),
  us: (v: number) => v.toLocaleString("en-US", {minimumFractionDigits: 2, maximumFractionDigits: 2}),
  de: (v: number) => v.toLocaleString("de-DE", {minimumFractionDigits: 2, maximumFractionDigits: 2}),
  fr: (v: number) => v.toLocaleString("fr-FR", {minimumFractionDigits: 2, maximumFractionDigits: 2}),
  ch: (v: number) => v.toLocaleString("de-CH", {minimumFractionDigits: 2, maximumFractionDigits: 2}),
  comma: (v: number) => v.toFixed(2).replace(".", ",")
};

function csv(rows: readonly (readonly (string | number)[])[], delimiter = ",", newline = "\n"): string {
  const quote = (v: string | number) => {
    const s = String(v);
    return s.includes(delimiter) || s.includes('"') || s.includes("\n") ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return rows.map((r) => r.map(quote).join(delimiter)).join(newline) + newline;
}

function utf16le(text: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let o = 0;
  if (bom) (out[o++] = 0xff), (out[o++] = 0xfe);
  for (let i = 0; i < text.length; ++i) (out[o++] = text.charCodeAt(i) & 0xff), (out[o++] = text.charCodeAt(i) >> 8);
  return out;
}

function utf16be(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xfe, out[1] = 0xff;
  for (let i = 0; i < text.length; ++i) (out[2 + 2 * i] = text.charCodeAt(i) >> 8), (out[3 + 2 * i] = text.charCodeAt(i) & 0xff);
  return out;
}

/** Windows-1252 for the Latin-1 range the names use (and € as 0x80). */
function cp1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; ++i) {
    const c = text.charCodeAt(i);
    out[i] = c === 0x20ac ? 0x80 : c === 0x2019 ? 0x92 : c < 256 ? c : 0x3f;
  }
  return out;
}

// ——— Truth ———

const openCount = (list: readonly TrueInvoice[]) => list.filter((i) => i.paid === null).length;
const sum = (values: readonly number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;
const lastDay = (list: readonly TrueInvoice[]) => formatIsoDay(Math.max(...list.map((i) => Math.max(i.issued, i.paid ?? -Infinity))));

// ——— The cases ———

const files: Record<string, string | Uint8Array> = {};
const cases: Record<string, CaseExpectation> = {};
const add = (name: string, expectation: CaseExpectation, content: Record<string, string | Uint8Array>) => {
  Object.assign(files, content);
  cases[name] = expectation;
};

function build(random: Random) {
  // 1. US M/D/YYYY, $ amounts with thousands, title lines, a TOTAL row, one N/A.
  {
    const list = invoices(random.fork("us"), {n: 900});
    const rows: (string | number)[][] = [["Acme Corp"], ["A/R Invoice Register"], ["Jan 1, 2023 - Jun 30, 2025"], [], ["Invoice #", "Customer ID", "Customer", "Invoice Date", "Due Date", "Amount", "Date Paid"]];
    list.forEach((v, i) => rows.push([v.id, v.customerId, v.customerName, date.mdy(v.issued), date.mdy(v.due), i === 7 ? "N/A" : "$" + money.us(v.amount), v.paid === null ? "" : date.mdy(v.paid)]));
    rows.push(["", "", "TOTAL", "", "", "$" + money.us(sum(list.map((v) => v.amount))), ""]);
    add("us-mdy", {data: "us-mdy.csv", about: "US invoice register: M/D/YYYY, $1,234.56, title lines, TOTAL row, one N/A amount", exit: 0, kept: list.length - 1, open: openCount(list) - (list[7].paid === null ? 1 : 0), rules: {"summary-row": 1, "unreadable-value": 1}, formats: {invoice_date: "MM/DD/YYYY", amount: "."}, asOf: lastDay(list), model: true, fullBuild: true}, {"us-mdy.csv": csv(rows)});
  }
  // 2. European: semicolons, decimal comma, DD.MM.YYYY, Windows-1252 names.
  {
    const list = invoices(random.fork("eu"), {n: 900, currency: "EUR"});
    const rows: (string | number)[][] = [["Rechnungsnummer", "Kundennummer", "Kundenname", "Rechnungsdatum", "Fälligkeitsdatum", "Betrag", "Währung", "Zahlungsdatum"]];
    for (const v of list) rows.push([v.id, v.customerId, v.customerName, date.dmyDot(v.issued), date.dmyDot(v.due), money.de(v.amount), "EUR", v.paid === null ? "" : date.dmyDot(v.paid)]);
    add("eu-semicolon-1252", {data: "eu-semicolon-1252.csv", about: "German export: ';' separated, 1.234,56, DD.MM.YYYY, Windows-1252 (Müller, Søren)", exit: 0, kept: list.length, open: openCount(list), formats: {invoice_date: "DD.MM.YYYY", amount: ","}, asOf: lastDay(list), model: true, fullBuild: true}, {"eu-semicolon-1252.csv": cp1252(csv(rows, ";", "\r\n"))});
  }
  // 3. UK: DD/MM/YYYY, £, UTF-8 with BOM, CRLF.
  {
    const list = invoices(random.fork("uk"), {currency: "GBP"});
    const rows: (string | number)[][] = [["Invoice Number", "Account", "Account Name", "Invoice Date", "Due Date", "Gross Amount", "Payment Date"]];
    for (const v of list) rows.push([v.id, v.customerId, v.customerName, date.dmy(v.issued), date.dmy(v.due), "£" + money.us(v.amount), v.paid === null ? "" : date.dmy(v.paid)]);
    add("uk-dmy-bom", {data: "uk-dmy-bom.csv", about: "UK export: DD/MM/YYYY, £1,234.56, UTF-8 with BOM, CRLF", exit: 0, kept: list.length, open: openCount(list), formats: {invoice_date: "DD/MM/YYYY", due_date: "DD/MM/YYYY"}, asOf: lastDay(list)}, {"uk-dmy-bom.csv": "\ufeff" + csv(rows, ",", "\r\n")});
  }
  // 4. SAP FBL5N line items: RV invoices, DG credit memos, DZ payments, S/H indicator, trailing minus, leading zeros.
  {
    const list = invoices(random.fork("sap"), {n: 900, prefix: "0090"});
    const rows: (string | number)[][] = [["Customer line item display"], ["Company code 1000"], [], ["Account", "Document Number", "Document Type", "Document Date", "Posting Date", "Net due date", "Amount in local currency", "Local Currency", "Debit/Credit ind.", "Clearing date", "Clearing Document"]];
    let credits = 0, creditTotal = 0, payments = 0;
    list.forEach((v, i) => {
      const account = "00006" + v.customerId.slice(1);
      rows.push([account, v.id, "RV", date.dmyDot(v.issued), date.dmyDot(v.issued), date.dmyDot(v.due), money.de(v.amount), "EUR", "S", v.paid === null ? "" : date.dmyDot(v.paid), v.paid === null ? "" : `14000${pad(i, 5)}`]);
      if (v.paid !== null) {
        ++payments;
        rows.push([account, `14000${pad(i, 5)}`, "DZ", date.dmyDot(v.paid), date.dmyDot(v.paid), date.dmyDot(v.paid), money.de(v.amount) + "-", "EUR", "H", date.dmyDot(v.paid), `14000${pad(i, 5)}`]);
      }
      if (i % 40 === 5) {
        ++credits, (creditTotal += Math.round(v.amount * 10) / 100);
        rows.push([account, `0170${pad(i, 6)}`, "DG", date.dmyDot(v.issued + 3), date.dmyDot(v.issued + 3), date.dmyDot(v.issued + 3), money.de(Math.round(v.amount * 10) / 100) + "-", "EUR", "H", "", ""]);
      }
    });
    add("sap-fbl5n", {data: "sap-fbl5n.csv", about: "SAP FBL5N line items: RV/DG/DZ document types, S/H indicator, trailing minus, DD.MM.YYYY, ids with leading zeros", exit: 0, kept: list.length, open: openCount(list), rules: {"credit-memo": credits, "not-an-invoice": payments}, totals: {"credit-memo": -creditTotal}, formats: {invoice_date: "DD.MM.YYYY", amount: ","}, model: true, fullBuild: true}, {"sap-fbl5n.csv": csv(rows, ";")});
  }
  // 5. SAP with German headers, tab-separated, Windows-1252.
  {
    const list = invoices(random.fork("sap-de"), {n: 250});
    const rows: (string | number)[][] = [["Konto", "Belegnummer", "Belegart", "Belegdatum", "Nettofälligkeit", "Betrag in Hauswährung", "Hauswährung", "Soll/Haben-Kennz.", "Ausgleichsdatum"]];
    for (const v of list) rows.push(["0000" + v.customerId.slice(1), v.id, "RV", date.dmyDot(v.issued), date.dmyDot(v.due), money.de(v.amount), "EUR", "S", v.paid === null ? "" : date.dmyDot(v.paid)]);
    add("sap-german-tab", {data: "sap-german-tab.txt", about: "SAP with German headers (Belegdatum, Nettofälligkeit, Ausgleichsdatum), tab-separated, Windows-1252", exit: 0, kept: list.length, open: openCount(list), formats: {invoice_date: "DD.MM.YYYY", amount: ","}}, {"sap-german-tab.txt": cp1252(csv(rows, "\t", "\r\n"))});
  }
  // 6. Dynamics 365 Business Central customer ledger entries: Open yes/no, Remaining Amount, Closed at Date.
  {
    const list = invoices(random.fork("dynamics"), {n: 900});
    const rows: (string | number)[][] = [["Posting Date", "Document Date", "Document Type", "Document No.", "Customer No.", "Description", "Currency Code", "Amount", "Remaining Amount", "Amount (LCY)", "Due Date", "Open", "Closed at Date"]];
    let paymentRows = 0, refunds = 0;
    for (const v of list) {
      rows.push([date.mdy(v.issued), date.mdy(v.issued), "Invoice", v.id, v.customerId, `Order ${v.id}`, "", money.us(v.amount), v.paid === null ? money.us(v.amount) : "0.00", money.us(v.amount), date.mdy(v.due), v.paid === null ? "Yes" : "No", v.paid === null ? "" : date.mdy(v.paid)]);
      if (v.paid !== null) {
        ++paymentRows;
        rows.push([date.mdy(v.paid), date.mdy(v.paid), "Payment", `PMT${v.id.slice(4)}`, v.customerId, "Payment", "", money.us(-v.amount), "0.00", money.us(-v.amount), date.mdy(v.paid), "No", date.mdy(v.paid)]);
      }
    }
    rows.push([date.mdy(list[3].issued), date.mdy(list[3].issued), "Refund", "RF1001", list[3].customerId, "Refund", "", "120.00", "0.00", "120.00", date.mdy(list[3].issued), "No", date.mdy(list[3].issued)]);
    ++refunds;
    add("dynamics-ledger-entries", {data: "dynamics-ledger-entries.csv", about: "Dynamics 365 customer ledger entries: Invoice/Payment/Refund, Amount, Remaining Amount, Open, Closed at Date, M/D/YYYY", exit: 0, kept: list.length, open: openCount(list), rules: {"not-an-invoice": paymentRows + refunds}, formats: {invoice_date: "MM/DD/YYYY"}, model: true, fullBuild: true}, {"dynamics-ledger-entries.csv": csv(rows)});
  }
  // 7. Oracle Receivables: TRX_NUMBER, DD-MON-YY dates, STATUS OP/CL, amount due remaining.
  {
    const list = invoices(random.fork("oracle"), {n: 900});
    const rows: (string | number)[][] = [["TRX_NUMBER", "CUSTOMER_NUMBER", "CUSTOMER_NAME", "TRX_DATE", "DUE_DATE", "AMOUNT_DUE_ORIGINAL", "AMOUNT_DUE_REMAINING", "STATUS", "GL_DATE_CLOSED", "INVOICE_CURRENCY_CODE"]];
    for (const v of list) rows.push([v.id, v.customerId.slice(1), v.customerName, date.dMonYY(v.issued), date.dMonYY(v.due), money.plain(v.amount), v.paid === null ? money.plain(v.amount) : "0", v.paid === null ? "OP" : "CL", v.paid === null ? "" : date.dMonYY(v.paid), "USD"]);
    add("oracle-receivables", {data: "oracle-receivables.csv", about: "Oracle Receivables: TRX_NUMBER, DD-MON-YY dates, STATUS OP/CL, AMOUNT_DUE_REMAINING, GL_DATE_CLOSED", exit: 0, kept: list.length, open: openCount(list), formats: {invoice_date: "D MMM YYYY"}, mapping: "oracle-mapping.json", model: true}, {"oracle-receivables.csv": csv(rows), "oracle-mapping.json": JSON.stringify({columns: {paid_date: "GL_DATE_CLOSED"}})});
  }
  // 8. QuickBooks A/R Aging Detail: an open-items snapshot with customer headings and "Total for" rows.
  {
    const list = invoices(random.fork("qb-aging"), {n: 300, end: "2025-06-30", months: 6}).map((v) => ({...v, paid: null}));
    const rows: (string | number)[][] = [["Sample Company LLC"], ["A/R Aging Detail"], ["As of June 30, 2025"], [], ["", "Date", "Transaction Type", "Num", "Customer", "Due Date", "Past Due", "Amount", "Open Balance"]];
    const byCustomer = new Map<string, TrueInvoice[]>();
    for (const v of list) byCustomer.set(v.customerName, [...(byCustomer.get(v.customerName) ?? []), v]);
    let summaries = 0;
    for (const [name, items] of [...byCustomer].sort()) {
      rows.push([name]), ++summaries;
      for (const v of items) rows.push(["", date.mdy(v.issued), "Invoice", v.id.slice(4), name, date.mdy(v.due), String(Math.max(0, parseIsoDay("2025-06-30")! - v.due)), money.us(v.amount), money.us(v.amount)]);
      rows.push([`Total for ${name}`, "", "", "", "", "", "", money.us(sum(items.map((v) => v.amount))), money.us(sum(items.map((v) => v.amount)))]), ++summaries;
    }
    rows.push(["TOTAL", "", "", "", "", "", "", money.us(sum(list.map((v) => v.amount))), money.us(sum(list.map((v) => v.amount)))]), ++summaries;
    add("quickbooks-aging-snapshot", {data: "quickbooks-aging-snapshot.csv", about: "QuickBooks A/R Aging Detail: unpaid-only snapshot, customer headings, 'Total for' rows, names as customers", exit: 0, kept: list.length, open: list.length, rules: {"summary-row": summaries}, model: false, fullBuild: true}, {"quickbooks-aging-snapshot.csv": csv(rows)});
  }
  // 9. Xero Aged Receivables Detail: snapshot, d MMM yyyy, Contact names only, Total line.
  {
    const list = invoices(random.fork("xero-aged"), {n: 200, months: 5}).map((v) => ({...v, paid: null}));
    const rows: (string | number)[][] = [["Aged Receivables Detail"], ["Demo Company (AU)"], ["As at 30 June 2025"], [], ["Invoice Date", "Invoice Number", "Contact", "Due Date", "Total", "Paid", "Credited", "Due", "Currency"]];
    for (const v of list) rows.push([date.dMonY(v.issued), v.id, v.customerName, date.dMonY(v.due), money.us(v.amount), "0.00", "0.00", money.us(v.amount), "AUD"]);
    rows.push(["Total", "", "", "", money.us(sum(list.map((v) => v.amount))), "0.00", "0.00", money.us(sum(list.map((v) => v.amount))), ""]);
    add("xero-aged-receivables", {data: "xero-aged-receivables.csv", about: "Xero Aged Receivables Detail: open items as at a date, 1 Jan 2025 dates, Contact names as customers, Total line", exit: 0, kept: list.length, open: list.length, rules: {"summary-row": 1}, formats: {invoice_date: "D MMM YYYY"}, model: false}, {"xero-aged-receivables.csv": csv(rows)});
  }
  // 10. Xero invoice export: Type ACCREC / ACCRECCREDIT, Status PAID / AUTHORISED / VOIDED, FullyPaidOnDate.
  {
    const list = invoices(random.fork("xero"), {n: 900});
    const rows: (string | number)[][] = [["ContactName", "InvoiceNumber", "Reference", "InvoiceDate", "DueDate", "Total", "AmountPaid", "AmountDue", "FullyPaidOnDate", "Status", "Currency", "Type"]];
    let credits = 0, voided = 0;
    list.forEach((v, i) => {
      rows.push([v.customerName, v.id, `PO${i}`, date.iso(v.issued), date.iso(v.due), money.plain(v.amount), v.paid === null ? "0.00" : money.plain(v.amount), v.paid === null ? money.plain(v.amount) : "0.00", v.paid === null ? "" : date.iso(v.paid), v.paid === null ? "AUTHORISED" : "PAID", "USD", "ACCREC"]);
      if (i % 50 === 9) (credits += 1), rows.push([v.customerName, `CN-${i}`, "", date.iso(v.issued + 5), date.iso(v.issued + 5), "45.00", "0.00", "45.00", "", "AUTHORISED", "USD", "ACCRECCREDIT"]);
      if (i % 80 === 11) (voided += 1), rows.push([v.customerName, `INV-V${i}`, "", date.iso(v.issued), date.iso(v.due), "99.00", "0.00", "0.00", "", "VOIDED", "USD", "ACCREC"]);
    });
    add("xero-invoices", {data: "xero-invoices.csv", about: "Xero invoice export: ACCREC/ACCRECCREDIT types, PAID/AUTHORISED/VOIDED status, FullyPaidOnDate, names as customers", exit: 0, kept: list.length, open: openCount(list), rules: {"credit-memo": credits, "not-an-invoice": voided}, totals: {"credit-memo": -45 * credits}, model: true}, {"xero-invoices.csv": csv(rows)});
  }
  // 11. A workbook: typed dates and numbers, a title row, first sheet.
  {
    const list = invoices(random.fork("xlsx"), {n: 900});
    const rows: (string | number | {date: Day} | null)[][] = [["Receivables export"], [], ["Invoice No", "Customer", "Customer Name", "Invoice Date", "Due Date", "Amount", "Paid Date"]];
    for (const v of list) rows.push([v.id, v.customerId, v.customerName, {date: v.issued}, {date: v.due}, v.amount, v.paid === null ? null : {date: v.paid}]);
    add("workbook", {data: "workbook.xlsx", about: "Excel workbook: typed date and number cells, a title row, first sheet", exit: 0, kept: list.length, open: openCount(list), formats: {invoice_date: "YYYY-MM-DD"}, asOf: lastDay(list), model: true, fullBuild: true}, {"workbook.xlsx": xlsx([{name: "Invoices", rows}])});
  }
  // 12. A workbook whose invoices are on a named second sheet, with text dates (D/M/Y) and a notes sheet first.
  {
    const list = invoices(random.fork("xlsx2"), {n: 250});
    const rows: (string | number | {date: Day} | null)[][] = [["Document No", "Sold-to", "Document Date", "Net Due Date", "Total", "Clearing Date"]];
    for (const v of list) rows.push([v.id, v.customerId, date.dmy(v.issued), date.dmy(v.due), v.amount, v.paid === null ? null : date.dmy(v.paid)]);
    add("workbook-named-sheet", {data: "workbook-named-sheet.xlsx", about: "Workbook with a notes sheet first; invoices on sheet 'Open items' named by AR_SHEET; dates as D/M/Y text", exit: 0, env: {AR_SHEET: "Open items"}, kept: list.length, open: openCount(list), formats: {invoice_date: "DD/MM/YYYY"}}, {"workbook-named-sheet.xlsx": xlsx([{name: "Notes", rows: [["Exported from the ERP"], ["Do not edit"]]}, {name: "Open items", rows}])});
  }
  // 13. Invoices plus a separate payments file: instalments, partial payments, an unknown invoice.
  {
    const list = invoices(random.fork("pair"), {n: 900});
    const paymentRows: (string | number)[][] = [["Invoice Number", "Payment Date", "Amount Paid", "Reference"]];
    let partial = 0;
    const pr = random.fork("pair-payments");
    for (const v of list) {
      if (v.paid === null) {
        if (pr.bernoulli(0.3)) (partial += 1), paymentRows.push([v.id, date.iso(v.issued + 20), money.plain(Math.round(v.amount * 40) / 100), "part"]);
        continue;
      }
      if (pr.bernoulli(0.3)) {
        const first = Math.round(v.amount * 50) / 100;
        paymentRows.push([v.id, date.iso(Math.max(v.issued + 1, v.paid - 10)), money.plain(first), "1 of 2"]);
        paymentRows.push([v.id, date.iso(v.paid), money.plain(Math.round((v.amount - first) * 100) / 100), "2 of 2"]);
      } else paymentRows.push([v.id, date.iso(v.paid), money.plain(v.amount), ""]);
    }
    paymentRows.push(["INV-99999", date.iso(list[10].issued + 30), "500.00", "unknown invoice"]);
    const invoiceRows: (string | number)[][] = [["Invoice Number", "Customer", "Invoice Date", "Due Date", "Invoice Total"]];
    for (const v of list) invoiceRows.push([v.id, v.customerId, date.iso(v.issued), date.iso(v.due), money.plain(v.amount)]);
    add("invoices-plus-payments", {data: "pair-invoices.csv", payments: "pair-payments.csv", about: "Invoices and payments exported apart: AR_PAYMENTS, two instalments on some, partly paid open invoices, a payment for an unknown invoice", exit: 0, kept: list.length, open: openCount(list), model: true, fullBuild: true}, {"pair-invoices.csv": csv(invoiceRows), "pair-payments.csv": csv(paymentRows)});
  }
  // 14–15. Excel "Unicode text": UTF-16LE tab-separated; and UTF-16BE.
  for (const [name, encode] of [["utf16le-unicode-text", (t: string) => utf16le(t)], ["utf16be", utf16be]] as const) {
    const list = invoices(random.fork(name), {n: 250});
    const rows: (string | number)[][] = [["Invoice", "Customer", "Customer Name", "Invoice Date", "Due Date", "Amount", "Paid Date"]];
    for (const v of list) rows.push([v.id, v.customerId, v.customerName, date.dmy(v.issued), date.dmy(v.due), money.plain(v.amount), v.paid === null ? "" : date.dmy(v.paid)]);
    add(name, {data: `${name}.txt`, about: name === "utf16be" ? "UTF-16BE with a byte-order mark, tab-separated" : "Excel 'Unicode text': UTF-16LE with BOM, tab-separated, D/M/Y", exit: 0, kept: list.length, open: openCount(list), formats: {invoice_date: "DD/MM/YYYY"}}, {[`${name}.txt`]: encode(csv(rows, "\t", "\r\n"))});
  }
  // 16. UTF-16LE without a byte-order mark.
  {
    const list = invoices(random.fork("utf16-nobom"), {n: 200});
    const rows: (string | number)[][] = [["Invoice", "Customer", "Invoice Date", "Due Date", "Amount", "Paid Date"]];
    for (const v of list) rows.push([v.id, v.customerId, date.iso(v.issued), date.iso(v.due), money.plain(v.amount), v.paid === null ? "" : date.iso(v.paid)]);
    add("utf16le-no-bom", {data: "utf16le-no-bom.txt", about: "UTF-16LE without a byte-order mark", exit: 0, kept: list.length, open: openCount(list)}, {"utf16le-no-bom.txt": utf16le(csv(rows, "\t"), false)});
  }
  // 17. ISO dates with a time, pipe-delimited.
  {
    const list = invoices(random.fork("iso-time"), {n: 250});
    const rows: (string | number)[][] = [["invoice_id", "customer_id", "invoice_date", "due_date", "amount", "paid_date"]];
    for (const v of list) rows.push([v.id, v.customerId, date.isoTime(v.issued), date.isoTime(v.due), money.plain(v.amount), v.paid === null ? "" : date.isoTime(v.paid)]);
    add("iso-datetime-pipe", {data: "iso-datetime-pipe.csv", about: "Database dump: 2024-01-12T00:00:00 dates, pipe-delimited", exit: 0, kept: list.length, open: openCount(list), formats: {invoice_date: "YYYY-MM-DD"}}, {"iso-datetime-pipe.csv": csv(rows, "|")});
  }
  // 18. Month names: "Apr 26, 2011" (quoted: it holds a comma).
  {
    const list = invoices(random.fork("month-names"), {n: 250});
    const rows: (string | number)[][] = [["Invoice No", "Client", "Date", "Due Date", "Amount", "Date Paid"]];
    for (const v of list) rows.push([v.id, v.customerId, date.monDY(v.issued), date.monDY(v.due), money.us(v.amount), v.paid === null ? "" : date.monDY(v.paid)]);
    add("month-names", {data: "month-names.csv", about: "Dates written 'Apr 26, 2011' (quoted), amounts 1,234.56", exit: 0, kept: list.length, open: openCount(list), formats: {invoice_date: "D MMM YYYY"}}, {"month-names.csv": csv(rows)});
  }
  // 19. Two-digit years, M/D/YY.
  {
    const list = invoices(random.fork("yy"), {n: 250});
    const rows: (string | number)[][] = [["Inv #", "Cust #", "Inv Date", "Due", "Amount", "Paid On"]];
    for (const v of list) rows.push([v.id, v.customerId, date.mdyy(v.issued), date.mdyy(v.due), money.plain(v.amount), v.paid === null ? "" : date.mdyy(v.paid)]);
    add("two-digit-years", {data: "two-digit-years.csv", about: "M/D/YY dates (two-digit years, pivot stated)", exit: 0, kept: list.length, open: openCount(list), formats: {invoice_date: "MM/DD/YYYY"}, asOf: lastDay(list)}, {"two-digit-years.csv": csv(rows)});
  }
  // 20. Excel serial day numbers in a CSV saved from a careless conversion.
  {
    const list = invoices(random.fork("serial"), {n: 250});
    const rows: (string | number)[][] = [["Invoice", "Customer", "Invoice Date", "Due Date", "Amount", "Paid Date"]];
    for (const v of list) rows.push([v.id, v.customerId, date.serial(v.issued), date.serial(v.due), money.plain(v.amount), v.paid === null ? "" : date.serial(v.paid)]);
    add("excel-serials", {data: "excel-serials.csv", about: "Dates as Excel serial numbers (45658)", exit: 0, kept: list.length, open: openCount(list), formats: {invoice_date: "Excel serial"}, asOf: lastDay(list)}, {"excel-serials.csv": csv(rows)});
  }
  // 21. Swiss: 1'234.50 CHF, D.M.Y.
  {
    const list = invoices(random.fork("ch"), {n: 250, currency: "CHF"});
    const rows: (string | number)[][] = [["Rechnung", "Kunde", "Datum", "Fällig", "Betrag", "Bezahlt am"]];
    for (const v of list) rows.push([v.id, v.customerId, date.dmyDot(v.issued), date.dmyDot(v.due), `${v.amount.toLocaleString("en-US", {minimumFractionDigits: 2}).replaceAll(",", "'")} CHF`, v.paid === null ? "" : date.dmyDot(v.paid)]);
    add("swiss-apostrophe", {data: "swiss-apostrophe.csv", about: "Swiss amounts 1'234.50 CHF, D.M.Y dates, German headers", exit: 0, kept: list.length, open: openCount(list), formats: {amount: "."}, mapping: "swiss-mapping.json"}, {"swiss-apostrophe.csv": csv(rows, ";"), "swiss-mapping.json": JSON.stringify({columns: {invoice_id: "Rechnung", invoice_date: "Datum", due_date: "Fällig", paid_date: "Bezahlt am"}})});
  }
  // 22. French: "1 234,56 €" with narrow no-break spaces, DD/MM/YYYY.
  {
    const list = invoices(random.fork("fr"), {n: 250, currency: "EUR"});
    const rows: (string | number)[][] = [["N° facture", "Code client", "Date facture", "Date échéance", "Montant TTC", "Date paiement"]];
    for (const v of list) rows.push([v.id, v.customerId, date.dmy(v.issued), date.dmy(v.due), `${money.fr(v.amount)} €`, v.paid === null ? "" : date.dmy(v.paid)]);
    add("french-spaces", {data: "french-spaces.csv", about: "French export: 1 234,56 € with narrow no-break spaces, DD/MM/YYYY, headers named in a mapping", exit: 0, kept: list.length, open: openCount(list), formats: {amount: ","}, mapping: "french-mapping.json"}, {"french-spaces.csv": csv(rows, ";"), "french-mapping.json": JSON.stringify({columns: {invoice_id: "N° facture", customer_id: "Code client", invoice_date: "Date facture", due_date: "Date échéance", amount: "Montant TTC", paid_date: "Date paiement"}})});
  }
  // 23. Credit notes as (1,234.56) and zero amounts among invoices, no type column.
  {
    const list = invoices(random.fork("parens"));
    const rows: (string | number)[][] = [["Invoice Number", "Customer", "Invoice Date", "Due Date", "Amount", "Paid Date"]];
    let credits = 0, creditTotal = 0, zeros = 0;
    list.forEach((v, i) => {
      rows.push([v.id, v.customerId, date.iso(v.issued), date.iso(v.due), money.us(v.amount), v.paid === null ? "" : date.iso(v.paid)]);
      if (i % 30 === 4) (credits += 1), (creditTotal -= 75.5), rows.push([`CR-${i}`, v.customerId, date.iso(v.issued + 2), date.iso(v.issued + 2), "(75.50)", ""]);
      if (i % 60 === 7) (zeros += 1), rows.push([`Z-${i}`, v.customerId, date.iso(v.issued), date.iso(v.due), "0.00", ""]);
    });
    add("credit-notes-parentheses", {data: "credit-notes-parentheses.csv", about: "Credit notes as (75.50) and zero-amount rows mixed with invoices, no type column", exit: 0, kept: list.length, open: openCount(list), rules: {"negative-amount": credits, "zero-amount": zeros}, totals: {"negative-amount": creditTotal}}, {"credit-notes-parentheses.csv": csv(rows)});
  }
  // 24. A few unreadable values (N/A, #VALUE!, -, a 30 February) under 2 %.
  {
    const list = invoices(random.fork("junk"), {n: 500});
    const rows: (string | number)[][] = [["Invoice No", "Account", "Invoice Date", "Due Date", "Total", "Payment Date"]];
    const bad = new Map<number, [number, string]>([[20, [4, "N/A"]], [90, [4, "#VALUE!"]], [150, [4, "-"]], [300, [2, "2025-02-30"]]]);
    list.forEach((v, i) => {
      const row: (string | number)[] = [v.id, v.customerId, date.iso(v.issued), date.iso(v.due), money.plain(v.amount), v.paid === null ? "" : date.iso(v.paid)];
      const b = bad.get(i);
      if (b) row[b[0]] = b[1];
      rows.push(row);
    });
    const open = openCount(list.filter((_, i) => !bad.has(i)));
    add("junk-values", {data: "junk-values.csv", about: "Four unreadable values among 500 rows (N/A, #VALUE!, -, 2025-02-30): set aside and counted", exit: 0, kept: list.length - bad.size, open, rules: {"unreadable-value": bad.size}}, {"junk-values.csv": csv(rows)});
  }
  // 25. Multi-currency: mostly USD, some EUR rows set aside.
  {
    const list = invoices(random.fork("multi"));
    const rows: (string | number)[][] = [["Invoice", "Customer", "Invoice Date", "Due Date", "Amount", "Currency", "Paid Date"]];
    let eur = 0, eurOpen = 0;
    list.forEach((v, i) => {
      const currency = i % 12 === 3 ? "EUR" : "USD";
      if (currency === "EUR") (eur += 1), (eurOpen += v.paid === null ? 1 : 0);
      rows.push([v.id, v.customerId, date.iso(v.issued), date.iso(v.due), money.plain(v.amount), currency, v.paid === null ? "" : date.iso(v.paid)]);
    });
    add("multi-currency", {data: "multi-currency.csv", about: "Multi-currency ledger: USD with some EUR rows, which are set aside and counted", exit: 0, kept: list.length - eur, open: openCount(list) - eurOpen, rules: {"other-currency": eur}}, {"multi-currency.csv": csv(rows)});
  }
  // 26. Subtotals per customer, blank separator rows, a repeated header, grand total.
  {
    const list = invoices(random.fork("subtotals"), {n: 300});
    const header = ["Customer", "Invoice", "Invoice Date", "Due Date", "Amount", "Paid Date"];
    const rows: (string | number)[][] = [header];
    const sorted = [...list].sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : a.issued - b.issued));
    let summaries = 0, blanks = 0, current = "";
    sorted.forEach((v, i) => {
      if (v.customerId !== current) {
        if (current) rows.push(["Subtotal " + current, "", "", "", "", ""], [",,,,,"].map(() => "") as string[]), (summaries += 1), (blanks += 1);
        current = v.customerId;
      }
      if (i === 150) rows.push(header), (summaries += 1);
      rows.push([v.customerId, v.id, date.iso(v.issued), date.iso(v.due), money.plain(v.amount), v.paid === null ? "" : date.iso(v.paid)]);
    });
    rows.push(["Subtotal " + current, "", "", "", "", ""], ["Grand Total", "", "", "", money.plain(sum(list.map((v) => v.amount))), ""]);
    summaries += 2;
    add("subtotals-blank-rows", {data: "subtotals-blank-rows.csv", about: "Subtotal row per customer, blank separator rows, a header repeated mid-file, Grand Total", exit: 0, kept: list.length, open: openCount(list), rules: {"summary-row": summaries}}, {"subtotals-blank-rows.csv": csv(rows).replaceAll("\n\n", "\n,,,,,\n")});
  }
  // 27. Leading zeros in invoice and customer ids.
  {
    const list = invoices(random.fork("zeros"), {n: 250, prefix: "00"});
    const rows: (string | number)[][] = [["Document Number", "Customer Number", "Document Date", "Net Due Date", "Amount", "Clearing Date"]];
    for (const v of list) rows.push([v.id, "000061" + v.customerId.slice(2), date.iso(v.issued), date.iso(v.due), money.plain(v.amount), v.paid === null ? "" : date.iso(v.paid)]);
    add("leading-zeros", {data: "leading-zeros.csv", about: "Ids with leading zeros (000061000105, 0010001) that must stay as written", exit: 0, kept: list.length, open: openCount(list)}, {"leading-zeros.csv": csv(rows)});
  }
  // 28. Terms instead of due dates, written "Net 30"; D-M-Y dates.
  {
    const list = invoices(random.fork("terms"), {n: 250});
    const rows: (string | number)[][] = [["Invoice", "Customer", "Invoice Date", "Terms", "Amount", "Paid Date"]];
    for (const v of list) rows.push([v.id, v.customerId, date.dmyDash(v.issued), `Net ${v.due - v.issued}`, money.plain(v.amount), v.paid === null ? "" : date.dmyDash(v.paid)]);
    add("terms-no-due-date", {data: "terms-no-due-date.csv", about: "No due-date column: 'Net 30' terms; DD-MM-YYYY dates", exit: 0, kept: list.length, open: openCount(list), formats: {invoice_date: "DD-MM-YYYY"}}, {"terms-no-due-date.csv": csv(rows)});
  }

  // ——— Files that must stop the build ———
  const refuse = (name: string, file: string, content: string | Uint8Array, about: string, message: string[], extra: Partial<CaseExpectation> = {}) =>
    add(name, {data: file, about, exit: 1, message, ...extra}, {[file]: content});
  {
    const list = invoices(random.fork("ambiguous"), {n: 40});
    const rows: (string | number)[][] = [["Invoice", "Customer", "Invoice Date", "Due Date", "Amount", "Paid Date"]];
    // Every day of month ≤ 12: no value tells day from month.
    for (const v of list) {
      const p = calendarParts(v.issued);
      const d = `${pad(Math.min(p.day, 12))}/${pad(p.month)}/${p.year}`;
      rows.push([v.id, v.customerId, d, d, money.plain(v.amount), ""]);
    }
    refuse("ambiguous-dates", "ambiguous-dates.csv", csv(rows), "Every date has day and month ≤ 12: no value decides D/M against M/D", ["ambiguous-dates.csv", 'column "Invoice Date"', "AR_DATE_FORMAT=", '"dateFormat"']);
  }
  {
    const list = invoices(random.fork("too-much-junk"), {n: 200});
    const rows: (string | number)[][] = [["Invoice", "Customer", "Invoice Date", "Due Date", "Amount", "Paid Date"]];
    list.forEach((v, i) => rows.push([v.id, v.customerId, date.iso(v.issued), date.iso(v.due), i % 10 === 3 ? "N/A" : money.plain(v.amount), ""]));
    refuse("too-many-unreadable", "too-many-unreadable.csv", csv(rows), "10 % of amounts are N/A: above the 2 % that may be set aside", ["too-many-unreadable.csv", "line 5 (row 4)", 'column "Amount"', "line 5 \"N/A\", line 15 \"N/A\", line 25 \"N/A\"", "Likely cause", "AR_UNREADABLE_SHARE"]);
  }
  {
    const list = invoices(random.fork("mixed"), {n: 200});
    const rows: (string | number)[][] = [["Invoice", "Customer", "Invoice Date", "Due Date", "Amount", "Paid Date"]];
    list.forEach((v, i) => rows.push([v.id, v.customerId, i < 150 ? date.mdy(v.issued) : date.dmy(v.issued), date.mdy(v.due), money.plain(v.amount), ""]));
    refuse("mixed-date-layouts", "mixed-date-layouts.csv", csv(rows), "Two files pasted together: M/D/Y then D/M/Y invoice dates", ["mixed-date-layouts.csv", 'column "Invoice Date"', "mixes layouts"]);
  }
  {
    const rows: (string | number)[][] = [["Rechnung", "Kunde", "Datum", "Fällig", "Betrag"]];
    for (let i = 0; i < 30; ++i) rows.push([`R${i}`, `K${i % 5}`, `2025-01-${pad(1 + i)}`, `2025-02-${pad(1 + (i % 27))}`, `${1 + (i % 9)}.${pad(100 + i * 7, 3).slice(-3)}`]);
    refuse("ambiguous-decimal", "ambiguous-decimal.csv", csv(rows, ";"), "Every amount is like 1.234: thousands or three decimals cannot be told", ["ambiguous-decimal.csv", 'column "Betrag"', "AR_DECIMAL_SEPARATOR=", '"decimalSeparator"'], {mapping: "ambiguous-decimal-mapping.json"});
    files["ambiguous-decimal-mapping.json"] = JSON.stringify({columns: {invoice_id: "Rechnung", customer_id: "Kunde", invoice_date: "Datum", due_date: "Fällig", amount: "Betrag"}});
  }
  refuse("missing-amount-column", "missing-amount-column.csv", csv([["Invoice", "Customer", "Invoice Date", "Due Date", "Paid Date"], ["A1", "C1", "2025-01-01", "2025-01-31", ""]]), "No amount column", ["missing-amount-column.csv", "has no amount column", '"columns"']);
  refuse("unquoted-thousands", "unquoted-thousands.csv", csv([["Invoice", "Customer", "Invoice Date", "Due Date", "Amount", "Paid Date"], ["A1", "C1", "2025-01-01", "2025-01-31", "100.00", ""]]) + "A2,C1,2025-01-02,2025-02-01,1,234.56,\n", "A comma inside an unquoted amount (1,234.56) adds a field", ["unquoted-thousands.csv", "line 3 (row 2)", "has 7 values but the header has 6 columns"]);
  refuse("empty-file", "empty-file.csv", "", "An empty file", ["empty-file.csv: the file is empty"]);
  refuse("header-only", "header-only.csv", "Invoice,Customer,Invoice Date,Due Date,Amount,Paid Date\n", "A header and no rows", ["header-only.csv: has a header but no data rows"]);
  refuse("pdf-not-csv", "statement.csv", "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\u0000\u0000", "A PDF saved with a .csv name", ["statement.csv", "binary"]);
  refuse("old-xls", "legacy.xls", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), "An old binary .xls workbook", ["legacy.xls", ".xls", "save it as .xlsx"]);
  refuse("duplicate-headers", "duplicate-headers.csv", csv([["Invoice", "Customer", "Invoice Date", "Due Date", "Amount", "Amount", "Paid Date"], ["A1", "C1", "2025-01-01", "2025-01-31", "1", "1", ""]]), "Two columns named Amount", ["duplicate-headers.csv", 'column "Amount"', "appears twice"]);
  refuse("all-credit-notes", "all-credit-notes.csv", csv([["Invoice", "Customer", "Invoice Date", "Due Date", "Amount", "Paid Date"], ["CN1", "C1", "2025-01-01", "2025-01-31", "-100.00", ""], ["CN2", "C2", "2025-01-02", "2025-02-01", "-50.00", ""]]), "Nothing but credit notes", ["all-credit-notes.csv", "has no usable rows", "negative-amount: 2"]);
  refuse("missing-sheet", "one-sheet.xlsx", xlsx([{name: "Data", rows: [["Invoice", "Customer", "Invoice Date", "Due Date", "Amount"], ["A1", "C1", {date: 20000}, {date: 20030}, 10]]}]), "AR_SHEET names a sheet the workbook lacks", ["one-sheet.xlsx", 'has no sheet "Invoices"'], {env: {AR_SHEET: "Invoices"}});

  // ——— Shapes found by exports written independently of this corpus (issue 13's hold-out) ———
  // Added after the others so that their files stay byte for byte as they were.

  // 29. An ERP table dumped by pandas (the shape of a widely used public AR dataset): snake_case headers
  // no alias list names, an open amount as the only amount, isOpen, YYYYMMDD dates and ids as floats.
  {
    const list = invoices(random.fork("pandas-erp"), {n: 900});
    const compact = (d: Day) => formatIsoDay(d).replaceAll("-", "");
    const header = ["business_code", "cust_number", "name_customer", "clear_date", "buisness_year", "doc_id", "posting_date", "document_create_date", "document_create_date.1", "due_in_date", "invoice_currency", "document type", "posting_id", "area_business", "total_open_amount", "baseline_create_date", "cust_payment_terms", "invoice_id", "isOpen"];
    const rows: (string | number)[][] = [header];
    let cad = 0;
    list.forEach((v, i) => {
      const currency = i % 15 === 4 ? "CAD" : "USD";
      if (currency === "CAD") ++cad;
      const doc = 1930000000 + i;
      rows.push(["U001", "0" + v.customerId.slice(1), v.customerName.toUpperCase(), v.paid === null ? "" : `${formatIsoDay(v.paid)} 00:00:00`, `${calendarParts(v.issued).year}.0`, doc, formatIsoDay(v.issued), compact(v.issued), compact(v.issued), `${compact(v.due)}.0`, currency, "RV", "1.0", "", money.plain(v.amount), `${compact(v.issued)}.0`, "NAA8", `${doc}.0`, v.paid === null ? 1 : 0]);
    });
    const usd = list.filter((_, i) => i % 15 !== 4);
    add("pandas-erp-table", {data: "pandas-erp-table.csv", about: "An ERP table saved by pandas: snake_case headers (clear_date, due_in_date, total_open_amount, isOpen), YYYYMMDD.0 dates, ids as floats, a second currency", exit: 0, kept: usd.length, open: openCount(usd), rules: {"id-decimal-zero": list.length, "other-currency": cad}, formats: {due_date: "YYYYMMDD", invoice_id: "decimal zero"}, currency: "USD", model: true, fullBuild: true, first: {invoiceId: "1930000000", customerId: "0" + list[0].customerId.slice(1), customerName: list[0].customerName.toUpperCase()}, says: ['"total_open_amount"   →  amount (the amount still open, the file\'s only amount)', '"clear_date"          →  paid_date (by its words)', '"due_in_date"         →  due_date (by its words)']}, {"pandas-erp-table.csv": csv(rows)});
  }
  // 30. Odoo's invoice export: Partner names, Invoice/Bill Date, signed totals, a payment status and no paid date.
  {
    const list = invoices(random.fork("odoo"), {n: 500});
    const rows: (string | number)[][] = [["Number", "Partner", "Invoice/Bill Date", "Due Date", "Total Signed", "Amount Due Signed", "Status", "Payment Status"]];
    let credits = 0, creditTotal = 0;
    list.forEach((v, i) => {
      const partial = v.paid === null && i % 7 === 3;
      rows.push([`INV/2025/${pad(i + 1, 5)}`, v.customerName, date.iso(v.issued), date.iso(v.due), money.plain(v.amount), v.paid !== null ? "0.00" : money.plain(partial ? Math.round(v.amount * 60) / 100 : v.amount), "Posted", v.paid !== null ? "Paid" : partial ? "Partial" : "Not Paid"]);
      if (i % 40 === 13) (credits += 1), (creditTotal -= 80), rows.push([`RINV/2025/${pad(i + 1, 5)}`, v.customerName, date.iso(v.issued + 4), date.iso(v.issued + 4), "-80.00", "-80.00", "Posted", "Not Paid"]);
    });
    const paid = list.length - openCount(list);
    add("odoo-invoices", {data: "odoo-invoices.csv", about: "Odoo invoices: Partner names, Invoice/Bill Date, Total Signed, Amount Due Signed, Payment Status without a paid date, credit notes", exit: 0, kept: openCount(list), open: openCount(list), rules: {"paid-date-unknown": paid, "negative-amount": credits}, totals: {"negative-amount": creditTotal}, currency: "USD", model: false, says: [`${paid} of ${rows.length - 1} rows are marked paid by “Payment Status” but carry no date of payment`, "AR_PAYMENTS=payments.csv", "amounts are taken to be in USD", "AR_CURRENCY=EUR"]}, {"odoo-invoices.csv": csv(rows)});
  }
  // 31. German headers with a customer name column ranked before the number: Kunde, then Kundennummer.
  {
    const list = invoices(random.fork("kunde"), {n: 300, currency: "EUR"});
    const rows: (string | number)[][] = [["Rechnungsnummer", "Kunde", "Kundennummer", "Rechnungsdatum", "Fälligkeitsdatum", "Betrag", "Währung", "Zahlungsdatum"]];
    for (const v of list) rows.push([v.id, v.customerName, v.customerId, date.dmy(v.issued), date.dmy(v.due), money.de(v.amount), "EUR", v.paid === null ? "" : date.dmy(v.paid)]);
    add("kunde-kundennummer", {data: "kunde-kundennummer.csv", about: "German export naming the customer (Kunde) before its number (Kundennummer): the number is the id", exit: 0, kept: list.length, open: openCount(list), currency: "EUR", first: {invoiceId: list[0].id, customerId: list[0].customerId, customerName: list[0].customerName}, rules: {"amount-text": 0}}, {"kunde-kundennummer.csv": csv(rows, ";", "\r\n")});
  }
  // 32. SAP line items whose currency column is SAP's short "LCurr", amounts without a currency mark.
  {
    const list = invoices(random.fork("lcurr"), {n: 300, currency: "EUR"});
    const rows: (string | number)[][] = [["Customer Line Item Display"], [], ["Customer", "Name 1", "DocumentNo", "Type", "Doc. Date", "Net due dt", "Amount in local cur.", "LCurr", "Clearing"]];
    for (const v of list) rows.push(["0000" + v.customerId.slice(1), v.customerName, v.id, "RV", date.dmyDot(v.issued), date.dmyDot(v.due), money.de(v.amount), "EUR", v.paid === null ? "" : date.dmyDot(v.paid)]);
    add("sap-lcurr", {data: "sap-lcurr.txt", about: "SAP FBL5N with its currency in an 'LCurr' column and no mark on the amounts: an EUR ledger, not USD", exit: 0, kept: list.length, open: openCount(list), currency: "EUR", says: ["Amounts are in EUR, as the currency column “LCurr” says."]}, {"sap-lcurr.txt": csv(rows, "\t", "\r\n")});
  }
  // 33. No currency anywhere in the file: the user sets it.
  {
    const list = invoices(random.fork("currency-setting"), {n: 200});
    const rows: (string | number)[][] = [["Invoice", "Customer", "Invoice Date", "Due Date", "Amount", "Paid Date"]];
    for (const v of list) rows.push([v.id, v.customerId, date.iso(v.issued), date.iso(v.due), money.plain(v.amount), v.paid === null ? "" : date.iso(v.paid)]);
    add("currency-setting", {data: "currency-setting.csv", about: "No currency column or mark: AR_CURRENCY=GBP sets it (the mapping file's \"currency\" too)", exit: 0, env: {AR_CURRENCY: "GBP"}, kept: list.length, open: openCount(list), currency: "GBP", says: ["Amounts are in GBP, as set (AR_CURRENCY"]}, {"currency-setting.csv": csv(rows)});
  }
  // 34. A workbook whose amounts were computed in Excel: the stored doubles carry digits nobody typed.
  {
    const list = invoices(random.fork("xlsx-digits"), {n: 250});
    const rows: (string | number | {date: Day} | null)[][] = [["Invoice No", "Account", "Invoice Date", "Due Date", "Total", "Paid Date"]];
    // Net + tax as a formula adds them: 1000.01 + 1234.56 is stored as 2234.5699999999997.
    const gross = (v: TrueInvoice, i: number) => (i === 0 ? 1000.01 + 1234.56 : Math.round(v.amount * 80) / 100 + Math.round(v.amount * 20) / 100);
    list.forEach((v, i) => rows.push([v.id, v.customerId, {date: v.issued}, {date: v.due}, gross(v, i), v.paid === null ? null : {date: v.paid}]));
    // The sample inspect shows is the column's first value: it must read as Excel shows it, 2234.57.
    const first = gross(list[0], 0);
    add("workbook-float-digits", {data: "workbook-float-digits.xlsx", about: "Workbook amounts computed by formulas (9399.650000000001 stored): read at Excel's 15 significant digits", exit: 0, kept: list.length, open: openCount(list), samples: {amount: String(Number(first.toPrecision(15)))}}, {"workbook-float-digits.xlsx": xlsx([{name: "Invoices", rows}])});
  }
  // 35. QuickBooks' invoice list: $ amounts throughout, Status Paid/Open, no paid date.
  {
    const list = invoices(random.fork("qb-list"), {n: 400});
    const rows: (string | number)[][] = [["Invoice List"], ["All Dates"], [], ["", "Date", "Transaction type", "Num", "Name", "Due date", "Amount", "Open balance", "Status"]];
    for (const v of list) rows.push(["", date.mdy(v.issued), "Invoice", v.id.slice(4), v.customerName, date.mdy(v.due), "$" + money.us(v.amount), "$" + money.us(v.paid === null ? v.amount : 0), v.paid === null ? "Open" : "Paid"]);
    rows.push(["TOTAL", "", "", "", "", "", "$" + money.us(sum(list.map((v) => v.amount))), "", ""]);
    const paid = list.length - openCount(list);
    add("quickbooks-paid-no-date", {data: "quickbooks-paid-no-date.csv", about: "QuickBooks invoice list: $1,234.56 throughout (no repair to count), Status Paid without a paid date", exit: 0, kept: openCount(list), open: openCount(list), rules: {"paid-date-unknown": paid, "amount-text": 0, "summary-row": 1}, model: false, says: [`${paid} of ${list.length + 1} rows are marked paid by “Status” but carry no date of payment`, `The report covers the ${openCount(list)} invoices still open, as a snapshot`, "AR_PAYMENTS=payments.csv"]}, {"quickbooks-paid-no-date.csv": csv(rows)});
  }
  // 36. Amounts that needed more than their column's format: a credit in parentheses, stray spaces.
  {
    const list = invoices(random.fork("amount-marks"), {n: 300});
    const rows: (string | number)[][] = [["Invoice Number", "Customer", "Invoice Date", "Due Date", "Amount", "Paid Date"]];
    let spaced = 0, credits = 0;
    list.forEach((v, i) => {
      const stray = i % 25 === 6 ? " " : "";
      if (stray) ++spaced;
      rows.push([v.id, v.customerId, date.iso(v.issued), date.iso(v.due), `${stray}$${money.us(v.amount)}${stray}`, v.paid === null ? "" : date.iso(v.paid)]);
      if (i % 50 === 9) (credits += 1), rows.push([`CR-${i}`, v.customerId, date.iso(v.issued + 2), date.iso(v.issued + 2), "($75.50)", ""]);
    });
    add("amount-marks", {data: "amount-marks.csv", about: "$1,234.56 amounts with a few stray spaces and ($75.50) credits: only the spaced values count as repairs", exit: 0, kept: list.length, open: openCount(list), rules: {"amount-text": spaced, "negative-amount": credits}}, {"amount-marks.csv": csv(rows)});
  }
  // 37. Zoho Books: a status and the last payment date, no paid-date column.
  {
    const list = invoices(random.fork("zoho"), {n: 900, currency: "CAD"});
    const rows: (string | number)[][] = [["Invoice Date", "Invoice ID", "Invoice Number", "Invoice Status", "Customer ID", "Customer Name", "Due Date", "Currency Code", "Total", "Balance", "Last Payment Date"]];
    list.forEach((v, i) => rows.push([date.iso(v.issued), 4600000000120000 + i, v.id, v.paid !== null ? "Paid" : v.due < parseIsoDay("2025-06-30")! ? "Overdue" : "Sent", v.customerId, v.customerName, date.iso(v.due), "CAD", money.plain(v.amount), v.paid === null ? money.plain(v.amount) : "0.00", v.paid === null ? "" : date.iso(v.paid)]));
    add("zoho-last-payment", {data: "zoho-last-payment.csv", about: "Zoho Books invoices: Invoice Status Paid/Overdue/Sent, Balance, and the Last Payment Date as the only date of payment", exit: 0, kept: list.length, open: openCount(list), currency: "CAD", rules: {"paid-date-unknown": 0}, model: true, says: ["Paid dates come from “Last Payment Date”, the payment that settled an invoice"]}, {"zoho-last-payment.csv": csv(rows)});
  }
  // 38. Business Central customer ledger entries with German captions: Belegart, Offen Ja/Nein, Restbetrag, Geschlossen am.
  {
    const list = invoices(random.fork("bc-german"), {n: 900, currency: "EUR"});
    const rows: (string | number)[][] = [["Lfd. Nr.", "Buchungsdatum", "Belegart", "Belegnr.", "Debitornr.", "Name", "Betrag", "Restbetrag", "Fälligkeitsdatum", "Offen", "Geschlossen am"]];
    let entry = 1, payments = 0;
    for (const v of list) {
      rows.push([entry++, date.dmyDot(v.issued), "Rechnung", v.id, v.customerId, v.customerName, money.de(v.amount), money.de(v.paid === null ? v.amount : 0), date.dmyDot(v.due), v.paid === null ? "Ja" : "Nein", v.paid === null ? "" : date.dmyDot(v.paid)]);
      if (v.paid !== null) (payments += 1), rows.push([entry++, date.dmyDot(v.paid), "Zahlung", `ZE${entry}`, v.customerId, v.customerName, "-" + money.de(v.amount), "0,00", date.dmyDot(v.paid), "Nein", date.dmyDot(v.paid)]);
    }
    add("bc-german-captions", {data: "bc-german-captions.csv", about: "Business Central ledger entries with German captions: Rechnung/Zahlung, Offen Ja/Nein, Restbetrag, Geschlossen am", exit: 0, kept: list.length, open: openCount(list), rules: {"not-an-invoice": payments, "paid-date-unknown": 0}, model: true}, {"bc-german-captions.csv": cp1252(csv(rows, ";", "\r\n"))});
  }
}

build(createRandom("import corpus"));
rmSync(folder, {recursive: true, force: true});
mkdirSync(folder, {recursive: true});
for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
writeFileSync(new URL("./expected.json", import.meta.url), JSON.stringify(cases, null, 1) + "\n");
console.log(`corpus: ${Object.keys(cases).length} cases, ${Object.keys(files).length} files in tests/corpus/files/`);
