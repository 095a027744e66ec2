// The full build as a reader's `npm run build` runs it, into a folder of its own (AR_OUTPUT), and the
// size of what it wrote. scripts/build.ts clears Framework's shared cache (src/.observablehq/cache) and,
// because AR_OUTPUT is set, forgets `npm start`'s build stamp; the stamp describes dist/, which this
// build does not touch, so it is put back afterwards.
import {spawn} from "node:child_process";
import {existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {root} from "../site.js";

export interface BuildMeasure {
  outputDir: string;
  ok: boolean;
  exitCode: number | null;
  wallMs: number;
  /** The build's own closing line ("verified dist/ in … s"), if it printed one. */
  reported: string | null;
  /** Seconds from the build's start to each "report: <stage> done at" line of the loader. */
  loaderStages: {stage: string; atSeconds: number}[];
  dist: DistSize | null;
  logFile: string;
}

export interface DistSize {
  files: number;
  bytes: number;
  /** Bytes per top-level entry of the folder (`_file`: data, `_npm`/`_node`: libraries, `*.html`...). */
  byFolder: Record<string, number>;
  largestFiles: {path: string; bytes: number}[];
}

const stampPath = join(root, "node_modules/.cache/ar-cashflow/build-stamp");

export async function measureBuild({outputDir = "dist-bench", logFile}: {outputDir?: string; logFile: string}): Promise<BuildMeasure> {
  const stamp = existsSync(stampPath) ? readFileSync(stampPath, "utf8") : null;
  const output: string[] = [];
  const started = performance.now();
  const exitCode = await new Promise<number | null>((resolve) => {
    const child = spawn("npm", ["run", "--silent", "build"], {cwd: root, env: {...process.env, AR_OUTPUT: outputDir}, stdio: ["ignore", "pipe", "pipe"]});
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.on("close", (code) => resolve(code));
  });
  const wallMs = performance.now() - started;
  if (stamp !== null && !existsSync(stampPath)) writeFileSync(stampPath, stamp);
  const log = output.join("");
  writeFileSync(logFile, log);
  const dir = join(root, outputDir);
  const ok = exitCode === 0 && existsSync(join(dir, "index.html"));
  return {
    outputDir,
    ok,
    exitCode,
    wallMs,
    reported: /build: verified .* in [\d.]+ s/.exec(log)?.[0] ?? null,
    loaderStages: [...log.matchAll(/report: (\S+) done at ([\d.]+) s/g)].map((m) => ({stage: m[1], atSeconds: Number(m[2])})),
    dist: ok ? distSize(dir) : null,
    logFile
  };
}

export function distSize(dir: string): DistSize {
  const files: {path: string; bytes: number}[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path)) {
      const child = join(path, entry);
      const stat = statSync(child);
      if (stat.isDirectory()) walk(child);
      else files.push({path: relative(dir, child), bytes: stat.size});
    }
  };
  walk(dir);
  const byFolder: Record<string, number> = {};
  for (const {path, bytes} of files) {
    const top = path.includes("/") ? path.slice(0, path.indexOf("/")) : path.endsWith(".html") ? "*.html" : path;
    byFolder[top] = (byFolder[top] ?? 0) + bytes;
  }
  return {
    files: files.length,
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    byFolder,
    largestFiles: [...files].sort((a, b) => b.bytes - a.bytes).slice(0, 8)
  };
}

export function removeOutput(outputDir: string): void {
  const dir = join(root, outputDir);
  // Never the site the lead serves.
  if (dir !== join(root, "dist") && dir.startsWith(root)) rmSync(dir, {recursive: true, force: true});
}
