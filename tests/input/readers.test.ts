import {describe, expect, test} from "vitest";
import {decodeText} from "../../lib/input/decode.js";
import {readTable} from "../../lib/input/table.js";
import {headerLikeness} from "../../lib/input/mapping.js";
import {readPayments, settleFromPayments} from "../../lib/input/payments.js";
import {debitCreditSign, documentKind, isSummaryLabel, openState} from "../../lib/input/documents.js";
import {headerCurrency, parseAmount, parseDate} from "../../lib/input/values.js";
import {formatIsoDay, parseIsoDay} from "../../lib/core/dates.js";
import {xlsx} from "../helpers/xlsx.js";
import {inputError} from "../helpers/inputError.js";

const day = (iso: string) => parseIsoDay(iso)!;
const utf16 = (text: string, littleEndian: boolean, bom = true) => {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) (out[0] = littleEndian ? 0xff : 0xfe), (out[1] = littleEndian ? 0xfe : 0xff);
  for (let i = 0, o = bom ? 2 : 0; i < text.length; ++i, o += 2) {
    const [lo, hi] = [text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8];
    (out[o] = littleEndian ? lo : hi), (out[o + 1] = littleEndian ? hi : lo);
  }
  return out;
};

describe("encodings: Müller comes out right", () => {
  const text = "Kunde\tBetrag\nMüller GmbH\t1,00\n";
  test.each([
    ["UTF-8", new TextEncoder().encode(text), "UTF-8"],
    ["UTF-8 with BOM", Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), "UTF-8 with BOM"],
    ["UTF-16LE (Excel Unicode text)", utf16(text, true), "UTF-16LE"],
    ["UTF-16BE", utf16(text, false), "UTF-16BE"],
    ["UTF-16LE without a mark", utf16(text, true, false), "UTF-16LE"],
    ["Windows-1252", Uint8Array.from(text, (c) => c.charCodeAt(0)), "Windows-1252"]
  ])("%s", (_, bytes, encoding) => {
    expect(decodeText(bytes)).toEqual({text, encoding});
  });

  test("Windows-1252's euro sign and curly quote", () => {
    expect(decodeText(Uint8Array.from([0x80, 0x20, 0x92])).text).toBe("€ ’");
  });
});

describe("workbooks", () => {
  const book = xlsx([
    {name: "Notes", rows: [["exported"]]},
    {name: "Open items", rows: [["Acme Ltd — receivables"], [], ["Invoice No", "Customer", "Invoice Date", "Amount"], ["INV-1", "C1", {date: day("2024-01-12")}, 1234.56], ["INV-2", "C2", "13/01/2024", 99]]}
  ]);

  test("the named sheet, the header below a title, typed dates as YYYY-MM-DD and numbers as written", async () => {
    const table = await readTable(book, {file: "book.xlsx", sheet: "Open items", headerScore: headerLikeness()});
    expect([table.format, table.sheet, table.header, table.headerLine, table.titleLines]).toEqual(["xlsx", "Open items", ["Invoice No", "Customer", "Invoice Date", "Amount"], 3, ["Acme Ltd — receivables"]]);
    expect([...table.records()].map((r) => [r.line, r.fields])).toEqual([
      [4, ["INV-1", "C1", "2024-01-12", "1234.56"]],
      [5, ["INV-2", "C2", "13/01/2024", "99"]]
    ]);
  });

  test("numbers at Excel's 15 significant digits, not the stored double's artefacts", async () => {
    const sums = xlsx([{name: "S", rows: [["Invoice No", "Amount"], ["A", 9535.200000000001], ["B", 0.1 + 0.2], ["C", 123456789012.5], ["D", -42]]}]);
    const table = await readTable(sums, {file: "sums.xlsx"});
    expect([...table.records()].map((r) => r.fields[1])).toEqual(["9535.2", "0.3", "123456789012.5", "-42"]);
  });

  test("the first sheet by default; a missing sheet names the sheets there are", async () => {
    expect((await readTable(book, {file: "book.xlsx"})).header).toEqual(["exported"]);
    const error = await readTable(book, {file: "book.xlsx", sheet: "Invoices"}).catch((e) => e);
    expect(error.message).toBe('book.xlsx: has no sheet "Invoices" (sheets: "Notes", "Open items"); name one with "sheet" in the mapping file or AR_SHEET');
  });

  test("an old .xls workbook is named as such", async () => {
    const error = await readTable(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), {file: "old.xls"}).catch((e) => e);
    expect(error.message).toMatch(/^old\.xls: is an old Excel \.xls workbook/);
  });
});

describe("payments file", () => {
  const header = ["Invoice No", "Payment Date", "Amount Paid"];
  const records = (rows: string[][]) => () => rows.map((fields, i) => ({line: i + 2, row: i + 1, fields}));

  test("receipts by invoice, in date order; ids match whatever their case and spaces; leading zeros count", () => {
    const {index, report} = readPayments(header, records([["0042", "2024-03-01", "60.00"], [" 0042 ", "2024-02-01", "40.00"], ["42", "2024-02-01", "5.00"], ["", "2024-02-01", "1.00"], ["0043", "2024-02-01", "-3.00"]]), {file: "p.csv"});
    expect(index.lookup("0042")!.map((p) => [formatIsoDay(p.day), p.amount])).toEqual([["2024-02-01", 40], ["2024-03-01", 60]]);
    expect(index.lookup("42")!.length).toBe(1);
    expect([report.rowsIn, report.rowsKept, report.total]).toEqual([5, 3, 105]);
    expect(report.setAside.map((s) => s.rows)).toEqual([1, 1]);
  });

  test("ids written by pandas as whole numbers with a decimal zero match the same ids written plainly", () => {
    const {index} = readPayments(header, records([["1929000000.0", "2024-03-01", "60.00"], ["1929000001", "2024-03-02", "10.00"]]), {file: "p.csv"});
    expect(index.lookup("1929000000")!.map((p) => p.amount)).toEqual([60]);
    expect(index.lookup("1929000001.0")!.map((p) => p.amount)).toEqual([10]);
    expect(index.lookup("1929000000.5")).toBeUndefined();
  });

  test("paid on the day receipts reach the amount; partly paid stays open", () => {
    const receipts = [{invoiceId: "A", day: day("2024-02-01"), amount: 40}, {invoiceId: "A", day: day("2024-03-01"), amount: 60}];
    expect(settleFromPayments(receipts, 100)).toEqual({paidDate: day("2024-03-01"), paidAmount: 100, lastPaymentDate: day("2024-03-01"), installments: 2});
    expect(settleFromPayments(receipts.slice(0, 1), 100)).toEqual({paidDate: null, paidAmount: 40, lastPaymentDate: day("2024-02-01"), installments: 1});
  });

  test("a file without the needed columns, or mostly unreadable, is refused with its line", () => {
    expect(inputError(() => readPayments(["Invoice", "Notes"], records([]), {file: "p.csv"})).reason).toMatch(/^has no payment_date column/);
    const error = inputError(() => readPayments(header, records([["A", "soon", "1"], ["B", "later", "2"]]), {file: "p.csv"}));
    expect([error.line, error.column]).toEqual([2, "Payment Date"]);
  });
});

describe("document types, indicators, statuses and summary labels", () => {
  test.each([
    ["RV", "invoice"], ["Invoice", "invoice"], ["ACCREC", "invoice"], ["DG", "credit"], ["Credit Memo", "credit"], ["ACCRECCREDIT", "credit"], ["GS", "credit"], ["RE", "invoice"],
    ["DZ", "payment"], ["Payment", "payment"], ["Refund", "refund"], ["Finance Charge Memo", "other"], ["ZZ", null]
  ] as const)("%s → %s", (text, kind) => expect(documentKind(text)).toBe(kind));

  test("debit/credit, open flags and summary labels", () => {
    expect(["S", "H", "Dr", "Credit", "?"].map(debitCreditSign)).toEqual([1, -1, 1, -1, null]);
    expect(["Yes", "No", "PAID", "AUTHORISED", "Voided", "OP", "CL", "maybe"].map(openState)).toEqual(["open", "closed", "closed", "open", "void", "open", "closed", null]);
    expect(["TOTAL", "Total for Acme Ltd", "Subtotal:", "Grand Total", "Summe", "Totalizer Inc"].map(isSummaryLabel)).toEqual([true, true, true, true, true, false]);
  });

  // isSummaryLabel turns most values away on their first and last characters before its pattern runs:
  // each word the pattern knows, each way of writing the ends, must still reach it.
  test("summary labels behind spaces, asterisks and any case; ids and names are not", () => {
    const labels = ["  sub-total:", "\u00a0Total", "\tGESAMT", "Zwischensumme", "Balance brought forward", "balance carried", "Opening balance", "CLOSING BALANCE", "Report total", "Overall", "Acme Ltd totals:** ", "Acme Ltd Total\u00a0", "Total:\t"];
    expect(labels.filter((text) => !isSummaryLabel(text))).toEqual([]);
    const values = ["INV-10023", "C0042", "Acme Ltd", "Totalizer Inc", "Subway Foods", "Total-Chem", "Reports Inc", "  Overalls Ltd", "Grandtotal Inc"];
    expect(values.filter(isSummaryLabel)).toEqual(["Total-Chem"]);
  });
});

describe("a currency named in a header", () => {
  test.each([
    ["Betrag EUR", "EUR"], ["Amount (USD)", "USD"], ["Open Amount [GBP]", "GBP"], ["Betrag in €", "EUR"], ["Montant TTC (CHF)", "CHF"],
    ["Amount (LCY)", null], ["Amount Due", null], ["Amount all", null], ["Betrag", null], ["Amount (eur)", null]
  ] as const)("%s → %s", (header, code) => expect(headerCurrency(header)).toBe(code));
});

describe("values in every layout", () => {
  test.each([
    ["1.234,56", ",", 1234.56], ["1 234,56", ",", 1234.56], ["1\u202f234,56 €", ",", 1234.56], ["1.234,56-", ",", -1234.56], ["(1.234,56)", ",", -1234.56],
    ["1'234.56", ".", 1234.56], ["CHF 1'234.50", ".", 1234.5], ["-$1,234.56", ".", -1234.56], ["1,234.56 USD", ".", 1234.56]
  ] as const)("amount %j with decimal %s", (text, decimal, value) => expect(parseAmount(text, decimal)?.value).toBe(value));

  test("placeholders and spreadsheet errors are not amounts", () => {
    for (const text of ["N/A", "#VALUE!", "-", "—", ""]) expect(parseAmount(text)).toBeUndefined();
  });

  test("YYYYMMDD dates as pandas writes them beside a blank: 20200210.0", () => {
    expect([parseDate("20200210.0", "YYYYMMDD"), parseDate("20200210", "YYYYMMDD"), parseDate("20200210.5", "YYYYMMDD")]).toEqual([day("2020-02-10"), day("2020-02-10"), undefined]);
  });

  test("Odoo's payment states", () => {
    expect(["Not Paid", "In Payment", "Paid", "Partial", "Reversed"].map(openState)).toEqual(["open", "closed", "closed", "open", "void"]);
  });

  test("dates that do not exist are not dates in any layout", () => {
    expect(parseDate("30.02.2024", "DD.MM.YYYY")).toBeUndefined();
    expect(parseDate("Feb 30, 2024", "D MMM YYYY")).toBeUndefined();
    expect(parseDate("2/29/2024 12:00:00 AM", "MM/DD/YYYY")).toBe(day("2024-02-29"));
  });
});
