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
  const context = await browser.newContext({colorScheme, viewport: {width, height}, deviceScaleFactor: 1});
  // tsx and vitest keep function names with a helper (__name) that functions sent to page.evaluate lack.
  await context.addInitScript("globalThis.__name = (f) => f;");
  return context;
}

/** Opens a page, watching it from the first request, and waits until Framework has rendered it. */
export async function visit(context: BrowserContext, siteUrl: string, path: string): Promise<Visit> {
  const page = await context.newPage();
  const problems: string[] = [];
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
  // Every failed request is a problem, aborted ones included: a test that starts a download says which
  // request it expects Chromium to abort (tests/e2e/downloads.test.ts).
  page.on("requestfailed", (request) => problems.push(`failed request on ${path}: ${request.url()} (${request.failure()?.errorText})`));
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

/** Chart slots (`[data-chart]`) that contain no SVG or canvas. */
export async function emptyCharts(page: Page): Promise<string[]> {
  return page.$$eval("[data-chart]", (slots) =>
    slots.filter((slot) => !slot.querySelector("svg, canvas")).map((slot) => slot.getAttribute("data-chart") ?? "?")
  );
}

/** Words that mean a value never made it into the text: a missing field, a division by zero, a null. */
export const brokenValueWords = ["NaN", "undefined", "Infinity", "null"] as const;

/**
 * The rendered text a reader would stumble on: any of `brokenValueWords` as a word, and KPI cards whose
 * big value is empty or only a dash (the formats' "no value"). Reads `innerText`, so hidden text is not
 * counted and text split across elements is.
 */
export async function textProblems(page: Page): Promise<string[]> {
  const {text, kpis} = await page.evaluate(() => ({
    text: document.body.innerText,
    kpis: Array.from(document.querySelectorAll(".kpi")).map((card) => ({
      title: card.querySelector("h2")?.textContent?.trim() ?? "",
      value: card.querySelector(".big")?.textContent?.trim() ?? ""
    }))
  }));
  const problems: string[] = [];
  for (const word of brokenValueWords) {
    for (const match of text.matchAll(new RegExp(`\\b${word}\\b`, "g"))) {
      const at = match.index ?? 0;
      problems.push(`"${word}" in the text: …${text.slice(Math.max(0, at - 60), at + 60).replace(/\s+/g, " ")}…`);
    }
  }
  for (const kpi of kpis) if (/^[-–—]?$/.test(kpi.value)) problems.push(`KPI "${kpi.title}" has no value ("${kpi.value}")`);
  return problems;
}

/**
 * Everything the visit recorded plus what the rendered page shows wrong: error cells, chart slots without
 * a chart, broken values in the text. Empty when the page is fit to read.
 */
export async function pageProblems({page, problems}: Visit): Promise<string[]> {
  return [
    ...problems,
    ...(await errorCells(page)).map((cell) => `error cell: ${cell}`),
    ...(await emptyCharts(page)).map((chart) => `empty chart: ${chart}`),
    ...(await textProblems(page))
  ];
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
