import { formatCount, formatMoney, formatPercent } from "../core/format.3eed6561.js";
import { segmentLetter } from "../portfolio/openInvoices.e616baac.js";
import { riskBands } from "../portfolio/riskBands.a7d9b5eb.js";
import { decideStrategy, strategyDefinitions, strategyKeys, strategyMatrix, strategyTable, strategyThemes, valueBands } from "../portfolio/strategy.91af66b0.js";
import { nextAction } from "../portfolio/worklist.217ed5d5.js";
export const strategyPhrases = {
  loyalty: "loyalty terms",
  standard: "standard terms",
  reminders: "automated reminders",
  followUp: "AR follow-up",
  restrict: "credit restriction"
};
export const strategyShortLabels = {
  loyalty: "Loyalty",
  standard: "Standard",
  reminders: "Automated reminders",
  followUp: "AR follow-up",
  restrict: "Credit restriction"
};
export const strategyTinyLabels = {
  loyalty: "Loyalty",
  standard: "Standard",
  reminders: "Reminders",
  followUp: "Follow-up",
  restrict: "Restrict"
};
export function chooseRiskCutoffs(medium, high) {
  const clamp = (v) => Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0));
  const m = clamp(medium), h = clamp(high);
  if (m <= h) return { cutoffs: { medium: m, high: h }, note: null };
  return {
    cutoffs: { medium: h, high: h },
    note: `The medium-risk cut-off (${m.toFixed(2)}) is above the high-risk cut-off (${h.toFixed(2)}), so no invoice is medium risk: P(late) from ${h.toFixed(2)} is high risk, below it low risk.`
  };
}
export function valueCutoffRange(amounts, defaultCutoff) {
  const positive = amounts.filter((a) => a > 0 && Number.isFinite(a)).sort((a, b) => a - b);
  const fallback = defaultCutoff > 0 ? defaultCutoff : 1e3;
  const at = (p) => positive.length ? positive[Math.min(positive.length - 1, Math.floor(p * (positive.length - 1)))] : fallback;
  const pow10 = (v) => 10 ** Math.floor(Math.log10(Math.max(v, 1)));
  const low = Math.min(at(0.05), fallback);
  const high = Math.max(at(0.99), fallback * 2);
  const step = Math.max(1, Math.min(pow10(low), pow10(fallback) / 10));
  const min = Math.max(step, Math.floor(low / step) * step);
  const coarse = Math.max(step, pow10(high) / 10);
  const max = Math.ceil(high / coarse) * coarse;
  return { min, max: Math.max(max, min + step), step };
}
export function isFileRules(cutoffs, invoiceValueCutoff, file) {
  const near = (a, b) => Math.abs(a - b) < 1e-9;
  return near(cutoffs.medium, file.risk.medium) && near(cutoffs.high, file.risk.high) && near(invoiceValueCutoff, file.invoiceValue);
}
export function fileView(file) {
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
export function segmentMix(invoices, assignment) {
  const rows = /* @__PURE__ */ new Map();
  invoices.forEach((invoice, i) => {
    let row = rows.get(invoice.segment);
    if (!row) {
      row = {
        segment: invoice.segment,
        letter: segmentLetter(invoice.segment),
        invoices: 0,
        amount: 0,
        strategies: strategyKeys.map((strategy) => ({ strategy, invoices: 0, amount: 0, amountShare: 0 }))
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
  return [...rows.values()].sort((a, b) => a.segment === b.segment ? 0 : a.segment === null ? 1 : b.segment === null ? -1 : a.segment < b.segment ? -1 : 1);
}
export function computedView(invoices, assignment, sample, fileThemes) {
  const k = sample.capped ? sample.scale.invoices : 1;
  const a = sample.capped ? sample.scale.amount : 1;
  const c = sample.capped && sample.kept.customers > 0 ? sample.total.customers / sample.kept.customers : 1;
  const { grid } = strategyMatrix(invoices, assignment);
  const table = strategyTable(invoices, assignment);
  const themes = strategyThemes(invoices, assignment);
  const fileConcentration = fileThemes.find((t) => t.key === "concentration");
  let totalAmount = 0;
  for (const invoice of invoices) totalAmount += invoice.amount;
  return {
    grid: grid.map((g) => ({ ...g, count: g.count * k, amount: g.amount * a, strategies: g.strategies.map((s) => ({ ...s, count: s.count * k, amount: s.amount * a })) })),
    table: table.map((r) => ({ ...r, invoices: r.invoices * k, amount: r.amount * a, customers: r.customers * c })),
    themes: themes.map((t) => t.key === "concentration" && fileConcentration ? { ...fileConcentration } : { ...t, count: t.count * k, amount: t.amount * a }),
    segments: segmentMix(invoices, assignment).map((s) => ({
      ...s,
      invoices: s.invoices * k,
      amount: s.amount * a,
      strategies: s.strategies.map((x) => ({ ...x, invoices: x.invoices * k, amount: x.amount * a }))
    })),
    totalInvoices: invoices.length * k,
    totalAmount: totalAmount * a,
    estimated: sample.capped
  };
}
function theme(themes, key) {
  return themes.find((t) => t.key === key);
}
export function strategyThemesFinding(themes, { currency = "USD", totalInvoices }) {
  if (!(totalInvoices > 0)) return "";
  const money = (v) => formatMoney(v, { currency });
  const routine = theme(themes, "routine");
  const automated = theme(themes, "automated");
  const focused = theme(themes, "focused");
  const focusedValue = theme(themes, "focusedValue");
  const concentration = theme(themes, "concentration");
  const parts = [];
  if (routine) parts.push(`${formatPercent(routine.share, 0)} of open invoices sit with low-risk or loyal customers and can stay on standard terms or better`);
  if (automated && automated.count > 0) parts.push(`${formatPercent(automated.share, 0)} can be left to automated reminders`);
  let text = parts.length ? `${capitalise(parts.join("; "))}.` : "";
  if (focused && focused.count > 0) {
    const value = focusedValue ? `, and they carry ${formatPercent(focusedValue.share, 0)} of the open amount (${money(focusedValue.amount)})` : "";
    text += ` The ${formatPercent(focused.share, 0)} that need focused collection \u2014 a named collector or a credit restriction \u2014 are where the effort goes${value}.`;
  } else if (focused) {
    text += " No invoice needs focused collection under these rules.";
  }
  if (concentration && concentration.count > 0 && concentration.share > 0) {
    text += ` ${capitalise(numberWord(concentration.count))} ${concentration.count === 1 ? "customer holds" : "customers hold"} ${formatPercent(concentration.share, 0)} of the amount expected to arrive late.`;
  }
  return text.trim();
}
export function segmentMixFinding(row, { currency = "USD", estimated = false } = {}) {
  if (!(row.invoices > 0)) return "No open invoices.";
  const approx = estimated ? "\u2248" : "";
  const ranked = [...row.strategies].filter((s) => s.amount > 0).sort((a, b) => b.amount - a.amount);
  const [first, second] = ranked;
  if (!first) return `${approx}${formatCount(row.invoices)} open invoices with nothing left to collect.`;
  const lead = `${formatPercent(first.amountShare, 0)} of its ${approx}${formatMoney(row.amount, { currency })} open is under ${strategyPhrases[first.strategy]}`;
  const rest = second && second.amountShare >= 0.05 ? `, ${formatPercent(second.amountShare, 0)} under ${strategyPhrases[second.strategy]}` : "";
  return `${capitalise(lead)}${rest} (${approx}${formatCount(row.invoices)} ${row.invoices === 1 ? "invoice" : "invoices"}).`;
}
export function matrixFinding(grid, { currency = "USD" } = {}) {
  const total = grid.reduce((s, g) => s + g.amount, 0);
  if (!(total > 0)) return "No open invoices to place in the matrix";
  const largest = [...grid].sort((a, b) => b.amount - a.amount)[0];
  const band = (g) => `${g.risk}-risk, ${g.value}-value`;
  const highRisk = grid.filter((g) => g.risk === "high");
  const highAmount = highRisk.reduce((s, g) => s + g.amount, 0);
  return `${capitalise(band(largest))} invoices hold ${formatPercent(largest.amount / total, 0)} of the open amount; high-risk ones ${formatPercent(highAmount / total, 0)} (${formatMoney(highAmount, { currency })})`;
}
export function offsetLabel(offsetDays) {
  if (offsetDays === 0) return "on the due date";
  const n = Math.abs(offsetDays);
  return `${n} ${n === 1 ? "day" : "days"} ${offsetDays < 0 ? "before" : "after"} due`;
}
export function offsetShort(offsetDays) {
  return offsetDays === 0 ? "due" : `${offsetDays < 0 ? "\u2212" : "+"}${Math.abs(offsetDays)} d`;
}
export function actionTimeline(strategies = strategyKeys) {
  return strategies.flatMap(
    (strategy) => strategyDefinitions[strategy].actions.map((a, i) => ({ strategy, label: strategyShortLabels[strategy], offsetDays: a.offsetDays, channel: a.channel, action: a.action, step: i + 1 }))
  );
}
export function timelineFinding(points) {
  const first = /* @__PURE__ */ new Map();
  for (const p of points) {
    const known = first.get(p.strategy);
    if (!known || p.offsetDays < known.offsetDays) first.set(p.strategy, p);
  }
  const ranked = [...first.values()].sort((a, b) => a.offsetDays - b.offsetDays || strategyKeys.indexOf(b.strategy) - strategyKeys.indexOf(a.strategy));
  if (!ranked.length) return "Planned actions by strategy";
  const early = ranked[0], late = ranked[ranked.length - 1];
  const start = `${strategyShortLabels[early.strategy]} starts ${offsetLabel(early.offsetDays).replace("due", "the due date")}`;
  if (late === early || late.offsetDays === early.offsetDays) return start;
  const wait = late.offsetDays > 0 ? `waits until ${offsetLabel(late.offsetDays).replace("after due", "after it")}` : `starts ${offsetLabel(late.offsetDays)}`;
  return `${start}; ${strategyShortLabels[late.strategy]} ${wait}`;
}
export function decideWorklist(rows, asOf, options) {
  return rows.map((row) => {
    const { strategy } = decideStrategy({ pLate: row.pLate, value: row.amount, segment: row.segment }, options.invoiceValueCutoff, options);
    const definition = strategyDefinitions[strategy];
    const next = nextAction(definition.actions, row.dueDate, asOf);
    return {
      strategy,
      strategyLabel: definition.label,
      nextAction: next?.action.action ?? null,
      nextActionChannel: next?.action.channel ?? null,
      nextActionDate: next?.date ?? null
    };
  });
}
export const matrixRows = [...riskBands].reverse();
export const matrixColumns = valueBands;
const numberWords = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
export function numberWord(n) {
  return Number.isInteger(n) && n >= 0 && n < numberWords.length ? numberWords[n] : formatCount(n);
}
function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
