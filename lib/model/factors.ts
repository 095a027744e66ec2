// Plain-words factors: why the model thinks an invoice will (or will not) be paid late, in the words a
// credit controller uses — "paid 9 of last 10 invoices late", "amount is 38% of the credit limit".
//
// Input: a feature group's contribution to the invoice's P(late) (its sign is the direction: > 0 raises
// the risk, < 0 lowers it) and the invoice's untransformed values (lib/model/features/index.ts `factorValues`).
//
// Reading convention. A list of factors is read as "reasons for the risk", so a raising factor may be a
// bare fact ("Net 60 terms"); a lowering factor always says so, by its wording ("always paid on time so
// far", "small invoice") or, for facts that carry no direction of their own, by " (lowers risk)".
//
// Truthfulness. A phrase only states facts of the invoice. When the model's direction contradicts the
// plain reading of the fact (a tree may find "nothing overdue" risky in some corner of the data), saying
// it would mislead: `describeFactor` returns null and the caller moves on to the next factor.
import type {FactorValues} from "./features/index.js";
import type {RawValueName} from "./features/index.js";
import {formatMoney, formatPercent} from "../core/format.js";
import {utcFormat} from "d3";

export type FactorDirection = "raises" | "lowers";

export interface FactorContext {
  /** Currency of amounts. Default "USD". */
  currency?: string;
  /**
   * Typical (e.g. median) values of the invoices the model learnt from. With them, adjectives such as
   * "large" or "strong" are only used when the invoice really is above or below the typical value.
   */
  typical?: Partial<Record<RawValueName, number>>;
}

export interface Factor {
  group: string;
  direction: FactorDirection;
  /** The group's contribution to P(late), as given. */
  contribution: number;
  text: string;
}

export interface FactorListOptions extends FactorContext {
  /** Most factors per invoice. Default 3. */
  k?: number;
  /** Contributions smaller than this in absolute value are not worth a sentence. Default 1e-4 (0.01 pp). */
  minContribution?: number;
}

const fullMonth = utcFormat("%B");
/** 1 → "January" (d3-time-format's English locale). */
const monthName = (month: number): string => fullMonth(new Date(Date.UTC(2000, month - 1, 1)));
const lowers = " (lowers risk)";

/** One factor in plain words, or null when there is nothing truthful to say in that direction. */
export function describeFactor(group: string, contribution: number, values: FactorValues, context: FactorContext = {}): string | null {
  if (!(contribution !== 0 && Number.isFinite(contribution))) return null;
  const up = contribution > 0;
  const describe = phrases[group];
  return describe ? describe(values, up, context) : null;
}

/**
 * The invoice's strongest factors in plain words: groups by decreasing |contribution|, skipping those
 * with nothing truthful to say and repeated phrases, at most `k`.
 */
export function invoiceFactors(
  groups: readonly string[],
  contributions: ArrayLike<number>,
  values: FactorValues,
  options: FactorListOptions = {}
): Factor[] {
  const {k = 3, minContribution = 1e-4, ...context} = options;
  if (groups.length !== contributions.length) throw new Error(`invoiceFactors: ${contributions.length} contributions for ${groups.length} groups`);
  const order = Array.from(groups, (_, g) => g)
    .filter((g) => Math.abs(contributions[g]) >= minContribution)
    .sort((a, b) => Math.abs(contributions[b]) - Math.abs(contributions[a]) || a - b);
  const factors: Factor[] = [];
  const said = new Set<string>();
  for (const g of order) {
    if (factors.length >= k) break;
    const text = describeFactor(groups[g], contributions[g], values, context);
    if (text === null || said.has(text)) continue;
    said.add(text);
    factors.push({group: groups[g], direction: contributions[g] > 0 ? "raises" : "lowers", contribution: contributions[g], text});
  }
  return factors;
}

// Phrases ------------------------------------------------------------------------------------------

type Phrase = (values: FactorValues, up: boolean, context: FactorContext) => string | null;

const known = (value: number): boolean => Number.isFinite(value);
const plural = (count: number, noun: string, nouns = `${noun}s`): string => `${count} ${count === 1 ? noun : nouns}`;
const money = (value: number, context: FactorContext): string => formatMoney(value, {currency: context.currency ?? "USD"});
const percent = (share: number): string => formatPercent(share, 0);
/** A fact with no direction of its own: bare when it raises the risk, marked when it lowers it. */
const neutral = (text: string, up: boolean): string => (up ? text : text + lowers);

/** Whether `value` is above (1), below (−1) or at (0) the typical value; null when unknown. */
function versusTypical(name: RawValueName, value: number, context: FactorContext): number | null {
  const typical = context.typical?.[name];
  if (typical === undefined || !known(typical)) return null;
  return Math.sign(value - typical);
}

const phrases: Record<string, Phrase> = {
  amount({amount}, up, context) {
    if (!known(amount)) return null;
    const side = versusTypical("amount", amount, context);
    if (up && side !== -1 && side !== 0) return `large invoice (${money(amount, context)})`;
    if (!up && side !== 1 && side !== 0) return `small invoice (${money(amount, context)})`;
    return neutral(`invoice of ${money(amount, context)}`, up);
  },

  amountToLimit({amountToLimit}, up) {
    if (!known(amountToLimit)) return neutral("no credit limit on file", up);
    return up ? `amount is ${percent(amountToLimit)} of the credit limit` : `amount is only ${percent(amountToLimit)} of the credit limit`;
  },

  terms({termsDays}, up) {
    return known(termsDays) ? neutral(`Net ${Math.round(termsDays)} terms`, up) : null;
  },

  creditScore({creditScore}, up, context) {
    if (!known(creditScore)) return neutral("no credit score on file", up);
    const score = Math.round(creditScore);
    const side = versusTypical("creditScore", creditScore, context);
    if (up && (side === -1 || (side === null && score < 650))) return `low credit score (${score})`;
    if (!up && (side === 1 || (side === null && score >= 700))) return `strong credit score (${score})`;
    return neutral(`credit score ${score}`, up);
  },

  industry({industry}, up) {
    return neutral(industry ? `${industry} industry` : "industry unknown", up);
  },

  region({region}, up) {
    return neutral(region ? `${region} region` : "region unknown", up);
  },

  month({month}, up) {
    return month >= 1 && month <= 12 ? neutral(`issued in ${monthName(month)}`, up) : null;
  },

  dayOfMonth({dayOfMonth}, up) {
    return known(dayOfMonth) ? neutral(`issued on day ${dayOfMonth} of the month`, up) : null;
  },

  monthEnd({monthEnd}, up) {
    return neutral(monthEnd === 1 ? "issued at month-end" : "issued before month-end", up);
  },

  quarterEnd({quarterEnd}, up) {
    return neutral(quarterEnd === 1 ? "issued at quarter-end" : "issued outside a quarter-end", up);
  },

  tenure({tenureDays}, up) {
    if (!known(tenureDays)) return neutral("account age unknown", up);
    const months = Math.floor(tenureDays / 30.44);
    const years = Math.floor(tenureDays / 365.25);
    if (months < 1) return neutral("new customer (less than a month)", up);
    if (years < 1) return up ? `new customer (${plural(months, "month")})` : `customer for ${plural(months, "month")}${lowers}`;
    if (up) return years < 2 ? `fairly new customer (${plural(years, "year")})` : `customer for ${plural(years, "year")}`;
    return years >= 3 ? `long-standing customer (${plural(years, "year")})` : `customer for ${plural(years, "year")}${lowers}`;
  },

  openBalance({openCount, openBalance}, up, context) {
    if (!known(openCount)) return null;
    if (openCount === 0) return up ? null : "no other invoices open";
    const text = `${plural(openCount, "other invoice")} open (${money(openBalance, context)})`;
    return up ? text : `only ${text}`;
  },

  overdue({overdueCount, overdueBalance}, up, context) {
    if (!known(overdueCount)) return null;
    if (overdueCount === 0) return up ? null : "nothing overdue";
    return up ? `${plural(overdueCount, "invoice")} already overdue (${money(overdueBalance, context)})` : null;
  },

  utilisation({utilisation: raw}, up) {
    if (!known(raw)) return neutral("no credit limit on file", up);
    // Open balances are sums and differences of amounts: a fully paid-down balance can be −1e-12.
    const utilisation = Math.max(0, raw);
    if (up) return utilisation > 1 ? `over the credit limit (${percent(utilisation)} used)` : `credit limit ${percent(utilisation)} used`;
    return utilisation > 1 ? null : `credit limit only ${percent(utilisation)} used`;
  },

  history({priorSettled}, up) {
    if (!known(priorSettled)) return null;
    if (priorSettled === 0) return neutral("no payment history yet", up);
    if (up) return priorSettled < 5 ? `little payment history (${plural(priorSettled, "invoice")} settled)` : null;
    return `long payment history (${plural(priorSettled, "invoice")} settled)`;
  },

  lateRate(values, up) {
    const {priorSettled, priorLate, recentCount, recentLate} = values;
    if (!known(priorSettled) || priorSettled === 0) return neutral("no payment history yet", up);
    if (priorSettled === 1) return up === (priorLate === 1) ? `paid its only earlier invoice ${priorLate === 1 ? "late" : "on time"}` : null;
    if (!up && priorLate === 0) return `always paid on time so far (${plural(priorSettled, "invoice")})`;
    const all = recentCount === priorSettled;
    const share = (late: number, count: number, only = "") =>
      late === count ? `paid all ${count} invoices late so far` : `paid ${only}${late} of ${count} invoices late so far`;
    const recent = (late: number, only = "") =>
      all ? share(late, recentCount, only) : late === recentCount ? `paid all of the last ${recentCount} invoices late` : `paid ${only}${late} of the last ${recentCount} invoices late`;
    if (up) return recentLate > 0 ? recent(recentLate) : priorLate > 0 ? share(priorLate, priorSettled) : null;
    return recentLate < recentCount ? recent(recentLate, "only ") : null;
  },

  daysLate({meanDaysLate}, up) {
    if (!known(meanDaysLate)) return neutral("no payment history yet", up);
    const days = Math.round(Math.abs(meanDaysLate));
    if (up) return meanDaysLate >= 0.5 ? `pays ${plural(days, "day")} late on average` : null;
    if (meanDaysLate <= -0.5) return `pays ${plural(days, "day")} early on average`;
    return meanDaysLate < 0.5 ? "pays on the due date on average" : `pays only ${plural(days, "day")} late on average`;
  },

  daysLateSpread({sdDaysLate}, up) {
    if (!known(sdDaysLate)) return null;
    const days = Math.round(sdDaysLate);
    return up ? `erratic payment timing (± ${plural(days, "day")})` : `steady payment timing (± ${plural(days, "day")})`;
  },

  lastDaysLate({lastDaysLate}, up) {
    if (!known(lastDaysLate)) return null;
    const days = Math.round(lastDaysLate);
    if (days > 0) return up ? `last invoice paid ${plural(days, "day")} late` : `last invoice paid only ${plural(days, "day")} late`;
    if (up) return null;
    return days < 0 ? `last invoice paid ${plural(-days, "day")} early` : "last invoice paid on the due date";
  },

  trend({daysLateTrend}, up) {
    if (!known(daysLateTrend)) return null;
    const days = Math.round(Math.abs(daysLateTrend));
    if (days === 0) return null;
    if (up) return daysLateTrend > 0 ? `paying later recently (${plural(days, "day")} later than before)` : null;
    return daysLateTrend < 0 ? `paying sooner recently (${plural(days, "day")} earlier than before)` : null;
  },

  disputes({priorDisputes}, up) {
    if (!known(priorDisputes)) return null;
    if (up) return priorDisputes > 0 ? `disputed ${plural(priorDisputes, "earlier invoice")}` : null;
    return priorDisputes === 0 ? "no earlier disputes" : null;
  },

  partialPayments({priorPartialPayments}, up) {
    if (!known(priorPartialPayments)) return null;
    if (up) return priorPartialPayments > 0 ? `paid ${plural(priorPartialPayments, "earlier invoice")} in instalments` : null;
    return priorPartialPayments === 0 ? "never paid in instalments" : null;
  },

  reminders({priorReminded, priorSettled}, up) {
    if (!known(priorReminded) || !(priorSettled > 0)) return null;
    if (up) return priorReminded > 0 ? `needed reminders on ${priorReminded} of ${plural(priorSettled, "earlier invoice")}` : null;
    return priorReminded === 0 ? "never needed a reminder" : `needed reminders on only ${priorReminded} of ${plural(priorSettled, "earlier invoice")}`;
  },

  reminderResponse({priorReminded, priorPaidAfterReminder}, up) {
    if (!(priorReminded > 0) || !known(priorPaidAfterReminder)) return null;
    const prompt = priorPaidAfterReminder;
    if (up) return prompt < priorReminded ? `paid soon after a reminder on only ${prompt} of ${plural(priorReminded, "reminded invoice")}` : null;
    return prompt > 0 ? `pays soon after a reminder (${prompt} of ${plural(priorReminded, "reminded invoice")})` : null;
  },

  extensions({priorExtensions}, up) {
    if (!known(priorExtensions)) return null;
    if (up) return priorExtensions > 0 ? `asked for more time on ${plural(priorExtensions, "earlier invoice")}` : null;
    return priorExtensions === 0 ? "never asked for more time" : null;
  }
};

/** Groups `describeFactor` knows how to put into words. */
export const describedGroups: readonly string[] = Object.keys(phrases);
