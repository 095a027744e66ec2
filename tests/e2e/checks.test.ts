// The checks the other browser tests rely on must be able to fail: a page with a broken value, an empty
// KPI or a failed request is reported.
import {expect, test} from "vitest";
import {newContext, textProblems, visit} from "./browser.js";
import {useBrowser} from "./harness.js";
import {inject} from "vitest";

const browser = useBrowser();
const siteUrl = inject("siteUrl");

test("the text scan finds NaN, undefined, Infinity, null and KPIs without a value", async () => {
  const context = await newContext(browser());
  try {
    const page = await context.newPage();
    await page.setContent(`<main>
      <p>DSO is NaN days; the model is undefined; lift Infinity×; segment null.</p>
      <p>Nullable, NaNa and undefinedness are words, not values.</p>
      <div class="card kpi"><h2>Cash at risk</h2><p class="big">–</p></div>
      <div class="card kpi"><h2>Open receivables</h2><p class="big"></p></div>
      <div class="card kpi"><h2>DSO</h2><p class="big">46.0 days</p></div>
      <p hidden>NaN hidden from the reader is not counted</p>
    </main>`);
    const problems = await textProblems(page);
    expect(problems.map((p) => p.replace(/:.*/, ""))).toEqual([
      '"NaN" in the text',
      '"undefined" in the text',
      '"Infinity" in the text',
      '"null" in the text',
      'KPI "Cash at risk" has no value ("–")',
      'KPI "Open receivables" has no value ("")'
    ]);
  } finally {
    await context.close();
  }
});

test("a failed request on the site is a problem, aborted or not", async () => {
  const context = await newContext(browser());
  try {
    const {page, problems} = await visit(context, siteUrl, "/");
    // A request the page starts and then abandons, as a cancelled fetch would.
    await page.evaluate(async () => {
      const controller = new AbortController();
      const request = fetch("/_file/never-finished.json", {signal: controller.signal}).catch(() => null);
      controller.abort();
      await request;
    });
    await page.waitForTimeout(200);
    expect(problems.filter((p) => p.startsWith("failed request"))).toEqual([expect.stringContaining("net::ERR_ABORTED")]);
  } finally {
    await context.close();
  }
});
