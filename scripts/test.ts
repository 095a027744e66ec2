// `npm test`: type-check, unit tests, four offline builds, then the browser tests against them.
// Prints one summary line at the end, which CI shows.
//
// The builds must pass with no network at all, and only `unshare -n` (a network namespace with nothing
// in it) shows that. Where the kernel does not let us make one, the offline builds do not run and the
// run fails, saying so: a green run means the offline check ran.
import {spawnSync} from "node:child_process";
import {join} from "node:path";
import {buildEnv} from "./env.js";
import {root} from "./site.js";

interface Step {
  name: string;
  command: string[];
  env?: Record<string, string>;
  /** Why the step cannot run here; it then counts as failed without running. */
  cannotRun?: string;
}

/** Whether `unshare -n` can give a process a network namespace of its own here. */
function canUnshareNetwork(): boolean {
  return spawnSync("unshare", ["-n", "true"]).status === 0;
}

const offline = canUnshareNetwork();
/** The build, inside an empty network namespace. */
function offlineBuildStep(name: string, env?: Record<string, string>): Step {
  const build = [process.execPath, "--import", "tsx", join(root, "scripts/build.ts")];
  return {
    name,
    command: ["unshare", "-n", ...build],
    env,
    cannotRun: offline ? undefined : "`unshare -n` is not available here, so the offline check did not run (the build was not tried with the network reachable either)"
  };
}

const bin = (name: string) => join(root, "node_modules/.bin", name);
const only = process.argv[2];
const steps: Step[] = [
  {name: "typecheck", command: [bin("tsc"), "--noEmit", "-p", "tsconfig.json"]},
  {name: "unit", command: [bin("vitest"), "run", "--reporter=default"]},
  offlineBuildStep("offline build"),
  // The same site from a user's CSV (other headers, no customer attributes, a customer named as markup).
  offlineBuildStep("offline build from a CSV", {
    AR_DATA: join(root, "tests/fixtures/site/invoices.csv"),
    AR_MAPPING: join(root, "tests/fixtures/site/mapping.json"),
    AR_OUTPUT: "dist-csv"
  }),
  // A small export in which every invoice has been paid: the pages' empty states.
  offlineBuildStep("offline build with nothing open", {AR_DATA: join(root, "tests/fixtures/site/nothing-open.csv"), AR_AS_OF: "2025-06-30", AR_OUTPUT: "dist-empty"}),
  // An aged-receivables snapshot (what is open, no payment history): the pages without a model. No
  // model is fitted, so this build costs a fraction of the others.
  offlineBuildStep("offline build of a snapshot", {AR_DATA: join(root, "tests/fixtures/site/snapshot.csv"), AR_OUTPUT: "dist-snapshot"}),
  {name: "browser", command: [bin("vitest"), "run", "--config", "tests/e2e/vitest.config.ts", "--reporter=default"]}
].filter((step) => !only || step.name.startsWith(only));

const started = performance.now();
const results: string[] = [];
let failed = false;
for (const step of steps) {
  if (step.cannotRun) {
    console.log(`\n━━ ${step.name} ━━ ✗ ${step.cannotRun}`);
    results.push(`${step.name} ✗ (did not run: ${step.cannotRun.split(",")[0]})`);
    failed = true;
    break;
  }
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
