// Drives the built site in Debian's Chromium and records everything a reader would stumble on.
import {mkdirSync} from "node:fs";
import {join} from "node:path";
import {chromium, type Browser, type BrowserContext, type Page} from "playwright-core";
import {root} from "../../scripts/site.js";

export const resultsDir = join(root, "test-results");

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-quic",
      "--disable-sync"
    ]
  });
}

export interface Visit {
  page: Page;
  /** Console errors, page errors, failed requests and requests to other hosts, as readable lines. */
  problems: string[];
  /** Bytes received for this page (encoded, as transferred). */
  transferredBytes: () => number;
}

export interface ViewOptions {
  colorScheme?: "light" | "dark";
  width?: number;
  height?: number;
}

export async function newContext(browser: Browser, {colorScheme = "light", width = 1280, height = 900}: ViewOptions = {}): Promise<BrowserContext> {
  return browser.newContext({colorScheme, viewport: {width, height}, deviceScaleFactor: 1});
}

/** Opens a page, watching it from the first request, and waits until Framework has rendered it. */
export async function visit(context: BrowserContext, siteUrl: string, path: string): Promise<Visit> {
  const page = await context.newPage();
  const problems: string[] = [];
  const origin = new URL(siteUrl).origin;
  let transferred = 0;
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error on ${path}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error on ${path}: ${error.message}`));
  // A dialog means data ran as code (or a page nags its reader): both are failures.
  page.on("dialog", (dialog) => {
    problems.push(`dialog on ${path}: ${dialog.type()} ${JSON.stringify(dialog.message())}`);
    void dialog.dismiss();
  });
  page.on("requestfailed", (request) => {
    // Downloads started by the test are aborted on purpose once the browser has the file.
    if (!/net::ERR_ABORTED/.test(request.failure()?.errorText ?? "") || !request.url().startsWith(origin)) {
      problems.push(`failed request on ${path}: ${request.url()} (${request.failure()?.errorText})`);
    }
  });
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["data:", "blob:", "about:"].includes(url.protocol) && url.hostname !== "127.0.0.1") {
      problems.push(`request to another host on ${path}: ${request.url()}`);
    }
  });
  page.on("response", async (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} on ${path}: ${response.url()}`);
    const size = Number((await response.allHeaders())["content-length"] ?? NaN);
    const body = Number.isFinite(size) ? size : (await response.body().catch(() => Buffer.alloc(0))).length;
    transferred += body;
  });
  await page.goto(`${siteUrl}${path}`, {waitUntil: "networkidle"});
  await settled(page);
  return {page, problems, transferredBytes: () => transferred};
}

/** Waits until no cell is pending and the DOM has stopped changing. */
export async function settled(page: Page, quietMs = 250): Promise<void> {
  // Framework 1.13 marks a pending cell with an <observablehq-loading> element.
  await page.waitForFunction(() => !document.querySelector("observablehq-loading, .observablehq--loading"), undefined, {timeout: 30_000});
  await page.evaluate(
    (quiet) =>
      new Promise<void>((resolve) => {
        let timer = setTimeout(done, quiet);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, quiet);
        });
        observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
        function done() {
          observer.disconnect();
          resolve();
        }
      }),
    quietMs
  );
}

/** Error cells Framework rendered in place of a failed cell. */
export async function errorCells(page: Page): Promise<string[]> {
  return page.$$eval(".observablehq--error", (cells) => cells.map((cell) => cell.textContent?.trim().slice(0, 300) ?? ""));
}

/**
 * Elements of the page showing nothing but "null" or "undefined": a cell or inline expression that
 * displayed a missing value instead of nothing.
 */
export async function strayNulls(page: Page): Promise<string[]> {
  return page.$$eval("#observablehq-main *", (elements) =>
    elements.filter((e) => !e.children.length && /^(null|undefined)$/.test(e.textContent?.trim() ?? "")).map((e) => e.outerHTML.slice(0, 160))
  );
}

/** Chart slots (`[data-chart]`) that contain no SVG or canvas. */
export async function emptyCharts(page: Page): Promise<string[]> {
  return page.$$eval("[data-chart]", (slots) =>
    slots.filter((slot) => !slot.querySelector("svg, canvas")).map((slot) => slot.getAttribute("data-chart") ?? "?")
  );
}

export async function screenshot(page: Page, folder: string, name: string): Promise<string> {
  const dir = join(resultsDir, folder);
  mkdirSync(dir, {recursive: true});
  const path = join(dir, `${name}.png`);
  await page.screenshot({path, fullPage: true});
  return path;
}

/** A file name for a page path: `/` → `overview`, `/eda` → `eda`. */
export function pageSlug(path: string): string {
  return path === "/" ? "index" : path.replace(/^\//, "").replace(/\//g, "-");
}

/** Sets a range or number input by its label text and fires the events Inputs listens to. */
export async function setInput(page: Page, label: string | RegExp, value: number | string): Promise<void> {
  const input = page.getByLabel(label).first();
  await input.evaluate((element, v) => {
    const el = element as HTMLInputElement;
    el.value = String(v);
    el.dispatchEvent(new Event("input", {bubbles: true}));
    el.dispatchEvent(new Event("change", {bubbles: true}));
  }, value);
}
