import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    // Stage tests fit real models in their setup; on a loaded 2-core machine that can take a while.
    testTimeout: 120_000,
    hookTimeout: 120_000
  }
});
