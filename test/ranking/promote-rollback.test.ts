/**
 * Promotion and rollback (`shortlist models promote <version>` runs promoteModel): the pointer moves,
 * running score workers reload the model, open shortlists are rescored with it; promoting the old
 * version back restores its scores exactly. A broken version is refused before the pointer moves.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkers, type RunningWorkers } from "../../workers/run.ts";
import { promoteModel } from "../../src/app/rescore.ts";
import type { ShortlistRow } from "../../src/domain/shortlist.ts";
import { INITIAL_MODEL_VERSION } from "../../src/registry/models.ts";
import { openTestSystem, waitFor, type TestSystem } from "../helpers/system.ts";
import { copyModelVersion, loadPosting, seedShortlist, storeCandidates } from "./helpers.ts";

const posting = loadPosting();

describe("promote and roll back", () => {
  let sys: TestSystem;
  let workers: RunningWorkers;
  let before: ShortlistRow[];
  const V2 = "v0002-promote-test";

  beforeAll(async () => {
    sys = openTestSystem();
    await seedShortlist(sys, posting, 12, 5);
    before = await sys.ctx.stores.shortlist.top(posting.id, 100);
    copyModelVersion(sys.modelsDir, V2, 1.5);
    workers = await startWorkers(sys.ctx, ["score"], { schedule: false });
  });
  afterAll(async () => {
    await workers?.close();
    await sys?.cleanup();
  });

  /** Scores one more application through the score queue until the worker serves `version`. */
  async function scoredByWorker(version: string, seed: number): Promise<void> {
    const [extra] = await storeCandidates(sys.ctx.stores, posting, 1, seed);
    const resumeId = extra!.profile.resumeId;
    await waitFor(`the score worker to serve ${version}`, async () => {
      // A fresh job id each try: the worker reloads on the promotion message, asynchronously.
      await sys.ctx.queues.score.add("score", { resumeId, postingId: posting.id }, { jobId: `t-${Date.now()}-${Math.random()}` });
      const entry = await waitFor("the score job", () => sys.ctx.stores.shortlist.entry(posting.id, resumeId).then((e) => e && e.scoredAt > startedAt && e));
      startedAt = entry.scoredAt;
      return entry.modelVersion === version;
    });
  }
  let startedAt = "";

  it("promotes: pointer, rescored lists (same order, new scores) and the score worker's model", async () => {
    const { rescored } = await promoteModel(sys.ctx.stores, sys.ctx.registry, V2);
    expect(rescored).toBe(before.length);
    expect(await sys.ctx.registry.current()).toBe(V2);
    const after = await sys.ctx.stores.shortlist.top(posting.id, 100);
    expect(after.every((r) => r.modelVersion === V2)).toBe(true);
    expect(after.map((r) => r.resumeId)).toEqual(before.map((r) => r.resumeId)); // calibration shift keeps the order
    expect(after[0]!.score).toBeGreaterThan(before[0]!.score);
    expect(after.slice(0, 10).every((r) => r.explanation.length > 0)).toBe(true);
    expect((await sys.ctx.registry.list()).find((m) => m.current)?.version).toBe(V2);
    await scoredByWorker(V2, 101);
  });

  it("rolls back to the previous version with its exact scores", async () => {
    await promoteModel(sys.ctx.stores, sys.ctx.registry, INITIAL_MODEL_VERSION);
    expect(await sys.ctx.registry.current()).toBe(INITIAL_MODEL_VERSION);
    const back = await sys.ctx.stores.shortlist.top(posting.id, 100); // plus the application scored above
    const byId = new Map(back.map((r) => [r.resumeId, r]));
    for (const r of before) {
      expect(byId.get(r.resumeId)!.modelVersion).toBe(INITIAL_MODEL_VERSION);
      expect(byId.get(r.resumeId)!.score).toBeCloseTo(r.score, 6);
    }
    await scoredByWorker(INITIAL_MODEL_VERSION, 102);
  });

  it("refuses an unknown or broken version and keeps serving the current one", async () => {
    await expect(promoteModel(sys.ctx.stores, sys.ctx.registry, "v9999-missing")).rejects.toThrow(/v9999-missing not found/);
    const broken = copyModelVersion(sys.modelsDir, "v0003-broken", 0);
    fs.writeFileSync(path.join(sys.modelsDir, broken, "weights.bin"), Buffer.alloc(16));
    await expect(promoteModel(sys.ctx.stores, sys.ctx.registry, broken)).rejects.toThrow(/too short/);
    expect(await sys.ctx.registry.current()).toBe(INITIAL_MODEL_VERSION);
  });
});
