/**
 * The bench's own Redis (a private redis-server on a free port, no persistence, a temp dir: never
 * 127.0.0.1:6379) and per-section contexts under bench-only key prefixes that are deleted after.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { openContext, type AppContext } from "../../src/app/context.ts";
import { loadConfig, PROJECT_ROOT } from "../../src/config.ts";
import { freePort, launchRedis, type LaunchedRedis } from "../../src/redis/launch.ts";

export interface BenchSystem {
  redis: LaunchedRedis;
  workDir: string;
  /** A context under a fresh bench-only prefix, with the repository's postings loaded. */
  open(label: string): Promise<BenchContext>;
  stop(): Promise<void>;
}

export interface BenchContext {
  ctx: AppContext;
  env: Record<string, string>;
  /** Deletes every key under this context's prefix (UNLINK: freed in the background) and closes it. */
  dispose(): Promise<void>;
}

export async function startBenchSystem(workDir: string): Promise<BenchSystem> {
  const redis = await launchRedis({ port: await freePort(), dir: path.join(workDir, "redis"), appendOnly: false });
  return {
    redis,
    workDir,
    async open(label) {
      const env = {
        REDIS_URL: redis.url,
        SHORTLIST_PREFIX: `{bench-${label}-${randomUUID().slice(0, 6)}}`,
        LOG_LEVEL: "warn",
      };
      const ctx = openContext(loadConfig({ ...process.env, ...env }));
      const postingsDir = path.join(PROJECT_ROOT, "data", "postings");
      for (const f of fs.readdirSync(postingsDir).filter((n) => n.endsWith(".json"))) {
        await ctx.stores.postings.add(JSON.parse(fs.readFileSync(path.join(postingsDir, f), "utf8")));
      }
      return {
        ctx,
        env,
        async dispose() {
          let cursor = "0";
          do {
            const [next, keys] = await ctx.redis.scan(cursor, "MATCH", `${env.SHORTLIST_PREFIX}:*`, "COUNT", 1000);
            cursor = next;
            if (keys.length > 0) await ctx.redis.unlink(...keys);
          } while (cursor !== "0");
          await ctx.close();
        },
      };
    },
    async stop() {
      await redis.stop();
    },
  };
}
