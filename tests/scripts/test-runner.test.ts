// `npm test` where `unshare -n` is refused (as in a container without user namespaces): the offline
// builds cannot be shown to work without the network, so the run must fail and say the check did not
// run — never build with the network reachable and report "offline build ✓".
import {spawnSync} from "node:child_process";
import {chmodSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {expect, test} from "vitest";

const root = new URL("../..", import.meta.url).pathname;

test("without `unshare -n` the offline builds fail, saying the check did not run", () => {
  const bin = mkdtempSync(join(tmpdir(), "ar-no-unshare-"));
  const unshare = join(bin, "unshare");
  writeFileSync(unshare, "#!/bin/sh\necho 'unshare: unshare failed: Operation not permitted' >&2\nexit 1\n");
  chmodSync(unshare, 0o755);
  // AR_OUTPUT keeps dist/ untouched should a build start after all (the old runner built online here).
  const run = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts/test.ts"), "offline build"], {
    cwd: root,
    env: {...process.env, PATH: `${bin}:${process.env.PATH}`, AR_OUTPUT: "dist-runner-test"},
    encoding: "utf8",
    timeout: 100_000
  });
  const output = `${run.stdout}${run.stderr}`;
  expect(output).not.toContain("offline build ✓");
  expect(output).toMatch(/offline build ✗ \(did not run: `unshare -n` is not available here\)/);
  expect(output).toContain("TESTS FAILED");
  expect(run.status).toBe(1);
});
