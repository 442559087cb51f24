/**
 * Helpers of the fault suite: a system on any Redis (the private one, a restartable one, a
 * cluster), worker *processes* spawned like an operator would, and the exactly-once check.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { openContext, type AppContext } from "../../src/app/context.ts";
import { submitResume } from "../../src/app/intake.ts";
import { loadConfig, PROJECT_ROOT } from "../../src/config.ts";
import { INITIAL_MODEL_VERSION } from "../../src/registry/models.ts";
import { goodResume } from "./hostile-corpus.ts";

export const POSTING = "mle-recsys-phd-2026";

export interface FaultSystem {
  ctx: AppContext;
  env: Record<string, string>;
  close(options?: { deleteKeys?: boolean }): Promise<void>;
}

/** Fast stall recovery: a killed worker's jobs are taken over within a few seconds. */
export const FAST_STALL_ENV = { SHORTLIST_LOCK_DURATION_MS: "3000", SHORTLIST_STALLED_INTERVAL_MS: "1000" };

export async function openFaultSystem(redisUrl: string, extraEnv: Record<string, string> = {}): Promise<FaultSystem> {
  const modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), "shortlist-fault-models-"));
  fs.cpSync(path.join(PROJECT_ROOT, "models", INITIAL_MODEL_VERSION), path.join(modelsDir, INITIAL_MODEL_VERSION), { recursive: true });
  const env: Record<string, string> = {
    REDIS_URL: redisUrl,
    SHORTLIST_PREFIX: `{f-${randomUUID().slice(0, 8)}}`,
    SHORTLIST_MODELS_DIR: modelsDir,
    SHORTLIST_PARSE_CONCURRENCY: "2",
    ...extraEnv,
  };
  Object.assign(process.env, env); // sandboxed children inherit it
  const ctx = openContext(loadConfig({ ...process.env, ...env }));
  await ctx.stores.postings.add(JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "data/postings", `${POSTING}.json`), "utf8")));
  return {
    ctx,
    env,
    async close({ deleteKeys = true } = {}) {
      if (deleteKeys) {
        const keys = await ctx.redis.keys(`${env.SHORTLIST_PREFIX}:*`);
        for (let i = 0; i < keys.length; i += 500) await ctx.redis.del(...keys.slice(i, i + 500));
      }
      await ctx.close();
      fs.rmSync(modelsDir, { recursive: true, force: true });
    },
  };
}

export function submit(ctx: AppContext, bytes: Uint8Array, fileName: string) {
  return submitResume({ stores: ctx.stores, queues: ctx.queues, maxUploadBytes: ctx.config.maxUploadBytes }, { bytes, fileName, postingId: POSTING });
}

/** Submits `count` distinct good resumes; returns their resume ids. */
export async function submitGood(ctx: AppContext, count: number, from = 0): Promise<string[]> {
  const ids: string[] = [];
  for (let i = from; i < from + count; i++) ids.push((await submit(ctx, goodResume(i), `resume-${i}.txt`)).resumeId);
  return ids;
}

export async function statusCounts(ctx: AppContext, resumeIds: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const pipeline = ctx.redis.pipeline();
  for (const id of resumeIds) pipeline.hget(ctx.stores.keys.application(POSTING, id), "status");
  for (const [, status] of (await pipeline.exec()) ?? []) counts[String(status)] = (counts[String(status)] ?? 0) + 1;
  return counts;
}

/** Shortlist, entries and applications each hold exactly these resumes, once; their score jobs completed once. */
export async function expectExactlyOnce(ctx: AppContext, resumeIds: readonly string[]): Promise<void> {
  const unique = [...new Set(resumeIds)].sort();
  expect(unique).toHaveLength(resumeIds.length);
  const members = await ctx.redis.zrange(ctx.stores.keys.shortlist(POSTING), 0, -1);
  expect(members).toHaveLength(unique.length);
  expect([...members].sort()).toEqual(unique);
  expect(await ctx.redis.hlen(ctx.stores.keys.entries(POSTING))).toBe(unique.length);
  expect(await ctx.stores.applications.resumeIds(POSTING)).toHaveLength(unique.length);
  expect(await ctx.queues.score.getCompletedCount()).toBe(unique.length);
  expect(await ctx.queues.score.getFailedCount()).toBe(0);
  expect(await ctx.queues.parse.getFailedCount()).toBe(0);
}

export { killHard, processTree, spawnWorker, stopWorker, treeRssMb } from "./processes.ts";
