import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { openContext, type AppContext } from "../../app/context.ts";
import { submitResume } from "../../app/intake.ts";
import { loadConfig, PROJECT_ROOT } from "../../config.ts";
import { log } from "../../log.ts";
import { redisAnswers } from "../../redis/connection.ts";
import { launchRedis, type LaunchedRedis } from "../../redis/launch.ts";
import { startWorkers } from "../../../workers/run.ts";
import { TokenStore } from "../../auth/tokens.ts";
import type { HttpServer } from "../../http/server.ts";
import { parsePort } from "./serve.ts";
import { CliError, EXIT } from "../output.ts";
import { onShutdown } from "../shutdown.ts";
import { expandPaths } from "./submit.ts";
import { shortlistTable } from "./top.ts";

const POSTINGS_DIR = path.join(PROJECT_ROOT, "data", "postings");
const SAMPLES_DIR = path.join(PROJECT_ROOT, "data", "samples");
const SEED_POSTING = "mle-recsys-phd-2026";

async function ensureRedis(url: string, explicit: boolean, varDir: string): Promise<LaunchedRedis | null> {
  if (await redisAnswers(url)) return null;
  if (explicit) throw new CliError(`REDIS_URL=${url} does not answer`, EXIT.unavailable);
  const { hostname, port } = new URL(url);
  log.info("no Redis answers: starting a local redis-server (append-only persistence)", { port, dir: path.join(varDir, "redis") });
  if (hostname !== "127.0.0.1" && hostname !== "localhost") throw new CliError(`cannot start a Redis on ${hostname}`, EXIT.unavailable);
  try {
    return await launchRedis({ port: Number(port || 6379), dir: path.join(varDir, "redis") });
  } catch (error) {
    throw new CliError((error as Error).message, EXIT.unavailable);
  }
}

/** On an empty store: the postings in data/postings and the sample resumes in data/samples. */
async function seedDemoData(ctx: AppContext): Promise<void> {
  if ((await ctx.stores.postings.list()).length > 0) return;
  for (const file of fs.readdirSync(POSTINGS_DIR).filter((f) => f.endsWith(".json")).sort()) {
    await ctx.stores.postings.add(JSON.parse(fs.readFileSync(path.join(POSTINGS_DIR, file), "utf8")));
  }
  const samples = fs.existsSync(SAMPLES_DIR) ? expandPaths([SAMPLES_DIR]) : [];
  for (const postingId of [SEED_POSTING, "data-mining-scientist-2026"]) {
    for (const file of samples) {
      await submitResume(
        { stores: ctx.stores, queues: ctx.queues, maxUploadBytes: ctx.config.maxUploadBytes },
        { bytes: fs.readFileSync(file), fileName: path.basename(file), postingId },
      );
    }
  }
  log.info("loaded demo data", { postings: (await ctx.stores.postings.list()).length, samples: samples.length });
}

/** Prints a posting's top 10 whenever its shortlist changes, at most every 500 ms per posting. */
async function printShortlistsAsTheyFill(ctx: AppContext): Promise<() => Promise<void>> {
  const subscriber = ctx.redis.duplicate();
  subscriber.on("error", () => {});
  const timers = new Map<string, NodeJS.Timeout>();
  await subscriber.subscribe(ctx.stores.keys.shortlistChannel());
  subscriber.on("message", (_channel, message: string) => {
    const { postingId } = JSON.parse(message) as { postingId: string };
    if (timers.has(postingId)) return;
    timers.set(postingId, setTimeout(async () => {
      timers.delete(postingId);
      const rows = await ctx.stores.shortlist.top(postingId, 10);
      const size = await ctx.stores.shortlist.size(postingId);
      process.stdout.write(`\n${postingId} — ${size} candidate(s), top ${rows.length}:\n`);
      shortlistTable(rows);
    }, 500));
  });
  return async () => {
    for (const t of timers.values()) clearTimeout(t);
    await subscriber.quit().catch(() => subscriber.disconnect());
  };
}

/** The HTTP service on the asked port, or on any free one when that is taken (a second `npm start`, another app). */
async function startHttp(ctx: AppContext, port: number): Promise<HttpServer> {
  const { startHttpServer } = await import("../../http/server.ts"); // lazily: see serve.ts
  try {
    return await startHttpServer(ctx, { port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    log.warn("HTTP port taken: using a free one", { port });
    return startHttpServer(ctx, { port: 0 });
  }
}

/** On first start (no admin token yet) one is created and printed once: it is stored only as a hash. */
async function firstAdminToken(ctx: AppContext): Promise<string | null> {
  const tokens = new TokenStore(ctx.redis, ctx.stores.keys);
  if (await tokens.hasAdmin()) return null;
  return (await tokens.create({ role: "admin", subject: "admin" })).token;
}

export function registerStart(program: Command): void {
  program
    .command("start")
    .description("the main job: Redis (started if none answers), all workers, demo data on an empty store, live shortlist")
    .option("--port <n>", "HTTP port of the API and the recruiters' page", "8080")
    .action(async (opts: { port: string }) => {
      const port = parsePort(opts.port);
      const config = loadConfig();
      const redis = await ensureRedis(config.redisUrl, config.redisUrlExplicit, config.varDir);
      const ctx = openContext({ ...config, redisUrl: redis?.url ?? config.redisUrl });
      const running = await startWorkers(ctx);
      const stopPrinting = await printShortlistsAsTheyFill(ctx);
      await seedDemoData(ctx);
      const http = await startHttp(ctx, port);
      const adminToken = await firstAdminToken(ctx);
      process.stdout.write(`shortlist is running (Redis ${redis ? `started at ${redis.url}, data in ${redis.dir}` : `at ${config.redisUrl}`}); Ctrl-C stops\n`);
      process.stdout.write(`recruiters' page and API: ${http.url}/  (API description: ${http.url}/openapi.json, queues: ${http.url}/admin/queues)\n`);
      if (adminToken) process.stdout.write(`first start: admin token (shown once, store it now): ${adminToken}\n`);
      await onShutdown(async () => {
        await http.close();
        await running.close();
        await stopPrinting();
        await ctx.close();
        await redis?.stop();
      });
    });
}
