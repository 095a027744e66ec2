// The ledger as it stood on an earlier day, worked by hand on a small history (lib/clean/replay.ts).
import {setFlagsFromString} from "node:v8";
import {describe, expect, test} from "vitest";
import {cleanLedger} from "../../lib/clean/index.js";
import {cashAfter, invoiceAsOf, ledgerAsOf, openAmountAsOf} from "../../lib/clean/replay.js";
import {parseIsoDay} from "../../lib/core/dates.js";
import {rawColumns} from "../../lib/input/ledger.js";
import type {Invoice, Payment, RawRow} from "../../lib/input/ledger.js";
import {numberedRows} from "../../lib/input/mapping.js";

const day = (iso: string) => parseIsoDay(iso)!;

function row(overrides: Partial<RawRow>): RawRow {
  const r = Object.fromEntries(rawColumns.map((c) => [c, ""])) as RawRow;
  return Object.assign(r, {customer_id: "C1", payment_terms: "30", currency: "USD", disputed: "0", extension_requested: "0"}, overrides);
}

// The history as recorded on 30 June. The day replayed is 31 March.
const rows = [
  // Paid 20 Feb: settled before 31 March, nothing after it.
  row({invoice_id: "PAID-EARLY", invoice_date: "2024-01-10", due_date: "2024-02-09", amount: "100.00", paid_date: "2024-02-20", paid_amount: "100.00", last_payment_date: "2024-02-20", installments: "1", disputed: "1"}),
  // Paid in full on 15 April, after the day: open on 31 March for the whole amount.
  row({invoice_id: "PAID-LATER", invoice_date: "2024-02-01", due_date: "2024-03-02", amount: "500.00", paid_date: "2024-04-15", paid_amount: "500.00", last_payment_date: "2024-04-15", installments: "1", disputed: "1", extension_requested: "1"}),
  // Two instalments, 10 March (200) and 20 May (300): totals only say 500 paid, last on 20 May.
  row({invoice_id: "PARTS-UNLISTED", invoice_date: "2024-02-05", due_date: "2024-03-06", amount: "500.00", paid_date: "2024-05-20", paid_amount: "500.00", last_payment_date: "2024-05-20", installments: "2"}),
  // The same instalments, listed one by one in a payments file.
  row({invoice_id: "PARTS-LISTED", invoice_date: "2024-02-05", due_date: "2024-03-06", amount: "500.00", paid_date: "2024-05-20", paid_amount: "500.00", last_payment_date: "2024-05-20", installments: "2"}),
  // Part paid 1 March (150), still open at the end of the data, reminded on 25 March and 5 May.
  row({invoice_id: "OPEN-PART", invoice_date: "2024-01-20", due_date: "2024-02-19", amount: "400.00", paid_amount: "150.00", last_payment_date: "2024-03-01", installments: "1", reminders_sent: "2", last_reminder_date: "2024-05-05"}),
  // Reminded twice, last on 20 March; written off on 30 April.
  row({invoice_id: "WRITTEN-OFF", invoice_date: "2023-12-01", due_date: "2023-12-31", amount: "300.00", reminders_sent: "2", last_reminder_date: "2024-03-20", write_off_date: "2024-04-30"}),
  // Reminded once, date unknown; paid 30 March.
  row({invoice_id: "UNDATED-REMINDER", invoice_date: "2024-02-20", due_date: "2024-03-21", amount: "80.00", paid_date: "2024-03-30", paid_amount: "80.00", last_payment_date: "2024-03-30", installments: "1", reminders_sent: "1"}),
  // Issued after the day: did not exist on 31 March. Its customer appears nowhere else.
  row({invoice_id: "ISSUED-LATER", customer_id: "C2", customer_name: "Later Ltd", invoice_date: "2024-04-02", due_date: "2024-05-02", amount: "700.00", paid_date: "2024-05-01", paid_amount: "700.00", last_payment_date: "2024-05-01", installments: "1"})
];
const payments = new Map<string, Payment[]>([
  ["PARTS-LISTED", [{invoiceId: "PARTS-LISTED", day: day("2024-03-10"), amount: 200}, {invoiceId: "PARTS-LISTED", day: day("2024-05-20"), amount: 300}]]
]);
const {history} = cleanLedger(numberedRows(rows), {file: "h.csv", endOfData: day("2024-06-30"), payments, reminderWindowDays: 7});
const march = ledgerAsOf(history, day("2024-03-31"), {reminderWindowDays: 7});
const at = (ledger: {invoices: Invoice[]}, id: string) => ledger.invoices.find((i) => i.invoiceId === id)!;

describe("ledgerAsOf", () => {
  test("the history runs to its last day of data; the cut is dated on the day replayed", () => {
    expect(history.asOf).toBe(day("2024-06-30"));
    expect(march.asOf).toBe(day("2024-03-31"));
    expect(ledgerAsOf(history, history.asOf)).toBe(history);
    expect(() => ledgerAsOf(history, day("2024-07-01"))).toThrow(RangeError);
  });

  test("an invoice issued later does not exist, nor does a customer known only from it", () => {
    expect(march.invoices.map((i) => i.invoiceId)).toEqual(rows.slice(0, 7).map((r) => r.invoice_id));
    expect(march.customers.map((c) => c.customerId)).toEqual(["C1"]);
    expect(history.customers.map((c) => c.customerId)).toEqual(["C1", "C2"]);
  });

  test("settled before the day with nothing dated after it: the same object", () => {
    expect(at(march, "PAID-EARLY")).toBe(at(history, "PAID-EARLY"));
    expect(at(march, "PAID-EARLY").disputed).toBe(true);
  });

  test("paid after the day: open for the whole amount, overdue by its age then; its undated flags not yet known", () => {
    const v = at(march, "PAID-LATER");
    expect([v.status, v.openAmount, v.paidAmount, v.paidDate, v.daysOverdue, v.agingBucket, v.paidLate]).toEqual(["open", 500, 0, null, 29, "1–30", null]);
    expect([v.disputed, v.extensionRequested]).toEqual([false, false]);
    expect([at(history, "PAID-LATER").disputed, at(history, "PAID-LATER").extensionRequested]).toEqual([true, true]);
  });

  test("instalments from totals: nothing known before the recorded last payment (the conservative reading)", () => {
    const v = at(march, "PARTS-UNLISTED");
    expect([v.status, v.openAmount, v.installments, v.lastPaymentDate, v.partialPayment]).toEqual(["open", 500, 0, null, false]);
  });

  test("instalments from a payments file: the 10 March receipt is known", () => {
    const v = at(march, "PARTS-LISTED");
    expect([v.status, v.openAmount, v.paidAmount, v.installments, v.lastPaymentDate, v.partialPayment]).toEqual(["open", 300, 200, 1, day("2024-03-10"), true]);
    expect(march.payments?.get("PARTS-LISTED")).toEqual([{invoiceId: "PARTS-LISTED", day: day("2024-03-10"), amount: 200}]);
  });

  test("a part payment dated before the day is known from totals; a reminder dated after it hides the count", () => {
    const v = at(march, "OPEN-PART");
    expect([v.openAmount, v.paidAmount, v.installments, v.lastPaymentDate]).toEqual([250, 150, 1, day("2024-03-01")]);
    expect([v.remindersSent, v.lastReminderDate]).toEqual([0, null]);
    // On 10 May both reminders are known.
    const may = ledgerAsOf(history, day("2024-05-10"));
    expect([at(may, "OPEN-PART").remindersSent, at(may, "OPEN-PART").lastReminderDate]).toEqual([2, day("2024-05-05")]);
  });

  test("written off after the day: open then, with the reminders sent by then", () => {
    const v = at(march, "WRITTEN-OFF");
    expect([v.status, v.writeOffDate, v.openAmount, v.remindersSent, v.lastReminderDate, v.daysOverdue]).toEqual(["open", null, 300, 2, day("2024-03-20"), 91]);
    expect(at(history, "WRITTEN-OFF").status).toBe("written_off");
  });

  test("an undated reminder count is known once the invoice is settled", () => {
    expect(at(march, "UNDATED-REMINDER").remindersSent).toBe(1);
    const earlier = ledgerAsOf(history, day("2024-03-25"));
    expect([at(earlier, "UNDATED-REMINDER").status, at(earlier, "UNDATED-REMINDER").remindersSent]).toEqual(["open", 0]);
  });

  test("the cut is what the history recorded up to the day, whatever was recorded after it", () => {
    // Change every fact dated after 31 March: the cut must not move.
    const mutated = cleanLedger(
      numberedRows(rows.map((r) => {
        const later = (iso: string) => (iso && iso > "2024-03-31" ? "2024-06-" + iso.slice(8, 10) : iso);
        return {...r, paid_date: later(r.paid_date), last_payment_date: later(r.last_payment_date), write_off_date: later(r.write_off_date), last_reminder_date: later(r.last_reminder_date),
          reminders_sent: r.last_reminder_date > "2024-03-31" ? "5" : r.reminders_sent, disputed: r.paid_date > "2024-03-31" || !r.paid_date ? "0" : r.disputed, extension_requested: "0",
          amount: r.invoice_date > "2024-03-31" ? "999.00" : r.amount, paid_amount: r.invoice_date > "2024-03-31" ? "999.00" : r.paid_amount};
      })),
      {file: "h.csv", endOfData: day("2024-06-30"), payments: new Map([["PARTS-LISTED", [payments.get("PARTS-LISTED")![0], {invoiceId: "PARTS-LISTED", day: day("2024-06-01"), amount: 300}]]]), reminderWindowDays: 7}
    ).history;
    expect(JSON.stringify(ledgerAsOf(mutated, day("2024-03-31"), {reminderWindowDays: 7}))).toBe(JSON.stringify(march));
    expect(JSON.stringify(mutated)).not.toBe(JSON.stringify(history));
  });
});

describe("what came after the day", () => {
  test("cash received after it: the listed receipts, or the recorded total on the last payment date", () => {
    const h = (id: string) => at(history, id);
    expect(cashAfter(h("PAID-LATER"), day("2024-03-31"), undefined)).toEqual([{day: day("2024-04-15"), amount: 500}]);
    expect(cashAfter(h("PARTS-UNLISTED"), day("2024-03-31"), undefined)).toEqual([{day: day("2024-05-20"), amount: 500}]);
    expect(cashAfter(h("PARTS-LISTED"), day("2024-03-31"), payments.get("PARTS-LISTED"))).toEqual([{day: day("2024-05-20"), amount: 300}]);
    expect(cashAfter(h("OPEN-PART"), day("2024-03-31"), undefined)).toEqual([]);
    expect(cashAfter(h("PAID-EARLY"), day("2024-03-31"), undefined)).toEqual([]);
  });

  test("known on the day plus received after it is everything recorded as received", () => {
    for (const invoice of history.invoices) {
      if (invoice.invoiceDate > day("2024-03-31")) continue;
      const receipts = payments.get(invoice.invoiceId);
      const then = invoiceAsOf(invoice, day("2024-03-31"), receipts);
      const after = cashAfter(invoice, day("2024-03-31"), receipts).reduce((s, r) => s + r.amount, 0);
      expect(then.paidAmount + after).toBeCloseTo(invoice.paidAmount, 9);
      expect(openAmountAsOf(invoice, day("2024-03-31"), receipts)).toBe(then.status === "open" ? then.openAmount : 0);
    }
  });
});

describe("replayed invoices are built like cleaned ones", () => {
  // The engine gives objects one hidden class when they are built alike. A replayed invoice made by
  // spreading the recorded one got a class of its own, and every loop over the ledger then met two
  // kinds of invoice (lib/clean/replay.ts, replayedInvoice). V8's own test answers it.
  setFlagsFromString("--allow-natives-syntax");
  const sameShape = new Function("a", "b", "return %HaveSameMap(a, b)") as (a: object, b: object) => boolean;

  test("every invoice of a replayed ledger shares the recorded invoices' hidden class", () => {
    const recorded = march.invoices.find((invoice) => invoice.invoiceId === "PAID-EARLY")!;
    const replayed = march.invoices.filter((invoice) => !history.invoices.includes(invoice));
    expect(replayed.map((invoice) => invoice.invoiceId)).toContain("PAID-LATER");
    expect(replayed.map((invoice) => sameShape(invoice, recorded))).toEqual(replayed.map(() => true));
    expect(Object.keys(replayed[0])).toEqual(Object.keys(recorded));
  });
});

test("an unnamed invoice in the cut takes the customer's name as known on the day, not a later one", () => {
  // C3 is "Old Name Ltd" until it renames itself in May; its February invoice carries no name.
  const renamed = [
    row({invoice_id: "OLD", customer_id: "C3", customer_name: "Old Name Ltd", invoice_date: "2024-01-05", due_date: "2024-02-04", amount: "100.00", paid_date: "2024-02-01", paid_amount: "100.00", last_payment_date: "2024-02-01", installments: "1"}),
    row({invoice_id: "UNNAMED", customer_id: "C3", invoice_date: "2024-02-10", due_date: "2024-03-11", amount: "200.00", paid_date: "2024-03-01", paid_amount: "200.00", last_payment_date: "2024-03-01", installments: "1"}),
    row({invoice_id: "NEW", customer_id: "C3", customer_name: "New Name Ltd", invoice_date: "2024-05-10", due_date: "2024-06-09", amount: "300.00", paid_date: "2024-06-01", paid_amount: "300.00", last_payment_date: "2024-06-01", installments: "1"})
  ];
  const {ledger} = cleanLedger(numberedRows(renamed), {file: "renamed.csv", endOfData: day("2024-06-30"), asOf: day("2024-03-31")});
  expect(ledger.invoices.map((invoice) => [invoice.invoiceId, invoice.customerName])).toEqual([["OLD", "Old Name Ltd"], ["UNNAMED", "Old Name Ltd"]]);
  expect(ledger.customers.map((customer) => customer.name)).toEqual(["Old Name Ltd"]);
});
