import {describe, expect, test} from "vitest";
import {columnScore, headerWords, namesCustomerNumber, ruledOut} from "../../lib/input/headerWords.js";

describe("header words", () => {
  test.each([
    ["name_customer", ["name", "customer"]],
    ["isOpen", ["is", "open"]],
    ["Invoice/Bill Date", ["invoice", "bill", "date"]],
    ["Invoice #", ["invoice", "number"]],
    ["Sold-to party", ["soldto", "party"]],
    ["Kundennummer", ["kunden", "nummer"]],
    ["Nettofälligkeit", ["netto", "falligkeit"]],
    ["totalopenamount", ["total", "open", "amount"]],
    ["document_create_date.1", ["document", "create", "date", "1"]],
    ["SAPDocNo", ["sap", "doc", "no"]],
    ["Número de cliente", ["numero", "de", "cliente"]],
    ["Description", ["description"]]
  ])("%s → %j", (header, words) => {
    expect(headerWords(header)).toEqual(words);
  });

  test("a rule scores by its weight and loses a point per extra word", () => {
    expect(columnScore("invoice_date", headerWords("Document Date"))).toBe(30);
    expect(columnScore("invoice_date", headerWords("document_create_date"))).toBe(29);
    expect(columnScore("invoice_date", headerWords("document_create_date.1"))).toBe(28);
    expect(columnScore("invoice_date", headerWords("Pstng Date"))).toBe(20);
    expect(columnScore("invoice_date", headerWords("Due Date"))).toBe(0);
    expect(columnScore("amount", headerWords("Total Signed"))).toBeGreaterThan(0);
    expect(columnScore("amount", headerWords("Amount Due Signed"))).toBe(0);
    expect(columnScore("remaining_amount", headerWords("Amount Due Signed"))).toBeGreaterThan(0);
  });

  test("qualifiers rule a column out; numbers and names of customers are told apart", () => {
    expect(ruledOut("amount", headerWords("Amount Paid"))).toBe(true);
    expect(ruledOut("amount", headerWords("Amount in local currency"))).toBe(false);
    expect(ruledOut("invoice_id", headerWords("Invoice Currency"))).toBe(true);
    expect(["Kundennummer", "Kundennr.", "Debitor", "Customer No.", "numéro client", "Account"].map(namesCustomerNumber)).toEqual([true, true, true, true, true, true]);
    expect(["Kunde", "Customer", "Kundenname", "Customer Name", "Client"].map(namesCustomerNumber)).toEqual([false, false, false, false, false]);
  });
});
