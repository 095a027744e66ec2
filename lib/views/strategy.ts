// The Strategy page's words and the figures behind them, from the strategy file and from the browser's
// re-run of the rules (lib/portfolio/strategy.ts) when the reader moves a cut-off; the rules themselves in
// words are lib/views/definitions/strategy.ts. Pure functions, so that every sentence on the page can be
// checked against worked numbers.
import {formatCount, formatDecimal, formatMoney, formatPercent} from "../core/format.js";
import {ascending, greatest, sum} from "d3";
import {capitalise} from "../core/text.js";
import type {OpenInvoice} from "../portfolio/openInvoices.js";
import {segmentLetter} from "../segments/letters.js";
import {riskBands} from "../portfolio/riskBands.js";
import type {RiskBand, RiskCutoffs} from "../portfolio/riskBands.js";
import {strategyDefinitions, strategyKeys, strategyMatrix, strategyTable, strategyThemes, valueBands} from "../portfolio/strategy.js";
import type {PlannedAction, StrategyAssignment, StrategyKey, ThemeKey, ValueBand} from "../portfolio/strategy.js";
import type {CoverageFigures, SampleInfo, SegmentStrategyRow, StrategyFile, StrategyGridCell, StrategyRow, StrategyTheme} from "../pipeline/contract.js";
import {thresholds} from "./thresholds.js";

/** In running text after "under": "under credit restriction". */
export const strategyPhrases: Record<StrategyKey, string> = {
  loyalty: "loyalty terms",
  standard: "standard terms",
  reminders: "automated reminders",
  followUp: "AR follow-up",
  restrict: "credit restriction"
};

/** Short names for tight spaces (matrix cells, chart axes); the full labels live in lib/portfolio/strategy.ts. */
export const strategyShortLabels: Record<StrategyKey, string> = {
  loyalty: "Loyalty",
  standard: "Standard",
  reminders: "Automated reminders",
  followUp: "AR follow-up",
  restrict: "Credit restriction"
};

/** Shortest names, for phone-width charts. */
export const strategyTinyLabels: Record<StrategyKey, string> = {
  loyalty: "Loyalty",
  standard: "Standard",
  reminders: "Reminders",
  followUp: "Follow-up",
  restrict: "Restrict"
};

// ---------------------------------------------------------------------------------------------------
// Cut-offs

export interface CutoffChoice {
  cutoffs: RiskCutoffs;
  /** Why the cut-offs differ from what the reader set, or null. */
  note: string | null;
}

/**
 * The risk cut-offs the reader set, made valid: a medium cut-off above the high one empties the medium
 * band (everything from the high cut-off is high risk, everything below it low) rather than failing.
 */
export function chooseRiskCutoffs(medium: number, high: number): CutoffChoice {
  const clamp = (v: number) => Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0));
  const m = clamp(medium), h = clamp(high);
  if (m <= h) return {cutoffs: {medium: m, high: h}, note: null};
  return {
    cutoffs: {medium: h, high: h},
    note: `The medium-risk cut-off (${m.toFixed(2)}) is above the high-risk cut-off (${h.toFixed(2)}), so no invoice is medium risk: P(late) from ${h.toFixed(2)} is high risk, below it low risk.`
  };
}

export interface ValueRange {
  min: number;
  max: number;
  step: number;
}

/**
 * Bounds and step for the value cut-off slider (a log scale in the browser): from about the 5th to the
 * 99th percentile of open amounts, on a step that keeps the default cut-off reachable.
 */
export function valueCutoffRange(amounts: readonly number[], defaultCutoff: number): ValueRange {
  const positive = amounts.filter((a) => a > 0 && Number.isFinite(a)).sort(ascending);
  const fallback = defaultCutoff > 0 ? defaultCutoff : 1000;
  const at = (p: number) => (positive.length ? positive[Math.min(positive.length - 1, Math.floor(p * (positive.length - 1)))] : fallback);
  const pow10 = (v: number) => 10 ** Math.floor(Math.log10(Math.max(v, 1)));
  const low = Math.min(at(0.05), fallback);
  const high = Math.max(at(0.99), fallback * 2);
  // A step no coarser than the default's second significant digit, so the default sits on the grid.
  const step = Math.max(1, Math.min(pow10(low), pow10(fallback) / 10));
  const min = Math.max(step, Math.floor(low / step) * step);
  const coarse = Math.max(step, pow10(high) / 10);
  const max = Math.ceil(high / coarse) * coarse;
  return {min, max: Math.max(max, min + step), step};
}

/** The strategy file's cut-offs: the rules the file's figures were computed with. */
export type FileCutoffs = Pick<StrategyFile["cutoffs"], "risk" | "invoiceValue">;

export function isFileRules(cutoffs: RiskCutoffs, invoiceValueCutoff: number, file: FileCutoffs): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  return near(cutoffs.medium, file.risk.medium) && near(cutoffs.high, file.risk.high) && near(invoiceValueCutoff, file.invoiceValue);
}

// ---------------------------------------------------------------------------------------------------
// The view: matrix, table, themes and segment mix, from the file (exact, whole book) or re-computed

/** What the file's sample holds against the whole book, to scale figures computed on it. */
export type SampleScale = Pick<SampleInfo, "capped" | "scale"> & {
  kept: Pick<CoverageFigures, "invoices" | "customers">;
  total: Pick<CoverageFigures, "invoices" | "customers">;
};

/** A risk × value cell, from the file or re-computed. */
export type ViewGridCell = StrategyGridCell;

/** A strategy table row; meanPLate is NaN (or null from JSON) when the strategy has no invoice. */
export type ViewTableRow = StrategyRow;

export type ViewTheme = Pick<StrategyTheme, "key" | "share" | "count" | "amount">;

/** How a segment's open invoices are treated: strategy.json `segmentProposals`, or re-computed. */
export type SegmentMixRow = Pick<SegmentStrategyRow, "segment" | "letter" | "invoices" | "amount"> & {
  strategies: Omit<SegmentStrategyRow["strategies"][number], "customers">[];
};

export interface StrategyView {
  grid: ViewGridCell[];
  table: ViewTableRow[];
  themes: ViewTheme[];
  segments: SegmentMixRow[];
  totalInvoices: number;
  totalAmount: number;
  /** Counts and amounts are a sample scaled up to the whole book. */
  estimated: boolean;
}

/** The parts of strategy.json the view reads. */
export interface StrategyFileView extends Pick<StrategyFile, "table"> {
  matrix: Pick<StrategyFile["matrix"], "grid">;
  themes: ViewTheme[];
  segmentProposals: SegmentMixRow[];
  sample: SampleScale & {total: Pick<CoverageFigures, "invoices" | "customers" | "amount">};
}

/** The file's own figures: exact and for the whole book, under the default rules. */
export function fileView(file: StrategyFileView): StrategyView {
  return {
    grid: file.matrix.grid,
    table: file.table,
    themes: file.themes,
    segments: file.segmentProposals,
    totalInvoices: file.sample.total.invoices,
    totalAmount: file.sample.total.amount,
    estimated: false
  };
}

/** Per segment (input order of first appearance, then sorted; unsegmented last): how its open invoices are treated. */
export function segmentMix(invoices: readonly OpenInvoice[], assignment: StrategyAssignment): SegmentMixRow[] {
  const rows = new Map<string | null, SegmentMixRow>();
  invoices.forEach((invoice, i) => {
    let row = rows.get(invoice.segment);
    if (!row) {
      row = {
        segment: invoice.segment,
        letter: segmentLetter(invoice.segment),
        invoices: 0,
        amount: 0,
        strategies: strategyKeys.map((strategy) => ({strategy, invoices: 0, amount: 0, amountShare: 0}))
      };
      rows.set(invoice.segment, row);
    }
    const s = row.strategies[strategyKeys.indexOf(assignment.invoices[i].strategy)];
    s.invoices += 1;
    s.amount += invoice.amount;
    row.invoices += 1;
    row.amount += invoice.amount;
  });
  for (const row of rows.values()) for (const s of row.strategies) s.amountShare = row.amount > 0 ? s.amount / row.amount : 0;
  return [...rows.values()].sort((a, b) => (a.segment === b.segment ? 0 : a.segment === null ? 1 : b.segment === null ? -1 : a.segment < b.segment ? -1 : 1));
}

/**
 * The rules re-run on the shipped invoices. When the file holds a sample, counts and amounts are scaled
 * up to the whole book (shares need no scaling); the concentration theme does not depend on the rules
 * and is taken from the file, which computed it on every invoice.
 */
export function computedView(invoices: readonly OpenInvoice[], assignment: StrategyAssignment, sample: SampleScale, fileThemes: readonly ViewTheme[]): StrategyView {
  const k = sample.capped ? sample.scale.invoices : 1;
  const a = sample.capped ? sample.scale.amount : 1;
  const c = sample.capped && sample.kept.customers > 0 ? sample.total.customers / sample.kept.customers : 1;
  const {grid} = strategyMatrix(invoices, assignment);
  const table = strategyTable(invoices, assignment);
  const themes = strategyThemes(invoices, assignment);
  const fileConcentration = fileThemes.find((t) => t.key === "concentration");
  const totalAmount = sum(invoices, (invoice) => invoice.amount);
  return {
    grid: grid.map((g) => ({...g, count: g.count * k, amount: g.amount * a, strategies: g.strategies.map((s) => ({...s, count: s.count * k, amount: s.amount * a}))})),
    table: table.map((r) => ({...r, invoices: r.invoices * k, amount: r.amount * a, customers: r.customers * c})),
    themes: themes.map((t) => (t.key === "concentration" && fileConcentration ? {...fileConcentration} : {...t, count: t.count * k, amount: t.amount * a})),
    segments: segmentMix(invoices, assignment).map((s) => ({
      ...s,
      invoices: s.invoices * k,
      amount: s.amount * a,
      strategies: s.strategies.map((x) => ({...x, invoices: x.invoices * k, amount: x.amount * a}))
    })),
    totalInvoices: invoices.length * k,
    totalAmount: totalAmount * a,
    estimated: sample.capped
  };
}

// ---------------------------------------------------------------------------------------------------
// Sentences

function theme(themes: readonly ViewTheme[], key: ThemeKey): ViewTheme | undefined {
  return themes.find((t) => t.key === key);
}

/**
 * The lede: how much of the book can run on routine terms, how much needs people, and how concentrated
 * the risk is. Empty when there are no open invoices.
 */
export function strategyThemesFinding(themes: readonly ViewTheme[], {currency = "USD", totalInvoices}: {currency?: string; totalInvoices: number}): string {
  if (!(totalInvoices > 0)) return "";
  const money = (v: number) => formatMoney(v, {currency});
  const routine = theme(themes, "routine");
  const automated = theme(themes, "automated");
  const focused = theme(themes, "focused");
  const focusedValue = theme(themes, "focusedValue");
  const concentration = theme(themes, "concentration");
  const parts: string[] = [];
  if (routine) parts.push(`${formatPercent(routine.share, 0)} of open invoices sit with low-risk or loyal customers and can stay on standard terms or better`);
  if (automated && automated.count > 0) parts.push(`${formatPercent(automated.share, 0)} can be left to automated reminders`);
  let text = parts.length ? `${capitalise(parts.join("; "))}.` : "";
  if (focused && focused.count > 0) {
    const value = focusedValue ? `, and they carry ${formatPercent(focusedValue.share, 0)} of the open amount (${money(focusedValue.amount)})` : "";
    text += ` The ${formatPercent(focused.share, 0)} that need focused collection — a named collector or a credit restriction — are where the effort goes${value}.`;
  } else if (focused) {
    text += " No invoice needs focused collection under these rules.";
  }
  if (concentration && concentration.count > 0 && concentration.share > 0) {
    text += ` ${capitalise(numberWord(concentration.count))} ${concentration.count === 1 ? "customer holds" : "customers hold"} ${formatPercent(concentration.share, 0)} of the amount expected to arrive late.`;
  }
  return text.trim();
}

/** "80% of its $2.3M open is under credit restriction, 10% under AR follow-up (323 invoices)." */
export function segmentMixFinding(row: SegmentMixRow, {currency = "USD", estimated = false}: {currency?: string; estimated?: boolean} = {}): string {
  if (!(row.invoices > 0)) return "No open invoices.";
  const approx = estimated ? "≈" : "";
  const ranked = [...row.strategies].filter((s) => s.amount > 0).sort((a, b) => b.amount - a.amount);
  const [first, second] = ranked;
  if (!first) return `${approx}${formatCount(row.invoices)} open invoices with nothing left to collect.`;
  const lead = `${formatPercent(first.amountShare, 0)} of its ${approx}${formatMoney(row.amount, {currency})} open is under ${strategyPhrases[first.strategy]}`;
  const rest = second && second.amountShare >= thresholds.secondStrategy.value ? `, ${formatPercent(second.amountShare, 0)} under ${strategyPhrases[second.strategy]}` : "";
  return `${capitalise(lead)}${rest} (${approx}${formatCount(row.invoices)} ${row.invoices === 1 ? "invoice" : "invoices"}).`;
}

/** The strategy table's title: how much needs a credit restriction, and how risky it is. */
export function restrictFinding(table: readonly Pick<ViewTableRow, "strategy" | "invoices" | "invoiceShare" | "meanPLate">[], score = "predicted P(late)"): string {
  const restrict = table.find((r) => r.strategy === "restrict");
  if (!restrict || !(restrict.invoices > 0)) return "No open invoice needs a credit restriction under these rules";
  return `${formatPercent(restrict.invoiceShare, 0)} of open invoices need a credit restriction; their average ${score} is ${formatDecimal(restrict.meanPLate, 2)}`;
}

/** The segment-mix chart's title: the segment with the largest share of its open amount under credit restriction. */
export function segmentMixTitle(rows: readonly SegmentMixRow[]): string {
  const segmented = rows.filter((r) => r.segment !== null && r.amount > 0);
  if (!segmented.length) return rows.some((r) => r.segment !== null) ? "No segment has anything open" : "Customers are not segmented: too little payment history";
  const restrictShare = (r: SegmentMixRow) => r.strategies.find((s) => s.strategy === "restrict")?.amountShare ?? 0;
  const worst = [...segmented].sort((a, b) => restrictShare(b) - restrictShare(a))[0];
  if (!(restrictShare(worst) > 0)) return "No segment's open amount falls under credit restriction";
  return `${formatPercent(restrictShare(worst), 0)} of segment ${worst.segment}'s open amount falls under credit restriction`;
}

/** How the matrix should be read, for its card title: where the money and where the effort sit. */
export function matrixFinding(grid: readonly ViewGridCell[], {currency = "USD"}: {currency?: string} = {}): string {
  const total = sum(grid, (g) => g.amount);
  if (!(total > 0)) return "No open invoices to place in the matrix";
  const largest = greatest(grid, (g) => g.amount)!;
  const band = (g: ViewGridCell) => `${g.risk}-risk, ${g.value}-value`;
  const highRisk = grid.filter((g) => g.risk === "high");
  const highAmount = sum(highRisk, (g) => g.amount);
  return `${capitalise(band(largest))} invoices hold ${formatPercent(largest.amount / total, 0)} of the open amount; high-risk ones ${formatPercent(highAmount / total, 0)} (${formatMoney(highAmount, {currency})})`;
}

// ---------------------------------------------------------------------------------------------------
// Action plans

/** "10 days before due", "on the due date", "7 days after due". */
export function offsetLabel(offsetDays: number): string {
  if (offsetDays === 0) return "on the due date";
  const n = Math.abs(offsetDays);
  return `${n} ${n === 1 ? "day" : "days"} ${offsetDays < 0 ? "before" : "after"} due`;
}

/** "−10 d", "+7 d", "due": for tight labels. */
export function offsetShort(offsetDays: number): string {
  return offsetDays === 0 ? "due" : `${offsetDays < 0 ? "−" : "+"}${Math.abs(offsetDays)} d`;
}

export interface TimelinePoint {
  strategy: StrategyKey;
  label: string;
  offsetDays: number;
  channel: PlannedAction["channel"];
  action: string;
  /** Position of the action within its plan, from 1. */
  step: number;
}

/** Every planned action of every strategy, for the timeline. */
export function actionTimeline(strategies: readonly StrategyKey[] = strategyKeys): TimelinePoint[] {
  return strategies.flatMap((strategy) =>
    strategyDefinitions[strategy].actions.map((a, i) => ({strategy, label: strategyShortLabels[strategy], offsetDays: a.offsetDays, channel: a.channel, action: a.action, step: i + 1}))
  );
}

/** "Credit restriction starts 10 days before the due date; Standard waits until 3 days after it." */
export function timelineFinding(points: readonly TimelinePoint[]): string {
  const first = new Map<StrategyKey, TimelinePoint>();
  for (const p of points) {
    const known = first.get(p.strategy);
    if (!known || p.offsetDays < known.offsetDays) first.set(p.strategy, p);
  }
  // Ties go to the more severe strategy (later in strategyKeys), which is the one worth naming.
  const ranked = [...first.values()].sort((a, b) => a.offsetDays - b.offsetDays || strategyKeys.indexOf(b.strategy) - strategyKeys.indexOf(a.strategy));
  if (!ranked.length) return "Planned actions by strategy";
  const early = ranked[0], late = ranked[ranked.length - 1];
  const start = `${strategyShortLabels[early.strategy]} starts ${offsetLabel(early.offsetDays).replace("due", "the due date")}`;
  if (late === early || late.offsetDays === early.offsetDays) return start;
  const wait = late.offsetDays > 0 ? `waits until ${offsetLabel(late.offsetDays).replace("after due", "after it")}` : `starts ${offsetLabel(late.offsetDays)}`;
  return `${start}; ${strategyShortLabels[late.strategy]} ${wait}`;
}

// ---------------------------------------------------------------------------------------------------

/** Risk bands top (high) to bottom (low) and value bands left (low) to right (high), as the matrix draws them. */
export const matrixRows: readonly RiskBand[] = [...riskBands].reverse();
export const matrixColumns: readonly ValueBand[] = valueBands;

const numberWords = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/** "ten" for 10, "12" for 12: numbers up to ten as words in running text. */
export function numberWord(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < numberWords.length ? numberWords[n] : formatCount(n);
}
