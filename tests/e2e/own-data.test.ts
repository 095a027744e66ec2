// The site built from a user's CSV (tests/fixtures/site/invoices.csv): other headers, day-first dates,
// no industry, region, credit score or limit, and a customer named `<img src=x onerror=alert(1)>`.
// Every page must still render; what it cannot show it must say; the markup must show as text.
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
import type {Browser} from "playwright-core";
import {sitePages} from "../../scripts/site.js";
import {markupCustomerName} from "../fixtures/site/customer.js";
import {emptyCharts, errorCells, launch, newContext, pageSlug, screenshot, strayNulls, visit} from "./browser.js";

const csvSiteUrl = inject("csvSiteUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("the report built from a user's CSV", () => {
  test("was built (npm test builds it into dist-csv/)", () => {
    expect(csvSiteUrl, "dist-csv/ is missing: run the CSV build step of npm test").not.toBeNull();
  });

  test.each(sitePages())("$name ($path) renders, says what is missing, and shows names as text", async ({path}) => {
    if (!csvSiteUrl) return;
    const context = await newContext(browser);
    try {
      const {page, problems} = await visit(context, csvSiteUrl, path);
      await screenshot(page, "own-data", pageSlug(path));
      expect(problems).toEqual([]);
      expect(await errorCells(page)).toEqual([]);
      expect(await strayNulls(page)).toEqual([]);
      expect(await emptyCharts(page)).toEqual([]);
      expect(await page.locator('img[src="x"]').count(), "markup from the data became an element").toBe(0);
    } finally {
      await context.close();
    }
  });

  test("the customer named as markup appears as text in the Data page's table", async () => {
    if (!csvSiteUrl) return;
    const context = await newContext(browser);
    try {
      const {page} = await visit(context, csvSiteUrl, "/data");
      const search = page.getByRole("searchbox").first();
      await search.fill("onerror");
      await page.waitForTimeout(300);
      expect(await page.getByText(markupCustomerName, {exact: true}).count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  test("the EDA page says which customer attributes the file lacks", async () => {
    if (!csvSiteUrl) return;
    const context = await newContext(browser);
    try {
      const {page} = await visit(context, csvSiteUrl, "/eda");
      expect(await page.locator(".missing-data").count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
