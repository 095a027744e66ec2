// The two downloads a reader can start: the cleaned ledger (Data page) and the worklist (Strategy page).
// Each must arrive whole — a header and as many rows as the page says — with no failed request at all:
// tests/e2e/browser.ts once ignored aborted same-origin requests "for downloads", and these show that a
// download needs no such exemption.
import {readFileSync} from "node:fs";
import {describe, expect, inject, test} from "vitest";
import type {Page} from "playwright-core";
import {onPage, useBrowser} from "./harness.js";

const siteUrl = inject("siteUrl");
const browser = useBrowser();

/** Clicks the link named `name`, saves the download and returns its text and file name. */
async function download(page: Page, name: RegExp): Promise<{text: string; suggested: string}> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", {name}).click()]);
  const path = await file.path();
  return {text: readFileSync(path, "utf8"), suggested: file.suggestedFilename()};
}

const count = (text: string | null | undefined) => Number((text ?? "").replace(/,/g, ""));
const csvRows = (text: string) => text.trimEnd().split("\n").length - 1;

describe("downloads", () => {
  test("the cleaned ledger: every cleaned invoice, as the Data page counts them", () =>
    onPage(browser(), siteUrl, "/data", async ({page, problems}) => {
      const stated = count(/of the ([\d,]+) cleaned invoices/.exec(await page.locator("main").innerText())?.[1]);
      const {text, suggested} = await download(page, /Download the cleaned ledger/);
      expect(suggested).toBe("cleaned-ledger.csv");
      expect(text.split("\n")[0]).toMatch(/^invoice_id,customer_id,/);
      expect(stated).toBeGreaterThan(1000);
      expect(csvRows(text)).toBe(stated);
      await page.waitForTimeout(300);
      expect(problems).toEqual([]);
    }));

  test("the worklist: as many invoices as its link says", () =>
    onPage(browser(), siteUrl, "/strategy", async ({page, problems}) => {
      const link = page.getByRole("link", {name: /Download the full worklist/});
      const stated = count(/\(CSV, ([\d,]+) invoices\)/.exec((await link.textContent()) ?? "")?.[1]);
      const {text, suggested} = await download(page, /Download the full worklist/);
      expect(suggested).toBe("worklist.csv");
      expect(stated).toBeGreaterThan(100);
      expect(csvRows(text)).toBe(stated);
      await page.waitForTimeout(300);
      expect(problems).toEqual([]);
    }));
});
