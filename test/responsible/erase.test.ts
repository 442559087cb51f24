/**
 * Erasure and retention over the private Redis: after `eraseResume` nothing under the system's
 * prefix names or contains the resume id or the candidate's e-mail, apart from a salted-hash record.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enforceApplicationLimit } from "../../src/app/application-limit.ts";
import { recordDecision } from "../../src/app/decisions.ts";
import { eraseResume, erasures, resumesByEmail } from "../../src/app/erase.ts";
import { dueForErasure, MAINTENANCE_QUEUE, RETENTION_SCHEDULER_ID, scheduleRetention, sweepRetention } from "../../src/app/retention.ts";
import { applicationJobId } from "../../src/queue/queues.ts";
import { makeProfile } from "../helpers/profiles.ts";
import { openTestSystem, type TestSystem } from "../helpers/system.ts";

const SEED = JSON.parse(fs.readFileSync(path.resolve("data/postings/mle-recsys-phd-2026.json"), "utf8"));
const DAY = 24 * 3600 * 1000;
const id = (n: number) => `e${n.toString(16).padStart(63, "0")}`;

describe("erasure", () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = openTestSystem();
    await sys.ctx.stores.postings.add({ ...SEED, id: "open-role" });
    await sys.ctx.stores.postings.add({ ...SEED, id: "closed-role", status: "closed" });
  });
  afterAll(async () => sys?.cleanup());

  /** A resume the whole way through: bytes, profile, applications, limit index, shortlist, label, decision log, jobs. */
  async function seed(resumeId: string, email: string, postings: string[], appliedAtMs = Date.now()) {
    const { stores, queues } = sys.ctx;
    const profile = makeProfile({ resumeId, contact: { name: "Rae Quill", email, phone: null } });
    await sys.ctx.redis.set(stores.keys.blob(resumeId), `bytes of ${email}`);
    await stores.resumes.saveParsed(resumeId, { text: `Rae Quill ${email}`, format: "txt", pages: 1, profile });
    for (const postingId of postings) {
      await stores.applications.create(postingId, resumeId, "rae.pdf");
      await sys.ctx.redis.zadd(stores.keys.applications(postingId), appliedAtMs, resumeId);
      await enforceApplicationLimit({ stores, scoreQueue: { add: async () => undefined } }, { postingId, resumeId }, profile);
      await stores.shortlist.upsert({ resumeId, postingId, score: 0.7, tier: "met", gates: [], name: "Rae Quill", fileName: "rae.pdf",
        modelVersion: "v0001-initial", explanation: [{ feature: "x", label: "x", contribution: 0.1, evidence: `Rae Quill ${email}` }],
        appliedAt: new Date(appliedAtMs).toISOString(), scoredAt: new Date().toISOString() });
      await recordDecision(sys.ctx, { resumeId, postingId, outcome: "advance" }, "recruiter-1");
      await queues.parse.add("parse", { resumeId, postingId }, { jobId: applicationJobId(postingId, resumeId), delay: 60_000 });
    }
  }

  /** Every key name and value under this system's prefix that mentions `needle`. */
  async function mentions(needle: string): Promise<string[]> {
    const found: string[] = [];
    for (const key of await sys.ctx.redis.keys(`${sys.env.SHORTLIST_PREFIX}:*`)) {
      const type = await sys.ctx.redis.type(key);
      const dump = type === "string" ? await sys.ctx.redis.get(key)
        : type === "hash" ? JSON.stringify(await sys.ctx.redis.hgetall(key))
        : type === "list" ? JSON.stringify(await sys.ctx.redis.lrange(key, 0, -1))
        : type === "zset" ? JSON.stringify(await sys.ctx.redis.zrange(key, 0, -1))
        : type === "set" ? JSON.stringify(await sys.ctx.redis.smembers(key)) : "";
      if (key.includes(needle) || dump?.includes(needle)) found.push(key);
    }
    return found;
  }

  it("removes the resume everywhere and records only a salted hash", async () => {
    const keep = id(1);
    const gone = id(2);
    await seed(keep, "keep@example.org", ["open-role"]);
    await seed(gone, "rae.quill@example.org", ["open-role", "closed-role"]);
    expect((await mentions(gone)).length).toBeGreaterThan(5);

    const result = await eraseResume({ stores: sys.ctx.stores, queues: sys.ctx.queues }, gone);
    expect(result).toMatchObject({ existed: true, applications: 2, labels: 2, decisionLogLines: 2 });
    expect(await mentions(gone)).toEqual([]);
    expect(await mentions("rae.quill")).toEqual([]);
    expect(await sys.ctx.stores.labels.all()).toHaveLength(1); // later retrains never see the erased label
    const records = await erasures(sys.ctx.stores);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ reason: "request", subject: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(JSON.stringify(records)).not.toContain(gone);
    // The other candidate is untouched.
    expect(await sys.ctx.stores.shortlist.entry("open-role", keep)).not.toBeNull();
    expect((await sys.ctx.redis.lrange(sys.ctx.stores.keys.decisionLog(), 0, -1)).join()).toContain(keep);
  });

  it("finds a candidate's resumes by e-mail", async () => {
    await seed(id(3), "Sol@Example.org", ["open-role"]);
    expect(await resumesByEmail(sys.ctx.stores, "sol@example.org")).toEqual([id(3)]);
    expect(await resumesByEmail(sys.ctx.stores, "nobody@example.org")).toEqual([]);
  });

  it("erases by retention only resumes whose every application is on a closed posting and old enough", async () => {
    const now = Date.now();
    await seed(id(10), "old-closed@example.org", ["closed-role"], now - 400 * DAY);
    await seed(id(11), "old-mixed@example.org", ["closed-role", "open-role"], now - 400 * DAY);
    await seed(id(12), "new-closed@example.org", ["closed-role"], now - 10 * DAY);
    const erased = await sweepRetention({ stores: sys.ctx.stores, queues: sys.ctx.queues }, 365, now);
    expect(erased).toEqual([id(10)]);
    expect(await sys.ctx.stores.resumes.profile(id(10))).toBeNull();
    expect(await sys.ctx.stores.resumes.profile(id(11))).not.toBeNull();
    expect((await erasures(sys.ctx.stores)).at(-1)?.reason).toBe("retention");
  });

  it("decides what is due purely from posting status and apply time", () => {
    const apps = new Map([
      ["a", [{ postingOpen: false, appliedAtMs: 0 }]],
      ["b", [{ postingOpen: true, appliedAtMs: 0 }]],
      ["c", [{ postingOpen: false, appliedAtMs: 9 * DAY }]],
    ]);
    expect(dueForErasure(apps, 5, 10 * DAY)).toEqual(["a"]);
  });

  it("registers the daily retention job scheduler on the maintenance queue", async () => {
    // A queue only: a worker started and closed at once races its own shutdown (an unhandled "Connection is
    // closed" once under full-suite load). The maintenance worker itself runs in every startWorkers test.
    const { Queue } = await import("bullmq");
    const q = new Queue(MAINTENANCE_QUEUE, { connection: sys.ctx.redis, prefix: sys.ctx.config.prefix });
    try {
      await scheduleRetention(q);
      await scheduleRetention(q); // idempotent
      const schedulers = await q.getJobSchedulers();
      expect(schedulers.map((s) => s.key)).toEqual([RETENTION_SCHEDULER_ID]);
      expect(schedulers[0]).toMatchObject({ pattern: expect.any(String) });
    } finally {
      await q.close();
    }
  });
});
