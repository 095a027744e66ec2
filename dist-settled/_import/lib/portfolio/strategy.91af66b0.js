import { segmentLetter, segmentLetters } from "./openInvoices.e616baac.js";
import { checkRiskCutoffs, defaultRiskCutoffs, riskBand, riskBandLabels, riskBands } from "./riskBands.a7d9b5eb.js";
import { customerRisks } from "./riskOutlook.5f7130f8.js";
import { quantile } from "../core/stats.4736e0b5.js";
export const strategyKeys = ["loyalty", "standard", "reminders", "followUp", "restrict"];
export const strategyDefinitions = {
  loyalty: {
    key: "loyalty",
    label: "Loyalty \u2014 better terms",
    summary: "Reward reliable, valuable customers: offer longer terms or an early-payment discount; keep contact light.",
    actions: [
      { offsetDays: -10, channel: "email", action: "Offer extended terms or an early-payment discount on the next order" },
      { offsetDays: 7, channel: "email", action: "Courtesy reminder" }
    ]
  },
  standard: {
    key: "standard",
    label: "Standard \u2014 no change",
    summary: "The existing process: statement and the standard overdue notice.",
    actions: [
      { offsetDays: 3, channel: "email", action: "Standard overdue notice" },
      { offsetDays: 30, channel: "letter", action: "Statement of account" }
    ]
  },
  reminders: {
    key: "reminders",
    label: "Medium risk \u2014 automated reminders",
    summary: "Automated reminders before and after the due date; escalate to a person if still unpaid after two weeks.",
    actions: [
      { offsetDays: -5, channel: "email", action: "Automated pre-due reminder" },
      { offsetDays: 1, channel: "email", action: "Automated overdue notice" },
      { offsetDays: 7, channel: "email", action: "Second automated reminder" },
      { offsetDays: 14, channel: "phone", action: "Escalate to AR follow-up: call" }
    ]
  },
  followUp: {
    key: "followUp",
    label: "AR follow-up \u2014 manual",
    summary: "A named AR specialist owns the invoice: personal pre-due contact, calls after due, a payment plan if needed.",
    actions: [
      { offsetDays: -5, channel: "email", action: "Personal pre-due reminder from the account owner" },
      { offsetDays: 3, channel: "phone", action: "Call the customer's accounts payable" },
      { offsetDays: 14, channel: "phone", action: "Agree a payment date or payment plan" },
      { offsetDays: 30, channel: "letter", action: "Escalate to the credit manager" }
    ]
  },
  restrict: {
    key: "restrict",
    label: "High risk \u2014 credit restriction / prepayment",
    summary: "Secure the exposure: prepayment or deposit on new orders, early calls, credit hold when overdue.",
    actions: [
      { offsetDays: -10, channel: "account", action: "Require prepayment or a deposit on new orders" },
      { offsetDays: -3, channel: "phone", action: "Pre-due call to confirm the payment date" },
      { offsetDays: 7, channel: "letter", action: "Call and send a formal demand letter" },
      { offsetDays: 30, channel: "account", action: "Credit hold: stop new shipments" },
      { offsetDays: 60, channel: "letter", action: "Refer to a collection agency" }
    ]
  }
};
export const valueBands = ["low", "high"];
export function valueBand(amount, cutoff) {
  return amount >= cutoff ? "high" : "low";
}
export const defaultStrategyRules = [
  { strategy: "restrict", risk: ["high"], value: ["low", "high"] },
  { strategy: "followUp", risk: ["medium"], value: ["high"] },
  { strategy: "reminders", risk: ["medium"], value: ["low"] },
  { strategy: "loyalty", risk: ["low"], value: ["low", "high"], loyalSegmentOnly: true },
  { strategy: "standard", risk: ["low", "medium", "high"], value: ["low", "high"] }
];
export function roundToSignificant(value, digits = 2) {
  if (!(value > 0)) return 0;
  const scale = 10 ** (Math.floor(Math.log10(value)) - digits + 1);
  return Math.round(value / scale) * scale;
}
export function suggestedValueCutoffs(invoices, p = 0.75) {
  if (!invoices.length) return { invoice: 0, customer: 0 };
  const totals = customerRisks(invoices).map((c) => c.openAmount);
  return { invoice: roundToSignificant(quantile(invoices.map((i) => i.amount), p)), customer: roundToSignificant(quantile(totals, p)) };
}
export function resolveStrategyOptions(invoices, options = {}) {
  const needsSuggestion = options.invoiceValueCutoff === void 0 || options.customerValueCutoff === void 0;
  const suggested = needsSuggestion ? suggestedValueCutoffs(invoices) : { invoice: 0, customer: 0 };
  return {
    cutoffs: checkRiskCutoffs(options.cutoffs ?? defaultRiskCutoffs),
    invoiceValueCutoff: options.invoiceValueCutoff ?? suggested.invoice,
    customerValueCutoff: options.customerValueCutoff ?? suggested.customer,
    loyaltySegments: options.loyaltySegments ?? ["A"],
    rules: options.rules ?? defaultStrategyRules
  };
}
export function decideStrategy(c, valueCutoff, options) {
  const band = riskBand(c.pLate, options.cutoffs);
  const value = valueBand(c.value, valueCutoff);
  const letter = segmentLetter(c.segment);
  const loyalSegment = letter !== null && options.loyaltySegments.includes(letter);
  const rule = options.rules.findIndex((r) => r.risk.includes(band) && r.value.includes(value) && (!r.loyalSegmentOnly || loyalSegment));
  return { strategy: rule >= 0 ? options.rules[rule].strategy : "standard", riskBand: band, valueBand: value, loyalSegment, rule };
}
export function describeRule(rule, options) {
  const risk = rule.risk.length === riskBands.length ? "Any risk" : rule.risk.map((b) => riskBandLabels[b]).join(" or ");
  const value = rule.value.length === valueBands.length ? "any value" : `${rule.value.join(" or ")} value`;
  const segment = rule.loyalSegmentOnly ? `, segment ${options.loyaltySegments.join(" or ")}` : "";
  return `${risk}, ${value}${segment} \u2192 ${strategyDefinitions[rule.strategy].label}`;
}
export function assignStrategies(invoices, options = {}) {
  const resolved = resolveStrategyOptions(invoices, options);
  const invoiceStrategies = invoices.map((invoice) => ({
    invoiceId: invoice.invoiceId,
    customerId: invoice.customerId,
    ...decideStrategy({ pLate: invoice.pLate, value: invoice.amount, segment: invoice.segment }, resolved.invoiceValueCutoff, resolved)
  }));
  const customers = customerRisks(invoices).map((c) => ({
    customerId: c.customerId,
    customerName: c.customerName,
    segment: c.segment,
    openAmount: c.openAmount,
    meanPLate: c.meanPLate,
    invoices: c.invoices,
    ...decideStrategy({ pLate: c.meanPLate, value: c.openAmount, segment: c.segment }, resolved.customerValueCutoff, resolved)
  }));
  return { options: resolved, invoices: invoiceStrategies, customers };
}
export function strategyMatrix(invoices, assignment) {
  checkAligned(invoices, assignment);
  const { options } = assignment;
  const segments = [...segmentLetters, null];
  const cells = [];
  const cellIndex = /* @__PURE__ */ new Map();
  for (const risk of riskBands) {
    for (const value of valueBands) {
      for (const segment of segments) {
        const loyal = segment !== null && options.loyaltySegments.includes(segment);
        const rule = options.rules.findIndex((r) => r.risk.includes(risk) && r.value.includes(value) && (!r.loyalSegmentOnly || loyal));
        const cell = { risk, value, segment, strategy: rule >= 0 ? options.rules[rule].strategy : "standard", count: 0, amount: 0 };
        cells.push(cell);
        cellIndex.set(`${risk}|${value}|${segment}`, cell);
      }
    }
  }
  invoices.forEach((invoice, i) => {
    const s = assignment.invoices[i];
    const cell = cellIndex.get(`${s.riskBand}|${s.valueBand}|${segmentLetter(invoice.segment)}`);
    cell.count += 1;
    cell.amount += invoice.amount;
  });
  const grid = [];
  for (const risk of riskBands) {
    for (const value of valueBands) {
      const members = cells.filter((c) => c.risk === risk && c.value === value);
      const strategies = strategyKeys.map((strategy) => {
        const matching = members.filter((c) => c.strategy === strategy);
        return { strategy, count: sumOf(matching, (c) => c.count), amount: sumOf(matching, (c) => c.amount), present: matching.length > 0 };
      }).filter((s) => s.present).map(({ strategy, count, amount }) => ({ strategy, count, amount }));
      grid.push({ risk, value, count: sumOf(members, (c) => c.count), amount: sumOf(members, (c) => c.amount), strategies });
    }
  }
  return { cells, grid };
}
function checkAligned(invoices, assignment) {
  if (invoices.length !== assignment.invoices.length || invoices.length && invoices[0].invoiceId !== assignment.invoices[0].invoiceId) {
    throw new Error("strategy: the invoices must be the ones the assignment was made for, in the same order");
  }
}
function sumOf(items, f) {
  let s = 0;
  for (const item of items) s += f(item);
  return s;
}
export function strategyTable(invoices, assignment) {
  checkAligned(invoices, assignment);
  const totalAmount = sumOf(invoices, (i) => i.amount);
  return strategyKeys.map((strategy) => {
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
export function strategyThemes(invoices, assignment, { topCustomers = 10 } = {}) {
  const rows = new Map(strategyTable(invoices, assignment).map((r) => [r.strategy, r]));
  const group = (strategies) => {
    const members = strategies.map((s) => rows.get(s));
    return {
      invoiceShare: sumOf(members, (r) => r.invoiceShare),
      amountShare: sumOf(members, (r) => r.amountShare),
      count: sumOf(members, (r) => r.invoices),
      amount: sumOf(members, (r) => r.amount)
    };
  };
  const routine = group(["standard", "loyalty"]);
  const automated = group(["reminders"]);
  const focused = group(["followUp", "restrict"]);
  const loyalty = group(["loyalty"]);
  const ranked = customerRisks(invoices).sort((a, b) => b.expectedLateAmount - a.expectedLateAmount || (a.customerId < b.customerId ? -1 : 1));
  const expectedLate = sumOf(ranked, (c) => c.expectedLateAmount);
  const top = ranked.slice(0, topCustomers);
  const topLate = sumOf(top, (c) => c.expectedLateAmount);
  return [
    { key: "routine", share: routine.invoiceShare, basis: "invoices", count: routine.count, amount: routine.amount, strategies: ["standard", "loyalty"], statement: "of invoices sit with low-risk or loyal customers" },
    { key: "automated", share: automated.invoiceShare, basis: "invoices", count: automated.count, amount: automated.amount, strategies: ["reminders"], statement: "of invoices can be handled by automated reminders" },
    { key: "focused", share: focused.invoiceShare, basis: "invoices", count: focused.count, amount: focused.amount, strategies: ["followUp", "restrict"], statement: "of invoices need focused collection (manual follow-up or credit restriction)" },
    { key: "focusedValue", share: focused.amountShare, basis: "open amount", count: focused.count, amount: focused.amount, strategies: ["followUp", "restrict"], statement: "of the open amount sits in those focused-collection invoices" },
    { key: "concentration", share: expectedLate > 0 ? topLate / expectedLate : 0, basis: "expected late amount", count: top.length, amount: topLate, strategies: [], statement: `of the expected late amount sits with the ${top.length} riskiest customers` },
    { key: "loyalty", share: loyalty.amountShare, basis: "open amount", count: loyalty.count, amount: loyalty.amount, strategies: ["loyalty"], statement: "of the open amount is owed by loyal customers who qualify for better terms" }
  ];
}
