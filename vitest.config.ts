import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One private redis-server for the whole run (never a Redis the tests did not start).
    globalSetup: ["test/helpers/redis-global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    env: { DOTENV_CONFIG_QUIET: "true", LOG_LEVEL: "warn" },
  },
});
