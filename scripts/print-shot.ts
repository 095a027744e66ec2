// Looks at a page as it prints: `npx tsx scripts/print-shot.ts /model` writes test-results/print/<page>.png
// (print media emulated) and a PDF beside it, against the site served from dist/.
import {serve} from "./serve.js";
import {launch, newContext, pageSlug, screenshot, visit} from "../tests/e2e/browser.js";

const {server, url} = await serve(0);
const browser = await launch();
try {
  for (const path of process.argv.slice(2).length ? process.argv.slice(2) : ["/"]) {
    const context = await newContext(browser, {width: 900});
    const {page} = await visit(context, url, path);
    await page.emulateMedia({media: "print"});
    console.log(await screenshot(page, "print", pageSlug(path)));
    await page.pdf({path: `test-results/print/${pageSlug(path)}.pdf`, format: "A4"});
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
