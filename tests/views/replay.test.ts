// The note every page carries and the reason for the report's date, from hand-made replay files.
import {describe, expect, test} from "vitest";
import {replayNote, replayReason} from "../../lib/views/replay.js";
import type {ReplayFile} from "../../lib/pipeline/contract.js";

const replay: ReplayFile = {asOf: "2013-10-09", endOfData: "2014-01-08", kind: "replayed", futureDays: 91, horizonDays: 91, invoicesAfter: 312};

describe("the note on every page", () => {
  test("replayed with the full horizon known", () => {
    expect(replayNote(replay)).toBe("Replayed as of 2013-10-09: the 13 weeks after it are, with the 312 invoices issued in them, used only to score the report, never to make it.");
  });
  test("a shorter known future is stated in days; none means no note", () => {
    expect(replayNote({...replay, futureDays: 30, invoicesAfter: 0})).toBe("Replayed as of 2013-10-09: the 30 days of data after it are used only to score the report, never to make it.");
    expect(replayNote({...replay, futureDays: 0, kind: "end-of-data"})).toBeNull();
  });
});

describe("why this date", () => {
  test("a replayed date gives the cleaning rule; a given or last date says so", () => {
    expect(replayReason(replay, "The last day with activity, less the backtest's 13 weeks.")).toBe("The last day with activity, less the backtest's 13 weeks.");
    expect(replayReason({...replay, kind: "given"}, "")).toBe("The report date was set to 2013-10-09; the data runs to 2014-01-08.");
    expect(replayReason({...replay, kind: "end-of-data", futureDays: 0}, "")).toBe("The report is dated on the last day of data (2014-01-08), so nothing after it is known yet.");
  });
});
