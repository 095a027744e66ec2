// Synthetic customer accounts: what the ledger shows about them (industry, region, score, limit, terms,
// tenure) and the hidden traits that drive how they pay. Traits are drawn per group; the visible
// attributes correlate with them only noisily, as a bureau score does with real payment behaviour.
import type {Day} from "../../core/dates.js";
import type {Random} from "../../core/random.js";
import type {PaymentSchedule} from "./calendar.js";
import {companyNames} from "./names.js";
import {customerGroups, groupProfiles, industries, industryWeights, regions, regionWeights, termsOptions, termsWeights} from "./profiles.js";
import type {CustomerGroup, Industry, Region} from "./profiles.js";
import {sum} from "d3";

export interface SyntheticCustomer {
  customerId: string;
  name: string;
  industry: Industry;
  region: Region;
  creditScore: number;
  creditLimit: number;
  termsDays: number;
  customerSince: Day;
  // Hidden truth, never model features:
  group: CustomerGroup;
  /** Probability of paying on time before credit pressure and invoice effects. */
  reliability: number;
  /** Chance of answering an overdue reminder with a payment within about a week. */
  reminderSensitivity: number;
  /** Propensity to ask for more time. */
  negotiationTendency: number;
  /** Yearly log growth of invoicing volume (credit use) across the window. */
  creditGrowth: number;
  /** Pays more reliably as the window goes on. */
  improving: boolean;
  /** Per-invoice probability of a dispute. */
  disputeRate: number;
  paymentSchedule: PaymentSchedule;
}

/** Further hidden parameters the invoice simulation needs. */
export interface CustomerBehaviour {
  /** Relative invoicing frequency within the group (mean 1). */
  activity: number;
  /** Median invoice amount. */
  amountScale: number;
  /** Median days late of a late payment. */
  lateDaysMedian: number;
  /** Mean days before the due date of an on-time payment. */
  earlyDays: number;
  instalmentRate: number;
  /** Log-odds of paying late drop by this much across the window for an improving customer. */
  improvement: number;
  /** The collections team reminds this customer before the due date. */
  preDueReminders: boolean;
  /** Invoiced in one batch at month-end. */
  monthEndBilling: boolean;
}

export interface CustomerWindow {
  /** First day of the ledger. */
  start: Day;
  /** The as-of date. */
  end: Day;
}

export interface CustomerDrafts {
  customers: SyntheticCustomer[];
  behaviours: CustomerBehaviour[];
}

/** Share of accounts opened inside the window (their history starts there). */
const newAccountShare = 0.22;

/**
 * `count` customers with ids C00001…, groups in proportion to their customer shares (shuffled so that
 * ids say nothing), and all traits. Credit limits are set later, once invoice counts are known.
 */
export function draftCustomers(count: number, window: CustomerWindow, random: Random): CustomerDrafts {
  const groups = random.shuffle(apportion(count, customerGroups.map((g) => groupProfiles[g].customerShare)).flatMap((n, i) => Array<CustomerGroup>(n).fill(customerGroups[i])));
  const customers: SyntheticCustomer[] = [];
  const behaviours: CustomerBehaviour[] = [];
  for (let i = 0; i < count; ++i) {
    const {customer, behaviour} = draftCustomer(i, groups[i], window, random);
    customers.push(customer);
    behaviours.push(behaviour);
  }
  const names = companyNames(customers, random.fork("names"));
  customers.forEach((customer, i) => (customer.name = names[i]));
  return {customers, behaviours};
}

function draftCustomer(index: number, group: CustomerGroup, window: CustomerWindow, random: Random): {customer: SyntheticCustomer; behaviour: CustomerBehaviour} {
  const profile = groupProfiles[group];
  const highValue = group === "A" || group === "B";
  const industry = random.weighted(industries, industries.map((name) => industryWeights[highValue ? "highValue" : "lowValue"][name]));
  const region = random.weighted(regions, regions.map((name) => regionWeights[name]));
  const terms = industry === "Public sector" ? termsWeights.publicSector : highValue ? termsWeights.highValue : termsWeights.lowValue;
  const reliability = random.beta(...profile.reliability);
  const meanReliability = profile.reliability[0] / (profile.reliability[0] + profile.reliability[1]);
  const score = random.normal(profile.creditScoreMean + 150 * (reliability - meanReliability), 45);
  const customerSince = random.bernoulli(newAccountShare)
    ? window.start + random.int(Math.max(1, window.end - 45 - window.start))
    : window.start - 30 - Math.floor(Math.min(40 * 365, random.exponential(5 * 365)));
  const improving = random.bernoulli(profile.improvingShare);
  const customer: SyntheticCustomer = {
    customerId: `C${String(index + 1).padStart(5, "0")}`,
    name: "",
    industry,
    region,
    creditScore: Math.round(Math.min(850, Math.max(300, score))),
    creditLimit: 0,
    termsDays: random.weighted(termsOptions, terms),
    customerSince,
    group,
    reliability,
    reminderSensitivity: random.beta(...profile.reminderSensitivity),
    negotiationTendency: random.beta(...profile.negotiationTendency),
    creditGrowth: Math.min(0.8, Math.max(-0.5, random.normal(...profile.creditGrowth))),
    improving,
    disputeRate: Math.min(0.5, profile.disputeRate * random.logNormal(-0.125, 0.5)),
    paymentSchedule: {
      run: random.weighted(["any day", "weekly", "twice monthly"] as const, [0.55, 0.3, 0.15]),
      weekday: 1 + random.int(5)
    }
  };
  const behaviour: CustomerBehaviour = {
    activity: random.logNormal(-0.18, 0.6),
    amountScale: profile.amountMedian * random.logNormal(0, 0.8),
    lateDaysMedian: profile.lateDaysMedian * random.logNormal(0, 0.35),
    earlyDays: random.bernoulli(0.1) ? random.logNormal(Math.log(12), 0.4) : random.logNormal(Math.log(2.5), 0.7),
    instalmentRate: Math.min(0.6, profile.instalmentRate * random.logNormal(-0.18, 0.6)),
    improvement: improving ? 1.2 + 1.3 * random.next() : 0,
    preDueReminders: random.bernoulli(profile.preDueReminderShare),
    monthEndBilling: random.bernoulli(0.12)
  };
  return {customer, behaviour};
}

/** First day a customer can be invoiced in the window. */
export function firstIssueDay(customer: SyntheticCustomer, window: CustomerWindow): Day {
  return Math.max(customer.customerSince, window.start);
}

/** Expected invoicing weight of a customer over the window: frequency × active time × growth. */
export function invoicingWeight(customer: SyntheticCustomer, behaviour: CustomerBehaviour, window: CustomerWindow): number {
  const years = (window.end - firstIssueDay(customer, window) + 1) / 365;
  const g = customer.creditGrowth * years;
  const meanGrowth = Math.abs(g) < 1e-9 ? 1 : Math.expm1(g) / g;
  return groupProfiles[customer.group].invoiceRate * behaviour.activity * years * meanGrowth;
}

/**
 * A limit that covers the customer's usual open balance with some headroom (granted generously or
 * tightly, at random), rounded to two significant figures as credit teams do.
 */
export function creditLimitFor(customer: SyntheticCustomer, behaviour: CustomerBehaviour, invoiceCount: number, window: CustomerWindow, random: Random): number {
  const months = (window.end - firstIssueDay(customer, window) + 1) / 30.44;
  const meanAmount = behaviour.amountScale * Math.exp(0.7 ** 2 / 2);
  const monthlyVolume = (invoiceCount / months) * meanAmount;
  const cover = monthlyVolume * ((customer.termsDays + 30) / 30) + 1.5 * behaviour.amountScale;
  return roundToSignificant(Math.max(1000, cover * random.logNormal(0, 0.35)), 2);
}

function roundToSignificant(x: number, digits: number): number {
  const step = 10 ** (Math.floor(Math.log10(x)) - digits + 1);
  return Math.round(x / step) * step;
}

/** Integer counts summing to `total` in proportion to `weights` (largest remainder; ties to the first). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const weight = sum(weights);
  const exact = weights.map((w) => (weight > 0 ? (total * w) / weight : 0));
  const counts = exact.map(Math.floor);
  let left = total - sum(counts);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; ++k, --left) counts[order[k % order.length][1]]++;
  return counts;
}
