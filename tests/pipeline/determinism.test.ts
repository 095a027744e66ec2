// The same seed and settings give a byte-identical report archive; another seed gives another one.
// Runs the loader as the build does, in separate processes, so no state can leak between runs.
import {spawn} from "node:child_process";
import {createHash} from "node:crypto";
import {join} from "node:path";
import {expect, test} from "vitest";

const root = new URL("../..", import.meta.url).pathname;

function archiveHash(env: Record<string, string>): Promise<{hash: string; bytes: number; code: number | null; stderr: string}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(root, "data-loaders/report.tgz.ts")], {
      cwd: root,
      env: {PATH: process.env.PATH, HOME: process.env.HOME, AR_INVOICES: "3000", AR_CUSTOMERS: "120", ...env}
    });
    const hash = createHash("sha256");
    let bytes = 0;
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (hash.update(chunk), (bytes += chunk.length)));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("close", (code) => resolve({hash: hash.digest("hex"), bytes, code, stderr}));
  });
}

test("same seed → byte-identical data files; another seed → different ones", {timeout: 180_000}, async () => {
  const first = await archiveHash({AR_SEED: "7"});
  const second = await archiveHash({AR_SEED: "7"});
  const other = await archiveHash({AR_SEED: "8"});
  for (const run of [first, second, other]) expect(run.code, run.stderr).toBe(0);
  expect(first.bytes).toBeGreaterThan(10_000);
  expect(second.hash).toBe(first.hash);
  expect(other.hash).not.toBe(first.hash);
});
