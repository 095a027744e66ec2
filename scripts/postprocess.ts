// Accessibility repairs to the HTML Framework 1.13 writes, applied to every page in dist/ after the build:
// its pages declare no language, and its sidebar puts the close button's <label> directly inside an
// <ol>, where only <li> may be (screen readers then announce a broken list); its viewport forbids zooming
// (maximum-scale=1), which readers with low vision need.
import {readFileSync, readdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";

export const siteLanguage = "en";

export function repairPageHtml(html: string): string {
  return html
    .replace(/<html(?![^>]*\blang=)([^>]*)>/, `<html lang="${siteLanguage}"$1>`)
    .replace(/(<ol>\s*)(<label id="observablehq-sidebar-close"[^>]*><\/label>)(\s*)/, "$2\n  $1")
    .replace(/(<meta name="viewport" content="[^"]*?),\s*maximum-scale=1(")/, "$1$2");
}

/** Repairs every .html file under `dir`; returns how many changed. */
export function repairDist(dir: string): number {
  let changed = 0;
  for (const entry of readdirSync(dir, {withFileTypes: true, recursive: true})) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const file = join(entry.parentPath ?? (entry as unknown as {path: string}).path, entry.name);
    const html = readFileSync(file, "utf8");
    const repaired = repairPageHtml(html);
    if (repaired !== html) writeFileSync(file, repaired), ++changed;
  }
  return changed;
}
