// The Backtest page's sentences and verdicts, from hand-made files: every judging word moves with the
// numbers and its threshold.
import {describe, expect, test} from "vitest";
import {backtestLede, coverageSentence, noModelSentence, notScoredNote, notScoredText, originSkipText, rollingSentence} from "../../lib/views/backtest.js";
import {aucStandardError, backtestFinding, beatsChance, forecastVerdict, isScored, rollingSummary, wapeMargin} from "../../lib/views/backtestVerdicts.js";
import type {BacktestFile, DateScoresJson, RollingRow} from "../../lib/pipeline/contract.js";

describe("verdicts", () => {
  test("a forecast beats another only by more than the WAPE margin", () => {
    expect(wapeMargin).toBe(0.02);
    expect(forecastVerdict(0.27, 0.36)).toBe("beat");
    expect(forecastVerdict(0.27, 0.285)).toBe("matched");
    expect(forecastVerdict(0.27, 0.25)).toBe("matched");
    expect(forecastVerdict(0.27, 0.2)).toBe("lost to");
  });

  test("AUC against chance: two Hanley–McNeil standard errors", () => {
    // AUC 0.75, 20 late and 20 on time: Q1 = 0.75/1.25 = 0.6, Q2 = 2·0.5625/1.75 = 0.642857;
    // SE² = (0.1875 + 19·(0.6 − 0.5625) + 19·(0.642857 − 0.5625)) ÷ 400 = 2.42679 ÷ 400 = 0.006067 → SE 0.0779.
    expect(aucStandardError(0.75, 20, 20)).toBeCloseTo(0.0779, 4);
    expect(beatsChance(0.75, 20, 20)).toBe(true);
    expect(beatsChance(0.62, 20, 20)).toBe(false);
    expect(beatsChance(0.62, 400, 400)).toBe(true);
  });
});

/** A scored date with the given forecast errors and coverage over 13 weeks. */
function scoredDate(ours: {wape: number; coverage: number}, dueDate: number, customerDelay: number): DateScoresJson {
  const weeks = {length: 13, week: [], start: [], end: [], actual: [], expected: [], low: [], high: [], dueDate: [], customerDelay: []};
  return {
    asOf: "2013-10-09",
    weeksKnown: 13,
    status: "scored",
    notScored: null,
    openBook: {invoices: 200, amount: 1e6, unknown: 0, late: 60, onTime: 140, lateAmount: 3e5, meanPLate: 0.25, lateRate: 0.3, rocAuc: 0.8, prAuc: 0.6, brier: 0.15,
      reliability: {length: 0, lower: [], upper: [], meanPredicted: [], observedRate: [], count: []}, notYetDue: {invoices: 150, late: 30, rocAuc: 0.78}, overdue: {invoices: 50, meanPLate: 0.4}},
    capture: {rows: 20, of: 200, shares: {worklist: 0.5, oldest: 0.3, largest: 0.4, random: 0.1}, curves: {length: 0, rowShare: [], worklist: [], oldest: [], largest: [], random: []}},
    cash: {weeks, ours: {wape: ours.wape, bias: 0.03, coverage: ours.coverage}, dueDate: {wape: dueDate, bias: 0.1}, customerDelay: {wape: customerDelay, bias: 0.1}, openAmount: 1e6, received: 9e5},
    book: [],
    newBusinessBasis: "seasonal"
  };
}

function file(report: DateScoresJson, rows: RollingRow[] = []): BacktestFile {
  const settings = {requested: 6, candidates: 6, lookBackMonths: 36, refitEveryMonths: 3, maxTrainingRows: 30_000, calibrationShare: 0.2, timingRecords: 50_000, forecastRuns: 200};
  return {asOf: "2013-10-09", endOfData: "2014-01-08", kind: "replayed", currency: "USD", modelName: "Random forest", noModel: null, horizonWeeks: 13, bookWeeks: [4, 8, 13], minOutcomes: 20, captureShare: 0.1,
    report, origins: {settings, rows, skipped: []}};
}

describe("sentences", () => {
  test("band coverage: 4 of 13 is too narrow, 10 right, 13 too wide", () => {
    const at = (inside: number) => {
      const r = scoredDate({wape: 0.27, coverage: inside / 13}, 0.36, 0.39);
      if (!isScored(r)) throw new Error("not scored");
      return coverageSentence(r);
    };
    expect(at(4)).toMatch(/^Its 10–90% band held 4 of 13 weeks, too narrow: a band as wide as the weeks really vary would hold about 10/);
    expect(at(10)).toBe("Its 10–90% band held 10 of 13 weeks, about the 80% a 10–90% band should hold.");
    expect(at(13)).toMatch(/^Its 10–90% band held 13 of 13 weeks, too wide/);
  });

  test("the Overview's finding follows the verdicts", () => {
    const both = backtestFinding(file(scoredDate({wape: 0.27, coverage: 0.7}, 0.36, 0.39)))!;
    expect(both.text).toBe(
      "Replayed as of 2013-10-09 and checked against the 13 weeks that followed, the weekly cash forecast was off by 27% (WAPE), beating both naive forecasts (36% and 39%), and the worklist's first 10% held 50% of the amount paid late."
    );
    expect(both.href).toBe("./backtest");
    expect(backtestFinding(file(scoredDate({wape: 0.27, coverage: 0.7}, 0.36, 0.2)))!.text).toContain("beating one of two naive forecasts");
    expect(backtestFinding(file(scoredDate({wape: 0.27, coverage: 0.7}, 0.1, 0.2)))!.text).toContain("not beating the naive forecasts");
    expect(backtestFinding(file(scoredDate({wape: 0.27, coverage: 0.7}, 0.28, 0.26)))!.text).toContain("no better than the naive forecasts");
  });

  test("with the report's own date unscored, the finding comes from the rolling origin, or there is none", () => {
    const unscored: DateScoresJson = {...scoredDate({wape: 0, coverage: 0}, 0, 0), status: "no-future", notScored: {kind: "no-future", daysAfter: 0}, openBook: null, capture: null, cash: null};
    const row = (asOf: string, wape: number, due: number): RollingRow => ({asOf, source: "origin", status: "scored", model: {fittedAt: asOf, trainingRows: 100}, invoices: 10, rocAuc: 0.8, prAuc: 0.5, brier: 0.1,
      capture: {worklist: 0.5, oldest: 0.2, largest: 0.3, random: 0.1}, wape, bias: 0, coverage: 0.77, wapeDueDate: due, wapeCustomerDelay: 0.5, dsoError: [0, 0, 0], overdueShareError: [0, 0, 0]});
    const rows = [row("2013-07-31", 0.2, 0.3), row("2013-08-31", 0.35, 0.3)];
    expect(backtestFinding(file(unscored, rows))!.text).toBe('Replayed at 2 earlier month-ends, the cash forecast\'s WAPE ran from 20% to 35%, beating "paid on the due date" at 1 of them.');
    expect(rollingSummary(rows, 13)).toMatchObject({dates: 2, beatDueDate: 1, lostDueDate: 1, beatCustomerDelay: 2, coverageRight: 2, captureLead: 2});
    expect(backtestFinding(file(unscored))).toBeNull();
  });
});

describe("why a date or a month-end is not scored", () => {
  test("no future, too few outcomes, no model", () => {
    expect(notScoredText("2025-06-30", {kind: "no-future", daysAfter: 3})).toBe("the data ends 3 days after 2025-06-30: there is no week of known future to score against");
    expect(notScoredText("2013-06-30", {kind: "too-few", open: 14, late: 14, onTime: 0, minOutcomes: 20})).toBe(
      "on 2013-06-30 14 invoices were open, of which 14 ended up paid late and 0 on time; scoring needs at least 20 of each, or a single invoice would swing the figures"
    );
    expect(originSkipText("2012-03-31", {kind: "short", slice: "training", late: 4, onTime: 90, minClassCount: 20})).toBe(
      "the model's training slice held 4 late and 90 on-time invoices (at least 20 of each are needed)"
    );
  });
});

describe("a report without a model says what the page can and cannot score", () => {
  const scored = scoredDate({wape: 0.27, coverage: 0.7}, 0.36, 0.39);
  const unscored: DateScoresJson = {...scored, status: "no-future", notScored: {kind: "no-future", daysAfter: 0}, openBook: null, capture: null, cash: null};
  const noModel = (report: DateScoresJson, facts = {due: 1487, late: 0, onTime: 1487}): BacktestFile => ({...file(report), noModel: facts});

  test("with a model, nothing is said", () => {
    expect(noModelSentence(file(scored))).toBeNull();
  });

  test("its own date scored: the cash and the book are the report's, the ranking is the stand-in rule's", () => {
    expect(noModelSentence(noModel(scored))).toBe(
      "No late-payment model was fitted: all 1,487 invoices due before 2013-10-09 were paid on time, so there is no late payer to learn from. " +
        "Scored below: the cash forecast against what came in, and DSO and aging at each horizon, which rest on how invoices were paid, not on a model; " +
        "the open book's ranking and the worklist's capture are those of the stand-in rule (an invoice already past due counts as late)."
    );
    expect(backtestLede(noModel(scored))).toContain("The stand-in rule (past due counts as late) ranked the open invoices better than chance (ROC AUC 0.80)");
    expect(backtestLede(file(scored))).toContain("Its P(late) ranked the open invoices");
  });

  test("its own date not scored: nothing on the page is, and the rolling origin says why once", () => {
    expect(noModelSentence(noModel(unscored, {due: 40, late: 40, onTime: 0}))).toBe(
      "No late-payment model was fitted: all 40 invoices due before 2013-10-09 were paid late or written off, so there is no on-time payer to learn from. " +
        "Without one there is nothing to refit at earlier month-ends either, so nothing on this page can be scored."
    );
    expect(notScoredNote(noModel(unscored))).toBe("The report's own date cannot be scored yet: the data ends on 2013-10-09: there is no week of known future to score against.");
    expect(notScoredNote(file(unscored))).toMatch(/The rolling origin below replays the same method at earlier month-ends/);
    expect(rollingSentence(noModel(unscored))).toBe("No earlier month-end is replayed: the report fitted no late-payment model to refit at them.");
  });
});
