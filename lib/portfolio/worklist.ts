// The collection worklist: open invoices in the order a collector should work them (worklistOrder.ts),
// each with its strategy and the next planned action and when it is due.
import type {Day} from "../core/dates.js";
import {expectedLateAmount} from "./openInvoices.js";
import type {OpenInvoice} from "./openInvoices.js";
import {worklistOrder} from "./worklistOrder.js";
import {assignStrategies, strategyDefinitions} from "./strategy.js";
import type {PlannedAction, StrategyAssignment, StrategyKey, StrategyOptions} from "./strategy.js";

export interface NextAction {
  action: PlannedAction;
  date: Day;
}

/**
 * The first planned action dated on or after the as-of day. When the whole plan lies in the past, its
 * last (most escalated) step is due now: an unpaid invoice never runs out of actions.
 */
export function nextAction(plan: readonly PlannedAction[], dueDate: Day, asOf: Day): NextAction | null {
  if (!plan.length) return null;
  for (const action of plan) if (dueDate + action.offsetDays >= asOf) return {action, date: dueDate + action.offsetDays};
  return {action: plan[plan.length - 1], date: asOf};
}

export interface WorklistItem {
  /** 1-based position in the worklist. */
  rank: number;
  invoiceId: string;
  customerId: string;
  customerName: string;
  segment: string | null;
  amount: number;
  dueDate: Day;
  daysOverdue: number;
  pLate: number;
  expectedLateAmount: number;
  expectedDaysLate: number;
  topFactors: readonly string[];
  strategy: StrategyKey;
  strategyLabel: string;
  nextAction: string | null;
  nextActionChannel: PlannedAction["channel"] | null;
  /** Never before the as-of day. */
  nextActionDate: Day | null;
}

export interface WorklistOptions {
  /** A strategy assignment of these same invoices, or options to make one. */
  strategy?: StrategyAssignment | StrategyOptions;
  /** Keep only invoices with these strategies (default: all). */
  strategies?: readonly StrategyKey[];
  /** At most this many rows (default: all). */
  limit?: number;
}

function isAssignment(value: StrategyAssignment | StrategyOptions | undefined): value is StrategyAssignment {
  return value !== undefined && "invoices" in value && Array.isArray(value.invoices);
}

export function buildWorklist(invoices: readonly OpenInvoice[], asOf: Day, options: WorklistOptions = {}): WorklistItem[] {
  const assignment = isAssignment(options.strategy) ? options.strategy : assignStrategies(invoices, options.strategy);
  if (assignment.invoices.length !== invoices.length) throw new Error("buildWorklist: the strategy assignment is for other invoices");
  const keep = options.strategies ? new Set(options.strategies) : null;
  const limit = options.limit ?? Infinity;
  const items: WorklistItem[] = [];
  for (const i of worklistOrder(invoices)) {
    if (items.length >= limit) break;
    const invoice = invoices[i];
    if (assignment.invoices[i].invoiceId !== invoice.invoiceId) throw new Error("buildWorklist: the strategy assignment is for other invoices");
    const strategy = assignment.invoices[i].strategy;
    if (keep && !keep.has(strategy)) continue;
    const definition = strategyDefinitions[strategy];
    const next = nextAction(definition.actions, invoice.dueDate, asOf);
    items.push({
      rank: items.length + 1,
      invoiceId: invoice.invoiceId,
      customerId: invoice.customerId,
      customerName: invoice.customerName,
      segment: invoice.segment,
      amount: invoice.amount,
      dueDate: invoice.dueDate,
      daysOverdue: invoice.daysOverdue,
      pLate: invoice.pLate,
      expectedLateAmount: expectedLateAmount(invoice),
      expectedDaysLate: invoice.expectedDaysLate,
      topFactors: invoice.topFactors,
      strategy,
      strategyLabel: definition.label,
      nextAction: next?.action.action ?? null,
      nextActionChannel: next?.action.channel ?? null,
      nextActionDate: next?.date ?? null
    });
  }
  return items;
}
