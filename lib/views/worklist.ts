// The Strategy page's worklist under the reader's cut-offs: each listed invoice's strategy and next action
// as the rules give them, in arquero. A module of its own because arquero (about 85 KB gzipped with its
// expression parser) is worth loading only where the worklist is drawn: the page imports it when the
// table comes near the viewport, and no other page loads it.
import * as aq from "../core/table.js";
import {formatIsoDay} from "../core/dates.js";
import type {Day} from "../core/dates.js";
import {decideStrategy, strategyDefinitions} from "../portfolio/strategy.js";
import type {PlannedAction, ResolvedStrategyOptions, StrategyKey} from "../portfolio/strategy.js";
import {nextAction} from "../portfolio/worklist.js";
import {strategyShortLabels} from "./strategy.js";
import type {WorklistRow} from "./strategy.js";

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
 * rows when one is picked (at the default rules these are the file's own: `worklistRows`). In arquero, which does it faster than the per-row object spreads it replaced
 * (scripts/bench/tabular.ts, 500 rows: 1.3–1.6 ms against 2.5–8.7 ms per cut-off move).
 */
export function decidedWorklist(
  rows: readonly WorklistRow[],
  asOf: Day,
  options: Pick<ResolvedStrategyOptions, "cutoffs" | "invoiceValueCutoff" | "loyaltySegments" | "rules">,
  {strategy = null}: {strategy?: StrategyKey | null} = {}
): WorklistRow[] {
  const decisions = decideWorklist(rows.map((r) => ({invoiceId: r.invoiceId, amount: r.amount, pLate: r.pLate, segment: r.segment, dueDate: r.due})), asOf, options);
  return aq
    .from(rows)
    .assign({
      strategy: decisions.map((d) => d.strategy),
      strategyName: decisions.map((d) => strategyShortLabels[d.strategy]),
      nextAction: decisions.map((d) => d.nextAction),
      nextActionDate: decisions.map((d) => (d.nextActionDate === null ? "" : formatIsoDay(d.nextActionDate))),
      channel: decisions.map((d) => d.nextActionChannel)
    })
    .params({strategy})
    .filter((d: {strategy: StrategyKey}, $: {strategy: StrategyKey | null}) => $.strategy === null || d.strategy === $.strategy)
    .objects() as WorklistRow[];
}
