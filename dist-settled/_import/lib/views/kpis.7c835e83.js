import { formatCount, formatDays, formatMoney, formatPercent, formatPointsChange, formatSigned } from "../core/format.3eed6561.js";
export function cardDisplay(card, { currency = "USD" } = {}) {
  const money = (v) => formatMoney(v, { currency });
  const value = formatCardValue(card.format, card.value, money);
  const change = card.change;
  if (change == null || !Number.isFinite(change) || card.previous == null) return { value, change: "", direction: "flat", good: null };
  const text = card.format === "days" ? formatSigned(change, (v) => formatDays(v, 1)) : card.format === "share" ? formatPointsChange(change) : card.format === "percent" ? formatPointsChange(change / 100) : card.format === "times" ? formatSigned(change, (v) => `${v.toFixed(2)}\xD7`) : formatSigned(change, money);
  const direction = change > 0 ? "up" : change < 0 ? "down" : "flat";
  const good = direction === "flat" ? null : direction === "down" === (card.better === "lower");
  return { value, change: text, direction, good };
}
function formatCardValue(format, value, money) {
  if (value == null || !Number.isFinite(value)) return "\u2013";
  switch (format) {
    case "days":
      return formatDays(value, 1);
    case "share":
      return formatPercent(value, 1);
    case "percent":
      return `${value.toFixed(1)}%`;
    case "times":
      return `${value.toFixed(2)}\xD7`;
    case "currency":
      return money(value);
  }
}
function find(cards, key) {
  return cards.find((c) => c.key === key);
}
export function dsoFinding(cards) {
  const dso = find(cards, "dso"), best = find(cards, "bestPossibleDso"), add = find(cards, "averageDaysDelinquent");
  if (!dso || dso.value == null || !best || best.value == null) return "";
  const gap = add?.value ?? dso.value - best.value;
  let text = `DSO is ${formatDays(dso.value, 1)} against a best possible ${formatDays(best.value, 1)}: overdue invoices add ${formatDays(gap, 1)}`;
  const change = add?.change;
  if (change != null && Number.isFinite(change) && Math.abs(change) >= 0.05) {
    text += `, ${formatDays(Math.abs(change), 1)} ${change > 0 ? "more" : "fewer"} than a month earlier`;
  }
  return `${text}.`;
}
export function dsoTrendFinding(series) {
  const gaps = series.averageDaysDelinquent.map((v) => v == null || !Number.isFinite(v) ? NaN : v);
  const n = gaps.length;
  if (n < 2 || !Number.isFinite(gaps[n - 1])) return "DSO against best possible DSO, month by month";
  const last = gaps[n - 1];
  const earlier = gaps.slice(0, -1).filter(Number.isFinite);
  if (!earlier.length) return "DSO against best possible DSO, month by month";
  const mean = earlier.reduce((s, v) => s + v, 0) / earlier.length;
  const max = Math.max(...earlier), min = Math.min(...earlier);
  const months = `${earlier.length + 1} months`;
  if (last > max) return `The gap between DSO and best possible DSO is the widest in ${months}: ${formatDays(last, 1)}, against ${formatDays(mean, 1)} on average`;
  if (last < min) return `The gap between DSO and best possible DSO is the narrowest in ${months}: ${formatDays(last, 1)}, against ${formatDays(mean, 1)} on average`;
  const relation = last > mean * 1.1 ? "above" : last < mean * 0.9 ? "below" : "close to";
  return `Late payment adds ${formatDays(last, 1)} to DSO this month, ${relation} its ${earlier.length}-month average of ${formatDays(mean, 1)}`;
}
export function agingFinding(rows, { currency = "USD" } = {}) {
  const total = rows.reduce((s, r) => s + r.amount, 0);
  if (!(total > 0)) return "Nothing is open at the report date";
  const current = rows.find((r) => r.bucket === "Current");
  const oldest = rows[rows.length - 1];
  const head = current ? `${formatPercent(current.amountShare, 0)} of the open amount is not yet due` : "";
  const tail = oldest && oldest !== current && oldest.amount > 0 ? `${formatPercent(oldest.amountShare, 1)} (${formatMoney(oldest.amount, { currency })} in ${formatCount(oldest.count)} ${oldest.count === 1 ? "invoice" : "invoices"}) is more than ${oldest.bucket.replace("+", "")} days past due` : "";
  return [head, tail].filter(Boolean).join("; ");
}
export function segmentDsoFinding(rows, segmentName) {
  const rated = rows.filter((r) => r.segment !== null && r.dso != null && Number.isFinite(r.dso) && (r.openAmount ?? 0) > 0);
  if (rated.length < 2) return rated.length ? `DSO of ${segmentName(rated[0].segment)}: ${formatDays(rated[0].dso, 1)}` : "DSO by segment";
  const sorted = [...rated].sort((a, b) => b.dso - a.dso);
  const slow = sorted[0], fast = sorted[sorted.length - 1];
  const risk = slow.highRiskShare != null && Number.isFinite(slow.highRiskShare) && slow.highRiskShare > 0 ? `, and ${formatPercent(slow.highRiskShare, 0)} of its customers are high risk` : "";
  return `${segmentName(slow.segment)} collects slowest \u2014 DSO ${formatDays(slow.dso, 1)} against ${formatDays(fast.dso, 1)} in ${segmentName(fast.segment)}${risk}`;
}
export function topCustomersFinding(top, totalExpectedLate, { currency = "USD" } = {}) {
  if (!top.length) return "No open invoices, so no customer is at risk";
  const money = (v) => formatMoney(v, { currency });
  const sum = top.reduce((s, c) => s + c.expectedLateAmount, 0);
  const share = totalExpectedLate > 0 ? ` \u2014 ${formatPercent(sum / totalExpectedLate, 0)} of the ${money(totalExpectedLate)} expected to arrive late` : "";
  return `The ${top.length} riskiest ${top.length === 1 ? "customer is" : "customers are"} expected to pay ${money(sum)} late${share}`;
}
export function riskDistributionFinding(bins, highCutoff) {
  const count = bins.reduce((s, b) => s + b.count, 0);
  const amount = bins.reduce((s, b) => s + b.amount, 0);
  if (!(count > 0)) return "No open invoices to score";
  const high = bins.filter((b) => b.lo >= highCutoff - 1e-9);
  const highCount = high.reduce((s, b) => s + b.count, 0);
  const highAmount = high.reduce((s, b) => s + b.amount, 0);
  const lowest = bins[0];
  const low = lowest && lowest.count / count >= 0.2 ? `; the largest group, ${formatPercent(lowest.count / count, 0)}, scores below ${lowest.hi.toFixed(1)}` : "";
  return `${formatPercent(highCount / count, 0)} of open invoices score ${highCutoff.toFixed(2)} or more (high risk), holding ${formatPercent(amount > 0 ? highAmount / amount : 0, 0)} of the open amount${low}`;
}
export function agingShiftFinding(rows, horizonDays, { currency = "USD" } = {}) {
  const money = (v) => formatMoney(v, { currency });
  const today = rows.reduce((s, r) => s + r.todayAmount, 0);
  if (!(today > 0)) return "Nothing is open, so nothing can age";
  const later = rows.reduce((s, r) => s + r.expectedAmount, 0);
  const overdueToday = rows.filter((r) => r.bucket !== "Current").reduce((s, r) => s + r.todayAmount, 0);
  const overdueLater = rows.filter((r) => r.bucket !== "Current").reduce((s, r) => s + r.expectedAmount, 0);
  const change = overdueLater - overdueToday;
  const direction = Math.abs(change) < 5e-3 * today ? `stay near ${money(overdueToday)}` : `${change > 0 ? "grow" : "shrink"} from ${money(overdueToday)} to ${money(overdueLater)}`;
  return `Of today's ${money(today)}, ${money(later)} is expected to be still open in ${horizonDays} days, and the past-due part would ${direction}`;
}
