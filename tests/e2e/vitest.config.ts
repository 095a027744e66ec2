import {defineConfig} from "vitest/config";

// The browser tests share one server and one Chromium; they run one file at a time so that the
// latencies they report are not measured while another page renders on the other core.
export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000
  }
});
