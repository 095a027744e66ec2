// The strategy stage's words: what each strategy is for, the worklist's order, and the rules in words —
// the risk bands' cut-offs, each rule of strategy.json with the file's own labels, and which open invoices
// a capped file or table holds. Reading the labels from the file, this module loads no part of the engine.
// The Strategy and Methodology pages print them.
import {formatCount} from "../../core/format.js";
import type {RiskCutoffs} from "../../portfolio/riskBands.js";
import type {StrategyKey, StrategyRule} from "../../portfolio/strategy.js";
import type {SampleInfo, StrategyFile, WorklistFile} from "../../pipeline/contract.js";

// Strategies and the worklist (strategy.json, worklist.json) ----------------------------------------------

/** What each strategy is for (lib/portfolio/strategy.ts `strategyDefinitions` holds its actions). */
export const strategySummaries: Record<StrategyKey, string> = {
  loyalty: "Reward reliable, valuable customers: offer longer terms or an early-payment discount; keep contact light.",
  standard: "The existing process: statement and the standard overdue notice.",
  reminders: "Automated reminders before and after the due date; escalate to a person if still unpaid after two weeks.",
  followUp: "A named AR specialist owns the invoice: personal pre-due contact, calls after due, a payment plan if needed.",
  restrict: "Secure the exposure: prepayment or deposit on new orders, early calls, credit hold when overdue."
};

/** The worklist order (lib/portfolio/worklistOrder.ts `compareWorklistPriority`). */
export const worklistPriorityRule = "Highest expected late amount (P(late) × open amount) first; ties by most days overdue, then by invoice id.";

// The rules, in words -------------------------------------------------------------------------------------

/** The parts of strategy.json a rule is worded from: its strategies', bands' and loyal segments' names. */
export interface RuleLabels extends Pick<StrategyFile, "riskBands" | "valueBands"> {
  definitions: readonly Pick<StrategyFile["definitions"][number], "key" | "label">[];
  cutoffs: Pick<StrategyFile["cutoffs"], "loyaltySegments">;
}

/** "low < 0.30 ≤ medium < 0.60 ≤ high". */
export function riskCutoffRule(cutoffs: RiskCutoffs): string {
  return `low < ${cutoffs.medium.toFixed(2)} ≤ medium < ${cutoffs.high.toFixed(2)} ≤ high`;
}

/** "High risk, any value → High risk — credit restriction / prepayment", for the rule table. */
export function describeRule(rule: StrategyRule, labels: RuleLabels): string {
  const riskLabel = (band: string) => labels.riskBands.find((b) => b.band === band)!.label;
  const risk = rule.risk.length === labels.riskBands.length ? "Any risk" : rule.risk.map(riskLabel).join(" or ");
  const value = rule.value.length === labels.valueBands.length ? "any value" : `${rule.value.join(" or ")} value`;
  const segment = rule.loyalSegmentOnly ? `, segment ${labels.cutoffs.loyaltySegments.join(" or ")}` : "";
  return `${risk}, ${value}${segment} → ${labels.definitions.find((d) => d.key === rule.strategy)!.label}`;
}

/** Which open invoices a capped file kept (strategy.json and scenario.json `sample`). */
export function sampleRule(sample: Pick<SampleInfo, "cap" | "riskiest">): string {
  const riskiest = sample.riskiest > 0 ? `all open invoices of the ${formatCount(sample.riskiest)} customers with the highest expected late amount, then ` : "";
  return `At most ${formatCount(sample.cap)} open invoices: ${riskiest}whole customers in the order of a seeded hash of the customer id, until the next customer would pass the cap.`;
}

/** What the worklist table shows of the whole worklist; null when it shows every open invoice. */
export function worklistCapRule(worklist: Pick<WorklistFile, "total" | "shown">): string | null {
  return worklist.total > worklist.shown
    ? `The first ${formatCount(worklist.shown)} of ${formatCount(worklist.total)} open invoices in worklist order; the CSV download has them all.`
    : null;
}
