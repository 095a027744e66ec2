// `npm run dev`: Framework's live-reloading preview, offline, on 127.0.0.1.
import {spawn} from "node:child_process";
import {buildEnv} from "./env.js";
import {prepare, root} from "./prepare.js";

await prepare();
const port = process.env.PORT ?? "3000";
const preview = spawn("observable", ["preview", "--host", "127.0.0.1", "--port", port, "--no-open"], {cwd: root, env: buildEnv(), stdio: "inherit"});
preview.on("exit", (code) => process.exit(code ?? 0));
