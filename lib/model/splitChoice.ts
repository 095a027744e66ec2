// Which shares the time split cuts at. The default 60 / 15 / 25 % suits a ledger of thousands of
// invoices; on a small export (a few hundred labelled invoices, the rarer outcome ~15 % of them) a 15 %
// validation slice cannot hold 20 of the rarer outcome, and no model could be judged. Then the two cuts
// move earlier, widening validation and test at training's expense, through a short fixed list of
// candidates; the first whose every slice holds enough of both outcomes is used.
//
// Still strictly by time: only the cut dates move, and every slice keeps ./split.ts's rules. The choice
// reads label counts and nothing else — never a model's score — so it cannot tune the evaluation to a
// model; and the gap check (`paymentHistoryGap`) and the model stage call this one function, so the
// split judged enough is the split the model is fitted on.
import {roundFinite} from "../core/json.js";
import {defaultSplitShares, timeSplit} from "./split.js";
import type {Slice, SplitOptions, SplitShares, TimeSplit} from "./split.js";

/**
 * The candidates, closest to the default first. Each step moves 5 points each to validation and test
 * from training, so the two evaluation slices grow together: validation makes every choice, test reports
 * the figures, and both need the same counts. Four candidates, not a fine grid: each is one more look at
 * the data, and the coarse steps keep the choice a plain rule. The list ends where training has
 * shrunk to validation's share (30 %): any further and the evaluated model would learn from fewer
 * invoices than its choices are made on. A smaller training slice makes the test figures conservative,
 * not flattering: the production model is refitted on every labelled invoice whatever the shares.
 * Measured on small exports (700–1,200 invoices over two years, the rarer outcome 12–20 % of them):
 * 60 / 15 / 25 % left validation with 8–15 of the rarer outcome; 50 / 20 / 30 % or 30 / 30 / 40 % reached 20.
 */
export const splitCandidates: readonly Readonly<SplitShares>[] = [
  defaultSplitShares,
  {train: 0.5, validation: 0.2, test: 0.3},
  {train: 0.4, validation: 0.25, test: 0.35},
  {train: 0.3, validation: 0.3, test: 0.4}
];

/** The first of train, validation and test holding fewer than the minimum of late or on-time invoices. */
export interface SliceShortfall {
  slice: "train" | "validation" | "test";
  late: number;
  onTime: number;
}

export interface ChooseSplitOptions {
  /** Fixed shares: only these are tried. Default: `candidates` in order. */
  split?: SplitOptions;
  candidates?: readonly Readonly<SplitShares>[];
  /** Fewest late and on-time invoices each of train, validation and test must hold. Default 20. */
  minClassCount?: number;
}

export interface ChosenSplit {
  /** The first passing candidate's split; the first candidate's when none passes. */
  split: TimeSplit;
  /** Why `split` cannot judge a model; null when it can. */
  shortfall: SliceShortfall | null;
  /** The first candidate's shortfall when a later one was used (or none passed); null when the first passed. */
  firstShortfall: SliceShortfall | null;
  minClassCount: number;
}

export function chooseSplit(ledger: Parameters<typeof timeSplit>[0], options: ChooseSplitOptions = {}): ChosenSplit {
  const {minClassCount = 20} = options;
  const candidates = options.split ? [options.split] : options.candidates ?? splitCandidates;
  if (!candidates.length) throw new Error("chooseSplit: no candidate shares");
  let first: ChosenSplit | null = null;
  for (const shares of candidates) {
    const split = timeSplit(ledger, shares);
    const shortfall = sliceShortfall(split, minClassCount);
    first ??= {split, shortfall, firstShortfall: shortfall, minClassCount};
    if (!shortfall) return {split, shortfall, firstShortfall: first.shortfall, minClassCount};
  }
  return first!;
}

/** What model.json's `split` section and the page's sentence (lib/views/definitions/model.ts `splitSharesSentence`) say of the choice. */
export interface SplitChoiceFacts {
  shares: SplitShares;
  defaultShares: SplitShares;
  minClassCount: number;
  /** The slice the first candidate left short, with its counts; null when it was used. */
  defaultShortfall: SliceShortfall | null;
}

/** The choice as numbers, shares rounded to 4 decimals. */
export function splitChoiceFacts({split, firstShortfall, minClassCount}: ChosenSplit): SplitChoiceFacts {
  const rounded = ({train, validation, test}: SplitShares) => ({train: roundFinite(train), validation: roundFinite(validation), test: roundFinite(test)});
  return {shares: rounded(split.shares), defaultShares: rounded(defaultSplitShares), minClassCount, defaultShortfall: firstShortfall && {...firstShortfall}};
}

/** The first evaluation slice short of either outcome, or null when each holds at least `minimum` of both. */
export function sliceShortfall(split: TimeSplit, minimum: number): SliceShortfall | null {
  for (const slice of [split.train, split.validation, split.test]) {
    const late = lateCount(slice);
    const onTime = slice.labels.length - late;
    if (late < minimum || onTime < minimum) return {slice: slice.name as SliceShortfall["slice"], late, onTime};
  }
  return null;
}

function lateCount(slice: Slice): number {
  let late = 0;
  for (const label of slice.labels) late += label;
  return late;
}
