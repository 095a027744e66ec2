// Every page in the config, in light and dark and at phone width: no console error, no page error, no
// request to another host, no failed request, no error cell, no empty chart, and no broken value in the
// rendered text (NaN, undefined, Infinity, null, a KPI without a value). A screenshot of each is kept
// under test-results/ for a person to look at.
import {describe, expect, inject, test} from "vitest";
import {servedPackages} from "../../scripts/node-bundles.js";
import {sitePages} from "../../scripts/site.js";
import {pageProblems, pageSlug, screenshot} from "./browser.js";
import {onPage, useBrowser} from "./harness.js";

const siteUrl = inject("siteUrl");
const browser = useBrowser();

const views = [
  {name: "light", colorScheme: "light" as const, width: 1280},
  {name: "dark", colorScheme: "dark" as const, width: 1280},
  {name: "phone", colorScheme: "light" as const, width: 375}
];

describe.each(views)("every page ($name)", (view) => {
  test.each(sitePages())("$name ($path) renders cleanly", ({path}) =>
    onPage(
      browser(),
      siteUrl,
      path,
      async (visit) => {
        await screenshot(visit.page, view.name, pageSlug(path));
        expect(await pageProblems(visit)).toEqual([]);
        if (view.width <= 400) {
          const overflow = await visit.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, "horizontal scrolling at phone width").toBeLessThanOrEqual(0);
        }
      },
      view
    )
  );
});

// scripts/node-bundles.ts: Framework alone would have each page preload d3 as 31 modules.
test.each(sitePages())("$name ($path) loads each package as one module", async ({path}) => {
  const html = await (await fetch(new URL(`.${path}`, siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`))).text();
  const packages = [...html.matchAll(/rel="modulepreload" href="\.\/_node\/((?:@[^/]+\/)?[^/]+)\//g)].map((m) => m[1]);
  expect(packages.length).toBeGreaterThan(0);
  expect(packages.length, packages.join(", ")).toBeLessThanOrEqual(servedPackages.length);
});
