// The collections playbook: the five strategies with their action plans, timed relative to the due date,
// and the rule table that picks one by risk band, value band and segment. Data only, so that the pages
// can print the plans and rules without loading the engine that applies them (lib/portfolio/strategy.ts).
import type {RiskBand} from "./riskBands.js";

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
