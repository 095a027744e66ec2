// The inputs readers move: each must change what the page computes, in the browser, without a rebuild.
// Latencies (input event → two animation frames after the DOM settles) are printed, not asserted: the
// benchmark reports them; a timed assertion would fail on a busy machine for no reason.
import {describe, expect, inject, test} from "vitest";
import type {Page} from "playwright-core";
import {setInput} from "./browser.js";
import {onPage, useBrowser} from "./harness.js";

const siteUrl = inject("siteUrl");
const browser = useBrowser();

/**
 * A fingerprint of what the page computes, and only that: the value of every KPI card and the geometry
 * of every chart's data marks. Card text is left out (it echoes the sliders: "Risk bands: low < 0.30 ≤
 * medium", "from P(late) 0.50"), and so are rules and text marks, which draw the input itself (the
 * threshold's rule, "Yours 0.50"). A slider passes only if something computed from it changes. Fill
 * counts: a matrix cell's shade is its computed share.
 */
function computedOutputs(page: Page): Promise<{kpis: string[]; marks: string[]}> {
  return page.evaluate(() => {
    const kpis = Array.from(document.querySelectorAll("main .kpi .big"), (big) => `${big.closest(".kpi")?.querySelector("h2")?.textContent?.trim()}=${big.textContent?.trim()}`);
    const marks: string[] = [];
    for (const svg of Array.from(document.querySelectorAll("main svg"))) {
      for (const group of Array.from(svg.querySelectorAll("g[aria-label]"))) {
        const kind = group.getAttribute("aria-label") ?? "";
        if (/rule|text|tick|axis|tip/.test(kind)) continue;
        for (const mark of Array.from(group.querySelectorAll("path, rect, circle, line"))) {
          marks.push(`${kind}:${["d", "x", "y", "width", "height", "cx", "cy", "r", "x1", "x2", "y1", "y2", "fill"].map((a) => mark.getAttribute(a) ?? "").join(",")}`);
        }
      }
    }
    return {kpis, marks};
  });
}

const same = (a: {kpis: string[]; marks: string[]}, b: {kpis: string[]; marks: string[]}) => a.kpis.join("|") === b.kpis.join("|") && a.marks.join("|") === b.marks.join("|");

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

/** Puts a range input back to `value` and lets the page settle. */
async function setRange(input: ReturnType<Page["locator"]>, value: string): Promise<void> {
  await input.evaluate((element, v) => {
    const el = element as HTMLInputElement;
    el.value = v;
    el.dispatchEvent(new Event("input", {bubbles: true}));
  }, value);
  await input.page().waitForTimeout(300);
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

type Slider = Awaited<ReturnType<typeof rangeInputs>>[number];

/** Moves one slider to two positions in turn; the first that changes what the page computes counts. */
async function recomputes(page: Page, {input}: Slider, ends: [number, number]): Promise<{changed: boolean; ms: number; kpis: number}> {
  const before = await computedOutputs(page);
  let ms = 0;
  for (const end of ends) {
    ms = await moveRange(input, end);
    const after = await computedOutputs(page);
    if (!same(after, before)) return {changed: true, ms, kpis: after.kpis.filter((k, j) => k !== before.kpis[j]).length};
  }
  return {changed: false, ms, kpis: 0};
}

async function expectEachSliderChangesThePage(path: string, minimumSliders: number) {
  await onPage(browser(), siteUrl, path, async ({page, problems}) => {
    const sliders = await rangeInputs(page);
    expect(sliders.length, `range inputs on ${path}`).toBeGreaterThanOrEqual(minimumSliders);
    const initial = await Promise.all(sliders.map(({input}) => input.inputValue()));
    const resetAll = () => Promise.all(sliders.map(({input}, j) => setRange(input, initial[j])));
    const latencies: string[] = [];
    for (const [i, slider] of sliders.entries()) {
      // Each slider moves from the page's defaults, the others untouched. Some matter only once another
      // has moved (the slowing customers' delay while none slows down): then the others are moved
      // first, and the fingerprint is compared around this slider's own move alone.
      const ends: [number, number] = i % 2 ? [0.3, 0.9] : [0.7, 0.1];
      let result = await recomputes(page, slider, ends);
      let context = "";
      if (!result.changed) {
        await resetAll();
        for (const [j, other] of sliders.entries()) if (j !== i) await moveRange(other.input, 0.6);
        result = await recomputes(page, slider, ends);
        context = ", with the other sliders moved";
      }
      expect(result.changed, `moving "${slider.label}" on ${path} changed no KPI value and no chart mark${context}`).toBe(true);
      latencies.push(`${slider.label}: ${result.ms.toFixed(1)} ms (${result.kpis} KPI values changed${context})`);
      await resetAll();
    }
    console.log(`slider → repaint on ${path}:\n  ${latencies.join("\n  ")}`);
    expect(problems).toEqual([]);
  });
}

describe("inputs change what the page shows", () => {
  test("EDA: the date and region filters change every chart's finding", () =>
    onPage(browser(), siteUrl, "/eda", async ({page, problems}) => {
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
    }));

  test("Model: the threshold slider recomputes the confusion matrix", () => expectEachSliderChangesThePage("/model", 1));
  test("Strategy: the cut-offs re-assign strategies", () => expectEachSliderChangesThePage("/strategy", 2));
  test("Scenarios: every slider changes the outputs", () => expectEachSliderChangesThePage("/scenarios", 6));
});
