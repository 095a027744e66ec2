// The words for the report's date when it is replayed: the "Replayed as of …" note every page carries,
// and why the report has this date. Every page loads this module through src/components/replayNote.ts, so
// it stays a leaf (only the number format): the Backtest page's own words are lib/views/backtest.ts.
import {formatCount} from "../core/format.js";
import type {ReplayFile} from "../pipeline/contract.js";

/**
 * "Replayed as of 2013-10-09: the 13 weeks after it are used only to score the report." Null when the
 * report is dated on the last day of data (nothing after it is known, nothing is replayed).
 */
export function replayNote(replay: ReplayFile): string | null {
  if (replay.futureDays <= 0) return null;
  const after = replay.futureDays >= replay.horizonDays ? `the ${weeksText(replay.horizonDays)} after it are` : `the ${formatCount(replay.futureDays)} days of data after it are`;
  const invoices = replay.invoicesAfter ? `, with the ${formatCount(replay.invoicesAfter)} invoice${replay.invoicesAfter === 1 ? "" : "s"} issued in them,` : "";
  return `Replayed as of ${replay.asOf}: ${after}${invoices} used only to score the report, never to make it.`;
}

/** Why this date, for the Backtest page: `cleaningRule` is cleaning.json's `asOfRule`, which states the replay rule. */
export function replayReason(replay: ReplayFile, cleaningRule: string): string {
  switch (replay.kind) {
    case "replayed":
      return cleaningRule;
    case "given":
      return `The report date was set to ${replay.asOf}; the data runs to ${replay.endOfData}.`;
    case "end-of-data":
      return `The report is dated on the last day of data (${replay.endOfData}), so nothing after it is known yet.`;
  }
}

function weeksText(days: number): string {
  return days % 7 === 0 ? `${days / 7} weeks` : `${days} days`;
}
