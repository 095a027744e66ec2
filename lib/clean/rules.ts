// The cleaning rules, in the order the report lists them, and the tally that counts what each did.
// Every rule is reported, including those that found nothing, so a clean file reads as checked.

export type CleaningAction = "fixed" | "removed" | "quarantined";

export interface CleaningExample {
  line: number;
  /** Header as written in the file. */
  column: string;
  before: string;
  after: string;
}

export interface CleaningRule {
  id: string;
  description: string;
  action: CleaningAction;
  /** Rows the rule applied to. */
  count: number;
  /** Sum of the amounts of those rows, for rules that set aside money (credit notes, payments); else null. */
  amount: number | null;
  /** The first few, in file order. */
  examples: CleaningExample[];
}

export interface QuarantinedRow {
  line: number;
  rule: string;
  invoiceId: string;
  /** The column and value that set the row aside, as written in the file. */
  column: string;
  value: string;
}

export const cleaningRules = [
  {id: "blank-row", action: "removed", description: "Rows with every field blank (spreadsheet padding) are removed."},
  {id: "summary-row", action: "removed", description: "Subtotal, total and heading rows (TOTAL, Total for a customer, a repeated header) are removed: they add up or label the invoices around them."},
  {id: "duplicate-row", action: "removed", description: "Exact duplicates of an earlier row are removed; the first stays."},
  {id: "conflicting-invoice-id", action: "quarantined", description: "Rows reusing an earlier row's invoice id with different content are set aside; the first is kept."},
  {id: "missing-invoice-id", action: "quarantined", description: "Rows without an invoice id (often a totals line) are set aside."},
  {id: "missing-customer-id", action: "quarantined", description: "Rows without a customer id are set aside."},
  {id: "missing-invoice-date", action: "quarantined", description: "Rows without an invoice date are set aside."},
  {id: "missing-amount", action: "quarantined", description: "Rows without an amount are set aside."},
  {id: "unreadable-value", action: "quarantined", description: "Rows with a value that cannot be read in its column's format (N/A, #VALUE!, a lone dash, a date that does not exist) are set aside, up to a share of the file per column (2 % by default); more stops the build."},
  {id: "credit-memo", action: "quarantined", description: "Credit memos, by document type or debit/credit indicator, are set aside with their total: they reduce what customers owe but are not invoices to collect."},
  {id: "not-an-invoice", action: "quarantined", description: "Payments, refunds and other entries that are not invoices (finance charges, voided or draft documents) are set aside with their total: an invoice's own clearing date, open flag or payments say when it was paid."},
  {id: "negative-amount", action: "quarantined", description: "Negative amounts (credit notes) are set aside with their total: they are not receivables."},
  {id: "zero-amount", action: "quarantined", description: "Zero amounts are set aside: nothing is owed."},
  {id: "paid-date-unknown", action: "quarantined", description: "Rows marked closed or fully paid with no date to say when (no paid date, and no last payment date) are set aside: the payment cannot be placed in time."},
  {id: "amount-text", action: "fixed", description: "Amounts that needed more than their column's number format to be read — a currency mark the column does not usually carry, parentheses or a trailing minus for a negative, stray spaces — are read as plain numbers. Thousands separators, and a currency mark on most of a column's values, are its format, not fixes."},
  {id: "id-decimal-zero", action: "fixed", description: "Ids written as whole numbers with a decimal zero (1929000000.0, as pandas writes a column of integers with a blank in it) are read without it, so that they match the same ids written plainly, in a payments file for one."},
  {id: "customer-id-form", action: "fixed", description: "Customer ids are trimmed, uppercased and rewritten in the file's dominant form (C42, c00042, C-00042 → C00042)."},
  {id: "due-date-from-terms", action: "fixed", description: "Blank due dates are set to invoice date + payment terms."},
  {id: "due-before-invoice", action: "fixed", description: "Due dates before the invoice date are recomputed as invoice date + payment terms."},
  {id: "due-date-unknown", action: "quarantined", description: "Rows whose due date is blank or before the invoice date, with no payment terms to rebuild it, are set aside."},
  {id: "paid-amount-capped", action: "fixed", description: "Paid amounts above the invoice amount are capped at the amount."},
  {id: "other-currency", action: "quarantined", description: "Rows in a currency other than the ledger's main one are set aside: amounts cannot be added across currencies."},
  {id: "future-invoice-date", action: "quarantined", description: "Invoice dates after the last day of data, past a long gap in it (typos such as 2042 for 2024), are set aside."},
  {id: "paid-before-invoice", action: "quarantined", description: "Rows paid or written off before their invoice date are set aside."},
  {id: "event-after-end-of-data", action: "quarantined", description: "Rows with a payment, reminder or write-off dated after the last day of data (typos) are set aside."}
] as const satisfies readonly {id: string; action: CleaningAction; description: string}[];

export type CleaningRuleId = (typeof cleaningRules)[number]["id"];

const maxExamples = 3;

export interface RuleTally {
  /** Counts one row under `rule` (and its amount, if given), keeping it as an example while fewer than three are kept. */
  record(rule: CleaningRuleId, example: CleaningExample, amount?: number): void;
  /** Counts `count` rows at once (examples supplied separately, in file order). */
  add(rule: CleaningRuleId, count: number, examples: readonly CleaningExample[]): void;
  count(rule: CleaningRuleId): number;
  rules(): CleaningRule[];
}

export function createRuleTally(): RuleTally {
  const counts = new Map<CleaningRuleId, number>();
  const amounts = new Map<CleaningRuleId, number>();
  const examples = new Map<CleaningRuleId, CleaningExample[]>();
  for (const {id} of cleaningRules) counts.set(id, 0), examples.set(id, []);
  return {
    record(rule, example, amount) {
      counts.set(rule, counts.get(rule)! + 1);
      if (amount !== undefined) amounts.set(rule, (amounts.get(rule) ?? 0) + amount);
      const list = examples.get(rule)!;
      if (list.length < maxExamples) list.push(example);
    },
    add(rule, count, more) {
      counts.set(rule, counts.get(rule)! + count);
      const list = examples.get(rule)!;
      list.push(...more);
      list.sort((a, b) => a.line - b.line);
      list.length = Math.min(list.length, maxExamples);
    },
    count: (rule) => counts.get(rule)!,
    rules: () =>
      cleaningRules.map(({id, description, action}) => ({
        id,
        description,
        action,
        count: counts.get(id)!,
        amount: amounts.has(id) ? Math.round(amounts.get(id)! * 100) / 100 : null,
        examples: [...examples.get(id)!].sort((a, b) => a.line - b.line)
      }))
  };
}
