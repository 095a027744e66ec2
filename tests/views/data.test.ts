import {describe, expect, test} from "vitest";
import {syntheticLedger} from "../../lib/pipeline/source.js";
import {dataStage} from "../../lib/pipeline/data.js";
import {
  amountFromOpenSentence, byWordsSentence, currencySentence, documentTypesSentence, formatName, formatReason, generatorEffects, generatorNotes, paidDateUnknownNote, paymentSourceSentence, readAsSentence,
  reproduceCommand, setAsideMoneySentence, unreadablePolicySentence
} from "../../lib/views/data.js";
import type {CleaningAccount, InputAccount} from "../../lib/views/data.js";

describe("the generator's description states measured figures, not asserted ones", () => {
  test("the generator's effects assert no rate: rates are measured on the ledger", () => {
    expect(Object.keys(generatorEffects).length).toBeGreaterThanOrEqual(10);
    for (const line of Object.values(generatorEffects)) expect(line).not.toMatch(/\d+(\.\d+)? ?%/);
    for (const line of Object.values(generatorEffects)) expect(line.length).toBeGreaterThan(20);
  });

  // A small ledger, dirtied and cleaned as the build does it.
  const sourced = syntheticLedger({invoices: 6000, customers: 200, seed: 3});
  const meta = dataStage(sourced).files.meta as Parameters<typeof generatorNotes>[0];
  const writtenOff = sourced.ledger.invoices.filter((invoice) => invoice.status === "written_off").length;

  test("meta.json counts the written-off invoices of the cleaned ledger", () => {
    expect(writtenOff).toBeGreaterThan(0);
    expect(meta.writtenOff).toEqual({invoices: writtenOff, share: expect.closeTo(writtenOff / sourced.ledger.invoices.length, 6)});
  });

  test("the write-off line carries the ledger's own share, whatever it is", () => {
    const line = (m: typeof meta) => new Map(generatorNotes(m)).get("writeOffs")!;
    expect(line(meta)).toMatch(new RegExp(`In this ledger [\\d.]+% of invoices \\(${writtenOff} of 5,\\d{3}\\) were written off by the as-of date\\.$`));
    expect(line(meta)).not.toMatch(/Under 1 %/);
    // Contrary data: a ledger where 3% were written off says 3%, and one with none says none.
    expect(line({...meta, invoices: 1000, writtenOff: {invoices: 30, share: 0.03}})).toMatch(/In this ledger 3\.0% of invoices \(30 of 1,000\) were written off/);
    expect(line({...meta, writtenOff: {invoices: 0, share: 0}})).toMatch(/In this ledger none was written off by the as-of date\.$/);
  });

  test("a CSV ledger has no generator to describe", () => {
    expect(generatorNotes({invoices: 10, synthetic: false})).toEqual([]);
  });
});

const input = (overrides: Partial<InputAccount> = {}): InputAccount => ({
  format: "csv",
  encoding: "Windows-1252",
  delimiter: ";",
  sheet: null,
  headerLine: 3,
  titleLines: ["Müller GmbH", "Offene Posten"],
  formats: [],
  passedOver: [],
  byWords: [],
  amountFromOpenAmount: false,
  mappingJson: {columns: {invoice_id: "Belegnummer", paid_date: "Ausgleichsdatum"}},
  payments: null,
  ...overrides
});
const cleaning = (overrides: Partial<CleaningAccount> = {}): CleaningAccount => ({rowsIn: 10, rowsKept: 10, rules: [], documentTypes: [], customerIdFromName: false, openItemsOnly: false, unmatchedPayments: null, currency: {code: "EUR", from: "column"}, ...overrides});

describe("the Data page's account of how a file was read", () => {
  test("what the file is, with the title lines skipped", () => {
    expect(readAsSentence(input())).toBe("The file is a Windows-1252 text file, semicolon-separated, with its header on line 3 below 2 title lines (skipped).");
    expect(readAsSentence(input({format: "xlsx", encoding: null, delimiter: null, sheet: "Open items", headerLine: 1, titleLines: []}))).toBe("The file is an Excel workbook, read from its sheet “Open items”.");
  });

  test("format names", () => {
    expect([formatName("number", ","), formatName("number", "."), formatName("date", "DD.MM.YYYY")]).toEqual(["decimal comma", "decimal point", "DD.MM.YYYY"]);
  });

  test("document types and the money set aside with them", () => {
    expect(documentTypesSentence([{type: "RV", kind: "invoice", rows: 900}, {type: "DZ", kind: "payment", rows: 1}])).toBe("Document types found: “RV” 900 rows (invoices); “DZ” 1 row (payments (set aside)).");
    const rule = (id: string, count: number, amount: number | null) => ({id, count, amount, description: "", action: "quarantined" as const, examples: []});
    const rules = [rule("credit-memo", 2, -150.5), rule("zero-amount", 1, 0), rule("amount-text", 5, null)];
    expect(setAsideMoneySentence(cleaning({rules}), "EUR")).toMatch(/^Set aside as not invoices to collect: 2 credit memos totalling .*150\.50, 1 zero amounts\.$/);
    expect(setAsideMoneySentence(cleaning(), "EUR")).toBe("");
  });

  test("where paid dates come from: a payments file, an open flag, a column, or nowhere (a snapshot)", () => {
    const payments = {file: "payments.csv", rowsIn: 12, rowsKept: 11, total: 900, headers: {invoice_id: "Invoice", payment_date: "Date", amount: "Amount"}, setAside: [], formats: []};
    expect(paymentSourceSentence(input({payments}), cleaning({unmatchedPayments: {count: 1, amount: 500, examples: ["X"]}}))).toMatch(/^Paid dates come from the payments file payments\.csv: 11 receipts; .* 1 receipt matches no kept invoice and was set aside/);
    expect(paymentSourceSentence(input(), cleaning({openItemsOnly: true}))).toMatch(/^The file has no paid-date column: it lists what is open/);
    expect(paymentSourceSentence(input({mappingJson: {columns: {paid_date: "Closed at Date", open_item: "Open", remaining_amount: "Remaining Amount"}}}), cleaning())).toBe("Paid dates come from “Closed at Date” where “Open” says an invoice is closed, and open amounts from “Remaining Amount”.");
    expect(paymentSourceSentence(input(), cleaning())).toBe("Paid dates come from “Ausgleichsdatum”; a blank one means the invoice is open.");
    expect(paymentSourceSentence(input({mappingJson: {columns: {open_item: "Invoice Status", remaining_amount: "Balance", last_payment_date: "Last Payment Date"}}}), cleaning())).toBe("Paid dates come from “Last Payment Date”, the payment that settled an invoice, where “Invoice Status” says it is settled, and open amounts from “Balance”.");
  });

  test("how each format was decided: the facts meta.json ships, put in words", () => {
    const reason = (kind: "date" | "number" | "id", format: string, decision: Parameters<typeof formatReason>[0]["decision"], twoDigitYearPivot: number | null = null) => formatReason({kind, format: format as never, decision, twoDigitYearPivot});
    expect(reason("date", "MM/DD/YYYY", {by: "values", read: 2305, of: 2305, decisive: {count: 1418, example: "3/25/2025", rival: "DD/MM/YYYY"}})).toBe('2,305 of 2,305 values read as MM/DD/YYYY; 1,418 of them (such as "3/25/2025") cannot be read as DD/MM/YYYY');
    expect(reason("date", "YYYY-MM-DD", {by: "values", read: 700, of: 700, decisive: null})).toBe("700 of 700 values read as YYYY-MM-DD");
    expect(reason("date", "MM/DD/YYYY", {by: "values", read: 2, of: 2, decisive: null}, 50)).toBe("2 of 2 values read as MM/DD/YYYY; two-digit years 00–49 are read as 20xx, 50–99 as 19xx");
    expect(reason("date", "DD/MM/YYYY", {by: "like column", read: 2, of: 2, alike: "MM/DD/YYYY", header: "Due Date"})).toBe('2 of 2 values read as DD/MM/YYYY and as MM/DD/YYYY alike; read as DD/MM/YYYY like "Due Date", whose values decide it');
    expect(reason("date", "DD.MM.YYYY", {by: "setting"})).toBe("given (AR_DATE_FORMAT or the mapping's dateFormat)");
    expect(reason("date", "YYYY-MM-DD", {by: "no layout"})).toBe("no value reads as a date in any layout");
    expect(reason("number", ",", {by: "separator", only: 1000, example: "1.599,15", other: 0})).toBe('decimal comma: 1,000 values such as "1.599,15" read only that way');
    expect(reason("number", ".", {by: "separator", only: 90, example: "1.5", other: 2})).toBe('decimal point: 90 values such as "1.5" read only that way, 2 only with a decimal comma');
    expect(reason("number", ",", {by: "like number column", header: "Betrag"})).toBe('read with a decimal comma like "Betrag", whose values decide it');
    expect(reason("number", ".", {by: "setting"})).toBe("given (AR_DECIMAL_SEPARATOR or the mapping's decimalSeparator)");
    expect(reason("number", ".", {by: "whole numbers"})).toBe("whole numbers: either separator reads them alike");
    expect(reason("id", "decimal zero", {by: "decimal zeros", numeric: 3000})).toBe("all 3,000 numeric ids end in a decimal zero (as pandas writes integers beside a blank): read as whole numbers");
    expect(formatName("id", "decimal zero")).toBe("whole numbers written with a decimal zero");
  });

  test("rows marked paid without a date: how many, why, what the report covers, and which export gives a history", () => {
    const rule = (id: string, count: number) => ({id, count, amount: null, description: "", action: "quarantined" as const, examples: []});
    const qb = input({mappingJson: {columns: {invoice_id: "Num", open_item: "Status", remaining_amount: "Open balance"}}});
    const set = cleaning({rowsIn: 825, rowsKept: 62, rules: [rule("paid-date-unknown", 738)]});
    expect(paymentSourceSentence(qb, set)).toBe("The file has no paid-date column: “Status” says which invoices are settled, but not when, so only the open ones can be read.");
    const note = paidDateUnknownNote(qb, set);
    expect(note).toMatch(/^738 of 825 rows are marked paid by “Status” but carry no date of payment, so they were set aside/);
    expect(note).toMatch(/The report covers the 62 invoices still open, as a snapshot: aging, DSO and the worklist, but no late-payment model\./);
    expect(note).toMatch(/AR_PAYMENTS=payments\.csv/);
    // With a paid-date column, a few closed rows without a date are set aside, and the history stands.
    expect(paidDateUnknownNote(input({mappingJson: {columns: {paid_date: "Closed at Date", open_item: "Open"}}}), cleaning({rules: [rule("paid-date-unknown", 2)]}))).not.toMatch(/snapshot/);
    expect(paidDateUnknownNote(qb, cleaning())).toBe("");
  });

  test("the currency: named by a column or marks, set, or assumed and said so", () => {
    expect(currencySentence(cleaning(), input({mappingJson: {columns: {currency: "LCurr"}}}))).toBe("Amounts are in EUR, as the currency column “LCurr” says.");
    expect(currencySentence(cleaning({currency: {code: "USD", from: "amounts"}}), input())).toBe("Amounts are in USD, as the currency marks on them say.");
    expect(currencySentence(cleaning({currency: {code: "EUR", from: "header"}}), input({mappingJson: {columns: {amount: "Betrag EUR"}}}))).toBe("Amounts are in EUR, as the amount column's header “Betrag EUR” says.");
    expect(currencySentence(cleaning({currency: {code: "CHF", from: "setting"}}), input())).toBe("Amounts are in CHF, as set (AR_CURRENCY or the mapping's \"currency\").");
    expect(currencySentence(cleaning({currency: {code: "USD", from: "assumed"}}), input())).toMatch(/^The file names no currency .* taken to be in USD\. If they are not, set the currency with AR_CURRENCY=EUR/);
  });

  test("columns recognised by their words, and an open amount read as the amount, are pointed out", () => {
    const hr = input({byWords: ["paid_date", "amount"], amountFromOpenAmount: true, mappingJson: {columns: {paid_date: "clear_date", amount: "total_open_amount"}}});
    expect(byWordsSentence(hr)).toBe("Recognised by the words of their headers rather than a name systems are known to use: “clear_date” as the paid date, “total_open_amount” as the amount. Check them in the data dictionary below; the mapping file can name another header for any column.");
    expect(amountFromOpenSentence(hr)).toMatch(/^“total_open_amount” is the file's only amount, an amount still open: it is read as each invoice's amount/);
    expect([byWordsSentence(input()), amountFromOpenSentence(input())]).toEqual(["", ""]);
  });

  test("the command that reproduces the build", () => {
    expect(reproduceCommand("ar.csv", input())).toBe("AR_DATA=ar.csv AR_MAPPING=mapping.json npm run build");
  });
});

describe("the unreadable-value policy states the share this build allowed", () => {
  test("the default 2 %, and a share the mapping or AR_UNREADABLE_SHARE set", () => {
    expect(unreadablePolicySentence({mappingJson: {columns: {}}})).toBe(
      'A value that cannot be read sets its row aside (listed below) while such rows are at most 2% of the file per column; AR_UNREADABLE_SHARE=0.05 or "unreadableShare": 0.05 in the mapping allows more.'
    );
    expect(unreadablePolicySentence({mappingJson: {columns: {}, unreadableShare: 0.125}})).toMatch(/at most 12\.5% of the file per column; AR_UNREADABLE_SHARE=0\.25 /);
  });
});
