// The pages' own code, read as source: what no page may do, whatever it shows.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {root} from "../../scripts/site.js";

const pagesDir = join(root, "src");
const pages = readdirSync(pagesDir)
  .filter((name) => name.endsWith(".md"))
  .map((name) => ({name, text: readFileSync(join(pagesDir, name), "utf8")}));

/** The page's ```js blocks, with the line each starts on. */
function jsBlocks(text: string): {line: number; lines: string[]}[] {
  const blocks: {line: number; lines: string[]}[] = [];
  let open: {line: number; lines: string[]} | null = null;
  text.split("\n").forEach((line, i) => {
    if (open === null && line.startsWith("```js")) open = {line: i + 1, lines: []};
    else if (open !== null && line.startsWith("```")) blocks.push(open), (open = null);
    else open?.lines.push(line);
  });
  return blocks;
}

describe("pages", () => {
  test("are all read", () => expect(pages.length).toBeGreaterThanOrEqual(10));

  // `const a = await FileAttachment(…).json(); const b = await …` fetches one file after another: each
  // request waits for the one before. Without the await, every file is requested at once and each cell
  // that reads one waits for it (Framework awaits a top-level promise in the cells that use it). At a
  // 40 ms round trip the Overview drew its charts in 0.89-0.98 s so, against 1.06-1.36 s.
  test.each(pages)("$name requests its data files together", ({text}) => {
    expect(text.match(/await\s+FileAttachment\(/g) ?? []).toEqual([]);
  });

  // Framework turns a cell's imports into one `await Promise.all([import(…), …])` at the top of that cell,
  // so a FileAttachment in the same cell is requested only once every module (Plot, d3 and the page's
  // own) has loaded. In a cell of its own it is requested as the page starts, while the modules load.
  test.each(pages)("$name reads its data files in a cell without imports", ({text}) => {
    const mixed = jsBlocks(text)
      .filter((block) => block.lines.some((line) => /^import\s/.test(line)) && block.lines.some((line) => /FileAttachment\(/.test(line)))
      .map((block) => `line ${block.line}`);
    expect(mixed).toEqual([]);
  });

  // A file the page only offers for download is a static `<a href download>`, which Framework copies and
  // content-hashes like a FileAttachment. As a FileAttachment of a .csv it also made Framework preload
  // d3-dsv, a module the page never ran.
  test.each(pages)("$name links its downloads from HTML", ({text}) => {
    const linkOnly = [...text.matchAll(/const (\w+) = FileAttachment\([^)]*\);/g)]
      .map(([, name]) => name)
      .filter((name) => [...text.matchAll(new RegExp(`\\b${name}\\b(\\.\\w+)?`, "g"))].slice(1).every(([, member]) => member === ".href"));
    expect(linkOnly).toEqual([]);
  });

  test.each(pages)("$name has no JS cell over 40 lines", ({text}) => {
    const long = jsBlocks(text).filter((block) => block.lines.length > 40).map((block) => `line ${block.line}: ${block.lines.length} lines`);
    expect(long).toEqual([]);
  });
});
