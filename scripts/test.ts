// `npm test`: type-check, unit tests, an offline build, then the browser tests against that build.
// Prints one summary line at the end, which CI shows.
import {spawnSync} from "node:child_process";
import {join} from "node:path";
import {buildEnv} from "./env.js";
import {root} from "./site.js";

interface Step {
  name: string;
  command: string[];
  env?: Record<string, string>;
}

/** `unshare -n` runs the build with no network at all, where the kernel lets us make a namespace. */
function offlineBuildCommand(): string[] {
  const build = [process.execPath, "--import", "tsx", join(root, "scripts/build.ts")];
  const probe = spawnSync("unshare", ["-n", "true"]);
  if (probe.status === 0) return ["unshare", "-n", ...build];
  console.warn("test: `unshare -n` is not available here; building with the network reachable (verify-dist still rejects any fetched package)");
  return build;
}

const bin = (name: string) => join(root, "node_modules/.bin", name);
const only = process.argv[2];
const steps: Step[] = [
  {name: "typecheck", command: [bin("tsc"), "--noEmit", "-p", "tsconfig.json"]},
  {name: "unit", command: [bin("vitest"), "run", "--reporter=default"]},
  {name: "offline build", command: offlineBuildCommand()},
  // The same site from a user's CSV (other headers, no customer attributes, a customer named as markup).
  {
    name: "offline build from a CSV",
    command: offlineBuildCommand(),
    env: {AR_DATA: join(root, "tests/fixtures/site/invoices.csv"), AR_MAPPING: join(root, "tests/fixtures/site/mapping.json"), AR_OUTPUT: "dist-csv"}
  },
  {name: "browser", command: [bin("vitest"), "run", "--config", "tests/e2e/vitest.config.ts", "--reporter=default"]}
].filter((step) => !only || step.name.startsWith(only));

const started = performance.now();
const results: string[] = [];
let failed = false;
for (const step of steps) {
  const t0 = performance.now();
  console.log(`\n━━ ${step.name} ━━ ${step.command.map((c) => c.replace(root + "/", "")).join(" ")}`);
  const run = spawnSync(step.command[0], step.command.slice(1), {cwd: root, env: {...buildEnv(), CI: process.env.CI ?? "", ...step.env}, stdio: "inherit"});
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  if (run.status === 0) results.push(`${step.name} ✓ (${seconds} s)`);
  else {
    results.push(`${step.name} ✗ (${seconds} s)`);
    failed = true;
    break;
  }
}
const total = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\n${failed ? "TESTS FAILED" : "TESTS PASSED"}: ${results.join(", ")} — ${total} s`);
process.exit(failed ? 1 : 0);
