// A fingerprint of everything a build depends on, so `npm start` rebuilds only when something changed.
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from "node:fs";
import {dirname, join, relative} from "node:path";
import {root} from "./prepare.js";

const stampPath = join(root, "node_modules/.cache/ar-cashflow/build-stamp");
const inputs = ["src", "lib", "data-loaders", "scripts", "observablehq.config.ts", "package-lock.json"];

function* files(path: string): Generator<string> {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (stat.isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    if (entry === ".observablehq" || entry === "generated" || entry === "node_modules") continue;
    const child = join(path, entry);
    // src/lib and src/data are links to folders hashed on their own.
    if (statSync(child).isDirectory() && child !== join(root, "src") && ["lib", "data"].includes(entry) && path === join(root, "src")) continue;
    yield* files(child);
  }
}

export function buildFingerprint(): string {
  const hash = createHash("sha256");
  for (const input of inputs) {
    for (const file of files(join(root, input))) hash.update(relative(root, file)).update(readFileSync(file));
  }
  for (const key of Object.keys(process.env).filter((k) => k.startsWith("AR_")).sort()) {
    hash.update(`${key}=${process.env[key]}`);
    if (key === "AR_DATA" && existsSync(process.env[key]!)) hash.update(readFileSync(process.env[key]!));
  }
  return hash.digest("hex");
}

export function readStamp(): string | undefined {
  return existsSync(stampPath) ? readFileSync(stampPath, "utf8") : undefined;
}

export function writeStamp(fingerprint: string): void {
  mkdirSync(dirname(stampPath), {recursive: true});
  writeFileSync(stampPath, fingerprint);
}

/** Forgets the stamp, so that the next `npm start` rebuilds. */
export function clearStamp(): void {
  rmSync(stampPath, {force: true});
}
