import {describe, expect, test} from "vitest";
import {
  agingFinding, agingShiftFinding, cardDisplay, dsoFinding, dsoTrendFinding, highRiskRule, riskDistributionFinding, segmentDsoFinding, topCustomersFinding
} from "../../lib/views/kpis.js";
import type {AgingRow, AgingShiftRow} from "../../lib/pipeline/contract.js";
import type {KpiCard} from "../../lib/views/kpis.js";
import {countbackDso} from "../../lib/portfolio/kpi.js";

const card = (over: Partial<KpiCard>): KpiCard => ({key: "dso", label: "DSO", format: "days", better: "lower", value: 46, previous: 48.5, change: -2.5, ...over});
const cards: KpiCard[] = [
  card({key: "dso", value: 45.97, previous: 48.45, change: -2.48}),
  card({key: "bestPossibleDso", value: 35.71, previous: 39.46, change: -3.75}),
  card({key: "averageDaysDelinquent", value: 10.25, previous: 8.99, change: 1.26})
];

describe("KPI cards", () => {
  test("each format reads its value and change in its own unit", () => {
    expect(cardDisplay(card({}))).toEqual({value: "46.0 days", change: "−2.5 days", direction: "down", good: true});
    expect(cardDisplay(card({format: "share", value: 0.0968, change: -0.0056}))).toMatchObject({value: "9.7%", change: "−0.6 pp"});
    expect(cardDisplay(card({format: "percent", better: "higher", value: 77.69, change: -0.66}))).toEqual({value: "77.7%", change: "−0.7 pp", direction: "down", good: false});
    expect(cardDisplay(card({format: "times", better: "higher", value: 7.88, change: -0.12}))).toMatchObject({value: "7.88×", change: "−0.12×", good: false});
    expect(cardDisplay(card({format: "currency", value: 15_353_634.72, change: 2_617_446.79}))).toEqual({value: "$15.4M", change: "+$2.6M", direction: "up", good: false});
  });

  test("no previous value: no change and no verdict; a flat change is neither good nor bad", () => {
    expect(cardDisplay(card({previous: null, change: null}))).toEqual({value: "46.0 days", change: "", direction: "flat", good: null});
    expect(cardDisplay(card({change: 0}))).toMatchObject({direction: "flat", good: null});
    expect(cardDisplay(card({value: null})).value).toBe("–");
  });
});

describe("DSO findings", () => {
  test("the worked countback example of the issue: 73.7 days", () => {
    const dso = countbackDso(212_000, [100_000, 80_000, 70_000].map((sales) => ({sales, days: 30})));
    expect(dso).toBeCloseTo(30 + 30 + (32_000 / 70_000) * 30, 10);
    expect(dso.toFixed(1)).toBe("73.7");
  });

  test("DSO against best possible, and the change in the gap", () => {
    expect(dsoFinding(cards)).toBe("DSO is 46.0 days against a best possible 35.7 days: overdue invoices add 10.3 days, 1.3 days more than a month earlier.");
    expect(dsoFinding(cards.map((c) => (c.key === "averageDaysDelinquent" ? {...c, change: -0.5} : c)))).toContain("0.5 days fewer than a month earlier");
    expect(dsoFinding([])).toBe("");
  });

  test("contrary data: a change that rounds to 0.0 days is not reported; nothing owed is said plainly", () => {
    expect(dsoFinding(cards.map((c) => (c.key === "averageDaysDelinquent" ? {...c, change: 0.04} : c)))).toBe(
      "DSO is 46.0 days against a best possible 35.7 days: overdue invoices add 10.3 days."
    );
    const nothingOwed = [...cards.map((c) => ({...c, value: 0})), card({key: "receivables", format: "currency", value: 0, previous: 100, change: -100})];
    expect(dsoFinding(nothingOwed)).toBe("Nothing is owed at the report date, so DSO and best possible DSO are both zero.");
  });

  test("trend: widest, narrowest or against the average", () => {
    const series = (gaps: number[]) => ({length: gaps.length, month: gaps.map((_, i) => `2026-${i + 1}`), dso: gaps, bestPossibleDso: gaps, averageDaysDelinquent: gaps});
    expect(dsoTrendFinding(series([4, 6, 5, 10]))).toBe("The gap between DSO and best possible DSO is the widest in 4 months: 10.0 days, against 5.0 days on average");
    expect(dsoTrendFinding(series([4, 6, 5, 3]))).toBe("The gap between DSO and best possible DSO is the narrowest in 4 months: 3.0 days, against 5.0 days on average");
    expect(dsoTrendFinding(series([4, 6, 5, 5]))).toBe("Late payment adds 5.0 days to DSO this month, close to its 3-month average of 5.0 days");
    expect(dsoTrendFinding(series([7]))).toBe("DSO against best possible DSO, month by month");
    // nearAverage (10%): 5.6 is above an average of 5.0, 4.4 below it, 5.4 close to it.
    expect(dsoTrendFinding(series([4, 6, 5.6]))).toBe("Late payment adds 5.6 days to DSO this month, above its 2-month average of 5.0 days");
    expect(dsoTrendFinding(series([4, 6, 4.4]))).toBe("Late payment adds 4.4 days to DSO this month, below its 2-month average of 5.0 days");
    expect(dsoTrendFinding(series([4, 6, 5.4]))).toContain("close to its 2-month average");
  });
});

describe("aging and risk findings", () => {
  const aging: AgingRow[] = [
    {bucket: "Current", amount: 800, count: 8, amountShare: 0.8, countShare: 0.8},
    {bucket: "1–30", amount: 100, count: 1, amountShare: 0.1, countShare: 0.1},
    {bucket: "90+", amount: 100, count: 1, amountShare: 0.1, countShare: 0.1}
  ];

  test("aging: not yet due and the oldest bucket", () => {
    expect(agingFinding(aging)).toBe("80% of the open amount is not yet due; 10.0% ($100 in 1 invoice) is more than 90 days past due");
    expect(agingFinding([])).toBe("Nothing is open at the report date");
  });

  test("segments: the slowest against the fastest, with its high-risk share", () => {
    const rows = [
      {segment: "A", customers: 10, openAmount: 1, averageOutstanding: 1, dso: 40, highRiskShare: 0, highRiskCustomers: 0},
      {segment: "B", customers: 10, openAmount: 1, averageOutstanding: 1, dso: 80.7, highRiskShare: 0.7, highRiskCustomers: 7},
      {segment: null, customers: 10, openAmount: 1, averageOutstanding: 1, dso: 10, highRiskShare: 0.1, highRiskCustomers: 1}
    ];
    const name = (s: string | null) => (s === null ? "Unsegmented" : `Segment ${s}`);
    expect(segmentDsoFinding(rows, name)).toBe("Segment B collects slowest — DSO 80.7 days against 40.0 days in Segment A, and 70% of its customers are high risk");
    expect(segmentDsoFinding(rows.slice(2), name)).toBe("DSO by segment");
    // A segment with nothing open (DSO 0) is not the fastest payer.
    const empty = {segment: "C", customers: 5, openAmount: 0, averageOutstanding: 0, dso: 0, highRiskShare: null, highRiskCustomers: 0};
    expect(segmentDsoFinding([...rows, empty], name)).toContain("against 40.0 days in Segment A");
  });

  test("top customers: their expected late amount and its share", () => {
    const top = [{customerName: "Acme", expectedLateAmount: 300_000}, {customerName: "Bolt", expectedLateAmount: 100_000}];
    expect(topCustomersFinding(top, 1_000_000)).toBe("The 2 riskiest customers are expected to pay $400K late — 40% of the $1M expected to arrive late");
    expect(topCustomersFinding([], 0)).toBe("No open invoices, so no customer is at risk");
  });

  test("risk distribution: the high band's share of invoices and amount", () => {
    const bins = [
      {lo: 0, hi: 0.1, band: "low", count: 6, amount: 600},
      {lo: 0.5, hi: 0.6, band: "medium", count: 2, amount: 200},
      {lo: 0.6, hi: 0.7, band: "high", count: 1, amount: 50},
      {lo: 0.9, hi: 1, band: "high", count: 1, amount: 150}
    ];
    expect(riskDistributionFinding(bins, 0.6)).toBe("20% of open invoices score 0.60 or more (high risk), holding 20% of the open amount; the largest group, 60%, scores below 0.1");
    expect(riskDistributionFinding([], 0.6)).toBe("No open invoices to score");
    // Contrary data: the lowest band is not the largest, so the largest one is named.
    const middle = [{...bins[0], count: 1}, {...bins[1], count: 7}, bins[2], bins[3]];
    expect(riskDistributionFinding(middle, 0.6)).toBe("20% of open invoices score 0.60 or more (high risk), holding 20% of the open amount; the largest group, 70%, scores 0.5–0.6");
    // A tie for the largest band names none.
    expect(riskDistributionFinding([{...bins[0], count: 2}, {...bins[1], count: 2}], 0.6)).toBe("0% of open invoices score 0.60 or more (high risk), holding 0% of the open amount");
  });

  test("aging shift: what stays open and where the past-due part goes", () => {
    const rows: AgingShiftRow[] = [
      {bucket: "Current", todayAmount: 900, todayCount: 9, expectedAmount: 400, expectedCount: 4},
      {bucket: "1–30", todayAmount: 100, todayCount: 1, expectedAmount: 200, expectedCount: 2}
    ];
    expect(agingShiftFinding(rows, 30)).toBe("Of today's $1,000, $600 is expected to be still open in 30 days, and the past-due part would grow from $100 to $200");
    expect(agingShiftFinding([{...rows[1], todayAmount: 0, expectedAmount: 0}], 30)).toBe("Nothing is open, so nothing can age");
    // unchangedShare: a move of under half a percent of the open amount stays "near".
    expect(agingShiftFinding([rows[0], {...rows[1], expectedAmount: 104}], 30)).toBe("Of today's $1,000, $504 is expected to be still open in 30 days, and the past-due part would stay near $100");
  });
});

describe("the high-risk rule", () => {
  test("states the cut-off kpis.json ships", () => {
    expect(highRiskRule(0.6)).toBe("A customer is high risk when the amount-weighted mean P(late) of its open invoices is at least 0.6.");
    expect(highRiskRule(0.55)).toContain("at least 0.55.");
  });
});
