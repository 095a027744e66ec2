// The Strategy page's worklist: worklist.json's rows, and each listed invoice's strategy and next action
// under the reader's cut-offs, decided by the same rules as the build's worklist.
import {formatIsoDay, parseIsoDay} from "../core/dates.js";
import {rowsOf} from "../core/json.js";
import type {RowOf} from "../core/json.js";
import type {Day} from "../core/dates.js";
import {decideStrategy, strategyDefinitions} from "../portfolio/strategy.js";
import type {PlannedAction, ResolvedStrategyOptions, StrategyKey} from "../portfolio/strategy.js";
import {nextAction} from "../portfolio/worklist.js";
import {strategyShortLabels} from "./strategy.js";
import type {WorklistColumns} from "../pipeline/contract.js";

/** A listed invoice as a row of the page's table: worklist.json's columns, its due date as a day number, its strategy's short name. */
export interface WorklistRow extends Omit<RowOf<WorklistColumns>, "nextActionDate"> {
  due: Day;
  strategyName: string;
  /** The next action's date, ISO; "" when the plan has none. */
  nextActionDate: string;
}

/**
 * worklist.json's rows as the page shows them under the default rules (the file's own strategies). The
 * fields are added to `rowsOf`'s records in place: a copy by spread made every later cut-off move's
 * spread 2–3× slower (a different object layout; 1.5–2.5 ms against 0.5–1.0 ms per move, 500 rows).
 */
export function worklistRows(items: WorklistColumns): WorklistRow[] {
  return rowsOf(items).map((file) => {
    const row = file as RowOf<WorklistColumns> & Partial<WorklistRow>;
    row.due = parseIsoDay(file.dueDate) ?? NaN;
    row.strategyName = strategyShortLabels[file.strategy];
    row.nextActionDate = file.nextActionDate ?? "";
    return row as WorklistRow;
  });
}

/** A worklist row as the page holds it (from worklist.json). */
export interface WorklistRecord {
  invoiceId: string;
  amount: number;
  pLate: number;
  segment: string | null;
  dueDate: Day;
}

export interface WorklistDecision {
  strategy: StrategyKey;
  strategyLabel: string;
  nextAction: string | null;
  nextActionChannel: PlannedAction["channel"] | null;
  nextActionDate: Day | null;
}

/**
 * Strategy and next action of each worklist row under the given rules: the same decision and the same
 * next-action rule as the worklist build (lib/portfolio/worklist.ts), so the defaults reproduce the file.
 */
export function decideWorklist(rows: readonly WorklistRecord[], asOf: Day, options: Pick<ResolvedStrategyOptions, "cutoffs" | "invoiceValueCutoff" | "loyaltySegments" | "rules">): WorklistDecision[] {
  return rows.map((row) => {
    const {strategy} = decideStrategy({pLate: row.pLate, value: row.amount, segment: row.segment}, options.invoiceValueCutoff, options);
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

/**
 * The worklist under the reader's rules: every row's strategy and next action, then only `strategy`'s
 * rows when one is picked; at the default rules, the rows as they are. Plain loops: arquero did the same
 * 1.6× slower, near the 1.5× line (scripts/bench/tabular.ts, 500 rows: 0.57 ms against 0.36–0.37 ms per
 * cut-off move, three runs); the bench's targets flag it if it crosses.
 */
export function decidedWorklist(
  rows: readonly WorklistRow[],
  asOf: Day,
  options: Pick<ResolvedStrategyOptions, "cutoffs" | "invoiceValueCutoff" | "loyaltySegments" | "rules">,
  {strategy = null}: {strategy?: StrategyKey | null} = {}
): WorklistRow[] {
  const decisions = decideWorklist(rows.map((r) => ({invoiceId: r.invoiceId, amount: r.amount, pLate: r.pLate, segment: r.segment, dueDate: r.due})), asOf, options);
  return rows
    .map((row, i): WorklistRow => {
      const d = decisions[i];
      return {
        ...row,
        strategy: d.strategy,
        strategyLabel: d.strategyLabel,
        strategyName: strategyShortLabels[d.strategy],
        nextAction: d.nextAction,
        nextActionDate: d.nextActionDate === null ? "" : formatIsoDay(d.nextActionDate),
        nextActionChannel: d.nextActionChannel
      };
    })
    .filter((row) => strategy === null || row.strategy === strategy);
}
