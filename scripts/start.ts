// `npm start`: build the site if anything it depends on changed since the last build, then serve it.
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {join} from "node:path";
import {serve} from "./serve.js";
import {distDir, root} from "./site.js";
import {buildFingerprint, readStamp} from "./stamp.js";

if (!existsSync(join(distDir, "index.html")) || readStamp() !== buildFingerprint()) {
  const build = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts/build.ts")], {cwd: root, stdio: "inherit"});
  if (build.status !== 0) process.exit(build.status ?? 1);
} else {
  console.log("dist/ is up to date with the sources; serving it (run `npm run build` to force a rebuild)");
}
const {url} = await serve(Number(process.env.PORT ?? 3000));
console.log(`\nAR Cashflow Intelligence is served at ${url}/  (Ctrl-C to stop)`);
