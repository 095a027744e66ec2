import {expect, test} from "vitest";
import {repairPageHtml} from "../../scripts/postprocess.js";

test("pages get a language and the sidebar's list holds only list items", () => {
  const html = `<!DOCTYPE html>\n<html>\n<head><meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1"></head><body><nav id="observablehq-sidebar">\n  <ol>\n    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>\n    <li class="observablehq-link"><a href="./">Home</a></li>\n  </ol></nav></body></html>`;
  const repaired = repairPageHtml(html);
  expect(repaired).toContain('<html lang="en">');
  expect(repaired).toMatch(/<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"><\/label>\s*<ol>\s*<li/);
  expect(repaired).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  expect(repairPageHtml(repaired)).toBe(repaired);
});
