// The site built from an export in which every invoice has been paid (tests/fixtures/site/nothing-open.csv):
// every page must render and read sensibly — no broken value, no KPI without a value, no share of
// nothing ("$0 of the $0 open (–)"), no overdue share of an empty book — and say that nothing is open.
import {describe, expect, inject, test} from "vitest";
import {sitePages} from "../../scripts/site.js";
import {pageProblems, pageSlug, screenshot} from "./browser.js";
import {onPage, useBrowser} from "./harness.js";

const emptySiteUrl = inject("emptySiteUrl");
const browser = useBrowser();

/** What a page about an empty book must say, where it says anything about the open book. */
const saysNothingOpen: Record<string, RegExp> = {
  "/": /nothing is owed: every invoice in the ledger has been paid or written off/,
  "/strategy": /There are no open invoices at the report date/,
  "/kpis": /Nothing is owed at the report date/,
  "/scenarios": /There are no open invoices at the as-of date/,
  "/segments": /None of them has anything open at the report date/,
  "/case-study": /nothing was owed: every invoice in this ledger had been paid or written off/
};

/** Sentences an empty book must never produce. */
const nonsense = /\$0 of the \$0|\(–\)|\b100(\.0)?% of it is already overdue|(?<![\d.])1 (customers|invoices)\b|Largest exposure/;

describe("the report of a book with nothing open", () => {
  test("was built (npm test builds it into dist-empty/)", () => {
    expect(emptySiteUrl, "dist-empty/ is missing: run the build step of npm test").not.toBeNull();
  });

  test.each(sitePages())("$name ($path) reads sensibly", async ({path}) => {
    if (!emptySiteUrl) return;
    await onPage(browser(), emptySiteUrl, path, async (visit) => {
      await screenshot(visit.page, "empty-book", pageSlug(path));
      expect(await pageProblems(visit)).toEqual([]);
      const text = await visit.page.evaluate(() => document.body.innerText);
      expect(text.match(nonsense)?.[0] ?? null, "a sentence about nothing").toBeNull();
      if (saysNothingOpen[path]) expect(text).toMatch(saysNothingOpen[path]);
    });
  });
});
