// The browser tests' shared setup: one Chromium per test file, a fresh context per page, and every
// problem the page shows collected in one list. Kept apart from ./browser.ts, which scripts (shot,
// print-shot, bench) import outside vitest.
import {afterAll, beforeAll} from "vitest";
import type {Browser} from "playwright-core";
import {launch, newContext, visit} from "./browser.js";
import type {ViewOptions, Visit} from "./browser.js";

/** Launches Chromium before the calling file's tests and closes it after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("the browser is not running: call useBrowser() at the top of the test file");
    return browser;
  };
}

/** Opens `path` of the site at `siteUrl` in a fresh context, runs `use` on it, and closes the context. */
export async function onPage<T>(browser: Browser, siteUrl: string, path: string, use: (visit: Visit) => Promise<T>, view: ViewOptions = {}): Promise<T> {
  const context = await newContext(browser, view);
  try {
    return await use(await visit(context, siteUrl, path));
  } finally {
    await context.close();
  }
}
