// The EDA page's aggregations and finding sentences on a ledger small enough to check by hand.
import {describe, expect, test} from "vitest";
import {parseIsoDay} from "../../lib/core/dates.js";
import {
  aging,
  agingFinding,
  amountBandEdges,
  amountFinding,
  cashFinding,
  commonTerms,
  compareRates,
  correlationFinding,
  correlationMatrix,
  daysLateBins,
  daysLateFinding,
  daysLateSummary,
  edaData,
  filterRows,
  lateRateByAmount,
  lateRateByIndustry,
  lateRateByScoreBand,
  lateRateByTerms,
  monthLabel,
  monthly,
  moneyTotals,
  overallLateRate,
  ranks,
  rateDifferenceZ,
  scoreBandFinding,
  scoreBandIndex,
  spreadFinding,
  trendFinding,
  wilsonInterval
} from "../../lib/views/eda.js";
import type {CorrelationMatrix, MonthRow, RateGroup} from "../../lib/views/eda.js";
import type {EdaFile} from "../../lib/pipeline/contract.js";

const day = (iso: string) => parseIsoDay(iso)!;

// invoice date, terms, amount, score, amount/limit, industry, region, status, days late, paid late,
// settled date, paid amount, open amount, days overdue, aging bucket, disputed, reminders
type Row = [string, number, number, number | null, number | null, number, number, number, number | null, 0 | 1 | null, string | null, number, number, number, number | null, 0 | 1, number];
const ledger: Row[] = [
  ["2024-01-05", 30, 100, 550, 0.1, 0, 0, 0, 10, 1, "2024-02-14", 100, 0, 0, null, 0, 1],
  ["2024-01-20", 30, 1000, 600, 0.2, 0, 1, 0, -2, 0, "2024-02-17", 1000, 0, 0, null, 0, 0],
  ["2024-02-03", 60, 5000, 700, 0.5, 1, 0, 0, 0, 0, "2024-04-03", 5000, 0, 0, null, 0, 0],
  ["2024-02-10", 30, 200, 820, 0.05, 1, 1, 2, 120, 1, "2024-07-10", 50, 0, 0, null, 1, 6],
  ["2024-03-01", 60, 300, 810, 0.1, 0, 0, 1, null, null, null, 0, 300, 0, 0, 0, 0],
  ["2024-03-15", 30, 400, 560, 0.3, 1, 0, 1, null, null, null, 100, 300, 45, 2, 0, 2],
  ["2024-03-20", 30, 50, null, null, 0, 1, 0, 5, 1, "2024-04-24", 50, 0, 0, null, 0, 1],
  ["2024-03-25", 15, 150, 650, 0.2, 1, 1, 0, -5, 0, "2024-04-05", 150, 0, 0, null, 0, 0]
];

function table(rows: Row[]): EdaFile {
  const column = <T>(k: number, f: (v: never) => T = (v) => v as T) => rows.map((r) => f(r[k] as never));
  return {
    total: rows.length,
    sampled: false,
    asOf: day("2024-04-30"),
    industries: ["Construction", "Technology"],
    regions: ["Europe", "North America"],
    statuses: ["paid", "open", "written_off"],
    agingBuckets: ["Current", "1–30", "31–60", "61–90", "90+"],
    rows: {
      length: rows.length,
      invoiceDate: column(0, (v: string) => day(v)),
      termsDays: column(1),
      amount: column(2),
      creditScore: column(3),
      amountToLimit: column(4),
      industry: column(5),
      region: column(6),
      status: column(7),
      daysLate: column(8),
      paidLate: column(9),
      settledDate: column(10, (v: string | null) => (v === null ? null : day(v))),
      paidAmount: column(11),
      openAmount: column(12),
      daysOverdue: column(13),
      agingBucket: column(14),
      disputed: column(15),
      remindersSent: column(16)
    }
  };
}

const data = edaData(table(ledger));
const all = filterRows(data);

function group(label: string, late: number, invoices: number): RateGroup {
  return {key: label, label, phrase: `invoices to ${label}`, invoices, late, rate: late / invoices, low: NaN, high: NaN};
}

describe("filtering", () => {
  test("keeps every row without a filter, and the rows each filter allows", () => {
    expect(Array.from(all)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(Array.from(filterRows(data, {regions: [0]}))).toEqual([0, 2, 4, 5]);
    expect(Array.from(filterRows(data, {industries: [1]}))).toEqual([2, 3, 5, 7]);
    expect(Array.from(filterRows(data, {from: day("2024-02-01"), to: day("2024-03-01")}))).toEqual([2, 3, 4]);
    expect(Array.from(filterRows(data, {regions: [1], industries: [1], to: day("2024-02-28")}))).toEqual([3]);
    expect(filterRows(data, {regions: []}).length).toBe(0);
  });
});

describe("late rates", () => {
  test("overall late rate counts settled invoices only (a write-off is late)", () => {
    const overall = overallLateRate(data, all);
    expect([overall.late, overall.invoices, overall.rate]).toEqual([3, 6, 0.5]);
  });

  test("credit-score bands follow the FICO cut-offs and skip missing scores", () => {
    expect([579, 580, 669, 670, 740, 799, 800, 850].map(scoreBandIndex)).toEqual([0, 1, 1, 2, 3, 3, 4, 4]);
    expect(scoreBandIndex(NaN)).toBe(-1);
    const bands = lateRateByScoreBand(data, all);
    expect(bands.map((b) => [b.label, b.late, b.invoices])).toEqual([
      ["Below 580", 1, 1],
      ["580–669", 0, 2],
      ["670–739", 0, 1],
      ["740–799", 0, 0],
      ["800+", 1, 1]
    ]);
    expect(Number.isNaN(bands[3].rate)).toBe(true);
  });

  test("industries keep the table's order and names", () => {
    expect(lateRateByIndustry(data, all).map((g) => [g.label, g.late, g.invoices, g.phrase])).toEqual([
      ["Construction", 2, 3, "invoices to construction customers"],
      ["Technology", 1, 3, "invoices to technology customers"]
    ]);
  });

  test("terms below the share threshold go to Other", () => {
    expect(commonTerms(data)).toEqual([15, 30, 60]);
    expect(commonTerms(data, 0.2)).toEqual([30, 60]);
    expect(lateRateByTerms(data, all, [30, 60]).map((g) => [g.label, g.late, g.invoices])).toEqual([
      ["Net 30", 3, 4],
      ["Net 60", 0, 1],
      ["Other", 0, 1]
    ]);
    expect(lateRateByTerms(data, all, [15, 30, 60]).map((g) => g.label)).toEqual(["Net 15", "Net 30", "Net 60"]);
  });

  test("Wilson intervals match the closed form", () => {
    const [lo0, hi0] = wilsonInterval(0, 10);
    expect(lo0).toBe(0);
    expect(hi0).toBeCloseTo(3.8415 / 13.8415, 4);
    const [lo, hi] = wilsonInterval(5, 10);
    expect(lo).toBeCloseTo(0.2366, 4);
    expect(hi).toBeCloseTo(0.7634, 4);
  });

  test("two-proportion z: pooled standard error", () => {
    // p = 0.5 pooled, se = sqrt(0.25 * (2 / 100)) = 0.0707; (0.6 − 0.4) / 0.0707 = 2.828
    expect(rateDifferenceZ(60, 100, 40, 100)).toBeCloseTo(2.8284, 4);
    expect(rateDifferenceZ(0, 10, 0, 10)).toBe(0);
  });
});

describe("invoice amounts", () => {
  test("band edges are round 1-2-5 amounts leaving enough invoices in the open end bands", () => {
    const amounts = Array.from({length: 1000}, (_, i) => i + 1);
    // 100th smallest is 100, 100th largest is 901: edges strictly above 100 and at most 901.
    expect(amountBandEdges(amounts, {minCount: 100})).toEqual([200, 500]);
    expect(amountBandEdges([])).toEqual([]);
  });

  test("late rate per band, with labels in the site's money format", () => {
    const bands = lateRateByAmount(data, all, [200, 1000]);
    expect(bands.map((b) => [b.label, b.late, b.invoices, b.min, b.max])).toEqual([
      ["< $200", 2, 3, 0, 200],
      ["$200–$1,000", 1, 1, 200, 1000],
      ["$1,000+", 0, 2, 1000, Infinity]
    ]);
  });
});

describe("days late", () => {
  test("summary: late share, median lateness of late invoices, share over 30 days, share on the due date", () => {
    const s = daysLateSummary(data, all);
    expect(s).toEqual({settled: 6, late: 3, lateRate: 0.5, medianLateDays: 10, over30Rate: 1 / 6, onDueDateRate: 1 / 6});
    expect(daysLateFinding(s)).toBe("50.0% of settled invoices were paid late, by a median of 10 days, and 16.7% of all were more than 30 days late.");
  });

  test("bins are (x0, x1], so paying on the due date is on time, and the ends catch the tails", () => {
    const bins = daysLateBins(data, all);
    expect(bins.length).toBe(26);
    const counted = bins.filter((b) => b.count > 0).map((b) => [b.x0, b.x1, b.count, b.late, b.overflow]);
    expect(counted).toEqual([
      [-10, -5, 1, false, null],
      [-5, 0, 2, false, null],
      [0, 5, 1, true, null],
      [5, 10, 1, true, null],
      [90, 95, 1, true, "high"]
    ]);
    expect(bins[0]).toMatchObject({x0: -35, x1: -30, overflow: "low", count: 0});
  });
});

describe("months", () => {
  const months = monthly(data, all);

  test("labels", () => {
    expect(monthLabel((2024 - 1970) * 12)).toBe("Jan 2024");
    expect(monthLabel((2026 - 1970) * 12 + 8)).toBe("Sep 2026");
  });

  test("late rate by invoice month, maturity, invoiced by invoice month and collected by settlement month", () => {
    expect(months.map((m) => [m.label, m.invoices, m.settled, m.late, m.mature, m.invoiced, m.collected])).toEqual([
      ["Jan 2024", 2, 2, 1, true, 1100, 0],
      ["Feb 2024", 2, 2, 1, true, 5200, 1100],
      ["Mar 2024", 4, 2, 1, false, 900, 0],
      ["Apr 2024", 0, 0, 0, false, 0, 5200],
      ["May 2024", 0, 0, 0, false, 0, 0],
      ["Jun 2024", 0, 0, 0, false, 0, 0],
      ["Jul 2024", 0, 0, 0, false, 0, 50]
    ]);
  });

  test("money totals add up: invoiced = collected + open + written off", () => {
    const totals = moneyTotals(data, all);
    expect(totals).toEqual({invoiced: 7200, collected: 6450, open: 600, writtenOff: 150});
    // Seven months are too few to estimate the collection lag, so the sentence leaves it out.
    expect(cashFinding(months, totals)).toBe("$6,450 of the $7,200 invoiced (89.6%) has come in, $600 is still open and $150 was written off.");
  });

  function series(rates: number[], settled = 400): MonthRow[] {
    return rates.map((rate, k) => ({
      month: (2024 - 1970) * 12 + k,
      label: monthLabel((2024 - 1970) * 12 + k),
      invoices: settled,
      settled,
      late: rate * settled,
      lateRate: rate,
      mature: true,
      invoiced: 0,
      collected: 0
    }));
  }

  test("trend: first against last mature months, with a test for chance", () => {
    expect(trendFinding(series([0.3, 0.3, 0.3, 0.3, 0.1, 0.1, 0.1, 0.1]))).toBe("The late rate fell from 30.0% (Jan 2024–Apr 2024) to 10.0% (May 2024–Aug 2024).");
    expect(trendFinding(series([0.2, 0.2, 0.21, 0.21], 100))).toBe("The late rate held steady: 20.0% in Jan 2024–Feb 2024 and 21.0% in Mar 2024–Apr 2024, a change within chance.");
    expect(trendFinding(series([0.2, 0.2, 0.2]))).toBe("Too few months with settled invoices in this selection to show a trend.");
    const maturing = [...series([0.3, 0.3, 0.1, 0.1]), {...series([0.05])[0], month: (2024 - 1970) * 12 + 4, label: "May 2024", mature: false}];
    expect(trendFinding(maturing)).toBe("The late rate fell from 30.0% (Jan 2024–Feb 2024) to 10.0% (Mar 2024–Apr 2024); the last month is still maturing.");
  });
});

describe("aging", () => {
  test("open amount and count per bucket, with shares", () => {
    const rows = aging(data, all);
    expect(rows.map((r) => [r.bucket, r.count, r.amount, r.amountShare, r.countShare])).toEqual([
      ["Current", 1, 300, 0.5, 0.5],
      ["1–30", 0, 0, 0, 0],
      ["31–60", 1, 300, 0.5, 0.5],
      ["61–90", 0, 0, 0, 0],
      ["90+", 0, 0, 0, 0]
    ]);
    expect(agingFinding(rows)).toBe("$600 is open in 2 invoices; 50.0% of it is past due, none by more than 90 days.");
    expect(agingFinding(aging(data, filterRows(data, {regions: [1]})))).toBe("No invoice in this selection is open at the as-of date.");
  });
});

describe("correlation", () => {
  test("ranks share ties", () => {
    expect(Array.from(ranks([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
  });

  test("Spearman's rho on complete settled rows", () => {
    // Rows 0, 1, 2, 3, 7 are settled with every feature. Score ranks 1 2 4 5 3, days-late ranks 4 2 3 5 1:
    // deviations (−2 −1 1 2 0)·(1 −1 0 2 −2) = 3 over √(10·10) → 0.3.
    const m = correlationMatrix(data, all, ["creditScore", "daysLate"]);
    expect(m.n).toBe(5);
    const rho = m.cells.find((c) => c.x === "creditScore" && c.y === "daysLate")!.rho;
    expect(rho).toBeCloseTo(0.3, 12);
    expect(m.cells.find((c) => c.x === "daysLate" && c.y === "creditScore")!.rho).toBe(rho);
    expect(m.cells.find((c) => c.x === "daysLate" && c.y === "daysLate")!.rho).toBe(1);
  });

  test("the finding names the strongest feature known at invoicing, and an after-the-fact one that beats it", () => {
    const cell = (x: string, rho: number) => ({x, y: "daysLate", rho}) as CorrelationMatrix["cells"][number];
    const variables = correlationMatrix(data, all).variables;
    const matrix: CorrelationMatrix = {variables, n: 1000, cells: [cell("amount", 0.02), cell("creditScore", -0.25), cell("termsDays", 0.05), cell("remindersSent", 0.64)]};
    expect(correlationFinding(matrix)).toBe(
      "Of what is known at invoicing, the credit score tracks days late most closely (ρ = −0.25: invoices to better-scored customers are paid earlier); the number of reminders tracks it more (ρ = 0.64) but comes only after the invoice."
    );
    expect(correlationFinding({...matrix, cells: [cell("amount", 0.05)]})).toBe("Nothing known at invoicing tracks days late by itself: the closest, the invoice amount, has ρ = 0.05.");
    expect(correlationFinding({...matrix, n: 10})).toBe("Too few settled invoices in this selection to correlate features with days late.");
  });
});

describe("comparisons", () => {
  test("ratios between groups, and differences within chance", () => {
    expect(compareRates(group("A", 70, 100), group("B", 7, 100))).toBe("invoices to A are paid late 10.0× as often as invoices to B (70.0% vs 7.0%)");
    expect(compareRates(group("A", 7, 100), group("B", 70, 100))).toBe("invoices to B are paid late 10.0× as often as invoices to A (70.0% vs 7.0%)");
    expect(compareRates(group("A", 2, 10), group("B", 1, 10))).toBe("invoices to A and invoices to B are paid late about equally often (20.0% vs 10.0%)");
    // Beyond chance (z ≈ 5 on 100,000 each) but within thresholds.equalRates (1.1×): still "about equally".
    expect(compareRates(group("A", 21_000, 100_000), group("B", 20_000, 100_000))).toBe("invoices to A and invoices to B are paid late about equally often (21.0% vs 20.0%)");
    expect(compareRates(group("A", 23_000, 100_000), group("B", 20_000, 100_000))).toBe("invoices to A are paid late 1.1× as often as invoices to B (23.0% vs 20.0%)");
    expect(compareRates(group("A", 40, 100), group("B", 0, 100))).toBe("invoices to A are paid late (40.0% vs 0.0%), invoices to B never");
  });

  test("ordered bands compare their ends; small bands are left out", () => {
    const bands = [group("poor", 35, 50), group("fair", 30, 100), group("tiny", 0, 5), group("great", 8, 100)];
    expect(scoreBandFinding(bands)).toBe("Invoices to poor are paid late 8.8× as often as invoices to great (70.0% vs 8.0%).");
    expect(scoreBandFinding([group("poor", 1, 2)])).toBe("Too few settled invoices in this selection to compare late rates by credit score.");
  });

  test("amount bands: no clear link when the ends differ within chance", () => {
    const band = (label: string, late: number, n: number) => ({...group(label, late, n), phrase: label, min: 0, max: 1});
    expect(amountFinding([band("small invoices", 20, 100), band("large invoices", 18, 100)])).toBe(
      "No clear link between invoice size and lateness: 20.0% of small invoices are paid late vs 18.0% of large invoices, a difference within chance."
    );
  });

  test("unordered groups: most and least often late", () => {
    const groups = [group("retail", 20, 100), group("wholesale", 30, 100), group("technology", 10, 100)];
    expect(spreadFinding(groups, "by industry")).toBe("Invoices to wholesale are paid late most often (30.0%), invoices to technology least (10.0%).");
    expect(spreadFinding([group("a", 20, 100), group("b", 22, 100)], "by region")).toBe("Late rates by region range only from 20.0% to 22.0%, a spread within chance.");
  });
});
