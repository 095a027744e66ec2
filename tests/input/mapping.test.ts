import {describe, expect, test} from "vitest";
import {readCsv} from "../../lib/input/csv.js";
import {rawColumns} from "../../lib/input/ledger.js";
import {canonicalMapping, defaultAliases, mapColumns, mappedRows, normalizeHeader, numberedRows} from "../../lib/input/mapping.js";
import type {RawColumn, RawRow} from "../../lib/input/ledger.js";
import {inputError} from "../helpers/inputError.js";


const fillers: RawColumn[] = ["invoice_id", "customer_id", "invoice_date", "amount", "paid_date", "due_date"];

/** Maps `header` among canonical headers for the other required columns; the column it landed on. */
function columnFor(header: string, expected: RawColumn): RawColumn | undefined {
  const mapping = mapColumns([header, ...fillers.filter((column) => column !== expected)], {file: "t.csv"});
  return rawColumns.find((column) => mapping.headers[column] === header);
}

describe("header aliases", () => {
  test("normalisation ignores case, spaces, underscores and punctuation", () => {
    expect(normalizeHeader("Invoice #")).toBe("invoicenumber");
    expect(normalizeHeader(" Due_Date ")).toBe("duedate");
    expect(normalizeHeader("Net-Due Date.")).toBe("netduedate");
    expect(normalizeHeader("Société")).toBe("societe");
  });

  test.each([
    ["Invoice Number", "invoice_id"],
    ["Invoice No", "invoice_id"],
    ["Invoice #", "invoice_id"],
    ["Doc No", "invoice_id"],
    ["InvoiceID", "invoice_id"],
    ["invoice_id", "invoice_id"],
    ["Customer", "customer_id"],
    ["Customer ID", "customer_id"],
    ["Account", "customer_id"],
    ["Account Number", "customer_id"],
    ["Customer Name", "customer_name"],
    ["Account Name", "customer_name"],
    ["Invoice Date", "invoice_date"],
    ["Document Date", "invoice_date"],
    ["Posting Date", "invoice_date"],
    ["Due Date", "due_date"],
    ["Net Due Date", "due_date"],
    ["Amount", "amount"],
    ["Invoice Amount", "amount"],
    ["Total", "amount"],
    ["Gross Amount", "amount"],
    ["Paid Date", "paid_date"],
    ["Payment Date", "paid_date"],
    ["Clearing Date", "paid_date"],
    ["Date Paid", "paid_date"],
    ["Payment Terms", "payment_terms"],
    ["Amount Paid", "paid_amount"],
    ["Currency Code", "currency"],
    ["Credit Score", "credit_score"],
    ["Credit Limit", "credit_limit"],
    ["Customer Since", "customer_since"],
    ["Last Payment Date", "last_payment_date"],
    ["Instalments", "installments"],
    ["In Dispute", "disputed"],
    ["Dunning Level", "reminders_sent"],
    ["Last Dunning Date", "last_reminder_date"],
    ["Extension Requested", "extension_requested"],
    ["Write-off Date", "write_off_date"],
    ["Sales Region", "region"],
    ["Sector", "industry"]
  ])("%s → %s", (header, column) => {
    expect(columnFor(header, column as RawColumn)).toBe(column);
  });

  test("every canonical name maps to itself, and aliases never overlap", () => {
    expect(mapColumns([...rawColumns], {file: "t.csv"}).headers).toEqual(canonicalMapping("t.csv").headers);
    const owners = new Map<string, string>();
    for (const [column, aliases] of Object.entries(defaultAliases)) {
      for (const alias of [normalizeHeader(column), ...aliases]) {
        // The one shared alias: "Due" is the due date, or the amount due beside a "Due Date".
        if (alias === "due") continue;
        expect(owners.get(alias) ?? column).toBe(column);
        owners.set(alias, column);
      }
    }
  });

  test("unmapped columns are listed, unnamed ones by position", () => {
    const mapping = mapColumns(["Invoice No", "Sales Rep", "Customer", "Invoice Date", "Amount", "Paid Date", "Due Date", ""], {file: "t.csv"});
    expect(mapping.unmappedColumns).toEqual(["Sales Rep", "(column 8)"]);
    expect(mapping.columns).toEqual(["invoice_id", "customer_id", "invoice_date", "due_date", "amount", "paid_date"]);
    expect(mapping.index.amount).toBe(4);
  });
});

describe("explicit mapping", () => {
  const header = ["Ref", "Client Code", "Issued", "Value", "Settled", "Due"];

  test("overrides defaults and claims headers first", () => {
    const mapping = mapColumns(header, {file: "t.csv", columns: {invoice_id: "Ref", customer_id: "Client Code", invoice_date: "Issued", amount: "Value", paid_date: "Settled"}});
    expect(mapping.headers).toEqual({invoice_id: "Ref", customer_id: "Client Code", invoice_date: "Issued", due_date: "Due", amount: "Value", paid_date: "Settled"});
    expect(mapping.unmappedColumns).toEqual([]);
  });

  test("of two headers that look like one column the better-ranked wins; equal ones need the mapping; matches loosely", () => {
    const both = ["Invoice", "Customer", "Invoice Date", "Amount", "Total", "Paid Date", "Terms"];
    const ranked = mapColumns(both, {file: "ar.csv"});
    expect([ranked.headers.amount, ranked.passedOver.amount]).toEqual(["Amount", ["Total"]]);
    const equal = ["Invoice", "Customer", "Invoice Date", "Amount", "amount", "Paid Date", "Terms"];
    expect(inputError(() => mapColumns(equal, {file: "ar.csv"})).message).toBe('ar.csv: the headers "Amount" and "amount" both look like the amount column; say which one to use with the column mapping, e.g. {amount: "Amount"}');
    const mapping = mapColumns(both, {file: "ar.csv", columns: {amount: "total"}});
    expect(mapping.headers.amount).toBe("Total");
    expect(mapping.unmappedColumns).toEqual(["Amount"]);
  });

  test("a header that is not in the file, or a column that does not exist, is an error", () => {
    expect(inputError(() => mapColumns(header, {file: "t.csv", columns: {amount: "Net Value"}})).message).toBe(
      't.csv: the column mapping sets amount to "Net Value", but there is no such header (headers found: "Ref", "Client Code", "Issued", "Value", "Settled", "Due")'
    );
    const unknown = {colour: "Ref"} as unknown as Partial<Record<RawColumn, string>>;
    expect(inputError(() => mapColumns(header, {file: "t.csv", columns: unknown})).reason).toMatch(/^the column mapping names "colour", which is not a ledger column/);
    expect(inputError(() => mapColumns(header, {file: "t.csv", columns: {invoice_id: "Ref", customer_id: "Ref"}})).message).toBe(
      't.csv, column "Ref": is mapped to both invoice_id and customer_id by the column mapping'
    );
  });
});

describe("required columns", () => {
  test("a missing required column names the file, the column and the headers found", () => {
    const error = inputError(() => mapColumns(["Invoice No", "Customer", "Amount", "Paid Date", "Due Date"], {file: "ar.csv"}));
    expect(error.message).toBe(
      'ar.csv: has no invoice_date column; headers found: "Invoice No", "Customer", "Amount", "Paid Date", "Due Date". Name the matching header in the column mapping, e.g. {"columns": {"invoice_date": "Your Header"}}'
    );
  });

  test("due date may be replaced by payment terms, but not left out altogether", () => {
    expect(mapColumns(["Invoice", "Customer", "Invoice Date", "Amount", "Paid Date", "Net Terms"], {file: "t.csv"}).columns).toContain("payment_terms");
    const error = inputError(() => mapColumns(["Invoice", "Customer", "Invoice Date", "Amount", "Paid Date"], {file: "t.csv"}));
    expect(error.reason).toMatch(/^has no due_date column \(due_date can be left out when there is a payment_terms column\); headers found: "Invoice", /);
  });

  test("several missing columns are named together", () => {
    expect(inputError(() => mapColumns(["Invoice", "Notes"], {file: "t.csv"})).reason).toMatch(/^has no columns for customer_id, invoice_date, amount, due_date/);
  });

  test("beside a customer id column, a header passed over for the id is the customer name", () => {
    const mapping = mapColumns(["Invoice #", "Customer ID", "Customer", "Invoice Date", "Due Date", "Amount"], {file: "us.csv"});
    expect([mapping.headers.customer_id, mapping.headers.customer_name, mapping.passedOver.customer_id]).toEqual(["Customer ID", "Customer", undefined]);
  });

  test("a file without a paid date is an open-items snapshot; names stand in for missing customer ids", () => {
    const xero = mapColumns(["Date", "Invoice Number", "Contact", "Due Date", "Total", "Paid", "Credited", "Due", "Currency"], {file: "aged.csv"});
    expect(xero.headers).toMatchObject({invoice_id: "Invoice Number", customer_name: "Contact", customer_id: "Contact", invoice_date: "Date", due_date: "Due Date", amount: "Total", paid_amount: "Paid", remaining_amount: "Due"});
    expect([xero.customerIdFromName, xero.index.paid_date]).toEqual([true, undefined]);
  });
});

describe("headers recognised by their words", () => {
  test("a pandas export of an ERP table (snake_case, an open amount as the only amount) maps without a mapping", () => {
    const highRadius = ["business_code", "cust_number", "name_customer", "clear_date", "buisness_year", "doc_id", "posting_date", "document_create_date", "document_create_date.1", "due_in_date", "invoice_currency", "document type", "posting_id", "area_business", "total_open_amount", "baseline_create_date", "cust_payment_terms", "invoice_id", "isOpen"];
    const mapping = mapColumns(highRadius, {file: "hr.csv"});
    expect(mapping.headers).toEqual({
      invoice_id: "invoice_id", customer_id: "cust_number", customer_name: "name_customer", payment_terms: "cust_payment_terms", invoice_date: "posting_date",
      due_date: "due_in_date", amount: "total_open_amount", currency: "invoice_currency", paid_date: "clear_date", document_type: "document type", open_item: "isOpen"
    });
    expect(mapping.amountFromOpenAmount).toBe(true);
    expect(mapping.byWords).toEqual(["customer_name", "payment_terms", "due_date", "amount", "paid_date"]);
  });

  test("Odoo's invoice export: a partner as the customer, a qualified amount, the payment status as the open flag", () => {
    const mapping = mapColumns(["Number", "Partner", "Invoice/Bill Date", "Due Date", "Total Signed", "Amount Due Signed", "Status", "Payment Status"], {file: "odoo.csv"});
    expect(mapping.headers).toEqual({invoice_id: "Number", customer_id: "Partner", customer_name: "Partner", invoice_date: "Invoice/Bill Date", due_date: "Due Date", amount: "Total Signed", open_item: "Payment Status", remaining_amount: "Amount Due Signed"});
    expect([mapping.customerIdFromName, mapping.unmappedColumns]).toEqual([true, ["Status"]]);
  });

  test.each([
    [["Kunde", "Kundennummer"], "Kundennummer", "Kunde"],
    [["Kundennummer", "Kunde"], "Kundennummer", "Kunde"],
    [["Client", "Numéro client"], "Numéro client", "Client"],
    [["Cliente", "Número de cliente"], "Número de cliente", "Cliente"],
    [["Kundenname", "Debitor"], "Debitor", "Kundenname"],
    [["Customer", "Customer Name"], "Customer", "Customer Name"]
  ])("of the customer headers %j the id is %s", (customers, id, name) => {
    const mapping = mapColumns(["Rechnungsnummer", ...customers, "Rechnungsdatum", "Fälligkeitsdatum", "Betrag"], {file: "de.csv"});
    expect([mapping.headers.customer_id, mapping.headers.customer_name]).toEqual([id, name]);
  });

  test("a German open-items list (Belegnr., Fällig am, Ausgeglichen am) maps without a mapping", () => {
    const mapping = mapColumns(["Belegnr.", "Kunde", "Kundenname", "Belegdatum", "Fällig am", "Betrag EUR", "Ausgeglichen am", "Belegart"], {file: "op.csv"});
    expect([mapping.headers.due_date, mapping.headers.paid_date, mapping.headers.amount, mapping.headers.document_type]).toEqual(["Fällig am", "Ausgeglichen am", "Betrag EUR", "Belegart"]);
  });

  test("words never override a known name, and qualifiers keep a prefix from claiming a column", () => {
    // "Posting Date" is a known invoice-date name: the better-worded "Document Create Date" does not displace it.
    const mapping = mapColumns(["Invoice", "Customer", "Posting Date", "Document Create Date", "Due Date", "Amount Due Signed", "Gross Value"], {file: "t.csv"});
    expect([mapping.headers.invoice_date, mapping.headers.amount, mapping.headers.remaining_amount]).toEqual(["Posting Date", "Gross Value", "Amount Due Signed"]);
    expect(mapping.byWords).toEqual(["amount"]);
  });

  test("currency headers as SAP and other ERPs write them", () => {
    for (const header of ["LCurr", "Crcy", "Curr.", "Currency key", "Local currency", "Doc. currency", "Waers", "Währung", "invoice_currency", "Trans. Currency"]) {
      expect(columnFor(header, "currency"), header).toBe("currency");
    }
  });

  test("two headers worded alike for one column are refused with the names' message", () => {
    const error = inputError(() => mapColumns(["Invoice", "Customer", "Invoice Date", "Due Date", "Value", "Clear Date", "Settle Date"], {file: "t.csv"}));
    expect(error.message).toBe('t.csv: the headers "Clear Date" and "Settle Date" both look like the paid_date column; say which one to use with the column mapping, e.g. {paid_date: "Clear Date"}');
  });

  test("plans and counts are not events: expected payment dates, days to pay and tax amounts stay unmapped", () => {
    const mapping = mapColumns(["Invoice", "Customer", "Invoice Date", "Due Date", "Tax Amount", "Net Amount", "Expected Payment Date", "Days to Pay"], {file: "t.csv"});
    expect([mapping.headers.amount, mapping.headers.paid_date]).toEqual(["Net Amount", undefined]);
    expect(mapping.unmappedColumns).toEqual(["Tax Amount", "Expected Payment Date", "Days to Pay"]);
  });
});

describe("rows", () => {
  test("mapped rows carry canonical values, blanks for absent columns, and line numbers", () => {
    const table = readCsv("Ref;Cust;Date;Amt;Paid;Terms;Extra\nA;C1;2024-01-01;10;;30;x\nB;C2;2024-01-02;20;2024-02-01;45;y\n", {file: "t.csv"});
    const mapping = mapColumns(table.header, {file: "t.csv", columns: {invoice_id: "Ref", customer_id: "Cust", invoice_date: "Date", amount: "Amt", paid_date: "Paid"}});
    const rows = [...mappedRows(table.records(), mapping)];
    expect(rows.map((r) => [r.line, r.row])).toEqual([[2, 1], [3, 2]]);
    expect(rows[1].values).toMatchObject({invoice_id: "B", customer_id: "C2", invoice_date: "2024-01-02", amount: "20", paid_date: "2024-02-01", payment_terms: "45", due_date: "", region: ""});
    expect(Object.keys(rows[0].values)).toEqual([...rawColumns]);
    expect(mapping.unmappedColumns).toEqual(["Extra"]);
  });

  test("generator rows are numbered as if written under a header", () => {
    const blank = Object.fromEntries(rawColumns.map((c) => [c, ""])) as RawRow;
    expect([...numberedRows([blank, blank])].map((r) => [r.line, r.row])).toEqual([[2, 1], [3, 2]]);
  });
});
