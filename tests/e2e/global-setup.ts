import type {TestProject} from "vitest/node";
import {existsSync} from "node:fs";
import {serve} from "../../scripts/serve.js";
import {pageFile} from "../../scripts/site.js";

declare module "vitest" {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(pageFile("/"))) throw new Error("dist/ has no site: the browser tests run against a build (npm run build)");
  const {server, url} = await serve(0);
  project.provide("siteUrl", url);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
