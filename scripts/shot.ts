// Looks at a page as a reader would: `npx tsx scripts/shot.ts /eda [--dark] [--width 375] [--url http://127.0.0.1:3000]`
// saves a full-page screenshot under test-results/shots/ and prints every problem the e2e test would fail on.
import {parseArgs} from "node:util";
import {launch, newContext, pageProblems, pageSlug, screenshot, visit} from "../tests/e2e/browser.js";

const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {dark: {type: "boolean", default: false}, width: {type: "string", default: "1280"}, url: {type: "string", default: "http://127.0.0.1:3000"}}
});
const browser = await launch();
try {
  for (const path of positionals.length ? positionals : ["/"]) {
    const context = await newContext(browser, {colorScheme: values.dark ? "dark" : "light", width: Number(values.width)});
    const visited = await visit(context, values.url, path);
    const {page} = visited;
    const file = await screenshot(page, "shots", `${pageSlug(path)}-${values.dark ? "dark" : "light"}-${values.width}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    console.log(JSON.stringify({path, file, problems: await pageProblems(visited), horizontalOverflow: overflow}, null, 1));
    await context.close();
  }
} finally {
  await browser.close();
}
