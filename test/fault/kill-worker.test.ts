/**
 * (b) kill -9 of a worker process during a batch of 200 resumes: the jobs it held are stalled,
 * a second worker takes them over once their locks expire (lowered via config so the test is
 * quick), and every application ends on the shortlist exactly once. Decisions recorded twice
 * (a client retrying after a timeout) stay one label per application.
 */
import { inject, afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChildProcess } from "node:child_process";
import { recordDecision } from "../../src/app/decisions.ts";
import { waitFor } from "../helpers/system.ts";
import { expectExactlyOnce, FAST_STALL_ENV, openFaultSystem, POSTING, processTree, spawnWorker, statusCounts, stopWorker, submitGood, type FaultSystem } from "./system.ts";

const BATCH = 200;

describe("a worker killed with SIGKILL mid-batch", () => {
  let sys: FaultSystem;
  const workers: ChildProcess[] = [];
  let ids: string[] = [];
  let activeAtKill: string[] = [];
  let orphans: number[] = [];
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  beforeAll(async () => {
    sys = await openFaultSystem(inject("redisUrl"), FAST_STALL_ENV);
    ids = await submitGood(sys.ctx, BATCH);
    workers.push(spawnWorker(sys.env));
    await waitFor("a fifth of the batch scored", async () => ((await statusCounts(sys.ctx, ids)).scored ?? 0) >= BATCH / 5, 180_000);
    activeAtKill = [...(await sys.ctx.queues.parse.getActive()), ...(await sys.ctx.queues.score.getActive())].map((j) => String(j.id));
    const victim = workers[0]!.pid!;
    orphans = processTree(victim).filter((p) => p !== victim); // its sandboxed parse children
    process.kill(victim, "SIGKILL"); // only the worker: its children must notice and go
    workers.push(spawnWorker(sys.env));
    await waitFor("the whole batch scored", async () => (await statusCounts(sys.ctx, ids)).scored === BATCH, 240_000);
  }, 480_000);

  afterAll(async () => {
    for (const w of workers) await stopWorker(w);
    await sys?.close();
  });

  it("was killed with work in hand and work left", async () => {
    expect(workers[0]!.signalCode ?? workers[0]!.exitCode).toBe("SIGKILL");
    expect(activeAtKill.length).toBeGreaterThan(0);
  });

  it("leaves no orphaned sandbox children behind", async () => {
    expect(orphans.length).toBeGreaterThan(0);
    await waitFor("the dead worker's children exited", async () => orphans.every((p) => !alive(p)), 30_000);
  });

  it("finishes the jobs the dead worker held", async () => {
    for (const id of activeAtKill) {
      expect(await sys.ctx.stores.applications.get(POSTING, id.split(".").pop()!)).toMatchObject({ status: "scored" });
    }
  });

  it("has all 200 on the shortlist exactly once", async () => {
    await expectExactlyOnce(sys.ctx, ids);
  });

  it("keeps one label per application when a decision is sent twice", async () => {
    for (const resumeId of ids.slice(0, 20)) {
      const line = { resumeId, postingId: POSTING, outcome: "advance" as const, decidedAt: "2026-11-20T10:00:00.000Z" };
      await recordDecision(sys.ctx, line, "test");
      await recordDecision(sys.ctx, line, "test");
    }
    expect(await sys.ctx.stores.labels.all()).toHaveLength(20);
  });
});
