// `npm run build`: a clean, offline, verified build of the site into dist/.
//
// Framework keeps loader output in its cache and does not re-run a loader whose own source changed
// while its output is cached, so the cache is cleared every time. A failed build leaves no dist/
// behind: a half-written site is worse than none.
import {spawnSync} from "node:child_process";
import {rmSync} from "node:fs";
import {join} from "node:path";
import {buildEnv} from "./env.js";
import {repairDist} from "./postprocess.js";
import {prepare} from "./prepare.js";
import {distDir, root} from "./site.js";
import {buildFingerprint, clearStamp, writeStamp} from "./stamp.js";
import {verifyDist} from "./verify-dist.js";

function fail(message: string): never {
  rmSync(distDir, {recursive: true, force: true});
  console.error(`\nbuild failed: ${message}\n(dist/ removed: nothing half-written is left behind)`);
  process.exit(1);
}

const started = performance.now();
const fingerprint = buildFingerprint();
rmSync(distDir, {recursive: true, force: true});
rmSync(join(root, "src/.observablehq/cache"), {recursive: true, force: true});
await prepare();

const framework = spawnSync("observable", ["build"], {cwd: root, env: buildEnv(), stdio: "inherit"});
if (framework.status !== 0) fail(`observable build exited with ${framework.status ?? framework.signal}`);

const repaired = repairDist(distDir);
console.log(`build: accessibility repairs applied to ${repaired} pages`);
const problems = verifyDist();
if (problems.length) fail(`dist/ did not pass verification:\n${problems.map((p) => `  ✗ ${p}`).join("\n")}`);
// `npm start` serves dist/ without rebuilding only if it holds the default report.
const customised = Object.keys(process.env).some((name) => name.startsWith("AR_"));
if (customised) clearStamp();
else writeStamp(fingerprint);
console.log(`\nbuild: verified dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
