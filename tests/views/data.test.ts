import {describe, expect, test} from "vitest";
import {syntheticLedger} from "../../lib/pipeline/source.js";
import {dataStage} from "../../lib/pipeline/data.js";
import {documentTypesSentence, formatName, generatorNotes, paymentSourceSentence, readAsSentence, reproduceCommand, setAsideMoneySentence} from "../../lib/views/data.js";
import type {CleaningAccount, InputAccount} from "../../lib/views/data.js";

describe("the generator's description states measured figures, not asserted ones", () => {
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
  mappingJson: {columns: {invoice_id: "Belegnummer", paid_date: "Ausgleichsdatum"}},
  payments: null,
  ...overrides
});
const cleaning = (overrides: Partial<CleaningAccount> = {}): CleaningAccount => ({rowsIn: 10, rules: [], documentTypes: [], customerIdFromName: false, openItemsOnly: false, unmatchedPayments: null, ...overrides});

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
  });

  test("the command that reproduces the build", () => {
    expect(reproduceCommand("ar.csv", input())).toBe("AR_DATA=ar.csv AR_MAPPING=mapping.json npm run build");
  });
});
