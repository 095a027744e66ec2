// The KPI page's numbers as text and its findings, from kpis.json. Pure functions, so that every sentence
// on the page can be checked against worked numbers.
import {formatCount, formatDays, formatMoney, formatPercent, formatPointsChange, formatSigned} from "../core/format.js";
import type {AgingRow, AgingShiftRow, CardFormat, KpisFile, RiskBin, RiskyCustomer, SegmentKpiRow} from "../pipeline/contract.js";
import {thresholds} from "./thresholds.js";
import {greatest, mean as d3mean, sum} from "d3";

/** A KPI card of kpis.json: the fields the card and its sentences read. */
export type KpiCard = Pick<KpisFile["cards"][number], "key" | "label" | "format" | "better" | "value" | "previous" | "change">;

export interface CardDisplay {
  value: string;
  /** "+1.3 days", "−0.7 pp"; "" when there is no previous value. */
  change: string;
  direction: "up" | "down" | "flat";
  /** Whether the change is good news; null when flat or unknown. */
  good: boolean | null;
}

/** The card's big number and its change in the card's own format. */
export function cardDisplay(card: KpiCard, {currency = "USD"}: {currency?: string} = {}): CardDisplay {
  const money = (v: number) => formatMoney(v, {currency});
  const value = formatCardValue(card.format, card.value, money);
  const change = card.change;
  if (change == null || !Number.isFinite(change) || card.previous == null) return {value, change: "", direction: "flat", good: null};
  const text =
    card.format === "days" ? formatSigned(change, (v) => formatDays(v, 1))
    : card.format === "share" ? formatPointsChange(change)
    : card.format === "percent" ? formatPointsChange(change / 100)
    : card.format === "times" ? formatSigned(change, (v) => `${v.toFixed(2)}×`)
    : formatSigned(change, money);
  const direction = change > 0 ? "up" : change < 0 ? "down" : "flat";
  const good = direction === "flat" ? null : (direction === "down") === (card.better === "lower");
  return {value, change: text, direction, good};
}

function formatCardValue(format: CardFormat, value: number | null, money: (v: number) => string): string {
  if (value == null || !Number.isFinite(value)) return "–";
  switch (format) {
    case "days":
      return formatDays(value, 1);
    case "share":
      return formatPercent(value, 1);
    case "percent":
      return `${value.toFixed(1)}%`;
    case "times":
      return `${value.toFixed(2)}×`;
    case "currency":
      return money(value);
  }
}

function find(cards: readonly KpiCard[], key: string): KpiCard | undefined {
  return cards.find((c) => c.key === key);
}

/** "DSO is 46.0 days against a best possible 35.7: overdue invoices add 10.3 days, 1.3 more than a month earlier." */
export function dsoFinding(cards: readonly KpiCard[]): string {
  const dso = find(cards, "dso"), best = find(cards, "bestPossibleDso"), add = find(cards, "averageDaysDelinquent");
  if (!dso || dso.value == null || !best || best.value == null) return "";
  const receivables = find(cards, "receivables")?.value;
  if (receivables != null && !(receivables > 0)) return "Nothing is owed at the report date, so DSO and best possible DSO are both zero.";
  const gap = add?.value ?? dso.value - best.value;
  let text = `DSO is ${formatDays(dso.value, 1)} against a best possible ${formatDays(best.value, 1)}: overdue invoices add ${formatDays(gap, 1)}`;
  const change = add?.change;
  if (change != null && Number.isFinite(change) && Math.abs(change) >= thresholds.visibleDays.value) {
    text += `, ${formatDays(Math.abs(change), 1)} ${change > 0 ? "more" : "fewer"} than a month earlier`;
  }
  return `${text}.`;
}

export type KpiSeries = Pick<KpisFile["series"], "length" | "month" | "dso" | "bestPossibleDso" | "averageDaysDelinquent">;

/** How the latest month's gap between DSO and BPDSO compares with the months before it. */
export function dsoTrendFinding(series: KpiSeries): string {
  const gaps = series.averageDaysDelinquent.map((v) => (v == null || !Number.isFinite(v) ? NaN : v));
  const n = gaps.length;
  if (n < 2 || !Number.isFinite(gaps[n - 1])) return "DSO against best possible DSO, month by month";
  const last = gaps[n - 1];
  const earlier = gaps.slice(0, -1).filter(Number.isFinite);
  if (!earlier.length) return "DSO against best possible DSO, month by month";
  const mean = d3mean(earlier)!;
  const max = Math.max(...earlier), min = Math.min(...earlier);
  const months = `${earlier.length + 1} months`;
  if (last > max) return `The gap between DSO and best possible DSO is the widest in ${months}: ${formatDays(last, 1)}, against ${formatDays(mean, 1)} on average`;
  if (last < min) return `The gap between DSO and best possible DSO is the narrowest in ${months}: ${formatDays(last, 1)}, against ${formatDays(mean, 1)} on average`;
  const near = thresholds.nearAverage.value;
  const relation = last > mean * (1 + near) ? "above" : last < mean * (1 - near) ? "below" : "close to";
  return `Late payment adds ${formatDays(last, 1)} to DSO this month, ${relation} its ${earlier.length}-month average of ${formatDays(mean, 1)}`;
}

/** "84% of the open amount is not yet due; 4.2% ($643K in 83 invoices) is more than 90 days past due." */
export function agingFinding(rows: readonly AgingRow[], {currency = "USD"}: {currency?: string} = {}): string {
  const total = sum(rows, (r) => r.amount);
  if (!(total > 0)) return "Nothing is open at the report date";
  const current = rows.find((r) => r.bucket === "Current");
  const oldest = rows[rows.length - 1];
  const head = current ? `${formatPercent(current.amountShare, 0)} of the open amount is not yet due` : "";
  const tail =
    oldest && oldest !== current && oldest.amount > 0
      ? `${formatPercent(oldest.amountShare, 1)} (${formatMoney(oldest.amount, {currency})} in ${formatCount(oldest.count)} ${oldest.count === 1 ? "invoice" : "invoices"}) is more than ${oldest.bucket.replace("+", "")} days past due`
      : "";
  return [head, tail].filter(Boolean).join("; ");
}


/** "Segment B collects slowest — DSO 80.7 days against 30.0 in C — and 70% of its customers are high risk." */
export function segmentDsoFinding(rows: readonly SegmentKpiRow[], segmentName: (segment: string | null) => string): string {
  // A segment with nothing open has a DSO of 0 that says nothing about how fast it pays.
  const rated = rows.filter((r) => r.segment !== null && r.dso != null && Number.isFinite(r.dso) && (r.openAmount ?? 0) > 0);
  if (rated.length < 2) return rated.length ? `DSO of ${segmentName(rated[0].segment)}: ${formatDays(rated[0].dso, 1)}` : "DSO by segment";
  const sorted = [...rated].sort((a, b) => b.dso! - a.dso!);
  const slow = sorted[0], fast = sorted[sorted.length - 1];
  const risk = slow.highRiskShare != null && Number.isFinite(slow.highRiskShare) && slow.highRiskShare > 0
    ? `, and ${formatPercent(slow.highRiskShare, 0)} of its customers are high risk`
    : "";
  return `${segmentName(slow.segment)} collects slowest — DSO ${formatDays(slow.dso, 1)} against ${formatDays(fast.dso, 1)} in ${segmentName(fast.segment)}${risk}`;
}

/** "The 10 riskiest customers are expected to pay $1.7M late — 44% of the $3.9M expected late." */
export function topCustomersFinding(top: readonly Pick<RiskyCustomer, "customerName" | "expectedLateAmount">[], totalExpectedLate: number, {currency = "USD"}: {currency?: string} = {}): string {
  if (!top.length) return "No open invoices, so no customer is at risk";
  const money = (v: number) => formatMoney(v, {currency});
  const late = sum(top, (c) => c.expectedLateAmount);
  const share = totalExpectedLate > 0 ? ` — ${formatPercent(late / totalExpectedLate, 0)} of the ${money(totalExpectedLate)} expected to arrive late` : "";
  const who = top.length === 1 ? `${top[0].customerName}, the one customer with cash at risk, is` : `The ${top.length} riskiest customers are`;
  return `${who} expected to pay ${money(late)} late${share}`;
}

/** "23% of open invoices score 0.60 or more (high risk), holding 15% of the open amount." */
export function riskDistributionFinding(bins: readonly Pick<RiskBin, "lo" | "hi" | "count" | "amount">[], highCutoff: number): string {
  const count = sum(bins, (b) => b.count);
  const amount = sum(bins, (b) => b.amount);
  if (!(count > 0)) return "No open invoices to score";
  const high = bins.filter((b) => b.lo >= highCutoff - 1e-9);
  const highCount = sum(high, (b) => b.count);
  const highAmount = sum(high, (b) => b.amount);
  // The most common band is named, and called "the largest group" only when no other band holds as many.
  const largest = greatest(bins, (b) => b.count)!;
  const tied = bins.filter((b) => b.count === largest.count).length > 1;
  const band = largest === bins[0] ? `scores below ${largest.hi.toFixed(1)}` : `scores ${largest.lo.toFixed(1)}–${largest.hi.toFixed(1)}`;
  const low = tied ? "" : `; the largest group, ${formatPercent(largest.count / count, 0)}, ${band}`;
  return `${formatPercent(highCount / count, 0)} of open invoices score ${highCutoff.toFixed(2)} or more (high risk), holding ${formatPercent(amount > 0 ? highAmount / amount : 0, 0)} of the open amount${low}`;
}

/** "Of today's $15.4M, $7.7M is expected still open in 30 days; past-due amounts would grow from $2.5M to $1.9M." */
export function agingShiftFinding(rows: readonly AgingShiftRow[], horizonDays: number, {currency = "USD"}: {currency?: string} = {}): string {
  const money = (v: number) => formatMoney(v, {currency});
  const today = sum(rows, (r) => r.todayAmount);
  if (!(today > 0)) return "Nothing is open, so nothing can age";
  const later = sum(rows, (r) => r.expectedAmount);
  const overdue = rows.filter((r) => r.bucket !== "Current");
  const overdueToday = sum(overdue, (r) => r.todayAmount);
  const overdueLater = sum(overdue, (r) => r.expectedAmount);
  const change = overdueLater - overdueToday;
  const direction = Math.abs(change) < thresholds.unchangedShare.value * today ? `stay near ${money(overdueToday)}` : `${change > 0 ? "grow" : "shrink"} from ${money(overdueToday)} to ${money(overdueLater)}`;
  return `Of today's ${money(today)}, ${money(later)} is expected to be still open in ${horizonDays} days, and the past-due part would ${direction}`;
}

/** What makes a customer high risk, for the caption under the segment KPIs (kpis.json `segments.highRiskCutoff`). */
export function highRiskRule(cutoff: number): string {
  return `A customer is high risk when the amount-weighted mean P(late) of its open invoices is at least ${cutoff}.`;
}
