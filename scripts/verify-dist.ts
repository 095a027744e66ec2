// Checks a finished build for what Framework does not treat as failure: a page missing from dist/, a
// package fetched from the network into the npm cache, a package served as many modules instead of one,
// or a page that loads a resource from another host.
import {existsSync, readFileSync, readdirSync, statSync} from "node:fs";
import {dirname, extname, join, relative} from "node:path";
import {nodeBundlePath, servedPackages} from "./node-bundles.js";
import {expectedNpmCacheEntries, listNpmCache, root} from "./prepare.js";
import {distDir, pageFile, sitePages} from "./site.js";

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

// Resource references, not hyperlinks: scripts, stylesheets, images, frames, imports and CSS urls.
const remoteResource = [
  /<(?:script|img|iframe|source|video|audio)\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\//i,
  /<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\//i,
  /\bimport\s*\(\s*["'`]https?:\/\//,
  /\bfrom\s*["']https?:\/\//,
  /\burl\(\s*["']?https?:\/\//i,
  /@import\s+["']https?:\/\//i
];

export function verifyDist(): string[] {
  const problems: string[] = [];
  if (!existsSync(distDir)) return ["dist/ does not exist"];
  for (const {path} of sitePages()) {
    if (!existsSync(pageFile(path))) problems.push(`page ${path} is in the config but not in dist/`);
  }
  const expected = new Set(expectedNpmCacheEntries());
  for (const entry of listNpmCache()) {
    if (!expected.has(entry)) problems.push(`npm:${entry} was fetched from the network; add it to scripts/prepare.ts`);
  }
  // Framework bundles any other package pages import one module per package, its dependencies apart.
  const served = new Set(servedPackages.map((name) => dirname(nodeBundlePath(root, name))));
  const nodeDir = join(distDir, "_node");
  const bundled = existsSync(nodeDir) ? [...walk(nodeDir)].map((file) => dirname(relative(nodeDir, file))) : [];
  for (const dir of new Set(bundled)) {
    if (!served.has(dir)) problems.push(`_node/${dir} was bundled by Framework as modules apart; add the package pages import to servedPackages in scripts/node-bundles.ts`);
  }
  for (const file of walk(distDir)) {
    if (![".html", ".js", ".css"].includes(extname(file))) continue;
    const text = readFileSync(file, "utf8");
    for (const pattern of remoteResource) {
      const match = pattern.exec(text);
      if (match) problems.push(`${relative(distDir, file)} loads a resource from another host: ${match[0].slice(0, 120)}`);
    }
    if (text.includes("0.0.0-not-bundled-offline")) {
      if (extname(file) === ".html") problems.push(`${relative(distDir, file)} imports a package that is not bundled offline`);
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = verifyDist();
  for (const problem of problems) console.error(`✗ ${problem}`);
  process.exit(problems.length ? 1 : 0);
}
