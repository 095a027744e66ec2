// Facts about the site shared by the build, the server, the tests and the benchmark.
import {join, resolve} from "node:path";
import config from "../observablehq.config.js";
import {root} from "./prepare.js";

export {root};
/**
 * Where the build writes the site: dist/, or AR_OUTPUT (the tests build a second site from a CSV),
 * relative to the project or absolute, as Framework reads the config's `output`.
 */
export const distDir = resolve(root, process.env.AR_OUTPUT ?? "dist");

interface PageEntry {
  name: string;
  path: string;
}
interface SectionEntry {
  name: string;
  pages: PageEntry[];
}

/** Every page path in the config, in sidebar order, as served (`/`, `/eda`, ...). */
export function sitePages(): PageEntry[] {
  const entries = (config.pages ?? []) as (PageEntry | SectionEntry)[];
  return entries.flatMap((entry) => ("pages" in entry ? entry.pages : [entry]));
}

/** The file in dist/ that serves a page path. */
export function pageFile(path: string): string {
  return join(distDir, path === "/" ? "index.html" : `${path.replace(/^\//, "")}.html`);
}
