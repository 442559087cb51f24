/**
 * End to end on a real Redis: fixture resumes (PDF, DOCX, TXT) go through
 * submit → parse (sandboxed) → extract → gate + score → shortlist, ranked; then labels →
 * retrain job → a new model version saved with its metrics, promoted or kept out.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { QueueEvents } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitResume, type SubmitResult } from "../../src/app/intake.ts";
import { RetrainResult } from "../../src/domain/jobs.ts";
import { createRedis } from "../../src/redis/connection.ts";
import { INITIAL_MODEL_VERSION } from "../../src/registry/models.ts";
import { startWorkers, type RunningWorkers } from "../../workers/run.ts";
import { FIXTURE_RESUMES } from "../fixtures/corpus.ts";
import { generateFixtures } from "../fixtures/generate.ts";
import { openTestSystem, waitFor, type TestSystem } from "../helpers/system.ts";

const POSTINGS = path.resolve("data/postings");
const SEED = "mle-recsys-phd-2026";

describe("pipeline end to end", () => {
  let sys: TestSystem;
  let workers: RunningWorkers;
  let files: { slug: string; file: string; format: string }[];
  let outDir: string;

  beforeAll(async () => {
    sys = openTestSystem();
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), "shortlist-fixtures-"));
    files = await generateFixtures(outDir);
    for (const f of fs.readdirSync(POSTINGS)) await sys.ctx.stores.postings.add(JSON.parse(fs.readFileSync(path.join(POSTINGS, f), "utf8")));
    workers = await startWorkers(sys.ctx, undefined, { schedule: false });
  });

  afterAll(async () => {
    await workers?.close();
    await sys?.cleanup();
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  const submit = (file: string, postingId = SEED) =>
    submitResume(
      { stores: sys.ctx.stores, queues: sys.ctx.queues, maxUploadBytes: sys.ctx.config.maxUploadBytes },
      { bytes: fs.readFileSync(file), fileName: path.basename(file), postingId },
    );

  it("turns every fixture resume into a ranked shortlist entry, once", async () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(new Set(files.map((f) => f.format))).toEqual(new Set(["pdf", "docx", "txt"]));
    const results: SubmitResult[] = [];
    for (const f of files) results.push(await submit(f.file));
    expect(results.every((r) => r.status === "queued")).toBe(true);
    // The same file again is the same application, not a second one.
    const again = await submit(files[0]!.file);
    expect(again).toMatchObject({ resumeId: results[0]!.resumeId, status: "duplicate" });

    await waitFor("all applications scored", async () => {
      const apps = await Promise.all(results.map((r) => sys.ctx.stores.applications.get(SEED, r.resumeId)));
      return apps.every((a) => a?.status === "scored" || a?.status === "failed");
    }, 90_000);

    const rows = await sys.ctx.stores.shortlist.top(SEED, 100);
    expect(rows).toHaveLength(files.length);
    expect(new Set(rows.map((r) => r.resumeId)).size).toBe(files.length);
    // Ranked: tiers never go up the list, and within a tier scores never increase.
    const tierOrder = { met: 2, unknown: 1, unmet: 0 } as const;
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      expect(tierOrder[a.tier]).toBeGreaterThanOrEqual(tierOrder[b.tier]);
      if (a.tier === b.tier) expect(a.score).toBeGreaterThanOrEqual(b.score);
    }
    for (const row of rows) {
      expect(row.gates.map((g) => g.id)).toEqual(["phd-in-progress-cs", "data-structures-algorithms", "hands-on-coding", "onboard-by-2026"]);
      expect(row.modelVersion).toBe(INITIAL_MODEL_VERSION);
      expect(row.explanation.length).toBeGreaterThan(0);
    }
    // Candidates with an unmet gate are kept, marked, and listed below the rest.
    const unmet = rows.filter((r) => r.tier === "unmet");
    expect(unmet.length).toBeGreaterThan(0);
    expect(rows.findIndex((r) => r.tier === "unmet")).toBeGreaterThan(rows.findLastIndex((r) => r.tier === "met"));
  });

  it("keeps one shortlist per posting", async () => {
    const some = files.slice(0, 5);
    for (const f of some) await submit(f.file, "data-mining-scientist-2026");
    await waitFor("second posting scored", async () => (await sys.ctx.stores.shortlist.size("data-mining-scientist-2026")) === some.length);
    expect(await sys.ctx.stores.shortlist.size(SEED)).toBe(files.length);
  });

  it("retrains on labelled outcomes and saves a new model version with its metrics", async () => {
    const rows = await sys.ctx.stores.shortlist.top(SEED, 100);
    const bySlug = new Map(files.map((f) => [path.basename(f.file), f.slug]));
    const expected = new Map(FIXTURE_RESUMES.map((r) => [r.slug, r.expected]));
    let minute = 0;
    for (const row of rows) {
      const truth = expected.get(bySlug.get(row.fileName) ?? "");
      const advance = Boolean(truth && truth.level === "phd" && truth.signals.machineLearning);
      await sys.ctx.stores.labels.record({
        resumeId: row.resumeId, postingId: SEED, outcome: advance ? "advance" : "reject",
        decidedAt: new Date(Date.UTC(2026, 10, 1, 9, minute++)).toISOString(), decidedBy: "test",
        rankShown: row.rank, modelVersion: row.modelVersion, score: row.score,
      });
    }
    const events = new QueueEvents("retrain", { connection: createRedis(sys.env.REDIS_URL!), prefix: sys.env.SHORTLIST_PREFIX });
    await events.waitUntilReady();
    try {
      const job = await sys.ctx.queues.retrain.add("retrain", { reason: "on_demand" });
      const result = RetrainResult.parse(await job.waitUntilFinished(events, 120_000));
      expect(result.modelVersion).not.toBe(INITIAL_MODEL_VERSION);
      const saved = JSON.parse(fs.readFileSync(path.join(sys.modelsDir, result.modelVersion, "metadata.json"), "utf8"));
      expect(saved.trainedOn.source).toBe("labels");
      expect(saved.metrics.validation.ndcgAt10).toBeGreaterThanOrEqual(0);
      const current = await sys.ctx.registry.current();
      if (result.promoted) {
        expect(current).toBe(result.modelVersion);
        const after = await sys.ctx.stores.shortlist.top(SEED, 100);
        expect(after).toHaveLength(rows.length);
        expect(after.every((r) => r.modelVersion === result.modelVersion)).toBe(true);
      } else {
        expect(current).toBe(INITIAL_MODEL_VERSION);
      }
    } finally {
      await events.close();
    }
  });
});
