// What a reader waits for: each page of a built site served as a static host would (gzip), opened in
// Chromium with an empty cache — bytes transferred, time from navigation to every chart drawn, and on
// the pages with sliders the time from moving a slider to the repaint it causes.
import {median as d3median} from "d3";
import type {Browser, BrowserContext, Page, Request} from "playwright-core";
import {launch, newContext, visit} from "../../tests/e2e/browser.js";
import {serve} from "../serve.js";
import {sitePages} from "../site.js";

export interface PageMeasure {
  path: string;
  name: string;
  /** tests/e2e/browser.ts `transferredBytes()`: content-length where sent, else the (decoded) body length. */
  helperBytes: number;
  /** Bytes on the wire per Chromium (request.sizes(): encoded body + response headers), by kind. */
  wireBytes: number;
  wireByKind: Record<ResourceKind, number>;
  /** Decoded body bytes by kind (what the page had to parse). */
  bodyBytes: number;
  requests: number;
  /** ms from navigation start (performance.now() in the page) to DOMContentLoaded and load. */
  domContentLoadedMs: number | null;
  loadMs: number | null;
  /**
   * ms from navigation start to the first animation frame in which no Framework cell was still loading
   * and every `[data-chart]` card held an svg or canvas; null if that never happened within the timeout.
   * The median of `chartsRenderedRunsMs`.
   */
  chartsRenderedMs: number | null;
  /** Each visit's chartsRenderedMs, in order (`visits` first visits, each with an empty cache). */
  chartsRenderedRunsMs: (number | null)[];
  chartCards: number;
  /** Cards that never got a chart. */
  emptyCharts: string[];
  problems: string[];
  sliders: SliderMeasure[];
}

export type ResourceKind = "html" | "js" | "css" | "data" | "font" | "other";

export interface SliderMeasure {
  label: string;
  min: number;
  max: number;
  /** Latency of each counted move, ms (null: the move changed nothing in the DOM). */
  moves: (number | null)[];
  medianMs: number | null;
  /** DOM mutations the median move caused (0: the slider repaints nothing but itself). */
  mutations: number;
}

export interface BrowserOptions {
  dir: string;
  /** Pages whose range inputs are measured. */
  sliderPages?: string[];
  /** Counted moves per slider (after one warm-up move). Default 7. */
  moves?: number;
  /**
   * First visits per page; its timings are their medians, its bytes and sliders the first visit's.
   * Default 3: one visit's time to charts drawn swings by ±20 % on a shared machine.
   */
  visits?: number;
  log?: (line: string) => void;
}

export async function measurePages({dir, sliderPages = ["/model", "/strategy", "/scenarios"], moves = 7, visits = 3, log = () => {}}: BrowserOptions): Promise<PageMeasure[]> {
  const {server, url} = await serve(0, "127.0.0.1", dir);
  const browser = await launch();
  const results: PageMeasure[] = [];
  const pages = sitePages();
  try {
    // A fresh browser's first visit pays for the browser's own start-up (code caches, fonts, ICU), which is
    // no page's: the Overview, measured first, read 1.50 s in one bench run, and 0.70-0.79 s as the median
    // of 10-20 visits made after others.
    if (pages.length) await firstVisit(browser, url, pages[0], 0);
    for (const {name, path} of pages) {
      const runs: PageMeasure[] = [];
      for (let visit = 0; visit < visits; ++visit) runs.push(await firstVisit(browser, url, {name, path}, visit === 0 && sliderPages.includes(path) ? moves : 0));
      const measure = medianVisit(runs);
      results.push(measure);
      log(
        `  ${path.padEnd(13)} ${(measure.wireBytes / 1024).toFixed(0).padStart(5)} KB on the wire, charts at ${
          measure.chartsRenderedMs === null ? "never" : `${measure.chartsRenderedMs.toFixed(0)} ms`
        } (median of ${runs.length})${measure.sliders.length ? `, ${measure.sliders.length} sliders` : ""}`
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
  return results;
}

/** One visit in a context of its own: an empty cache, so each figure is what a first visit transfers. */
async function firstVisit(browser: Browser, siteUrl: string, {name, path}: {name: string; path: string}, moves: number): Promise<PageMeasure> {
  const context = await newContext(browser);
  try {
    return await measurePage(context, siteUrl, name, path, moves);
  } finally {
    await context.close();
  }
}

/** The first visit's bytes, problems and sliders, with the timings' medians over every visit. */
export function medianVisit(runs: PageMeasure[]): PageMeasure {
  const timing = (pick: (run: PageMeasure) => number | null) => median(runs.map(pick));
  return {
    ...runs[0],
    problems: [...new Set(runs.flatMap((run) => run.problems))],
    domContentLoadedMs: timing((run) => run.domContentLoadedMs),
    loadMs: timing((run) => run.loadMs),
    // A visit whose charts never drew counts as never: the median of the rest would hide it.
    chartsRenderedMs: runs.some((run) => run.chartsRenderedMs === null) ? null : timing((run) => run.chartsRenderedMs),
    chartsRenderedRunsMs: runs.map((run) => run.chartsRenderedMs)
  };
}

/** d3's median, which skips nulls, as null rather than undefined when nothing is left. */
function median(values: (number | null)[]): number | null {
  return d3median(values) ?? null;
}

async function measurePage(context: BrowserContext, siteUrl: string, name: string, path: string, moves: number): Promise<PageMeasure> {
  // tsx keeps function names with a helper (__name) that functions serialised into the page lack.
  await context.addInitScript("globalThis.__name = (f) => f;");
  await context.addInitScript(chartWatcher);
  const finished: Promise<{kind: ResourceKind; wire: number; body: number}>[] = [];
  context.on("requestfinished", (request) => finished.push(sizesOf(request)));
  const visited = await visit(context, siteUrl, path);
  const {page} = visited;
  await page.waitForFunction(() => (window as unknown as {__benchCharts?: unknown}).__benchCharts !== undefined, undefined, {timeout: 30_000}).catch(() => {});
  const timing = await page.evaluate(() => {
    const w = window as unknown as {__benchCharts?: {at: number; cards: number}};
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    return {
      charts: w.__benchCharts ?? null,
      cards: document.querySelectorAll("[data-chart]").length,
      empty: Array.from(document.querySelectorAll("[data-chart]")).filter((c) => !c.querySelector("svg, canvas")).map((c) => c.getAttribute("data-chart") ?? "?"),
      domContentLoaded: navigation ? navigation.domContentLoadedEventEnd : null,
      load: navigation ? navigation.loadEventEnd : null
    };
  });
  const sliders = moves > 0 ? await measureSliders(page, moves) : [];
  const sizes = await Promise.all(finished);
  const wireByKind: Record<ResourceKind, number> = {html: 0, js: 0, css: 0, data: 0, font: 0, other: 0};
  for (const {kind, wire} of sizes) wireByKind[kind] += wire;
  return {
    path,
    name,
    helperBytes: visited.transferredBytes(),
    wireBytes: sizes.reduce((s, r) => s + r.wire, 0),
    wireByKind,
    bodyBytes: sizes.reduce((s, r) => s + r.body, 0),
    requests: sizes.length,
    domContentLoadedMs: timing.domContentLoaded,
    loadMs: timing.load,
    chartsRenderedMs: timing.charts?.at ?? null,
    chartsRenderedRunsMs: [timing.charts?.at ?? null],
    chartCards: timing.cards,
    emptyCharts: timing.empty,
    problems: visited.problems,
    sliders
  };
}

/**
 * Runs in every document before its scripts: checks once per animation frame whether the page is drawn
 * and records when it first is. Framework 1.13 marks a pending cell with an <observablehq-loading>
 * element; `.observablehq--loading` is checked too, as the e2e helpers do.
 */
function chartWatcher(): void {
  const w = window as unknown as {__benchCharts?: {at: number; cards: number}};
  const check = () => {
    const cards = Array.from(document.querySelectorAll("[data-chart]"));
    const drawn =
      document.readyState !== "loading" &&
      !document.querySelector("observablehq-loading, .observablehq--loading") &&
      cards.every((card) => card.querySelector("svg, canvas"));
    if (drawn) w.__benchCharts = {at: performance.now(), cards: cards.length};
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

async function sizesOf(request: Request): Promise<{kind: ResourceKind; wire: number; body: number}> {
  const sizes = await request.sizes().catch(() => null);
  const response = await request.response();
  const body = response ? (await response.body().catch(() => Buffer.alloc(0))).length : 0;
  return {kind: kindOf(request), wire: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0, body};
}

function kindOf(request: Request): ResourceKind {
  const type = request.resourceType();
  const pathname = new URL(request.url()).pathname;
  if (type === "document") return "html";
  if (type === "script" || /\.m?js$/.test(pathname)) return "js";
  if (type === "stylesheet" || pathname.endsWith(".css")) return "css";
  if (type === "font" || /\.woff2?$/.test(pathname)) return "font";
  if (type === "fetch" || type === "xhr" || /\.(json|csv|tgz|parquet|arrow)$/.test(pathname)) return "data";
  return "other";
}

/**
 * Every `input[type=range]` on the page, whatever it is labelled. Each move, in the page:
 *   t0 = performance.now(); set the value; dispatch "input" (bubbling, as Observable Inputs listens);
 *   a MutationObserver on the document counts DOM changes; after every animation frame, if no new change
 *   arrived since the previous frame and at least one has, the DOM has settled: latency = performance.now()
 *   at the first such frame − t0, i.e. up to the frame that paints the final DOM (two quiet frames end the
 *   wait; a move that changes nothing for 60 frames is reported as null).
 * One warm-up move, then `moves` counted moves across the range, the page left to settle between them.
 */
async function measureSliders(page: Page, moves: number): Promise<SliderMeasure[]> {
  const count = await page.locator("input[type=range]").count();
  const results: SliderMeasure[] = [];
  const fractions = [0.5, 0.25, 0.75, 0.4, 0.6, 0.3, 0.7, 0.45, 0.55, 0.35].slice(0, moves);
  for (let index = 0; index < count; ++index) {
    const info = await page.locator("input[type=range]").nth(index).evaluate((element) => {
      const input = element as HTMLInputElement;
      const text = (node: Element | null | undefined) => node?.textContent?.trim() || null;
      const label =
        text(input.labels?.[0]) ??
        input.getAttribute("aria-label") ??
        text(input.closest("form")?.querySelector("label")) ??
        input.closest("[data-slider]")?.getAttribute("data-slider") ??
        input.name ??
        "";
      return {label: label.trim().replace(/\s+/g, " "), min: Number(input.min || 0), max: Number(input.max || 100)};
    });
    const latencies: (number | null)[] = [];
    const mutationCounts: number[] = [];
    for (const [m, fraction] of [0.9, ...fractions].entries()) {
      const {ms, mutations} = await page.locator("input[type=range]").nth(index).evaluate(moveOnce, fraction);
      if (m > 0) latencies.push(ms), mutationCounts.push(mutations);
      await page.waitForTimeout(150);
    }
    const medianMs = median(latencies);
    mutationCounts.sort((a, b) => a - b);
    results.push({...info, moves: latencies, medianMs, mutations: mutationCounts[Math.floor(mutationCounts.length / 2)] ?? 0});
  }
  return results;
}

/** One slider move, measured in the page (see measureSliders). Must be self-contained: it runs in Chromium. */
async function moveOnce(element: Element, fraction: number): Promise<{ms: number | null; mutations: number}> {
  const input = element as HTMLInputElement;
  const min = Number(input.min || 0);
  const max = Number(input.max || 100);
  let mutations = 0;
  const observer = new MutationObserver((records) => (mutations += records.length));
  observer.observe(document.documentElement, {subtree: true, childList: true, attributes: true, characterData: true});
  const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const t0 = performance.now();
  input.value = String(min + fraction * (max - min));
  input.dispatchEvent(new Event("input", {bubbles: true}));
  let seen = 0;
  let settledAt: number | null = null;
  let quiet = 0;
  for (let frames = 0; frames < 600; ++frames) {
    const now = await frame();
    if (mutations !== seen) {
      seen = mutations;
      settledAt = null;
      quiet = 0;
    } else if (mutations > 0) {
      settledAt ??= now;
      if (++quiet >= 2) break;
    } else if (frames >= 60) break;
  }
  observer.disconnect();
  return {ms: settledAt === null ? null : settledAt - t0, mutations};
}
