import {describe, expect, test} from "vitest";
import {expectedLateAmount, openInvoicesFrom} from "../../lib/portfolio/openInvoices.js";
import {compileTiming} from "../../lib/portfolio/paymentTiming.js";
import {day, fixtureTimingModel, makeInvoice} from "../fixtures/kpi/fixtures.js";

describe("open invoice records", () => {
  const asOf = day("2026-03-31");
  const timing = compileTiming(fixtureTimingModel());
  const ledger = [
    makeInvoice({id: "P", customer: "C1", issued: "2026-01-10", amount: 500, paid: "2026-02-01"}, asOf),
    makeInvoice({id: "Q", customer: "C1", issued: "2026-03-03", amount: 1_000, paidAmount: 400, lastPayment: "2026-03-20"}, asOf),
    makeInvoice({id: "R", customer: "C2", issued: "2026-03-29", amount: 2_000}, asOf)
  ];

  test("only open invoices, at their open amount, with prediction, segment and expected days late", () => {
    const predictions = new Map([
      ["Q", {pLate: 0.8, topFactors: ["paid 9 of last 10 invoices late"]}],
      ["R", {pLate: 0.25}]
    ]);
    const open = openInvoicesFrom(ledger, {asOf, predictions, segments: new Map([["C1", "B2"]]), timing});
    expect(open.map((o) => o.invoiceId)).toEqual(["Q", "R"]);
    const [q, r] = open;
    // Q is due 2 April (issued 3 March, Net 30): not yet due, so expected days late = 0.8 × 3.6.
    expect(q).toMatchObject({amount: 600, daysOverdue: 0, pLate: 0.8, segment: "B2", topFactors: ["paid 9 of last 10 invoices late"]});
    expect(q.expectedDaysLate).toBeCloseTo(0.8 * 3.6, 12);
    expect(r).toMatchObject({amount: 2_000, segment: null, topFactors: []});
    expect(expectedLateAmount(q)).toBeCloseTo(480, 12);
  });

  test("an open invoice without a prediction is an error, not a silent gap", () => {
    expect(() => openInvoicesFrom(ledger, {asOf, predictions: new Map([["Q", {pLate: 0.5}]]), timing})).toThrow(/no prediction for open invoice R/);
  });
});
