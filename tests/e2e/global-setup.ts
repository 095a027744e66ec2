import type {TestProject} from "vitest/node";
import {existsSync} from "node:fs";
import {serve} from "../../scripts/serve.js";
import {join} from "node:path";
import {pageFile, root} from "../../scripts/site.js";

declare module "vitest" {
  export interface ProvidedContext {
    siteUrl: string;
    /** The site built from tests/fixtures/site/invoices.csv, when dist-csv/ exists. */
    csvSiteUrl: string | null;
    /** The site built from tests/fixtures/site/nothing-open.csv, when dist-empty/ exists. */
    emptySiteUrl: string | null;
    /** The site built from tests/fixtures/site/snapshot.csv (no payment history), when dist-snapshot/ exists. */
    snapshotSiteUrl: string | null;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(pageFile("/"))) throw new Error("dist/ has no site: the browser tests run against a build (npm run build)");
  const servers = [await serve(0)];
  project.provide("siteUrl", servers[0].url);
  const extra = async (folder: string): Promise<string | null> => {
    const dir = join(root, folder);
    if (!existsSync(join(dir, "index.html"))) return null;
    const server = await serve(0, "127.0.0.1", dir);
    servers.push(server);
    return server.url;
  };
  project.provide("csvSiteUrl", await extra("dist-csv"));
  project.provide("emptySiteUrl", await extra("dist-empty"));
  project.provide("snapshotSiteUrl", await extra("dist-snapshot"));
  return () => Promise.all(servers.map(({server}) => new Promise<void>((resolve) => server.close(() => resolve())))).then(() => undefined);
}
