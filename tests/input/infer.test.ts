import {describe, expect, test} from "vitest";
import {inferFormats} from "../../lib/input/infer.js";
import {mapColumns} from "../../lib/input/mapping.js";
import {cleanLedger, FormatsRevised} from "../../lib/clean/index.js";
import {mappedRows} from "../../lib/input/mapping.js";
import {readCsv} from "../../lib/input/csv.js";
import {inputError} from "../helpers/inputError.js";

const header = ["Invoice", "Customer", "Invoice Date", "Due Date", "Amount", "Paid Date"];
const mapping = mapColumns(header, {file: "t.csv"});
const rows = (values: string[][]) => values.map((fields) => ({fields}));
const infer = (values: string[][], options = {}) => inferFormats(rows(values), mapping, {file: "t.csv", ...options});
const row = (date: string, amount = "10.00", due = "", paid = "") => ["A", "C", date, due, amount, paid];

describe("dates: the layout that reads the most values", () => {
  test("M/D/Y is settled by a later value with a day above 12, not by the first row", () => {
    const inferred = infer([row("1/2/2013"), row("1/5/2013"), row("1/26/2013")]);
    expect(inferred.dateFormat.invoice_date).toBe("MM/DD/YYYY");
    expect(inferred.columns.find((c) => c.column === "invoice_date")!.decision).toEqual({by: "values", read: 3, of: 3, decisive: {count: 1, example: "1/26/2013", rival: "DD/MM/YYYY"}});
  });

  test.each([
    ["26/01/2013", "DD/MM/YYYY"],
    ["26.01.2013", "DD.MM.YYYY"],
    ["26-01-2013", "DD-MM-YYYY"],
    ["01-26-2013", "MM-DD-YYYY"],
    ["2013/01/26", "YYYY/MM/DD"],
    ["2013-01-26T00:00:00", "YYYY-MM-DD"],
    ["20130126", "YYYYMMDD"],
    ["26-Jan-13", "D MMM YYYY"],
    ["Jan 26, 2013", "D MMM YYYY"],
    ["26 January 2013", "D MMM YYYY"],
    ["41300", "Excel serial"]
  ])("%s → %s", (text, format) => {
    expect(infer([row(text)]).dateFormat.invoice_date).toBe(format);
  });

  test("a few unreadable values do not change the layout most values read", () => {
    const values = [...Array.from({length: 40}, (_, i) => row(`${1 + (i % 12)}/${13 + (i % 15)}/2024`)), row("13/01/2024"), row("N/A")];
    const inferred = infer(values);
    expect(inferred.dateFormat.invoice_date).toBe("MM/DD/YYYY");
    expect(inferred.columns.find((c) => c.column === "invoice_date")!.readable).toBe(40);
  });

  test("two-digit years are read with the stated pivot", () => {
    const inferred = infer([row("1/26/13"), row("12/31/87")]);
    expect(inferred.twoDigitYears).toBe(true);
    expect(inferred.columns.find((c) => c.column === "invoice_date")!.twoDigitYearPivot).toBe(50);
  });

  test("an undecided column borrows the decision of a sibling whose values decide it", () => {
    const inferred = infer([row("01/02/2024", "10", "13/02/2024"), row("03/04/2024", "10", "25/04/2024")]);
    expect(inferred.dateFormat.invoice_date).toBe("DD/MM/YYYY");
    expect(inferred.columns.find((c) => c.column === "invoice_date")!.decision).toEqual({by: "like column", read: 2, of: 2, alike: "MM/DD/YYYY", header: "Due Date"});
  });

  test("a column no value decides stops with two values and the setting, as variable and mapping key", () => {
    const error = inputError(() => infer([row("01/02/2024"), row("03/04/2024")]));
    expect(error.message).toBe(
      't.csv, column "Invoice Date": cannot tell which date layout the column uses: "01/02/2024" and "03/04/2024" read as MM/DD/YYYY or as DD/MM/YYYY, and no value in the file decides it. ' +
        'Set it with AR_DATE_FORMAT=MM/DD/YYYY (or DD/MM/YYYY) before the command, or "dateFormat": "MM/DD/YYYY" in the mapping file (AR_MAPPING)'
    );
    expect(infer([row("01/02/2024"), row("03/04/2024")], {dateFormat: "DD/MM/YYYY"}).dateFormat.invoice_date).toBe("DD/MM/YYYY");
  });

  test("dates that read the same either way are no tie", () => {
    expect(infer([row("01/01/2024"), row("12/12/2024")]).dateFormat.invoice_date).toBe("MM/DD/YYYY");
  });
});

describe("numbers: the decimal separator the values agree on", () => {
  test.each([
    [["1,234.56", "12.50"], "."],
    [["1.234,56", "55,94"], ","],
    [["1 234,56", "9,90"], ","],
    [["1'234.56"], "."],
    [["(1,234.56)", "1,234.56-", "$7.25"], "."],
    [["1.234,56-", "€ 3,10"], ","],
    [["12", "-5"], "."]
  ])("%j → %s", (amounts, decimal) => {
    expect(infer(amounts.map((a) => row("2024-01-01", a))).decimal.amount).toBe(decimal);
  });

  test("only thousands-or-decimals values stop, with the setting", () => {
    const error = inputError(() => infer([row("2024-01-01", "1.234"), row("2024-01-01", "2.500")]));
    expect(error.reason).toMatch(/^cannot tell the decimal separator: "1\.234" and "2\.500" .* AR_DECIMAL_SEPARATOR=\. \(or ,\) .* "decimalSeparator": "\."/);
  });

  test("currency marks are reported", () => {
    expect(infer([row("2024-01-01", "$1,234.56"), row("2024-01-01", "1234.50 USD")]).columns.find((c) => c.column === "amount")!.currencies).toEqual(["USD"]);
  });
});

describe("the first rows decide; every value checks", () => {
  test("inference stops after maxRows when those rows decide every column", () => {
    const values = Array.from({length: 50}, (_, i) => row(`${13 + (i % 15)}/01/2024`));
    const prefix = infer(values, {maxRows: 10});
    expect([prefix.rowsRead, prefix.complete, prefix.dateFormat.invoice_date]).toEqual([10, false, "DD/MM/YYYY"]);
    // An undecided prefix reads on.
    const undecided = infer([row("01/02/2024"), ...values], {maxRows: 1});
    expect(undecided.complete).toBe(true);
  });

  test("cleaning counts every value and stops with the formats all values choose when they differ", () => {
    const lines = ["Invoice,Customer,Invoice Date,Due Date,Amount", "A0,C1,1/13/2024,2/12/2024,10.00"];
    for (let i = 1; i < 40; ++i) lines.push(`A${i},C1,${13 + (i % 15)}/01/2024,${13 + (i % 15)}/02/2024,10.00`);
    const table = readCsv(lines.join("\n"), {file: "t.csv"});
    const csvMapping = mapColumns(table.header, {file: "t.csv"});
    const prefix = inferFormats(table.records(), csvMapping, {file: "t.csv", maxRows: 1});
    expect(prefix.dateFormat.invoice_date).toBe("MM/DD/YYYY");
    let revised: FormatsRevised | undefined;
    try {
      cleanLedger(mappedRows(table.records(), csvMapping), {file: "t.csv", mapping: csvMapping, formats: prefix, verifyFormats: {file: "t.csv"}});
    } catch (error) {
      revised = error as FormatsRevised;
    }
    expect(revised).toBeInstanceOf(FormatsRevised);
    expect(revised!.formats.dateFormat.invoice_date).toBe("DD/MM/YYYY");
    const again = cleanLedger(mappedRows(table.records(), csvMapping), {file: "t.csv", mapping: csvMapping, formats: revised!.formats});
    expect(again.report.rowsKept).toBe(39);
  });
});

describe("ids: whole numbers written with a decimal zero", () => {
  const ids = (invoices: string[], customers: string[] = invoices.map(() => "C1")) => infer(invoices.map((id, i) => [id, customers[i], "2024-01-02", "", "10.00", ""]));

  test("a column whose every numeric value ends in .0 is read without it; a label among them does not count", () => {
    const inferred = ids(["1929000000.0", "1929000001.0", "TOTAL"], ["200037.0", "200037.0", ""]);
    expect(inferred.ids).toEqual({invoice_id: "decimal zero", customer_id: "decimal zero"});
    expect(inferred.columns.find((c) => c.column === "invoice_id")).toMatchObject({kind: "id", format: "decimal zero", decision: {by: "decimal zeros", numeric: 2}, sample: {text: "1929000000.0", reads: "1929000000"}});
  });

  test("ids as written when one numeric value has real decimals, when none is numeric, or when they are plain", () => {
    expect(ids(["1929000000.0", "1929000001.5"]).ids.invoice_id).toBe("as written");
    expect(ids(["INV-1.0", "INV-2.0"]).ids.invoice_id).toBe("as written");
    expect(ids(["1929000000", "1929000001"]).ids.invoice_id).toBe("as written");
    expect(ids(["1929000000", "1929000001"]).columns.some((c) => c.kind === "id")).toBe(false);
  });

  test("cleaning reads them without the decimal zero and counts the fix on the rows it kept", () => {
    const text = ["Invoice,Customer,Invoice Date,Due Date,Amount,Paid Date", "1929000000.0,200037.0,2024-01-02,2024-02-01,10.00,", "1929000001.0,200038.0,2024-01-03,2024-02-02,12.00,2024-01-20"].join("\n");
    const table = readCsv(text, {file: "t.csv"});
    const csvMapping = mapColumns(table.header, {file: "t.csv"});
    const formats = inferFormats(table.records(), csvMapping, {file: "t.csv"});
    const {ledger, report} = cleanLedger(mappedRows(table.records(), csvMapping), {file: "t.csv", mapping: csvMapping, formats});
    expect(ledger.invoices.map((i) => [i.invoiceId, i.customerId])).toEqual([["1929000000", "200037"], ["1929000001", "200038"]]);
    expect(report.rules.find((r) => r.id === "id-decimal-zero")).toMatchObject({count: 2, examples: [{line: 2, column: "Invoice", before: "1929000000.0", after: "1929000000"}, {line: 3, column: "Invoice", before: "1929000001.0", after: "1929000001"}]});
  });
});
