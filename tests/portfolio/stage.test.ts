import {describe, expect, test} from "vitest";
import {parseCsv} from "../../lib/input/csv.js";
import {parseIsoDay} from "../../lib/core/dates.js";
import type {OpenInvoice} from "../../lib/portfolio/openInvoices.js";
import {compileTiming} from "../../lib/portfolio/paymentTiming.js";
import {round} from "../../lib/core/json.js";
import {openInvoicesFromTable, openInvoiceTable, portfolioStage, worklistCsv} from "../../lib/portfolio/index.js";
import type {OpenInvoiceTable} from "../../lib/portfolio/index.js";
import {sampleOpenInvoices} from "../../lib/portfolio/sample.js";
import {scenarioResultJson} from "../../lib/portfolio/files/scenario.js";
import {clusterRiskLevel} from "../../lib/portfolio/files/segments.js";
import type {PortfolioFiles} from "../../lib/portfolio/index.js";
import {syntheticLedger} from "../../lib/pipeline/source.js";
import {prepareScenario, runScenario} from "../../lib/portfolio/scenario.js";
import {assignStrategies, strategyMatrix, strategyTable} from "../../lib/portfolio/strategy.js";
import {standInScores} from "../helpers/reportFixtures.js";
import {clusterDescription, segmentObservations} from "../../lib/views/segments.js";
import {kChoiceRule, pcaCapRule, unsegmentedReason} from "../../lib/views/definitions/segments.js";
import {sampleRule, worklistCapRule} from "../../lib/views/definitions/strategy.js";
import {formatCount} from "../../lib/core/format.js";
import type {UnsegmentedFile} from "../../lib/pipeline/contract.js";

const {ledger} = syntheticLedger({invoices: 6_000, seed: 1});
const scores = standInScores(ledger);
const result = portfolioStage(ledger, scores, {seed: 7});
const files = result.files;
/** A file as the browser sees it: parsed JSON. */
function parsed<K extends keyof PortfolioFiles>(name: K): PortfolioFiles[K] {
  return JSON.parse(JSON.stringify(files[name]));
}
const segments = parsed("segments");
const kpis = parsed("kpis");
const strategy = parsed("strategy");
const worklist = parsed("worklist");
const scenario = parsed("scenario");
const overview = parsed("overview-facts");
const openInLedger = ledger.invoices.filter((i) => i.status === "open" && i.openAmount > 0);
const sum = (values: readonly (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);

describe("portfolioStage: shapes", () => {
  test("returns the six files, timings in ms and the full worklist", () => {
    expect(Object.keys(files).sort()).toEqual(["kpis", "overview-facts", "scenario", "segments", "strategy", "worklist"]);
    for (const key of ["timing", "clustering", "segments", "kpis", "strategy", "worklist", "scenario", "total"]) expect(result.timings[key]).toBeGreaterThanOrEqual(0);
    expect(result.worklist).toHaveLength(openInLedger.length);
  });

  test("segments: features, k from 2 to 10 with a table per k, the chosen k, PCA and the rule-based rating", () => {
    expect(segments.available).toBe(true);
    expect(segments.features).toHaveLength(12);
    for (const f of segments.features) {
      expect(f.label.length).toBeGreaterThan(0);
      expect(typeof f.unit).toBe("string");
    }
    expect(segments.features.filter((f) => f.clustering).map((f) => f.key)).toEqual(segments.clusteringFeatures);
    expect(segments.kCurve!.k).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(segments.perK.map((p) => p.k)).toEqual(segments.kCurve!.k);
    expect(segments.choice!.k).toBeGreaterThanOrEqual(2);
    expect(kChoiceRule(segments.kCurve!, segments.choice!)).toMatch(/Elbow/);
    for (const section of segments.perK) {
      expect(section.clusters).toHaveLength(section.k);
      expect(section.profile.z).toHaveLength(section.k);
      for (const row of section.profile.z) expect(row).toHaveLength(section.profile.features.length);
      expect(segmentObservations(section.clusters, segments.currency).map((o) => o.kind)).toEqual(["largestExposure", "highestDelay", "steadiestPayers"]);
      for (const c of section.clusters) {
        expect(["A", "B", "C", "D"]).toContain(c.letter);
        expect(["Reward", "Safeguard", "Automate", "Monitor"]).toContain(c.proposal);
        expect(["Low", "Medium", "High"]).toContain(c.riskLevel);
        expect(clusterDescription(c, segments.currency)).toMatch(new RegExp(`^${formatCount(c.customers)} customers`));
      }
      expect(section.agreement.crossTab).toHaveLength(4);
    }
    const points = segments.pca!.points;
    expect(points.length).toBe(segments.customers.clustered);
    for (const key of ["customerId", "name", "pc1", "pc2", "k2", "k10"] as const) expect(points[key]).toHaveLength(points.length);
    for (const section of segments.perK) expect(points[`k${section.k}` as const].every((c) => c >= 0 && c < section.k)).toBe(true);
    expect(segments.pca!.loadings.map((l) => l.feature)).toEqual(segments.clusteringFeatures);
    expect(segments.thinHistory.count).toBe(segments.customers.total - segments.customers.clustered);
    expect(segments.thinHistory.rows.length).toBe(Math.min(50, segments.thinHistory.count));
  });

  test("kpis: cards against the previous month, a trend ending at the as-of date", () => {
    expect(kpis.cards.map((c) => c.key)).toEqual([
      "dso", "bestPossibleDso", "averageDaysDelinquent", "collectionEffectivenessIndex", "turnover", "atRiskRate", "receivables", "overdueShare"
    ]);
    for (const card of kpis.cards) {
      expect(card.change).toBeCloseTo(card.value! - card.previous!, 1);
    }
    expect(kpis.series.length).toBe(24);
    expect(kpis.series.date.at(-1)).toBe(kpis.asOfIso);
    expect(kpis.topRiskyCustomers).toHaveLength(10);
    const late = kpis.topRiskyCustomers.map((c) => c.expectedLateAmount!);
    expect(late).toEqual([...late].sort((a, b) => b - a));
    expect(sum(kpis.riskDistribution.map((b) => b.count))).toBe(openInLedger.length);
  });

  test("worklist: the top rows in priority order with strategy and next action", () => {
    expect(worklist.total).toBe(openInLedger.length);
    expect(worklist.items.length).toBe(Math.min(500, openInLedger.length));
    const late = worklist.items.expectedLateAmount;
    for (let i = 1; i < late.length; ++i) expect(late[i]).toBeLessThanOrEqual(late[i - 1]);
    expect(worklist.items.rank.slice(0, 3)).toEqual([1, 2, 3]);
    for (let i = 0; i < worklist.items.length; ++i) {
      expect(worklist.items.topFactors[i].length).toBeGreaterThan(0);
      expect(parseIsoDay(worklist.items.nextActionDate[i]!)!).toBeGreaterThanOrEqual(ledger.asOf);
    }
  });

  test("overview facts: headline numbers agree with the other files", () => {
    expect(overview.openAr).toBe(kpis.aging.total);
    expect(overview.dso).toBe(kpis.cards[0].value);
    expect(overview.routineShare).toBe(strategy.themes.find((t) => t.key === "routine")!.share);
    expect(overview.focusShare).toBe(strategy.themes.find((t) => t.key === "focused")!.share);
    expect(sum(overview.strategyMix.map((s) => s.invoiceShare))).toBeCloseTo(1, 3);
    const byAmount = [...kpis.segments.rows].filter((s) => s.segment !== null).sort((a, b) => b.openAmount! - a.openAmount!);
    expect(overview.topSegment!.segment).toBe(byAmount[0].segment);
    const rebuilt = openInvoicesFromTable(strategy.openInvoices);
    expect(overview.cashAtRisk).toBeCloseTo(sum(rebuilt.map((i) => i.pLate * i.amount)), 1);
  });
});

describe("portfolioStage: determinism", () => {
  test("the same inputs and seed give byte-identical files and CSV", () => {
    const again = portfolioStage(ledger, scores, {seed: 7});
    for (const name of Object.keys(files) as (keyof PortfolioFiles)[]) expect(JSON.stringify(again.files[name])).toBe(JSON.stringify(files[name]));
    expect(worklistCsv(again.worklist)).toBe(worklistCsv(result.worklist));
  });

  test("a different seed moves the seeded parts (k-means restarts, the forecast band), not the book's KPIs", () => {
    const other = portfolioStage(ledger, scores, {seed: 8});
    const otherKpis = other.files.kpis;
    expect(JSON.stringify([otherKpis.cards, otherKpis.series, otherKpis.aging])).toBe(JSON.stringify([kpis.cards, kpis.series, kpis.aging]));
    const band = (f: PortfolioFiles["scenario"]) => f.forecast.weeks.low;
    expect(band(other.files.scenario)).not.toEqual(band(files.scenario));
    expect(other.files.scenario.forecast.weeks.expected).toEqual(scenario.forecast.weeks.expected);
  });
});

describe("portfolioStage: the browser recipes", () => {
  test("strategy: rebuilding from the parsed file reproduces the default matrix and table; a cut-off moves it", () => {
    const invoices = openInvoicesFromTable(strategy.openInvoices);
    const options = {cutoffs: strategy.cutoffs.risk, invoiceValueCutoff: strategy.cutoffs.invoiceValue!, customerValueCutoff: strategy.cutoffs.customerValue!};
    const assignment = assignStrategies(invoices, options);
    const {cells, grid} = strategyMatrix(invoices, assignment);
    expect(cells.map((c) => ({...c, amount: round(c.amount, 2)}))).toEqual(strategy.matrix.cells);
    expect(grid.map((g) => [g.risk, g.value, g.count, round(g.amount, 2)])).toEqual(strategy.matrix.grid.map((g) => [g.risk, g.value, g.count, g.amount]));
    const table = strategyTable(invoices, assignment);
    expect(table.map((r) => [r.strategy, r.invoices, r.customers, round(r.amountShare, 4)])).toEqual(strategy.table.map((r) => [r.strategy, r.invoices, r.customers, r.amountShare]));

    const lower = assignStrategies(invoices, {...options, cutoffs: {medium: 0.2, high: 0.5}});
    const moved = strategyTable(invoices, lower);
    const restrict = (rows: {strategy: string; invoices: number}[]) => rows.find((r) => r.strategy === "restrict")!.invoices;
    expect(restrict(moved)).toBeGreaterThan(restrict(strategy.table));
  });

  test("scenario: rebuilding from the parsed file and running the defaults reproduces the baseline result", () => {
    const invoices = openInvoicesFromTable(scenario.openInvoices);
    const timing = compileTiming(scenario.timingModel);
    const prepared = prepareScenario(invoices, timing, scenario.asOf, {
      averageDailySales: scenario.options.averageDailySales,
      horizonDays: scenario.options.horizonDays,
      weeks: scenario.options.weeks
    });
    const run = runScenario(prepared, scenario.defaults);
    expect(scenarioResultJson(run)).toEqual(scenario.defaultResult);
    expect(run.decisionCurve.points).toHaveLength(19);
    // And a slider move changes the outcome.
    const slower = runScenario(prepared, {...scenario.defaults, slowingShare: 0.5});
    expect(slower.openAr.scenario).toBeGreaterThan(run.openAr.scenario);
  });
});

describe("portfolioStage: sums", () => {
  test("cluster customers add up to the customers clustered, for every k", () => {
    for (const section of segments.perK) {
      expect(sum(section.clusters.map((c) => c.customers))).toBe(segments.customers.clustered);
      expect(sum(section.clusters.map((c) => c.customerShare))).toBeCloseTo(1, 3);
      expect(sum(section.agreement.crossTab.flat())).toBe(segments.customers.clustered);
    }
  });

  test("aging adds up to open AR, which is the open invoices' total", () => {
    expect(sum(kpis.aging.rows.map((r) => r.amount))).toBeCloseTo(kpis.aging.total!, 1);
    expect(sum(kpis.aging.rows.map((r) => r.count))).toBe(openInLedger.length);
    expect(kpis.aging.total!).toBeCloseTo(sum(openInLedger.map((i) => i.openAmount)), 1);
    expect(sum(kpis.agingShift.rows.map((r) => r.todayAmount))).toBeCloseTo(kpis.aging.total!, 1);
  });

  test("strategy table and matrix counts add up to the open invoices", () => {
    expect(sum(strategy.table.map((r) => r.invoices))).toBe(openInLedger.length);
    expect(sum(strategy.matrix.cells.map((c) => c.count))).toBe(openInLedger.length);
    expect(sum(strategy.table.map((r) => r.amount))).toBeCloseTo(kpis.aging.total!, 1);
    expect(sum(strategy.segmentProposals.map((s) => s.invoices))).toBe(openInLedger.length);
  });

  test("forecast: weeks + later + never = open amount; the band brackets the median", () => {
    const f = scenario.forecast;
    expect(sum(f.weeks.expected) + f.later! + f.uncollected!).toBeCloseTo(f.openAmount!, 0);
    for (let k = 0; k < f.weeks.length; ++k) {
      expect(f.weeks.low[k]!).toBeLessThanOrEqual(f.weeks.median[k]!);
      expect(f.weeks.median[k]!).toBeLessThanOrEqual(f.weeks.high[k]!);
    }
    expect(scenario.defaultResult.cashByWeek.baseline).toEqual(f.weeks.expected);
  });
});

describe("portfolioStage: caps", () => {
  test("at this size nothing is capped", () => {
    expect(strategy.sample.capped).toBe(false);
    expect(strategy.openInvoices.invoices.length).toBe(openInLedger.length);
    expect(scenario.sample.capped).toBe(false);
    expect(segments.pca!.capped).toBe(false);
    expect(worklistCapRule(worklist)).toBeNull();
  });

  const capped = portfolioStage(ledger, scores, {seed: 7, openInvoiceCap: 100, customerCap: 50, worklistLimit: 20, scenarioRiskiestCustomers: 5});
  const s = capped.files.strategy;
  const sc = capped.files.scenario;

  test("open-invoice lists keep at most the cap, in whole customers, and say so", () => {
    for (const file of [s, sc]) {
      const table = file.openInvoices;
      expect(table.invoices.length).toBeLessThanOrEqual(100);
      expect(file.sample.capped).toBe(true);
      expect(file.sample.kept.invoices).toBe(table.invoices.length);
      expect(file.sample.total.invoices).toBe(openInLedger.length);
      expect(sampleRule(file.sample)).toMatch(/At most 100 open invoices/);
      // Whole customers: every open invoice of a kept customer is kept.
      const kept = new Set(openInvoicesFromTable(table).map((i) => i.customerId));
      expect(table.invoices.length).toBe(openInLedger.filter((i) => kept.has(i.customerId)).length);
    }
    // The scenario keeps the riskiest customers, which the "top-N customers delay" slider shocks.
    const riskiest = capped.files.kpis.topRiskyCustomers.slice(0, 5).map((c) => c.customerId);
    expect(riskiest.every((id) => sc.openInvoices.customers.customerId.includes(id))).toBe(true);
    // The defaults shown are still those of the whole book.
    expect(s.table).toEqual(strategy.table);
  });

  test("the PCA scatter and the worklist are capped; the CSV has every open invoice", () => {
    const seg = capped.files.segments;
    expect(seg.pca!.capped).toBe(true);
    expect(seg.pca!.points.length).toBe(50);
    expect(pcaCapRule(seg.pca!, seg.customers.clustered)).toMatch(/^50 of/);
    const w = capped.files.worklist;
    expect(w.items.length).toBe(20);
    expect(w.total).toBe(openInLedger.length);
    expect(worklistCapRule(w)).toMatch(/first 20 of/);
    const csv = parseCsv(worklistCsv(capped.worklist), {file: "worklist.csv"});
    expect(csv.rows).toHaveLength(openInLedger.length);
    expect(csv.header[0]).toBe("rank");
  });
});

describe("portfolio helpers on hand-made cases", () => {
  const asOf = 20_000;
  const open = (id: string, customer: string, amount: number, dueIn: number, pLate: number, segment: string | null = "A"): OpenInvoice => ({
    invoiceId: id,
    customerId: customer,
    customerName: `Name, "${customer}"`,
    amount,
    dueDate: asOf + dueIn,
    daysOverdue: Math.max(0, -dueIn),
    pLate,
    segment,
    expectedDaysLate: 0,
    topFactors: []
  });

  test("the compact table round-trips through JSON with rounded amounts and probabilities", () => {
    const invoices = [open("I1", "C1", 100.126, -12, 0.123456), open("I2", "C2", 50, 5, 0.5, null), open("I3", "C1", 7, 0, 1)];
    const table = JSON.parse(JSON.stringify(openInvoiceTable(invoices, asOf))) as OpenInvoiceTable;
    expect(table.customers.customerId).toEqual(["C1", "C2"]);
    expect(table.invoices.customer).toEqual([0, 1, 0]);
    expect(table.invoices.daysToDue).toEqual([-12, 5, 0]);
    expect(table.segments).toEqual(["A"]);
    expect(table.invoices.segment).toEqual([0, -1, 0]);
    const back = openInvoicesFromTable(table);
    expect(back[0]).toMatchObject({invoiceId: "I1", customerId: "C1", amount: 100.13, pLate: 0.1235, dueDate: asOf - 12, daysOverdue: 12, segment: "A"});
    expect(back[1]).toMatchObject({customerName: 'Name, "C2"', segment: null, daysOverdue: 0});
    expect(back[2].daysOverdue).toBe(0);
  });

  test("the sample keeps the riskiest customers, then whole customers by hash, up to the cap", () => {
    // C1 has the largest expected late amount (0.9 × 1,000); C2..C6 have 2 invoices each.
    const invoices = [open("a", "C1", 1000, 1, 0.9)];
    for (let c = 2; c <= 6; ++c) invoices.push(open(`b${c}`, `C${c}`, 10, 1, 0.1), open(`c${c}`, `C${c}`, 10, 1, 0.1));
    const {invoices: kept, sample} = sampleOpenInvoices(invoices, {cap: 6, keepRiskiest: 1, seed: 3});
    expect(sample.capped).toBe(true);
    expect(kept.map((i) => i.customerId)).toContain("C1");
    // 1 + 2 + 2 = 5 invoices; a third two-invoice customer would pass 6.
    expect(kept).toHaveLength(5);
    expect(sample.kept.customers).toBe(3);
    expect(sample.scale.invoices).toBe(round(11 / 5, 4));
    // Not capped: everything, scale 1.
    expect(sampleOpenInvoices(invoices, {cap: 11, seed: 3}).sample).toMatchObject({capped: false, scale: {invoices: 1, amount: 1}});
    // The seed changes which customers fill the sample, never the riskiest.
    const picks = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => sampleOpenInvoices(invoices, {cap: 6, keepRiskiest: 1, seed}).invoices.map((i) => i.customerId).join()));
    expect(picks.size).toBeGreaterThan(1);
  });

  test("cluster risk level: against the portfolio's mean P(late), with stated bounds", () => {
    expect(clusterRiskLevel(0.1999, 0.25)).toBe("Low");
    expect(clusterRiskLevel(0.2, 0.25)).toBe("Medium");
    expect(clusterRiskLevel(0.3125, 0.25)).toBe("Medium");
    expect(clusterRiskLevel(0.3126, 0.25)).toBe("High");
  });

  test("worklistCsv quotes names with commas and quotes and joins the factors", () => {
    const items = [{
      rank: 1, invoiceId: "I1", customerId: "C1", customerName: 'Smith, "Bros"', segment: "B", amount: 1234.5, dueDate: asOf, daysOverdue: 0,
      pLate: 0.61234, expectedLateAmount: 755.93, expectedDaysLate: 12.345, topFactors: ["Late before", "Big"], strategy: "restrict" as const,
      strategyLabel: "High risk", nextAction: "Call", nextActionChannel: "phone" as const, nextActionDate: asOf + 3
    }];
    const lines = worklistCsv(items).trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('1,I1,C1,"Smith, ""Bros""",B,1234.5,USD,2024-10-04,0,0.6123,755.93,12.35,Late before; Big,High risk,Call,phone,2024-10-07');
  });
});

describe("portfolioStage: a ledger too small to segment", () => {
  test("reports segments as unavailable and still builds every other file", () => {
    const tiny = syntheticLedger({invoices: 300, customers: 2, seed: 1}).ledger;
    const r = portfolioStage(tiny, standInScores(tiny));
    const seg = r.files.segments;
    expect(seg.available).toBe(false);
    expect(unsegmentedReason(seg as UnsegmentedFile)).toMatch(/needs at least 3 customers/);
    expect(seg.perK).toEqual([]);
    expect(r.files["overview-facts"].topSegment).toBeNull();
    expect(r.files.worklist.total).toBe(tiny.invoices.filter((i) => i.status === "open" && i.openAmount > 0).length);
  });
});
