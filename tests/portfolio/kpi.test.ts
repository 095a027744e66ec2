import {describe, expect, test} from "vitest";
import {formatIsoDay} from "../../lib/core/dates.js";
import {
  arTurnover,
  buildReceivablesHistory,
  collectionEffectivenessIndex,
  compareKpis,
  countbackDso,
  countbackPeriods,
  kpiSeries,
  kpisAt,
  monthsBefore,
  receivablesAt,
  salesBetween,
  segmentKpis
} from "../../lib/portfolio/kpi.js";
import {day, makeInvoice} from "../fixtures/kpi/fixtures.js";

const asOf = day("2026-03-31");

// Sales: Dec 1,000 · Jan 70,000 · Feb 80,000 · Mar 100,000. Open on 31 March: B 32,000 (45 days past
// due), C 60,000 (19 days past due), D 100,000 (current).
const ledger = [
  makeInvoice({id: "Z", customer: "C9", issued: "2025-12-01", amount: 1_000, paid: "2025-12-20"}, asOf),
  makeInvoice({id: "A", customer: "C1", issued: "2026-01-15", amount: 38_000, paid: "2026-02-20"}, asOf),
  makeInvoice({id: "B", customer: "C1", issued: "2026-01-15", amount: 32_000}, asOf),
  makeInvoice({id: "C", customer: "C2", issued: "2026-02-10", amount: 60_000}, asOf),
  makeInvoice({id: "E", customer: "C2", issued: "2026-02-25", amount: 20_000, paid: "2026-03-15"}, asOf),
  makeInvoice({id: "D", customer: "C3", issued: "2026-03-10", amount: 100_000}, asOf)
];
const history = buildReceivablesHistory(ledger, asOf);

describe("countback DSO", () => {
  test("the worked example: 212,000 against 100,000, 80,000 and 70,000 in 30-day months is 73.7 days", () => {
    const periods = [{sales: 100_000, days: 30}, {sales: 80_000, days: 30}, {sales: 70_000, days: 30}];
    expect(countbackDso(212_000, periods)).toBeCloseTo(30 + 30 + (32_000 / 70_000) * 30, 12);
    expect(countbackDso(212_000, periods).toFixed(1)).toBe("73.7");
  });

  test("within the first month, exactly a month, nothing, and beyond all sales", () => {
    const periods = [{sales: 100_000, days: 30}, {sales: 80_000, days: 30}, {sales: 70_000, days: 30}];
    expect(countbackDso(50_000, periods)).toBe(15);
    expect(countbackDso(100_000, periods)).toBe(30);
    expect(countbackDso(0, periods)).toBe(0);
    // 50,000 left after 90 days is counted at the periods' average daily sales (250,000 / 90).
    expect(countbackDso(300_000, periods)).toBeCloseTo(90 + 50_000 / (250_000 / 90), 9);
    expect(countbackDso(10, [])).toBe(Infinity);
  });

  test("periods from the ledger: the month to date, then calendar months; a partly covered first month counts its covered days", () => {
    expect(countbackPeriods(history, asOf)).toEqual([
      {sales: 100_000, days: 31},
      {sales: 80_000, days: 28},
      {sales: 70_000, days: 31},
      {sales: 1_000, days: 31}
    ]);
    expect(countbackPeriods(history, day("2026-03-15"))[0]).toEqual({sales: 100_000, days: 15});
    const lateStart = buildReceivablesHistory(ledger.slice(1), asOf);
    expect(countbackPeriods(lateStart, asOf).at(-1)).toEqual({sales: 70_000, days: 17});
  });
});

describe("receivables as of a date", () => {
  test("an invoice settled after the date was open on it; balances are end-of-day", () => {
    expect(receivablesAt(history, day("2026-02-19")).total).toBe(130_000);
    expect(receivablesAt(history, day("2026-02-20")).total).toBe(92_000);
    expect(receivablesAt(history, day("2025-11-30")).total).toBe(0);
    expect(salesBetween(history, day("2026-02-01"), day("2026-02-28"))).toBe(80_000);
  });

  test("aging by amount and count, today and a month ago", () => {
    const now = receivablesAt(history, asOf);
    expect(now.total).toBe(192_000);
    expect(now.count).toBe(3);
    expect(now.aging.map((r) => [r.bucket, r.amount, r.count])).toEqual([
      ["Current", 100_000, 1],
      ["1–30", 60_000, 1],
      ["31–60", 32_000, 1],
      ["61–90", 0, 0],
      ["90+", 0, 0]
    ]);
    expect(now.aging[0].amountShare).toBeCloseTo(100 / 192, 12);
    expect(now.aging[0].countShare).toBeCloseTo(1 / 3, 12);
    const then = receivablesAt(history, day("2026-02-28"));
    expect(then.aging.map((r) => r.amount)).toEqual([80_000, 32_000, 0, 0, 0]);
  });

  test("partial payments and write-offs", () => {
    const invoices = [
      makeInvoice({id: "G", issued: "2026-03-01", amount: 10_000, paidAmount: 4_000, lastPayment: "2026-03-20"}, asOf),
      makeInvoice({id: "H", issued: "2026-01-05", amount: 5_000, writtenOff: "2026-03-10"}, asOf)
    ];
    const h = buildReceivablesHistory(invoices, asOf);
    expect(receivablesAt(h, day("2026-03-19")).total).toBe(10_000);
    expect(receivablesAt(h, day("2026-03-20")).total).toBe(6_000);
    // H is due 4 February: 33 days past due on 9 March, gone on 10 March.
    expect(receivablesAt(h, day("2026-03-09")).aging[2].amount).toBe(5_000);
    expect(receivablesAt(h, day("2026-03-10")).aging[2].amount).toBe(0);
  });
});

describe("KPIs", () => {
  test("DSO, best possible DSO, ADD, CEI, turnover and at-risk rate on a hand-computed ledger", () => {
    const k = kpisAt(history, asOf);
    expect(k.dso).toBeCloseTo(31 + 28 + (12_000 / 70_000) * 31, 10);
    expect(k.bestPossibleDso).toBeCloseTo(31, 12);
    expect(k.averageDaysDelinquent).toBeCloseTo(28 + (12_000 / 70_000) * 31, 10);
    // CEI for March: (112,000 + 100,000 − 192,000) / (112,000 + 100,000 − 100,000)
    expect(k.collectionEffectivenessIndex).toBeCloseTo((20_000 / 112_000) * 100, 10);
    expect(collectionEffectivenessIndex(history, day("2026-03-01"), asOf)).toBeCloseTo((20_000 / 112_000) * 100, 10);
    // Turnover: 251,000 of sales over the mean of 13 month-end balances (70,000 + 112,000 + 192,000) / 13.
    expect(k.turnover).toBeCloseTo(251_000 / (374_000 / 13), 10);
    expect(arTurnover(history, asOf, 12)).toBe(k.turnover);
    expect(k.atRiskRate).toBeCloseTo(32_000 / 192_000, 12);
  });

  test("month-ends stay month-ends when stepping back", () => {
    expect(formatIsoDay(monthsBefore(day("2026-03-31"), 1))).toBe("2026-02-28");
    expect(formatIsoDay(monthsBefore(day("2026-09-30"), 1))).toBe("2026-08-31");
    expect(formatIsoDay(monthsBefore(day("2026-03-15"), 1))).toBe("2026-02-15");
    expect(formatIsoDay(monthsBefore(day("2026-03-31"), 12))).toBe("2025-03-31");
  });

  test("comparison with a month earlier", () => {
    const {current, previous, change} = compareKpis(history, asOf);
    expect(formatIsoDay(previous.asOf)).toBe("2026-02-28");
    // 28 February: 112,000 against February's 80,000 (28 days) then January's 70,000.
    expect(previous.dso).toBeCloseTo(28 + (32_000 / 70_000) * 31, 10);
    expect(change.dso).toBeCloseTo(current.dso - previous.dso, 12);
    expect(change.receivables).toBe(80_000);
  });

  test("a monthly series ends at the as-of date", () => {
    const series = kpiSeries(history, asOf, 3);
    expect(series.map((s) => formatIsoDay(s.asOf))).toEqual(["2026-01-31", "2026-02-28", "2026-03-31"]);
    expect(series[0].receivables.total).toBe(70_000);
    const midMonth = kpiSeries(history, day("2026-03-15"), 2);
    expect(midMonth.map((s) => formatIsoDay(s.asOf))).toEqual(["2026-02-28", "2026-03-15"]);
    // Dates before the data are left out.
    expect(kpiSeries(history, asOf, 12).map((s) => formatIsoDay(s.asOf))).toEqual(["2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31"]);
  });
});

describe("per segment", () => {
  test("DSO against the segment's own sales, average outstanding, high-risk share", () => {
    const segmentOf = new Map<string, string | null>([["C1", "A"], ["C2", "B"], ["C3", "B"], ["C9", null]]);
    const customerRisk = new Map([["C1", 0.2], ["C2", 0.7], ["C3", 0.6]]);
    const rows = segmentKpis(ledger, asOf, {segmentOf, customerRisk});
    expect(rows.map((r) => r.segment)).toEqual(["A", "B", null]);
    const [a, b, none] = rows;
    // A: 32,000 open; no sales in March or February; January's 70,000 over 31 days (the ledger starts in December).
    expect(a.dso).toBeCloseTo(31 + 28 + (32_000 / 70_000) * 31, 10);
    expect(a.averageOutstanding).toBe(32_000);
    expect(a.highRiskShare).toBe(0);
    // B: 160,000 open; March's 100,000, then 60,000 of February's 80,000.
    expect(b.dso).toBeCloseTo(31 + (60_000 / 80_000) * 28, 10);
    expect(b.customers).toBe(2);
    expect(b.averageOutstanding).toBe(80_000);
    expect(b.highRiskShare).toBe(1); // 0.6 sits exactly on the high cut-off
    expect(b.highRiskCustomers).toBe(2);
    expect(none.openAmount).toBe(0);
    expect(Number.isNaN(none.highRiskShare)).toBe(true);
  });
});
