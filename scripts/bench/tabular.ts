// The pages' tabular work, timed two ways on the default data (the data files of the site the bench
// built): the hand-written code the pages run (lib/views, typed arrays and plain loops) against the same
// work in arquero, the card's table library. Each case is what one input change costs: the EDA filters
// with every group-by the page draws, the Strategy worklist rows after a cut-off move, the Data page's
// sample search. A page keeps its hand-written path only where arquero is more than 1.5× slower.
import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import * as aq from "arquero";
import {median} from "d3";
import type {ColumnTable} from "arquero";
import type {EdaFile, LedgerSampleFile, StrategyFile, WorklistFile} from "../../lib/pipeline/contract.js";
import {formatIsoDay} from "../../lib/core/dates.js";
import {aging, edaData, filterRows, lateRateByIndustry, lateRateByRegion, lateRateByScoreBand, monthly, scoreBandIndex} from "../../lib/views/eda.js";
import type {EdaData} from "../../lib/views/eda.js";
import {strategyShortLabels} from "../../lib/views/strategy.js";
import {decidedWorklist, decideWorklist, worklistRows} from "../../lib/views/worklist.js";
import type {WorklistRow} from "../../lib/views/worklist.js";
import {resolveStrategyOptions} from "../../lib/portfolio/strategy.js";
import type {StrategyKey} from "../../lib/portfolio/strategy.js";
import {openInvoicesFromTable} from "../../lib/portfolio/openInvoiceTable.js";
import {monthIndex} from "../../lib/core/dates.js";

const {op} = aq;

export interface TabularMeasure {
  name: string;
  rows: number;
  /** Median ms per input change, hand-written path. */
  handMs: number;
  arqueroMs: number;
  /** arqueroMs ÷ handMs. */
  ratio: number;
  /** Whether both paths gave the same figures on every change timed. */
  agree: boolean;
  /** The path the page ships. */
  pageUses: TabularPath;
}

/** The path the 1.5× rule picks: hand-written only where arquero is more than 1.5× slower. */
export const rulePath = (m: Pick<TabularMeasure, "ratio">): TabularPath => (m.ratio > 1.5 ? "hand-written" : "arquero");

/** The report's data files in a built site (Framework names them `<name>.<hash>.json`). */
function readDataFile<T>(siteDir: string, name: string): T {
  const dir = join(siteDir, "_file/data/report");
  const file = readdirSync(dir).find((f) => f.startsWith(`${name}.`) && f.endsWith(".json"));
  if (!file) throw new Error(`tabular: no ${name}.json in ${dir}`);
  return JSON.parse(readFileSync(join(dir, file), "utf8")) as T;
}

/** The path a page ships for a case: what the 1.5× rule is checked against. */
export type TabularPath = "hand-written" | "arquero";

/**
 * What each page ships today, case by case. tests/scripts/bench-report.test.ts reads the pages' code and
 * fails when this says "hand-written" while a page imports arquero, or the other way round.
 */
export const pagePaths = {eda: "hand-written", worklist: "hand-written", sample: "hand-written"} as const satisfies Record<string, TabularPath>;

/**
 * Median ms per input of each path, the two timed in turn on every input of every repeat (after one
 * warm-up pass of both), so that drift in the process (JIT, garbage) falls on both alike. Timed one block
 * after the other, with 15 repeats, the worklist read 0.9–1.7× from run to run; in turn, with 60, it read
 * 1.6× in each of four runs.
 */
function race<I, R>(inputs: readonly I[], hand: (input: I) => R, arquero: (input: I) => R, repeats: number): Pick<TabularMeasure, "handMs" | "arqueroMs" | "ratio" | "agree"> {
  for (const input of inputs) hand(input), arquero(input);
  const samples = {hand: [] as number[], arquero: [] as number[]};
  let results = {hand: [] as R[], arquero: [] as R[]};
  for (let r = 0; r < repeats; ++r) {
    results = {hand: [], arquero: []};
    for (const input of inputs) {
      for (const [path, run] of [["hand", hand], ["arquero", arquero]] as const) {
        const start = performance.now();
        results[path].push(run(input));
        samples[path].push(performance.now() - start);
      }
    }
  }
  const handMs = median(samples.hand)!, arqueroMs = median(samples.arquero)!;
  return {handMs, arqueroMs, ratio: arqueroMs / handMs, agree: same(results.hand, results.arquero)};
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

// EDA -------------------------------------------------------------------------------------------------

interface EdaChange {
  from: number | null;
  to: number | null;
  regions: number[] | null;
}

/** What one filter change computes, as plain figures both paths must agree on. */
interface EdaFigures {
  n: number;
  industry: number[][];
  region: number[][];
  score: number[][];
  months: number[][];
  aging: number[][];
}

function edaHand(data: EdaData, change: EdaChange): EdaFigures {
  const rows = filterRows(data, change);
  const late = (groups: {invoices: number; late: number}[]) => groups.map((g) => [g.invoices, g.late]);
  return {
    n: rows.length,
    industry: late(lateRateByIndustry(data, rows)),
    region: late(lateRateByRegion(data, rows)),
    score: late(lateRateByScoreBand(data, rows)),
    months: monthly(data, rows).map((m) => [m.month, m.invoices, m.settled, m.late, Math.round(m.invoiced), Math.round(m.collected)]),
    aging: aging(data, rows).map((a) => [a.count, Math.round(a.amount)])
  };
}

/** The EDA table in arquero, with the derived columns edaData computes once (month keys, score band). */
function edaTable(file: EdaFile): ColumnTable {
  const {length: _, ...r} = file.rows;
  return aq.table({
    ...r,
    invoiceMonth: r.invoiceDate.map((d) => monthIndex(d)),
    settledMonth: r.settledDate.map((d) => (d === null ? -1 : monthIndex(d))),
    scoreBand: r.creditScore.map((s) => (s === null ? -1 : scoreBandIndex(s))),
    open: r.status.map((s) => (file.statuses[s] === "open" ? 1 : 0))
  });
}

function edaArquero(table: ColumnTable, file: EdaFile, change: EdaChange): EdaFigures {
  const filtered = table
    .params({lo: change.from ?? -Infinity, hi: change.to ?? Infinity, regions: change.regions ?? [], all: change.regions === null})
    .filter((d: any, $: any) => d.invoiceDate >= $.lo && d.invoiceDate <= $.hi && ($.all || op.includes($.regions, d.region)));
  const settled = filtered.filter((d: any) => d.paidLate != null);
  const lateBy = (column: string, size: number) => {
    const counts = Array.from({length: size}, () => [0, 0]);
    for (const g of settled.groupby(column).rollup({invoices: op.count(), late: op.sum("paidLate")}).objects() as any[]) {
      if (g[column] !== null && g[column] >= 0) counts[g[column]] = [g.invoices, g.late];
    }
    return counts;
  };
  const issued = filtered.groupby("invoiceMonth").rollup({invoices: op.count(), invoiced: op.sum("amount")});
  const settledMonths = settled.groupby("invoiceMonth").rollup({settled: op.count(), late: op.sum("paidLate")});
  const collected = filtered.filter((d: any) => d.settledMonth >= 0).groupby("settledMonth").rollup({collected: op.sum("paidAmount")}).rename({settledMonth: "invoiceMonth"});
  const byMonth = new Map<number, number[]>();
  const first = op.min, last = op.max;
  const span = filtered.rollup({first: first("invoiceMonth"), last: last("invoiceMonth"), lastSettled: last("settledMonth")}).object() as {first: number; last: number; lastSettled: number};
  const end = Math.max(span.last, span.lastSettled);
  for (let m = span.first; m <= end; ++m) byMonth.set(m, [m, 0, 0, 0, 0, 0]);
  for (const g of issued.objects() as any[]) Object.assign(byMonth.get(g.invoiceMonth)!, {1: g.invoices, 4: g.invoiced});
  for (const g of settledMonths.objects() as any[]) Object.assign(byMonth.get(g.invoiceMonth)!, {2: g.settled, 3: g.late});
  for (const g of collected.objects() as any[]) byMonth.get(g.invoiceMonth)![5] = g.collected;
  const agingCounts = Array.from({length: file.agingBuckets.length}, () => [0, 0]);
  for (const g of filtered.filter((d: any) => d.open === 1 && d.agingBucket != null).groupby("agingBucket").rollup({count: op.count(), amount: op.sum("openAmount")}).objects() as any[]) {
    agingCounts[g.agingBucket] = [g.count, Math.round(g.amount)];
  }
  return {
    n: filtered.numRows(),
    industry: lateBy("industry", file.industries.length),
    region: lateBy("region", file.regions.length),
    score: lateBy("scoreBand", 5),
    months: [...byMonth.values()].map(([m, invoices, s, late, invoiced, paid]) => [m, invoices, s, late, Math.round(invoiced), Math.round(paid)]),
    aging: agingCounts
  };
}

function edaCase(file: EdaFile, repeats: number): TabularMeasure {
  const first = Math.min(...file.rows.invoiceDate), last = Math.max(...file.rows.invoiceDate);
  const span = last - first;
  // Filter changes a reader makes: all rows, a date window, one region, a window in two regions.
  const changes: EdaChange[] = [
    {from: null, to: null, regions: null},
    {from: first + Math.round(span * 0.25), to: first + Math.round(span * 0.75), regions: null},
    {from: null, to: null, regions: [0]},
    {from: first + Math.round(span * 0.5), to: null, regions: [1, 2]}
  ];
  const data = edaData(file);
  const table = edaTable(file);
  const timed = race(changes, (c) => edaHand(data, c), (c) => edaArquero(table, file, c), repeats);
  return {name: "EDA: filter + every group-by, per filter change", rows: file.rows.length, ...timed, pageUses: pagePaths.eda};
}

// Worklist ---------------------------------------------------------------------------------------------

/** The same in arquero: the decisions assigned as columns, the strategy filter as a table expression. */
function worklistArquero(rows: readonly WorklistRow[], asOf: number, options: ReturnType<typeof resolveStrategyOptions>, only: StrategyKey | null) {
  const decisions = decideWorklist(rows.map((r) => ({invoiceId: r.invoiceId, amount: r.amount, pLate: r.pLate, segment: r.segment, dueDate: r.due})), asOf, options);
  return aq
    .from(rows)
    .assign({
      strategy: decisions.map((d) => d.strategy),
      strategyLabel: decisions.map((d) => d.strategyLabel),
      strategyName: decisions.map((d) => strategyShortLabels[d.strategy]),
      nextAction: decisions.map((d) => d.nextAction),
      nextActionDate: decisions.map((d) => (d.nextActionDate === null ? "" : formatIsoDay(d.nextActionDate))),
      nextActionChannel: decisions.map((d) => d.nextActionChannel)
    })
    .params({only})
    .filter((d: any, $: any) => $.only === null || d.strategy === $.only)
    .objects();
}

function worklistCase(worklist: WorklistFile, strategy: StrategyFile, repeats: number): TabularMeasure {
  const open = openInvoicesFromTable(strategy.openInvoices);
  const base = {invoiceValueCutoff: strategy.cutoffs.invoiceValue, customerValueCutoff: strategy.cutoffs.customerValue, loyaltySegments: strategy.cutoffs.loyaltySegments};
  // Cut-off moves: the default rules, then the medium and high cut-offs and the value cut-off moved.
  const changes = [
    {...base, cutoffs: strategy.cutoffs.risk, only: null},
    {...base, cutoffs: {medium: 0.2, high: 0.5}, only: null},
    {...base, cutoffs: {medium: 0.4, high: 0.8}, only: "restrict" as const},
    {...base, invoiceValueCutoff: base.invoiceValueCutoff * 2, cutoffs: strategy.cutoffs.risk, only: "followUp" as const}
  ].map(({only, ...options}) => ({options: resolveStrategyOptions(open, options), only: only as StrategyKey | null}));
  const rows = worklistRows(worklist.items);
  // The page's own path (lib/views/worklist.ts).
  const timed = race(changes, (c) => decidedWorklist(rows, worklist.asOf, c.options, {strategy: c.only}), (c) => worklistArquero(rows, worklist.asOf, c.options, c.only), repeats);
  return {name: "Strategy: worklist rows, per cut-off move", rows: worklist.items.length, ...timed, pageUses: pagePaths.worklist};
}

// Sample table -----------------------------------------------------------------------------------------

/** The Data page's sample: the rows matching a search term in any text column, and which columns have values. */
function sampleHand(rows: LedgerSampleFile["rows"], term: string) {
  const needle = term.toLowerCase();
  const matched = rows.filter((r) => [r.invoice, r.customer, r.industry, r.region, r.status].some((v) => v !== null && v.toLowerCase().includes(needle)));
  return {matched: matched.length, industry: matched.some((r) => r.industry !== null), region: matched.some((r) => r.region !== null)};
}

function sampleArquero(table: ColumnTable, term: string) {
  const matched = table
    .params({needle: term.toLowerCase()})
    .filter((d: any, $: any) =>
      op.includes(op.lower(d.invoice) as any, $.needle) || op.includes(op.lower(d.customer) as any, $.needle) ||
      op.includes(op.lower(d.industry) as any, $.needle) || op.includes(op.lower(d.region) as any, $.needle) || op.includes(op.lower(d.status) as any, $.needle)
    );
  const valid = matched.rollup({industry: op.valid("industry"), region: op.valid("region")}).object() as {industry: number; region: number};
  return {matched: matched.numRows(), industry: valid.industry > 0, region: valid.region > 0};
}

function sampleCase(sample: LedgerSampleFile, repeats: number): TabularMeasure {
  const terms = ["", "inv", "construction", "open", "ltd"];
  const table = aq.from(sample.rows);
  const timed = race(terms, (t) => sampleHand(sample.rows, t), (t) => sampleArquero(table, t), repeats);
  return {name: "Data: sample search, per keystroke", rows: sample.rows.length, ...timed, pageUses: pagePaths.sample};
}

export function measureTabular(siteDir: string, {repeats = 60}: {repeats?: number} = {}): TabularMeasure[] {
  return [
    edaCase(readDataFile<EdaFile>(siteDir, "eda"), repeats),
    worklistCase(readDataFile<WorklistFile>(siteDir, "worklist"), readDataFile<StrategyFile>(siteDir, "strategy"), repeats),
    sampleCase(readDataFile<LedgerSampleFile>(siteDir, "ledger-sample"), repeats)
  ];
}

// `npx tsx scripts/bench/tabular.ts dist`: the cases on a built site, without the rest of the bench.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const m of measureTabular(process.argv[2] ?? "dist")) {
    console.log(`${m.name}: ${m.rows} rows, hand ${m.handMs.toFixed(2)} ms, arquero ${m.arqueroMs.toFixed(2)} ms (${m.ratio.toFixed(1)}×), same figures: ${m.agree}, page uses ${m.pageUses}, rule picks ${rulePath(m)}`);
  }
}
