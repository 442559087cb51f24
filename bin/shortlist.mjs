#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so there is no build step between a clone and a run.
process.env.DOTENV_CONFIG_QUIET ??= "true";
const { register } = await import("tsx/esm/api");
register();
await import("../src/cli/main.ts");
