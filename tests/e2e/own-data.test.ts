// The site built from a user's CSV (tests/fixtures/site/invoices.csv): other headers, day-first dates,
// none of the optional customer columns, and a customer named `<img src=x onerror=alert(1)>`. Every page
// must still render; what it cannot show it must say, naming what the file lacks; it must claim nothing
// that is true only of the synthetic ledger; the markup must show as text.
import {describe, expect, inject, test} from "vitest";
import {sitePages} from "../../scripts/site.js";
import {markupCustomerName} from "../fixtures/site/customer.js";
import {pageProblems, pageSlug, screenshot} from "./browser.js";
import {onPage, useBrowser} from "./harness.js";

const csvSiteUrl = inject("csvSiteUrl");
const browser = useBrowser();

/** The optional columns the fixture lacks, as a pattern that finds each in a note however it is spelled. */
const lacking: Record<string, RegExp> = {
  industry: /industry/i,
  region: /region/i,
  "credit score": /credit[ _]score/i,
  "credit limit": /credit[ _]limit/i,
  "customer since": /customer[ _]since/i,
  disputes: /disput/i,
  reminders: /reminder/i,
  extensions: /extension/i,
  instalments: /instal+ments?/i
};

/**
 * What each page must say the file lacks, in its notes (`.missing-data`) — or, on the Segments page, in
 * the role column of its feature table. Pages not listed need no optional column.
 */
const missingNotes: Record<string, {where: string; columns: (keyof typeof lacking)[]}> = {
  "/data": {where: ".missing-data", columns: Object.keys(lacking)},
  "/eda": {where: ".missing-data", columns: ["credit score", "industry", "region"]},
  "/model": {where: ".missing-data", columns: ["credit limit", "credit score", "industry", "region", "customer since", "disputes", "instalments", "reminders", "extensions"]},
  "/segments": {where: ".seg-unavailable", columns: ["instalments", "extensions", "credit limit", "reminders", "credit score"]},
  "/methodology": {where: ".missing-data", columns: ["credit limit", "credit score", "industry", "region", "customer since", "disputes", "instalments", "reminders", "extensions"]}
};

/** Claims true only of the synthetic ledger. ("SMOTE adds synthetic late invoices" is true of any ledger.) */
const syntheticClaims = /synthetic (ledger|data)|data is synthetic|\bgenerat(e|ed|or)\b|\bdirt\b/i;

describe("the report built from a user's CSV", () => {
  test("was built (npm test builds it into dist-csv/)", () => {
    expect(csvSiteUrl, "dist-csv/ is missing: run the CSV build step of npm test").not.toBeNull();
  });

  test.each(sitePages())("$name ($path) renders, says what is missing, and shows names as text", async ({path}) => {
    if (!csvSiteUrl) return;
    await onPage(browser(), csvSiteUrl, path, async (visit) => {
      const {page} = visit;
      await screenshot(page, "own-data", pageSlug(path));
      expect(await pageProblems(visit)).toEqual([]);
      expect(await page.locator('img[src="x"]').count(), "markup from the data became an element").toBe(0);
      const text = await page.evaluate(() => document.body.innerText);
      expect(text.match(syntheticClaims)?.[0] ?? null, "a claim true only of the synthetic ledger").toBeNull();
      const expected = missingNotes[path];
      if (!expected) return;
      const notes = (await page.locator(expected.where).allInnerTexts()).join("\n");
      expect(notes, `${expected.where} on ${path}`).not.toBe("");
      expect(expected.columns.filter((column) => !lacking[column].test(notes)), `lacking columns ${path} does not name`).toEqual([]);
    });
  });

  test("the case study counts only the customer features the file supports", async () => {
    if (!csvSiteUrl) return;
    await onPage(browser(), csvSiteUrl, "/case-study", async ({page}) => {
      const text = await page.evaluate(() => document.body.innerText);
      expect(text).not.toMatch(/\bten behaviour features\b/);
      expect(text).toMatch(/12 behaviour features per customer \(7 of them in this ledger\), of which k-means clusters on 5 \(the others describe the segments\)/);
    });
  });

  test("the customer named as markup appears as text in the Data page's table", async () => {
    if (!csvSiteUrl) return;
    await onPage(browser(), csvSiteUrl, "/data", async ({page}) => {
      const search = page.getByRole("searchbox").first();
      await search.fill("onerror");
      await page.waitForTimeout(300);
      expect(await page.getByText(markupCustomerName, {exact: true}).count()).toBeGreaterThan(0);
    });
  });
});
