import { expectedLateAmount } from "./openInvoices.e616baac.js";
import { assignStrategies, strategyDefinitions } from "./strategy.91af66b0.js";
export const worklistPriorityRule = "Highest expected late amount (P(late) \xD7 open amount) first; ties by most days overdue, then by invoice id.";
export function compareWorklistPriority(a, b) {
  return expectedLateAmount(b) - expectedLateAmount(a) || b.daysOverdue - a.daysOverdue || (a.invoiceId < b.invoiceId ? -1 : a.invoiceId > b.invoiceId ? 1 : 0);
}
export function worklistOrder(invoices) {
  const order = Int32Array.from(invoices.keys());
  return order.sort((i, j) => compareWorklistPriority(invoices[i], invoices[j]));
}
export function nextAction(plan, dueDate, asOf) {
  if (!plan.length) return null;
  for (const action of plan) if (dueDate + action.offsetDays >= asOf) return { action, date: dueDate + action.offsetDays };
  return { action: plan[plan.length - 1], date: asOf };
}
function isAssignment(value) {
  return value !== void 0 && "invoices" in value && Array.isArray(value.invoices);
}
export function buildWorklist(invoices, asOf, options = {}) {
  const assignment = isAssignment(options.strategy) ? options.strategy : assignStrategies(invoices, options.strategy);
  if (assignment.invoices.length !== invoices.length) throw new Error("buildWorklist: the strategy assignment is for other invoices");
  const keep = options.strategies ? new Set(options.strategies) : null;
  const limit = options.limit ?? Infinity;
  const items = [];
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
