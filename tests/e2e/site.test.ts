// Every page in the config, in light and dark and at phone width: no console error, no page error, no
// request to another host, no failed request, no error cell, no empty chart. A screenshot of each is
// kept under test-results/ for a person to look at.
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
import type {Browser} from "playwright-core";
import {sitePages} from "../../scripts/site.js";
import {emptyCharts, errorCells, launch, newContext, pageSlug, screenshot, strayNulls, visit} from "./browser.js";

const siteUrl = inject("siteUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const views = [
  {name: "light", colorScheme: "light" as const, width: 1280},
  {name: "dark", colorScheme: "dark" as const, width: 1280},
  {name: "phone", colorScheme: "light" as const, width: 375}
];

describe.each(views)("every page ($name)", (view) => {
  test.each(sitePages())("$name ($path) renders cleanly", async ({path}) => {
    const context = await newContext(browser, {colorScheme: view.colorScheme, width: view.width});
    try {
      const {page, problems} = await visit(context, siteUrl, path);
      await screenshot(page, view.name, pageSlug(path));
      expect(problems).toEqual([]);
      expect(await errorCells(page)).toEqual([]);
      expect(await strayNulls(page)).toEqual([]);
      expect(await emptyCharts(page)).toEqual([]);
      if (view.width <= 400) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, "horizontal scrolling at phone width").toBeLessThanOrEqual(0);
      }
    } finally {
      await context.close();
    }
  });
});
