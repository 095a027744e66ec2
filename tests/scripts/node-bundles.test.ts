// The packages pages import are written into Framework's cache as one module each, sharing d3 and htl.
// Checked against the packages themselves: each bundle exports what the package exports.
import {mkdtempSync, readFileSync, readdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {afterAll, beforeAll, expect, test} from "vitest";
import {fillNodeCache, nodeBundlePath, servedPackages} from "../../scripts/node-bundles.js";
import {root} from "../../scripts/site.js";

let cacheDir = "";
beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), "ar-node-bundles-"));
  await fillNodeCache({root, cacheDir});
}, 60_000);
afterAll(() => rmSync(cacheDir, {recursive: true, force: true}));

/** Every module specifier a bundle's static imports and exports name. */
function importsOf(code: string): string[] {
  return [...code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*${}\s,]*?\s*from\s*)?["']([^"']+)["']/g)].map((m) => m[1]);
}

test("writes one file per served package, where Framework looks for it", () => {
  const files = readdirSync(cacheDir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(cacheDir.length + 1))
    .sort();
  expect(files).toEqual(["@observablehq/inputs@0.12.0/index.js", "@observablehq/plot@0.6.17/index.js", "d3@7.9.2/index.js", "htl@0.3.1/index.js"]);
  expect(servedPackages.map((name) => nodeBundlePath(root, name)).sort()).toEqual(files);
});

test("a bundle imports nothing but the shared bundles, by their relative paths", () => {
  const imports = Object.fromEntries(servedPackages.map((name) => [name, [...new Set(importsOf(readFileSync(join(cacheDir, nodeBundlePath(root, name)), "utf8")))].sort()]));
  expect(imports).toEqual({
    "d3": [],
    "htl": [],
    "@observablehq/plot": ["../../d3@7.9.2/index.js"],
    // Inputs makes its forms with htl: the page's own htl, not a copy.
    "@observablehq/inputs": ["../../htl@0.3.1/index.js"]
  });
});

test("each bundle exports what its package exports", async () => {
  for (const name of ["d3", "htl", "@observablehq/plot"] as const) {
    const bundle = await import(pathToFileURL(join(cacheDir, nodeBundlePath(root, name))).href);
    const original = await import(name);
    expect(Object.keys(bundle).sort(), name).toEqual(Object.keys(original).filter((key) => key !== "default").sort());
  }
});
