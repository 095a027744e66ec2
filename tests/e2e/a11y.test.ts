// An automated accessibility check of every page with axe-core (WCAG 2 A and AA rules), in the light
// and the dark theme: no serious or critical violation.
import {createRequire} from "node:module";
import {describe, expect, inject, test} from "vitest";
import {sitePages} from "../../scripts/site.js";
import {onPage, useBrowser} from "./harness.js";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const siteUrl = inject("siteUrl");
const browser = useBrowser();

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: {target: string[]}[];
}

describe.each(["light", "dark"] as const)("accessibility (%s)", (colorScheme) => {
  test.each(sitePages())("$name ($path) has no serious axe violation", ({path}) =>
    onPage(
      browser(),
      siteUrl,
      path,
      async ({page}) => {
        await page.addScriptTag({path: axePath});
        const violations: Violation[] = await page.evaluate(async () => {
          const axe = (window as unknown as {axe: {run: (context: unknown, options: unknown) => Promise<{violations: Violation[]}>}}).axe;
          const result = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}});
          return result.violations;
        });
        const serious = violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
        expect(serious).toEqual([]);
      },
      {colorScheme}
    )
  );
});
