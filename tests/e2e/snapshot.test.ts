// The site built from an aged-receivables snapshot (tests/fixtures/site/snapshot.csv): what is open on
// a date, with no payment history, so no model. Every page must render completely — nothing left
// loading where a model's cells would be — and its words must say where the risk comes from: the
// past-due rule, never a model's prediction.
import {describe, expect, inject, test} from "vitest";
import {sitePages} from "../../scripts/site.js";
import {pageProblems, pageSlug, screenshot} from "./browser.js";
import {onPage, useBrowser} from "./harness.js";

const snapshotSiteUrl = inject("snapshotSiteUrl");
const browser = useBrowser();

/** Words that would credit a model with the risk figures. */
const modelClaims = /model['’]s (probability|predicted|predictions|expected)|predicted (P\(late\)|probability|late rate)|Predicted late rate/i;

/** What each page must say about where its risk comes from, or that the model needs a history. */
const saysRule: Record<string, RegExp> = {
  "/": /With no payment history to fit a model on, counting each open invoice already past due as late/,
  "/kpis": /the past-due rule, as the ledger has no payment history to fit a model on/,
  "/strategy": /its risk by the past-due rule/,
  "/scenarios": /the expected path, from the past-due rule/,
  "/model": /A payment history is needed for the model/,
  "/methodology": /A payment history is needed for the model/,
  "/case-study": /A payment history is needed for the model/
};

describe("the report of a snapshot without payment history", () => {
  test("was built (npm test builds it into dist-snapshot/)", () => {
    expect(snapshotSiteUrl, "dist-snapshot/ is missing: run the build step of npm test").not.toBeNull();
  });

  test.each(sitePages())("$name ($path) renders completely and words risk as the rule's", async ({path}) => {
    if (!snapshotSiteUrl) return;
    await onPage(browser(), snapshotSiteUrl, path, async (visit) => {
      await screenshot(visit.page, "snapshot", pageSlug(path));
      // `visit` waited until no cell was left loading; the usual problems come on top.
      expect(await pageProblems(visit)).toEqual([]);
      const text = await visit.page.evaluate(() => document.body.innerText);
      expect(text.match(modelClaims)?.[0] ?? null, "a claim that a model made the risk figures").toBeNull();
      if (saysRule[path]) expect(text).toMatch(saysRule[path]);
    });
  });

  test("the model page is its title and the note; the methodology keeps every section but the model's", async () => {
    if (!snapshotSiteUrl) return;
    await onPage(browser(), snapshotSiteUrl, "/model", async ({page}) => {
      expect(await page.locator("#observablehq-main h2").allInnerTexts()).toEqual(["A payment history is needed for the model"]);
    });
    await onPage(browser(), snapshotSiteUrl, "/methodology", async ({page}) => {
      const headings = await page.locator("#observablehq-main h2").allInnerTexts();
      expect(headings).toEqual(expect.arrayContaining(["Data", "Customer segments", "Strategy", "KPIs", "Scenarios and forecast"]));
      expect(headings).not.toContain("Late-payment prediction");
      expect(await page.locator('#observablehq-toc a[href="#late-payment-prediction"]').count(), "a contents link to a removed section").toBe(0);
    });
  });
});
