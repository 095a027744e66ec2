import {readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {csvLines, detectDelimiter, formatCsvField, parseCsv, readCsv, toCsv} from "../../lib/input/csv.js";
import {createRandom} from "../../lib/core/random.js";
import {inputError} from "../helpers/inputError.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/clean/${name}`, import.meta.url), "utf8");


describe("reading", () => {
  test("quoted fields keep delimiters, doubled quotes and line breaks", () => {
    const {header, rows} = parseCsv('a,b,c\n1,"x, y","say ""hi"""\n2,"two\nlines",z\n', {file: "t.csv"});
    expect(header).toEqual(["a", "b", "c"]);
    expect(rows).toEqual([
      ["1", "x, y", 'say "hi"'],
      ["2", "two\nlines", "z"]
    ]);
  });

  test("records carry the physical line where they start, counting line breaks inside quotes", () => {
    const table = readCsv('a,b\n1,"x\r\ny\nz"\n2,w\r\n\r\n3,v', {file: "t.csv"});
    expect([...table.records()].map(({line, row, fields}) => [line, row, fields])).toEqual([
      [2, 1, ["1", "x\r\ny\nz"]],
      [5, 2, ["2", "w"]],
      [7, 3, ["3", "v"]]
    ]);
  });

  test("CRLF, a BOM and a trailing empty line make no difference", () => {
    const plain = parseCsv("id,amount\nA,1\nB,2", {file: "t.csv"});
    expect(parseCsv("\ufeffid,amount\r\nA,1\r\nB,2\r\n", {file: "t.csv"})).toEqual(plain);
    expect(parseCsv("id,amount\nA,1\nB,2\n\n", {file: "t.csv"})).toEqual(plain);
    expect(plain.rows).toEqual([["A", "1"], ["B", "2"]]);
  });

  test("empty fields, a trailing delimiter and a header-only file", () => {
    expect(parseCsv("a,b,c\n,,\n1,,\n", {file: "t.csv"}).rows).toEqual([["", "", ""], ["1", "", ""]]);
    // A trailing delimiter (and a spreadsheet's padding) adds no column.
    expect(parseCsv("a,b,\n1,2,\n", {file: "t.csv"})).toEqual({header: ["a", "b"], delimiter: ",", rows: [["1", "2"]]});
    expect(parseCsv("a,b\n", {file: "t.csv"}).rows).toEqual([]);
  });

  test("records() can be iterated again from the start", () => {
    const table = readCsv("a\n1\n2\n", {file: "t.csv"});
    expect([...table.records()].length).toBe(2);
    expect([...table.records()].map((r) => r.fields[0])).toEqual(["1", "2"]);
  });

  test("a semicolon export with a BOM, CRLF and a quoted line break", () => {
    const table = readCsv(fixture("export-semicolon.csv"), {file: "export.csv"});
    expect(table.delimiter).toBe(";");
    expect(table.header[0]).toBe("Invoice No");
    const records = [...table.records()];
    expect(records.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(records[0].fields[8]).toBe("Called twice;\r\nwill pay");
    expect(records[2].fields[2]).toBe("Smith; Sons");
  });
});

describe("delimiter detection", () => {
  test("finds comma, semicolon, tab and pipe", () => {
    for (const delimiter of [",", ";", "\t", "|"] as const) {
      const text = ["id", "name", "amount"].join(delimiter) + "\n" + ["1", "A", "10"].join(delimiter) + "\n" + ["2", "B", "20"].join(delimiter) + "\n";
      expect(detectDelimiter(text, {file: "t.csv"})).toBe(delimiter);
    }
  });

  test("is not fooled by other delimiters inside quotes or values", () => {
    expect(detectDelimiter('id;name;amount\n1;"A, Inc.";1,5\n2;"B, Ltd";2,5\n', {file: "t.csv"})).toBe(";");
    expect(detectDelimiter("id,note\n1,a;b;c\n2,d;e;f\n", {file: "t.csv"})).toBe(",");
  });

  test("a one-column file is read with a comma", () => {
    expect(parseCsv("id\n1\n2\n", {file: "t.csv"})).toEqual({header: ["id"], delimiter: ",", rows: [["1"], ["2"]]});
  });

  test("an explicit delimiter skips detection", () => {
    expect(parseCsv("a,b|c\n1,2|3\n", {file: "t.csv", delimiter: "|"}).rows).toEqual([["1,2", "3"]]);
  });
});

describe("bad input", () => {
  test("empty file", () => {
    for (const text of ["", "\ufeff", "\n\r\n  \n"]) {
      const error = inputError(() => readCsv(text, {file: "invoices.csv"}));
      expect(error.message).toBe("invoices.csv: the file is empty");
      expect(error.line).toBeUndefined();
    }
  });

  test("binary file: NUL bytes, or mostly undecodable bytes", () => {
    expect(inputError(() => readCsv("PK\u0003\u0004\u0000\u0000 xl/workbook.xml", {file: "book.xlsx"})).message).toMatch(/^book\.xlsx: looks like a binary file/);
    const garbage = "id,amount\n" + "\ufffd\ufffd\u0001\ufffd".repeat(100);
    expect(inputError(() => readCsv(garbage, {file: "x.csv"})).reason).toMatch(/binary/);
  });

  test("unknown delimiter: a one-field header over delimited data", () => {
    const error = inputError(() => readCsv("invoice id amount\n1;C1;10\n2;C2;20\n", {file: "invoices.csv"}));
    expect(error.message).toBe(
      "invoices.csv, line 1: has an unknown delimiter: the header is a single field with no comma, semicolon, tab or pipe, but the data lines have 3 fields separated by semicolons"
    );
  });

  test("unknown delimiter: no candidate splits most lines alike", () => {
    const error = inputError(() => readCsv("a;b;c\n1,2\n4|5|6|7\n7\t8\t9\t0\t1\n", {file: "invoices.csv"}));
    expect(error.reason).toMatch(/^has an unknown delimiter: no comma, semicolon, tab or pipe splits/);
    expect(error.file).toBe("invoices.csv");
  });

  test("duplicate header names", () => {
    const error = inputError(() => readCsv("id,Amount,name,Amount\n1,2,3,4\n", {file: "invoices.csv"}));
    expect(error.message).toBe('invoices.csv, line 1, column "Amount": appears twice in the header (columns 2 and 4)');
    expect(error.column).toBe("Amount");
  });

  test("a short row is padded, as spreadsheets read it; a row with more values than the header names its line and row", () => {
    expect(parseCsv("a,b,c\n1,2\n", {file: "t.csv"}).rows).toEqual([["1", "2", ""]]);
    const text = 'a,b,c\n1,2,3\n4,"five\nlines",6\n7,8,9,10\n';
    const table = readCsv(text, {file: "invoices.csv"});
    const error = inputError(() => [...table.records()]);
    expect(error.message).toBe("invoices.csv, line 5 (row 3): has 4 values but the header has 3 columns (delimiter: comma; a value containing a comma must be in quotes)");
    expect([error.line, error.row]).toEqual([5, 3]);
  });

  test("title lines above the header are skipped when a later row looks like the header", () => {
    const text = "Acme Corp,,,\nAged receivables,,,\n,,,\nInvoice No,Customer,Invoice Date,Amount\nA1,C1,2024-01-01,10\n";
    const score = (fields: readonly string[]) => fields.filter((f) => ["Invoice No", "Customer", "Invoice Date", "Amount"].includes(f)).length;
    const table = readCsv(text, {file: "t.csv", headerScore: score});
    expect([table.header, table.headerLine, table.titleLines]).toEqual([["Invoice No", "Customer", "Invoice Date", "Amount"], 4, ["Acme Corp", "Aged receivables", ""]]);
    expect([...table.records()].map((r) => [r.line, r.fields])).toEqual([[5, ["A1", "C1", "2024-01-01", "10"]]]);
  });

  test("a semicolon file with decimal commas is not read as comma-separated", () => {
    expect(detectDelimiter("Beleg;Kunde;Betrag;Offen\n1;K1;10,50;2,25\n2;K2;3,10;0,00\n3;K3;7,00;1,00\n", {file: "t.csv"})).toBe(";");
  });

  test("an unterminated quote names the line where the field opens and its column", () => {
    const table = readCsv('id,name,amount\n1,Acme,10\n2,"Beta,20\n3,Gamma,30\n', {file: "invoices.csv"});
    const error = inputError(() => [...table.records()]);
    expect(error.message).toBe('invoices.csv, line 3 (row 2), column "name": has a quoted field that is never closed (a closing " is missing)');
  });

  test("an unterminated quote in the header", () => {
    expect(inputError(() => readCsv('id,"name\n', {file: "invoices.csv"})).message).toMatch(/^invoices\.csv, line 1: has a quoted field that is never closed/);
  });
});

describe("writing", () => {
  test("quotes only fields that need it", () => {
    expect(toCsv(["id", "name", "amount"], [["A1", "Smith, Jones", 12.5], ["A2", 'say "hi"', null], ["A3", "two\nlines", undefined]])).toBe(
      'id,name,amount\nA1,"Smith, Jones",12.5\nA2,"say ""hi""",\nA3,"two\nlines",\n'
    );
    expect(formatCsvField("a;b", ";")).toBe('"a;b"');
    expect(formatCsvField("a;b", ",")).toBe("a;b");
    expect(formatCsvField(NaN)).toBe("");
    expect(formatCsvField(true)).toBe("true");
  });

  test("object rows are written in column order", () => {
    expect(toCsv(["b", "a"], [{a: 1, b: 2, c: 3}], {newline: "\r\n"})).toBe("b,a\r\n2,1\r\n");
    expect([...csvLines(["x"], [["1"], ["2"]])]).toEqual(["x\n", "1\n", "2\n"]);
  });

  test("an empty value in a one-column file survives a round trip", () => {
    const text = toCsv(["note"], [[""], ["x"], [""]]);
    expect(parseCsv(text, {file: "t.csv"}).rows).toEqual([[""], ["x"], [""]]);
  });

  test("random awkward text round-trips exactly", () => {
    const random = createRandom("csv round trip");
    const alphabet = ['a', 'Z', '1', ' ', ',', ';', '"', "\n", "\r", "\r\n", "\t", "|", "é", "<", "'"];
    const columns = ["first", "second", "third"];
    const rows = Array.from({length: 300}, () =>
      columns.map(() => Array.from({length: random.int(6)}, () => random.pick(alphabet)).join(""))
    );
    for (const delimiter of [",", ";", "\t", "|"] as const) {
      const text = toCsv(columns, rows, {delimiter});
      expect(toCsv(columns, rows, {delimiter})).toBe(text);
      const parsed = parseCsv(text, {file: "t.csv", delimiter});
      expect(parsed.header).toEqual(columns);
      expect(parsed.rows).toEqual(rows);
    }
  });
});
