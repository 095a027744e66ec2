// The inputs readers move: each must change what the page shows, in the browser, without a rebuild.
// Latencies (input event → two animation frames after the DOM settles) are printed, not asserted: the
// benchmark reports them; a timed assertion would fail on a busy machine for no reason.
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
import type {Browser, Page} from "playwright-core";
import {launch, newContext, setInput, visit} from "./browser.js";

const siteUrl = inject("siteUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A fingerprint of what the cards show: their text and the geometry of their marks. */
function snapshot(page: Page, selector = "main .card, main .kpi, main table"): Promise<string> {
  return page.evaluate((sel) => {
    const parts: string[] = [];
    for (const element of Array.from(document.querySelectorAll(sel))) {
      parts.push(element.textContent ?? "");
      for (const mark of Array.from(element.querySelectorAll("path, rect, circle, line"))) {
        parts.push(["d", "x", "y", "width", "height", "cx", "cy", "x1", "x2", "y1", "y2", "fill"].map((a) => mark.getAttribute(a) ?? "").join(","));
      }
    }
    return parts.join("|");
  }, selector);
}

/**
 * Sets a range input (found by its label) to `fraction` of its range and returns the milliseconds from
 * the input event until the page has repainted after the DOM stopped changing.
 */
async function moveRange(input: ReturnType<Page["locator"]>, fraction: number): Promise<number> {
  return input.evaluate(
    (element, f) =>
      new Promise<number>((resolve) => {
        const el = element as HTMLInputElement;
        const min = Number(el.min || 0);
        const max = Number(el.max || 100);
        const step = Number(el.step) || (max - min) / 100;
        const target = min + Math.round(((max - min) * f) / step) * step;
        const started = performance.now();
        let last = started;
        const observer = new MutationObserver(() => (last = performance.now()));
        observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
        el.value = String(target);
        el.dispatchEvent(new Event("input", {bubbles: true}));
        const check = () => {
          // Quiet for 100 ms after the last change: the update is done; report when it was painted.
          if (performance.now() - last > 100) {
            observer.disconnect();
            resolve(last - started);
          } else requestAnimationFrame(check);
        };
        requestAnimationFrame(() => requestAnimationFrame(check));
      }),
    fraction
  );
}

async function rangeInputs(page: Page) {
  const inputs = page.locator("main input[type=range]");
  const count = await inputs.count();
  const out: {label: string; input: ReturnType<Page["locator"]>}[] = [];
  for (let i = 0; i < count; ++i) {
    const input = inputs.nth(i);
    const label = await input.evaluate((el) => (el.getAttribute("aria-label") ?? el.closest("form")?.querySelector("label")?.textContent ?? "").trim());
    out.push({label, input});
  }
  return out;
}

async function expectEachSliderChangesThePage(path: string, minimumSliders: number) {
  const context = await newContext(browser);
  try {
    const {page, problems} = await visit(context, siteUrl, path);
    const sliders = await rangeInputs(page);
    expect(sliders.length, `range inputs on ${path}`).toBeGreaterThanOrEqual(minimumSliders);
    const latencies: string[] = [];
    for (const [i, {label, input}] of sliders.entries()) {
      const before = await snapshot(page);
      // Alternate ends of the ranges, so that each move differs from the previous state.
      let ms = await moveRange(input, i % 2 ? 0.3 : 0.7);
      let after = await snapshot(page);
      if (after === before) {
        ms = await moveRange(input, i % 2 ? 0.9 : 0.1);
        after = await snapshot(page);
      }
      expect(after, `moving "${label}" on ${path} changed nothing`).not.toBe(before);
      latencies.push(`${label}: ${ms.toFixed(1)} ms`);
    }
    console.log(`slider → repaint on ${path}:\n  ${latencies.join("\n  ")}`);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
}

describe("inputs change what the page shows", () => {
  test("EDA: the date and region filters change every chart's finding", async () => {
    const context = await newContext(browser);
    try {
      const {page, problems} = await visit(context, siteUrl, "/eda");
      const findings = () => page.$$eval("[data-chart] h2", (titles) => titles.map((t) => t.textContent ?? ""));
      const before = await findings();
      const selection = await page.locator(".eda-selection").textContent();
      await setInput(page, "Invoices from", "2025-06-01");
      await page.waitForTimeout(1500);
      const afterDate = await findings();
      expect(await page.locator(".eda-selection").textContent()).not.toBe(selection);
      expect(afterDate.filter((t, i) => t !== before[i]).length, "charts whose finding changed").toBeGreaterThanOrEqual(5);
      await page.getByLabel("North America").uncheck();
      await page.waitForTimeout(1500);
      expect(await findings()).not.toEqual(afterDate);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("Model: the threshold slider recomputes the confusion matrix", () => expectEachSliderChangesThePage("/model", 1));
  test("Strategy: the cut-offs re-assign strategies", () => expectEachSliderChangesThePage("/strategy", 2));
  test("Scenarios: every slider changes the outputs", () => expectEachSliderChangesThePage("/scenarios", 6));
});
