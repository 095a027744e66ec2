import {join} from "node:path";
import {root} from "./prepare.js";

/** The environment for Framework commands: no telemetry, and the project's own binaries (tsx) first. */
export function buildEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    OBSERVABLE_TELEMETRY_DISABLE: "1",
    PATH: `${join(root, "node_modules/.bin")}:${process.env.PATH ?? ""}`
  };
}
