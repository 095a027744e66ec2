// Degenerate books through the real pipeline (CSV text → cleaning → data, model, portfolio stages) and
// every sentence the pages would print about them: nothing open, a single customer, nothing overdue —
// and no late payment at all, which cannot train a model: the report builds without one and says why.
import {describe, expect, test} from "vitest";
import {formatIsoDay, parseIsoDay} from "../../lib/core/dates.js";
import {buildReport} from "../../lib/pipeline/index.js";
import type {Report} from "../../lib/pipeline/index.js";
import {csvLedger} from "../../lib/pipeline/source.js";
import {paymentHistoryGap} from "../../lib/model/index.js";
import {degenerateCsv, generatedRows, ledgerCsv} from "../helpers/ledgers.js";
import type {DegenerateKind} from "../helpers/ledgers.js";
import {pageSentences, sentenceProblems} from "../helpers/pageSentences.js";

const built = new Map<DegenerateKind, Report>();
/** Each book built once for the file's tests. */
// The report date is given, as AR_AS_OF would: a fully settled export would otherwise be reported at an
// earlier date that leaves invoices open to score (lib/clean/asOf.ts).
const asOf = parseIsoDay("2025-06-30")!;

function report(kind: DegenerateKind): Report {
  if (!built.has(kind)) built.set(kind, buildReport(csvLedger({file: `${kind.replace(/ /g, "-")}.csv`, text: degenerateCsv(kind), asOf}), {seed: 1}));
  return built.get(kind)!;
}

function everySentence(pages: Record<string, string[]>): string[] {
  return Object.values(pages).flat();
}

describe.each(["nothing open", "one customer", "nothing overdue", "no late payments"] as const)("a book with %s", (kind) => {
  test("every page's sentences read sensibly", () => {
    const pages = pageSentences(report(kind).files);
    expect(everySentence(pages).length).toBeGreaterThan(30);
    expect(everySentence(pages).flatMap(sentenceProblems)).toEqual([]);
  });
});

describe("what each degenerate book says", () => {
  test("nothing open: no cash at risk, nothing to collect, no DSO gap", () => {
    const pages = pageSentences(report("nothing open").files);
    expect(pages["/"][0]).toBe("As of 2025-06-30 nothing is owed: every invoice in the ledger has been paid or written off. The model and the collection rules below apply to the next ones.");
    expect(pages["/"][1]).toBe("None open: no open invoice to score");
    expect(pages["/"][2]).toBe("Nothing is open at the report date, so no cash is at risk of arriving late.");
    expect(pages["/"]).toContain("No open invoices to assign a collection strategy to");
    expect(pages["/"].join(" ")).not.toMatch(/Close the gap|Keep DSO/);
    expect(pages["/kpis"][0]).toBe("Nothing is owed at the report date, so DSO and best possible DSO are both zero.");
    expect(pages["/segments"].slice(0, 2)).toEqual(["Open amount: $0, no cluster has anything open", expect.stringMatching(/clusters at k = \d+; none has anything open at the report date$/)]);
    expect(pages["/segments"][2]).toMatch(/None of them has anything open at the report date\.$/);
    expect(pages["/segments"]).toContain("No cluster has anything open at the report date");
    expect(pages["/scenarios"]).toEqual(["No open invoice qualifies at any threshold, so there is no collection work to weigh"]);
    expect(pages["/case-study"][0]).toBe("On 2025-06-30 nothing was owed: every invoice in this ledger had been paid or written off, so the report looks at how they were paid.");
    // Nothing is overdue when nothing is open: float residue once made this 100%.
    const {files} = report("nothing open");
    expect((files["overview-facts"] as {overdueShare: number}).overdueShare).toBe(0);
    expect((files.kpis as {cards: {key: string; value: number}[]}).cards.filter((c) => ["overdueShare", "atRiskRate"].includes(c.key)).map((c) => c.value)).toEqual([0, 0]);
  });

  test("one customer: named, not counted; too few customers to segment", () => {
    const pages = pageSentences(report("one customer").files);
    expect(pages["/"][2]).toMatch(/, and Solo Ltd holds 100% of that risk\.$/);
    expect(pages["/"]).toContain("Call Solo Ltd, the one customer with cash at risk, from the prioritised worklist.");
    expect(pages["/kpis"]).toContainEqual(expect.stringMatching(/^Solo Ltd, the one customer with cash at risk, is expected to pay/));
    expect(pages["/segments"][0]).toMatch(/^Only one customer has/);
  });

  test("nothing overdue: nothing past due, and no overdue part to grow", () => {
    const built = report("nothing overdue");
    const facts = built.files["overview-facts"] as {overdueShare: number};
    expect(facts.overdueShare).toBe(0);
    const pages = pageSentences(built.files);
    expect(pages["/kpis"]).toContain("100% of the open amount is not yet due");
  });

  test("no late payment at all: no model is fitted, and the pages say why instead of printing one", () => {
    const built = report("no late payments");
    const pages = pageSentences(built.files);
    const why = /^The ledger has no late payment in its history: all [\d,]+ invoices due before 2025-06-30 were paid on time, so there is no late payer to learn from\.$/;
    expect(built.model.recipe).toBeNull();
    expect(pages["/model"][0]).toMatch(why);
    expect(pages["/case-study"][0]).toMatch(why);
    expect(pages["/"]).toContainEqual(expect.stringMatching(/^No late-payment model: the ledger has no late payment in its history: all [\d,]+ invoices due before 2025-06-30 were paid on time/));
    expect(pages["/"]).toContainEqual(expect.stringMatching(/^No prediction model: the ledger has no late payment in its history/));
    // The backtest says what it can and cannot score: the report's date has no future, and with no model
    // no earlier month-end is replayed.
    expect(pages["/backtest"]).toContain("The report's own date cannot be scored yet: the data ends on 2025-06-30: there is no week of known future to score against.");
    expect(pages["/backtest"]).toContainEqual(expect.stringMatching(/^No late-payment model was fitted: all [\d,]+ invoices due before 2025-06-30 were paid on time, so there is no late payer to learn from\. Without one there is nothing to refit at earlier month-ends either, so nothing on this page can be scored\.$/));
    expect(pages["/backtest"]).toContain("No earlier month-end is replayed: the report fitted no late-payment model to refit at them.");
  });

  test("no on-time payment at all: the same stand-in, with the other reason", () => {
    // Every settled invoice paid ten days after its due date, every write-off kept.
    const rows = generatedRows().map((row) => (row.paid_date === "" ? row : {...row, paid_date: formatIsoDay(parseIsoDay(row.due_date)! + 10), last_payment_date: formatIsoDay(parseIsoDay(row.due_date)! + 10)}));
    const {ledger} = csvLedger({file: "always-late.csv", text: ledgerCsv(rows), asOf});
    const gap = paymentHistoryGap(ledger);
    expect(gap?.kind).toBe("one-outcome");
    expect(gap?.reason).toMatch(/^no on-time payment in its history: all [\d,]+ invoices due before 2025-06-30 were paid late or written off, so there is no on-time payer to learn from$/);
  });
});
