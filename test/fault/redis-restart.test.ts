/**
 * (c) Redis restarted (SIGTERM, then started again on the same port and directory, append-only
 * persistence on) during a batch of 200 resumes: the workers reconnect by themselves and every
 * accepted application ends on the shortlist exactly once.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, launchRedis, redisServerBinary, type LaunchedRedis } from "../../src/redis/launch.ts";
import { startWorkers, type RunningWorkers } from "../../workers/run.ts";
import { waitFor } from "../helpers/system.ts";
import { expectExactlyOnce, FAST_STALL_ENV, openFaultSystem, statusCounts, submitGood, type FaultSystem } from "./system.ts";

const BATCH = 200;

describe.skipIf(!redisServerBinary())("Redis restarted mid-batch", () => {
  let dir: string;
  let redis: LaunchedRedis;
  let sys: FaultSystem;
  let workers: RunningWorkers;
  let ids: string[] = [];
  let scoredBeforeRestart = 0;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "shortlist-restart-redis-"));
    const port = await freePort();
    redis = await launchRedis({ port, dir, appendOnly: true });
    sys = await openFaultSystem(redis.url, FAST_STALL_ENV);
    ids = await submitGood(sys.ctx, BATCH);
    workers = await startWorkers(sys.ctx, ["parse", "score"], { schedule: false });
    await waitFor("a fifth of the batch scored", async () => ((await statusCounts(sys.ctx, ids)).scored ?? 0) >= BATCH / 5, 180_000);
    await redis.stop(); // SIGTERM: redis-server flushes the append-only file and exits
    await new Promise((r) => setTimeout(r, 500));
    redis = await launchRedis({ port, dir, appendOnly: true });
    scoredBeforeRestart = (await statusCounts(sys.ctx, ids)).scored ?? 0;
    await waitFor("the whole batch scored", async () => (await statusCounts(sys.ctx, ids)).scored === BATCH, 240_000);
  }, 480_000);

  afterAll(async () => {
    await workers?.close();
    await sys?.close({ deleteKeys: false });
    await redis?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("restarted with work left, keeping what was accepted", () => {
    expect(scoredBeforeRestart).toBeGreaterThanOrEqual(BATCH / 5);
    expect(scoredBeforeRestart).toBeLessThan(BATCH);
  });

  it("has all 200 on the shortlist exactly once", async () => {
    await expectExactlyOnce(sys.ctx, ids);
  });
});
