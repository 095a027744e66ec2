// The backtest stage on small ledgers: what it scores, what it refuses to score and says why, and that
// an origin's model never learns from what came after the origin.
import {readFileSync} from "node:fs";
import {describe, expect, test} from "vitest";
import {parseIsoDay} from "../../lib/core/dates.js";
import {fitAtOrigin} from "../../lib/backtest/originModel.js";
import {modelAt} from "../../lib/backtest/origins.js";
import {notScoredText} from "../../lib/views/backtest.js";
import {buildReport} from "../../lib/pipeline/index.js";
import {csvLedger, syntheticLedger} from "../../lib/pipeline/source.js";
import type {Invoice} from "../../lib/input/ledger.js";

const day = (iso: string) => parseIsoDay(iso)!;
const settledCsv = readFileSync(new URL("../fixtures/settled/settled.csv", import.meta.url), "utf8");
const settled = (asOf?: string) => csvLedger({file: "settled.csv", text: settledCsv, asOf: asOf === undefined ? undefined : day(asOf), asOfSource: "AR_AS_OF"});
/** The settled ledger with no invoice issued from 21 April to 30 June 2013: ten quiet weeks. */
function quietLedger(asOf: string) {
  const [header, ...lines] = settledCsv.trimEnd().split("\n");
  const date = header.split(",").indexOf("InvoiceDate");
  const quiet = lines.filter((line) => {
    const issued = line.split(",")[date];
    return issued <= "2013-04-20" || issued > "2013-06-30";
  });
  return csvLedger({file: "quiet.csv", text: [header, ...quiet].join("\n"), asOf: day(asOf), asOfSource: "AR_AS_OF"});
}

describe("a fully settled export, no as-of given", () => {
  const sourced = settled();
  const report = buildReport(sourced, {seed: 3});
  const {backtest, replay} = report.backtest.files;

  test("is replayed 13 weeks before its last invoice, with an open book to act on", () => {
    expect(sourced.asOf.kind).toBe("replayed");
    expect(replay.asOf).toBe("2013-10-01");
    expect(replay.futureDays).toBe(sourced.asOf.endOfData - day("2013-10-01"));
    expect(replay.invoicesAfter).toBe(sourced.history.invoices.length - sourced.ledger.invoices.length);
    const facts = report.files["overview-facts"] as {openInvoices: number; openAr: number; cashAtRisk: number};
    expect(facts.openInvoices).toBeGreaterThan(100);
    expect(facts.cashAtRisk).toBeGreaterThan(0);
  });

  test("scores the report's own date and six earlier month-ends", () => {
    expect(backtest.report.status).toBe("scored");
    expect(backtest.report.weeksKnown).toBe(13);
    expect(backtest.report.book.map((h) => h.weeks)).toEqual([4, 8, 13]);
    const rows = backtest.origins.rows;
    expect(rows.map((r) => r.source)).toEqual(["origin", "origin", "origin", "origin", "origin", "origin", "report"]);
    expect(rows.slice(0, 6).map((r) => r.asOf)).toEqual(["2013-03-31", "2013-04-30", "2013-05-31", "2013-06-30", "2013-07-31", "2013-08-31"]);
    // Refitted every quarter, each model reused only at later month-ends.
    expect(rows.slice(0, 6).map((r) => r.model?.fittedAt)).toEqual(["2013-03-31", "2013-03-31", "2013-03-31", "2013-06-30", "2013-06-30", "2013-06-30"]);
    for (const row of rows) {
      expect(row.rocAuc).toBeGreaterThan(0.5);
      expect(row.wape).not.toBeNull();
      expect(row.dsoError).toHaveLength(3);
    }
  });

  test("the forecast's weeks add up: received and expected are the week columns' sums", () => {
    const cash = backtest.report.cash!;
    const sum = (values: unknown[]) => (values as number[]).reduce((a, b) => a + b, 0);
    expect(sum(cash.weeks.actual)).toBeCloseTo(cash.received!, 0);
    expect(cash.weeks.length).toBe(13);
  });
});

describe("a fully settled export as a US package writes it ($, M/D/YYYY, Date Paid), no setting given", () => {
  // tests/fixtures/settled/make-settled-us.ts: 3,947 invoices issued July 2022 to December 2024, every one paid.
  const text = readFileSync(new URL("../fixtures/settled/settled-us.csv", import.meta.url), "utf8");
  const sourced = csvLedger({file: "settled-us.csv", text});
  const {backtest, replay} = buildReport(sourced, {seed: 1}).backtest.files;

  test("is read as exported, replayed before its last invoice and scored there and at six month-ends", () => {
    expect(sourced.history.invoices).toHaveLength(3947);
    expect(sourced.asOf.kind).toBe("replayed");
    expect(replay.asOf).toBe("2024-10-01");
    expect(backtest.report.status).toBe("scored");
    expect(backtest.report.openBook!.rocAuc).toBeGreaterThan(0.7);
    expect(backtest.origins.rows.filter((r) => r.source === "origin")).toHaveLength(6);
  });
});

describe("dates that cannot be scored say why", () => {
  test("too few invoices open: the report still builds, and the backtest says how many and why", {timeout: 120_000}, () => {
    // A business that stopped invoicing for ten weeks before 30 June: what is still open then is a
    // handful of long-overdue invoices, all of them late.
    const sourced = quietLedger("2013-06-30");
    const r = buildReport(sourced, {seed: 3}).backtest.files.backtest.report;
    expect(r.status).toBe("too-few");
    expect([r.openBook, r.capture, r.cash, r.book]).toEqual([null, null, null, []]);
    expect(r.notScored).toMatchObject({kind: "too-few", onTime: 0, minOutcomes: 20});
    expect(notScoredText(r.asOf, r.notScored!)).toMatch(/^on 2013-06-30 \d+ invoices were open, of which \d+ ended up paid late and 0 on time; scoring needs at least 20 of each, or a single invoice would swing the figures$/);
  });

  test("a month-end with too few outcomes open is passed over, and the search goes further back", {timeout: 300_000}, () => {
    // The same ten quiet weeks, replayed as of 2013-09-30: the month-ends around the gap leave too few
    // on-time invoices open to score, so earlier month-ends take their places and six are still scored.
    const sourced = quietLedger("2013-09-30");
    const {origins} = buildReport(sourced, {seed: 3}).backtest.files.backtest;
    const passedOver = origins.skipped.filter((s) => s.reason.kind === "too-few").map((s) => s.asOf);
    expect(passedOver).toContain("2013-06-30");
    expect(origins.rows.filter((r) => r.source === "origin")).toHaveLength(origins.settings.requested);
    // Every scored month-end is older than the ones passed over after it, none repeats.
    const scored = origins.rows.filter((r) => r.source === "origin").map((r) => r.asOf);
    expect(new Set(scored).size).toBe(scored.length);
    for (const asOf of passedOver) expect(scored).not.toContain(asOf);
  });

  test("a report dated on its last day of data has no future to score, but earlier month-ends do", {timeout: 300_000}, () => {
    const sourced = syntheticLedger({seed: 5, invoices: 3000, customers: 120, futureDays: 0});
    expect(sourced.asOf.kind).toBe("given");
    const {backtest, replay} = buildReport(sourced, {seed: 5}).backtest.files;
    expect(replay.futureDays).toBe(0);
    expect(backtest.report.status).toBe("no-future");
    expect(backtest.report.notScored).toEqual({kind: "no-future", daysAfter: 0});
    expect(notScoredText(backtest.report.asOf, backtest.report.notScored!)).toBe("the data ends on 2026-09-30: there is no week of known future to score against");
    const origins = backtest.origins.rows.filter((r) => r.source === "origin");
    expect(origins.length).toBeGreaterThanOrEqual(6);
    // Each leaves 13 weeks before the end of the data.
    for (const row of origins) expect(day(row.asOf) + 91).toBeLessThanOrEqual(day("2026-09-30"));
  });
});

describe("an origin's model learns only from what was known at the origin", () => {
  const sourced = syntheticLedger({seed: 9, invoices: 3000, customers: 120});
  const report = buildReport(sourced, {seed: 9});
  const features = report.model.features!, recipe = report.model.recipe!;
  const origin = day("2026-05-31");
  const rows = Int32Array.from(sourced.ledger.invoices.keys());

  test("changing every outcome after the origin changes none of its scores", () => {
    const fit = (invoices: readonly Invoice[]) => fitAtOrigin(features, invoices, origin, recipe, {seed: "t", maxTrainingRows: 30_000}).model!.score(rows);
    // Everything settled after the origin is now settled on the day after the report date instead.
    const moved = sourced.ledger.invoices.map((v) => (v.settledDate !== null && v.settledDate > origin ? {...v, settledDate: sourced.ledger.asOf} : v));
    const unsettled = sourced.ledger.invoices.map((v) => (v.settledDate !== null && v.settledDate > origin ? {...v, settledDate: null} : v));
    expect(moved.some((v, i) => v.settledDate !== sourced.ledger.invoices[i].settledDate)).toBe(true);
    const original = fit(sourced.ledger.invoices);
    expect(Array.from(fit(moved))).toEqual(Array.from(original));
    expect(Array.from(fit(unsettled))).toEqual(Array.from(original));
    // Invoices due after the origin paid on time instead of late, and late instead of on time.
    const flipped = sourced.ledger.invoices.map((v) => (v.dueDate >= origin && v.settledDate !== null ? {...v, settledDate: v.settledDate > v.dueDate ? v.dueDate - 1 : v.dueDate + 30} : v));
    expect(Array.from(fit(flipped))).toEqual(Array.from(original));
    // An outcome known at the origin does change them.
    const known = sourced.ledger.invoices.map((v, i) => (i % 3 === 0 && v.settledDate !== null && v.settledDate <= origin - 60 && v.dueDate < origin - 60 ? {...v, settledDate: v.dueDate + 40} : v));
    expect(Array.from(fit(known))).not.toEqual(Array.from(original));
  });

  test("a model is reused only for later origins, within its refit period", () => {
    const inputs = {invoices: sourced.ledger.invoices, features, recipe, seed: "t", maxTrainingRows: 30_000, timingRecords: 1000, forecastRuns: 10, recentDays: 91};
    const march = modelAt(day("2026-03-31"), null, inputs, 3).model!;
    expect(modelAt(day("2026-05-31"), march, inputs, 3).model).toBe(march);
    expect(modelAt(day("2026-06-30"), march, inputs, 3).model).not.toBe(march);
    expect(modelAt(day("2026-02-28"), march, inputs, 3).model).not.toBe(march);
    expect(modelAt(day("2026-04-30"), march, inputs, 1).model).not.toBe(march);
  });
});
