/**
 * A whole shortlist system for a test: the private Redis from global setup, a unique key
 * prefix (tests never see each other's keys), a temporary models directory seeded with the
 * shipped model, and env vars set so sandboxed children connect to the same place.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { openContext, type AppContext } from "../../src/app/context.ts";
import { loadConfig, PROJECT_ROOT } from "../../src/config.ts";
import { INITIAL_MODEL_VERSION } from "../../src/registry/models.ts";

export interface TestSystem {
  ctx: AppContext;
  modelsDir: string;
  env: Record<string, string>;
  /** Deletes this test's keys (its prefix only) and temp files. */
  cleanup(): Promise<void>;
}

export function openTestSystem(): TestSystem {
  const modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), "shortlist-models-"));
  fs.cpSync(path.join(PROJECT_ROOT, "models", INITIAL_MODEL_VERSION), path.join(modelsDir, INITIAL_MODEL_VERSION), { recursive: true });
  const env = {
    REDIS_URL: inject("redisUrl"),
    SHORTLIST_PREFIX: `{t-${randomUUID().slice(0, 8)}}`,
    SHORTLIST_MODELS_DIR: modelsDir,
    SHORTLIST_PARSE_CONCURRENCY: "2",
  };
  Object.assign(process.env, env); // sandboxed children inherit it
  const ctx = openContext(loadConfig({ ...process.env, ...env }));
  return {
    ctx,
    modelsDir,
    env,
    async cleanup() {
      const keys = await ctx.redis.keys(`${env.SHORTLIST_PREFIX}:*`);
      for (let i = 0; i < keys.length; i += 500) await ctx.redis.del(...keys.slice(i, i + 500));
      await ctx.close();
      fs.rmSync(modelsDir, { recursive: true, force: true });
    },
  };
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
