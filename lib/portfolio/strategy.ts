// The collection strategy engine: every open invoice and every customer gets one strategy from its
// predicted P(late), the value at stake and its segment, by visible rules the page prints. Strategies
// carry their action plans, timed relative to the due date, as data.
import type {OpenInvoice} from "./openInvoices.js";
import {checkRiskCutoffs, defaultRiskCutoffs, riskBand, riskBands} from "./riskBands.js";
import type {RiskBand, RiskCutoffs} from "./riskBands.js";
import {customerRisks} from "./riskOutlook.js";
import {segmentLetter, segmentLetters} from "../segments/letters.js";
import type {SegmentLetter} from "../segments/letters.js";
import {quantile, sum} from "d3";

export const strategyKeys = ["loyalty", "standard", "reminders", "followUp", "restrict"] as const;
export type StrategyKey = (typeof strategyKeys)[number];

export interface PlannedAction {
  /** Days relative to the due date (negative: before it). */
  offsetDays: number;
  channel: "email" | "phone" | "letter" | "account";
  action: string;
}

export interface StrategyDefinition {
  key: StrategyKey;
  label: string;
  actions: readonly PlannedAction[];
}

export const strategyDefinitions: Readonly<Record<StrategyKey, StrategyDefinition>> = {
  loyalty: {
    key: "loyalty",
    label: "Loyalty — better terms",
    actions: [
      {offsetDays: -10, channel: "email", action: "Offer extended terms or an early-payment discount on the next order"},
      {offsetDays: 7, channel: "email", action: "Courtesy reminder"}
    ]
  },
  standard: {
    key: "standard",
    label: "Standard — no change",
    actions: [
      {offsetDays: 3, channel: "email", action: "Standard overdue notice"},
      {offsetDays: 30, channel: "letter", action: "Statement of account"}
    ]
  },
  reminders: {
    key: "reminders",
    label: "Medium risk — automated reminders",
    actions: [
      {offsetDays: -5, channel: "email", action: "Automated pre-due reminder"},
      {offsetDays: 1, channel: "email", action: "Automated overdue notice"},
      {offsetDays: 7, channel: "email", action: "Second automated reminder"},
      {offsetDays: 14, channel: "phone", action: "Escalate to AR follow-up: call"}
    ]
  },
  followUp: {
    key: "followUp",
    label: "AR follow-up — manual",
    actions: [
      {offsetDays: -5, channel: "email", action: "Personal pre-due reminder from the account owner"},
      {offsetDays: 3, channel: "phone", action: "Call the customer's accounts payable"},
      {offsetDays: 14, channel: "phone", action: "Agree a payment date or payment plan"},
      {offsetDays: 30, channel: "letter", action: "Escalate to the credit manager"}
    ]
  },
  restrict: {
    key: "restrict",
    label: "High risk — credit restriction / prepayment",
    actions: [
      {offsetDays: -10, channel: "account", action: "Require prepayment or a deposit on new orders"},
      {offsetDays: -3, channel: "phone", action: "Pre-due call to confirm the payment date"},
      {offsetDays: 7, channel: "letter", action: "Call and send a formal demand letter"},
      {offsetDays: 30, channel: "account", action: "Credit hold: stop new shipments"},
      {offsetDays: 60, channel: "letter", action: "Refer to a collection agency"}
    ]
  }
};

export const valueBands = ["low", "high"] as const;
export type ValueBand = (typeof valueBands)[number];

/** An amount exactly on the cut-off is high value. */
export function valueBand(amount: number, cutoff: number): ValueBand {
  return amount >= cutoff ? "high" : "low";
}

/** One row of the rule table; the first rule that matches decides. */
export interface StrategyRule {
  strategy: StrategyKey;
  risk: readonly RiskBand[];
  value: readonly ValueBand[];
  /** Applies only to customers whose segment qualifies for loyalty. */
  loyalSegmentOnly?: boolean;
}

export const defaultStrategyRules: readonly StrategyRule[] = [
  {strategy: "restrict", risk: ["high"], value: ["low", "high"]},
  {strategy: "followUp", risk: ["medium"], value: ["high"]},
  {strategy: "reminders", risk: ["medium"], value: ["low"]},
  {strategy: "loyalty", risk: ["low"], value: ["low", "high"], loyalSegmentOnly: true},
  {strategy: "standard", risk: ["low", "medium", "high"], value: ["low", "high"]}
];

export interface StrategyOptions {
  cutoffs?: RiskCutoffs;
  /** Open amount from which an invoice is high value (default: suggestedValueCutoffs). */
  invoiceValueCutoff?: number;
  /** Total open amount from which a customer is high value (default: suggestedValueCutoffs). */
  customerValueCutoff?: number;
  /** Segment letters whose low-risk customers get Loyalty (default A: low-risk, high-value, good history). */
  loyaltySegments?: readonly SegmentLetter[];
  rules?: readonly StrategyRule[];
}

export type ResolvedStrategyOptions = Required<StrategyOptions>;

/** Two significant digits, so that a data-driven cut-off reads as a round number (12,345 → 12,000). */
export function roundToSignificant(value: number, digits = 2): number {
  if (!(value > 0)) return 0;
  const scale = 10 ** (Math.floor(Math.log10(value)) - digits + 1);
  return Math.round(value / scale) * scale;
}

/** Default value cut-offs: the 75th percentile of open invoice amounts and of customers' open totals, rounded. */
export function suggestedValueCutoffs(invoices: readonly OpenInvoice[], p = 0.75): {invoice: number; customer: number} {
  if (!invoices.length) return {invoice: 0, customer: 0};
  const totals = customerRisks(invoices).map((c) => c.openAmount);
  return {invoice: roundToSignificant(quantile(invoices, p, (i) => i.amount) ?? 0), customer: roundToSignificant(quantile(totals, p) ?? 0)};
}

export function resolveStrategyOptions(invoices: readonly OpenInvoice[], options: StrategyOptions = {}): ResolvedStrategyOptions {
  const needsSuggestion = options.invoiceValueCutoff === undefined || options.customerValueCutoff === undefined;
  const suggested = needsSuggestion ? suggestedValueCutoffs(invoices) : {invoice: 0, customer: 0};
  return {
    cutoffs: checkRiskCutoffs(options.cutoffs ?? defaultRiskCutoffs),
    invoiceValueCutoff: options.invoiceValueCutoff ?? suggested.invoice,
    customerValueCutoff: options.customerValueCutoff ?? suggested.customer,
    loyaltySegments: options.loyaltySegments ?? ["A"],
    rules: options.rules ?? defaultStrategyRules
  };
}

export interface StrategyCase {
  pLate: number;
  /** Value at stake: open amount of the invoice, or the customer's total. */
  value: number;
  segment: string | null;
}

export interface StrategyDecision {
  strategy: StrategyKey;
  riskBand: RiskBand;
  valueBand: ValueBand;
  /** The segment qualifies for loyalty. */
  loyalSegment: boolean;
  /** Index of the deciding rule; −1 when none matched (Standard). */
  rule: number;
}

export function decideStrategy(c: StrategyCase, valueCutoff: number, options: Pick<ResolvedStrategyOptions, "cutoffs" | "loyaltySegments" | "rules">): StrategyDecision {
  const band = riskBand(c.pLate, options.cutoffs);
  const value = valueBand(c.value, valueCutoff);
  const letter = segmentLetter(c.segment);
  const loyalSegment = letter !== null && options.loyaltySegments.includes(letter);
  const rule = options.rules.findIndex((r) => r.risk.includes(band) && r.value.includes(value) && (!r.loyalSegmentOnly || loyalSegment));
  return {strategy: rule >= 0 ? options.rules[rule].strategy : "standard", riskBand: band, valueBand: value, loyalSegment, rule};
}


export interface InvoiceStrategy extends StrategyDecision {
  invoiceId: string;
  customerId: string;
}

export interface CustomerStrategy extends StrategyDecision {
  customerId: string;
  customerName: string;
  segment: string | null;
  openAmount: number;
  /** Amount-weighted mean P(late) of the customer's open invoices: the customer's risk. */
  meanPLate: number;
  invoices: number;
}

export interface StrategyAssignment {
  options: ResolvedStrategyOptions;
  /** In the order of the input invoices. */
  invoices: InvoiceStrategy[];
  customers: CustomerStrategy[];
}

/**
 * Invoices are judged on their own P(late) and open amount; customers on their amount-weighted mean
 * P(late) and total open amount (against the customer value cut-off), by the same rules.
 */
export function assignStrategies(invoices: readonly OpenInvoice[], options: StrategyOptions = {}): StrategyAssignment {
  const resolved = resolveStrategyOptions(invoices, options);
  const invoiceStrategies = invoices.map((invoice): InvoiceStrategy => ({
    invoiceId: invoice.invoiceId,
    customerId: invoice.customerId,
    ...decideStrategy({pLate: invoice.pLate, value: invoice.amount, segment: invoice.segment}, resolved.invoiceValueCutoff, resolved)
  }));
  const customers = customerRisks(invoices).map((c): CustomerStrategy => ({
    customerId: c.customerId,
    customerName: c.customerName,
    segment: c.segment,
    openAmount: c.openAmount,
    meanPLate: c.meanPLate,
    invoices: c.invoices,
    ...decideStrategy({pLate: c.meanPLate, value: c.openAmount, segment: c.segment}, resolved.customerValueCutoff, resolved)
  }));
  return {options: resolved, invoices: invoiceStrategies, customers};
}

export interface StrategyCell {
  risk: RiskBand;
  value: ValueBand;
  segment: SegmentLetter | null;
  /** What the rules give for this cell. */
  strategy: StrategyKey;
  count: number;
  amount: number;
}

export interface StrategyGridCell {
  risk: RiskBand;
  value: ValueBand;
  count: number;
  amount: number;
  /** Strategies in this risk × value cell (several when segment matters), by severity order. */
  strategies: {strategy: StrategyKey; count: number; amount: number}[];
}

/** Invoices per risk band × value band × segment, every combination present (zero when empty). */
export function strategyMatrix(invoices: readonly OpenInvoice[], assignment: StrategyAssignment): {cells: StrategyCell[]; grid: StrategyGridCell[]} {
  checkAligned(invoices, assignment);
  const {options} = assignment;
  const segments: (SegmentLetter | null)[] = [...segmentLetters, null];
  const cells: StrategyCell[] = [];
  const cellIndex = new Map<string, StrategyCell>();
  for (const risk of riskBands) {
    for (const value of valueBands) {
      for (const segment of segments) {
        const loyal = segment !== null && options.loyaltySegments.includes(segment);
        const rule = options.rules.findIndex((r) => r.risk.includes(risk) && r.value.includes(value) && (!r.loyalSegmentOnly || loyal));
        const cell: StrategyCell = {risk, value, segment, strategy: rule >= 0 ? options.rules[rule].strategy : "standard", count: 0, amount: 0};
        cells.push(cell);
        cellIndex.set(`${risk}|${value}|${segment}`, cell);
      }
    }
  }
  invoices.forEach((invoice, i) => {
    const s = assignment.invoices[i];
    const cell = cellIndex.get(`${s.riskBand}|${s.valueBand}|${segmentLetter(invoice.segment)}`)!;
    cell.count += 1;
    cell.amount += invoice.amount;
  });
  const grid: StrategyGridCell[] = [];
  for (const risk of riskBands) {
    for (const value of valueBands) {
      const members = cells.filter((c) => c.risk === risk && c.value === value);
      const strategies = strategyKeys
        .map((strategy) => {
          const matching = members.filter((c) => c.strategy === strategy);
          return {strategy, count: sum(matching, (c) => c.count), amount: sum(matching, (c) => c.amount), present: matching.length > 0};
        })
        .filter((s) => s.present)
        .map(({strategy, count, amount}) => ({strategy, count, amount}));
      grid.push({risk, value, count: sum(members, (c) => c.count), amount: sum(members, (c) => c.amount), strategies});
    }
  }
  return {cells, grid};
}

function checkAligned(invoices: readonly OpenInvoice[], assignment: StrategyAssignment): void {
  if (invoices.length !== assignment.invoices.length || (invoices.length && invoices[0].invoiceId !== assignment.invoices[0].invoiceId)) {
    throw new Error("strategy: the invoices must be the ones the assignment was made for, in the same order");
  }
}

export interface StrategyRow {
  strategy: StrategyKey;
  label: string;
  invoices: number;
  invoiceShare: number;
  amount: number;
  amountShare: number;
  /** Mean P(late) of the strategy's invoices (unweighted); NaN when it has none. */
  meanPLate: number;
  /** Customers whose customer-level strategy is this one. */
  customers: number;
  actions: readonly PlannedAction[];
}

export function strategyTable(invoices: readonly OpenInvoice[], assignment: StrategyAssignment): StrategyRow[] {
  checkAligned(invoices, assignment);
  const totalAmount = sum(invoices, (i) => i.amount);
  return strategyKeys.map((strategy): StrategyRow => {
    let count = 0, amount = 0, pSum = 0;
    invoices.forEach((invoice, i) => {
      if (assignment.invoices[i].strategy !== strategy) return;
      ++count;
      amount += invoice.amount;
      pSum += invoice.pLate;
    });
    return {
      strategy,
      label: strategyDefinitions[strategy].label,
      invoices: count,
      invoiceShare: invoices.length ? count / invoices.length : 0,
      amount,
      amountShare: totalAmount > 0 ? amount / totalAmount : 0,
      meanPLate: count ? pSum / count : NaN,
      customers: assignment.customers.filter((c) => c.strategy === strategy).length,
      actions: strategyDefinitions[strategy].actions
    };
  });
}

export type ThemeKey = "routine" | "automated" | "focused" | "focusedValue" | "concentration" | "loyalty";

/** A headline: `share` of `basis` (invoices, open amount, expected late amount), with the invoices and amount behind it. */
export interface StrategyTheme {
  key: ThemeKey;
  share: number;
  /** What `share` is a share of. */
  basis: "invoices" | "open amount" | "expected late amount";
  count: number;
  amount: number;
  strategies: readonly StrategyKey[];
}

export function strategyThemes(invoices: readonly OpenInvoice[], assignment: StrategyAssignment, {topCustomers = 10}: {topCustomers?: number} = {}): StrategyTheme[] {
  const rows = new Map(strategyTable(invoices, assignment).map((r) => [r.strategy, r]));
  const group = (strategies: readonly StrategyKey[]) => {
    const members = strategies.map((s) => rows.get(s)!);
    return {
      invoiceShare: sum(members, (r) => r.invoiceShare),
      amountShare: sum(members, (r) => r.amountShare),
      count: sum(members, (r) => r.invoices),
      amount: sum(members, (r) => r.amount)
    };
  };
  const routine = group(["standard", "loyalty"]);
  const automated = group(["reminders"]);
  const focused = group(["followUp", "restrict"]);
  const loyalty = group(["loyalty"]);
  const ranked = customerRisks(invoices).sort((a, b) => b.expectedLateAmount - a.expectedLateAmount || (a.customerId < b.customerId ? -1 : 1));
  const expectedLate = sum(ranked, (c) => c.expectedLateAmount);
  const top = ranked.slice(0, topCustomers);
  const topLate = sum(top, (c) => c.expectedLateAmount);
  return [
    {key: "routine", share: routine.invoiceShare, basis: "invoices", count: routine.count, amount: routine.amount, strategies: ["standard", "loyalty"]},
    {key: "automated", share: automated.invoiceShare, basis: "invoices", count: automated.count, amount: automated.amount, strategies: ["reminders"]},
    {key: "focused", share: focused.invoiceShare, basis: "invoices", count: focused.count, amount: focused.amount, strategies: ["followUp", "restrict"]},
    {key: "focusedValue", share: focused.amountShare, basis: "open amount", count: focused.count, amount: focused.amount, strategies: ["followUp", "restrict"]},
    {key: "concentration", share: expectedLate > 0 ? topLate / expectedLate : 0, basis: "expected late amount", count: top.length, amount: topLate, strategies: []},
    {key: "loyalty", share: loyalty.amountShare, basis: "open amount", count: loyalty.count, amount: loyalty.amount, strategies: ["loyalty"]}
  ];
}
