/**
 * A retrain killed midway (SIGKILL of the sandboxed retrain child while it trains) leaves the serving
 * pointer, the serving model's files and every shortlist exactly as they were. The child's pid comes
 * from the job's progress, which the retrain processor reports with each stage.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkers, type RunningWorkers } from "../../workers/run.ts";
import type { LabelledOutcome } from "../../src/domain/label.ts";
import { FINE_TUNE_DENSE_FROM } from "../../src/model/train.ts";
import { INITIAL_MODEL_VERSION } from "../../src/registry/models.ts";
import { openTestSystem, waitFor, type TestSystem } from "../helpers/system.ts";
import { loadPosting, seedShortlist, storeCandidates } from "./helpers.ts";

const posting = loadPosting();
/**
 * Labels: enough for the full mini-batch training (≥ FINE_TUNE_DENSE_FROM in the 80% train split), which
 * runs for several epochs after the first one is reported; a smaller set is fitted as a correction in
 * well under a second, too fast to be killed midway.
 */
const LABELS = Math.ceil(FINE_TUNE_DENSE_FROM / 0.8) + 100;

function hashDir(dir: string): string {
  const h = createHash("sha256");
  for (const f of fs.readdirSync(dir).sort()) h.update(f).update(fs.readFileSync(path.join(dir, f)));
  return h.digest("hex");
}

describe("a retrain killed while training", () => {
  let sys: TestSystem;
  let workers: RunningWorkers | null = null;

  beforeAll(async () => {
    sys = openTestSystem();
    await seedShortlist(sys, posting, 10, 21);
    const sims = await storeCandidates(sys.ctx.stores, posting, LABELS, 22);
    for (const [i, s] of sims.entries()) {
      const label: LabelledOutcome = {
        resumeId: s.profile.resumeId, postingId: posting.id, outcome: s.outcome, decidedBy: "test",
        decidedAt: new Date(Date.UTC(2026, 2, 1) + i * 60_000).toISOString(), rankShown: (i % 20) + 1, modelVersion: null, score: null,
      };
      await sys.ctx.stores.labels.record(label);
    }
  });
  afterAll(async () => {
    await workers?.close();
    await sys?.cleanup();
  });

  it("leaves the serving model and the shortlists intact", async () => {
    const servingDir = sys.ctx.registry.dir(INITIAL_MODEL_VERSION);
    const before = {
      current: await sys.ctx.registry.current(),
      files: hashDir(servingDir),
      versions: fs.readdirSync(sys.modelsDir).sort(),
      shortlist: await sys.ctx.stores.shortlist.top(posting.id, 100),
    };
    workers = await startWorkers(sys.ctx, ["retrain"], { schedule: false });
    // One attempt: the point is what a crash leaves behind, not the retry (which would retrain).
    const job = await sys.ctx.queues.retrain.add("retrain", { reason: "on_demand" }, { attempts: 1 });
    const progress = await waitFor("the retrain child to finish its first training epoch", async () => {
      const p = (await Job.fromId(sys.ctx.queues.retrain, job.id!))?.progress as { stage?: string; epoch?: number; pid?: number } | undefined;
      return p?.stage === "training" && p.epoch !== undefined && p.pid ? p : null;
    }, 120_000);
    expect(progress.pid).not.toBe(process.pid); // the sandboxed child, not this process
    process.kill(progress.pid!, "SIGKILL");

    const failed = await waitFor("the job to fail", async () => {
      const j = await Job.fromId(sys.ctx.queues.retrain, job.id!);
      return j && (await j.getState()) === "failed" ? j : null;
    });
    expect(failed.failedReason).toMatch(/exit|SIGKILL|signal/i);
    // Killed before saving: the last stage it reported was training.
    expect((failed.progress as { stage: string }).stage).toBe("training");

    expect(await sys.ctx.registry.current()).toBe(before.current);
    expect(hashDir(servingDir)).toBe(before.files);
    expect(fs.readdirSync(sys.modelsDir).sort()).toEqual(before.versions);
    expect(await sys.ctx.stores.shortlist.top(posting.id, 100)).toEqual(before.shortlist);
    // And the system still serves: the current model loads.
    const { loadRanker } = await import("../../src/model/store.ts");
    expect((await loadRanker(servingDir)).version).toBe(INITIAL_MODEL_VERSION);
  }, 180_000);
});
