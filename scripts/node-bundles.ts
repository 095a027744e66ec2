// The packages pages import, each served as one module.
//
// Framework 1.13 bundles a package that pages import from node_modules with rollup, one file per
// package, and keeps every dependency external. `d3` alone is then 31 modules (d3 and each d3-*
// package), and Plot adds three more; every page preloads all of them. On a first visit over HTTP/1.1
// they queue six at a time behind the page's own modules, and the browser requests, compiles and
// evaluates each one before the first chart can be drawn.
//
// Framework reuses a bundle it finds in its cache (`resolveNodeImport` in its node.js returns early when
// the file exists), so before each build we write there one esbuild bundle per package instead. A
// package that pages also import directly (`d3`, `htl`) stays a module of its own, shared by the pages
// and by the packages that use it, so nothing is loaded twice and there is one d3 on the page.
import {build, type Plugin} from "esbuild";
import {createRequire} from "node:module";
import {mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {dirname, join, posix} from "node:path";

export interface NodeBundleOptions {
  /** The project root, whose node_modules Framework resolves from. */
  root: string;
  /** Framework's cache of node_modules bundles. */
  cacheDir?: string;
}

/** Every package pages import from node_modules, directly or through another package on this list. */
export const servedPackages = ["d3", "htl", "@observablehq/plot", "@observablehq/inputs"] as const;

/** Packages that both the pages and another served package import: each is kept one shared module. */
const sharedPackages = new Set<string>(["d3", "htl"]);

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** The installed version, as Framework reads it: from the package directory's package.json. */
function installedVersion(root: string, name: string): string {
  return JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version;
}

/** The cache path Framework looks up for a package's entry: `<name>@<version>/index.js`. */
export function nodeBundlePath(root: string, name: string): string {
  return `${name}@${installedVersion(root, name)}/index.js`;
}

/** Marks imports of the other shared packages external, at the relative path of their own bundle. */
function sharedExternals(root: string, name: string): Plugin {
  const from = posix.dirname(nodeBundlePath(root, name));
  return {
    name: "shared-packages",
    setup(build) {
      build.onResolve({filter: /^[^./]/}, ({path}) => {
        const imported = packageName(path);
        if (imported === name || !sharedPackages.has(imported)) return undefined;
        if (path !== imported) throw new Error(`node-bundles: ${name} imports ${path}; only package entries can be shared`);
        return {path: posix.relative(from, nodeBundlePath(root, imported)), external: true};
      });
    }
  };
}

/** Writes one bundle per served package into Framework's node_modules cache. */
export async function fillNodeCache({root, cacheDir = join(root, "src/.observablehq/cache/_node")}: NodeBundleOptions): Promise<void> {
  const require = createRequire(join(root, "package.json"));
  for (const name of servedPackages) {
    const result = await build({
      entryPoints: [require.resolve(name)],
      bundle: true,
      format: "esm",
      platform: "browser",
      // Framework's own settings for these bundles (node.js in @observablehq/framework).
      target: ["es2022", "chrome96", "firefox96", "safari16"],
      define: {"process.env.NODE_ENV": JSON.stringify("production")},
      minify: true,
      write: false,
      legalComments: "none",
      logLevel: "error",
      plugins: [sharedExternals(root, name)]
    });
    const path = join(cacheDir, nodeBundlePath(root, name));
    mkdirSync(dirname(path), {recursive: true});
    writeFileSync(path, result.outputFiles[0].text);
  }
}
