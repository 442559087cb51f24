/**
 * The application limit over the private Redis: a candidate (same e-mail, phone or file) holds at
 * most N active applications across postings, in apply order, whatever order the parses finish in.
 * The parse stage is run for real (parseApplication) with a stub reader and a recording score queue.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enforceApplicationLimit } from "../../src/app/application-limit.ts";
import { recordDecision } from "../../src/app/decisions.ts";
import { parseApplication } from "../../src/app/parse-application.ts";
import type { ScoreJob } from "../../src/domain/jobs.ts";
import type { ShortlistEntry } from "../../src/domain/shortlist.ts";
import { makeProfile } from "../helpers/profiles.ts";
import { openTestSystem, type TestSystem } from "../helpers/system.ts";

const SEED = JSON.parse(fs.readFileSync(path.resolve("data/postings/mle-recsys-phd-2026.json"), "utf8"));
const POSTINGS = ["p-a", "p-b", "p-c", "p-d", "p-e", "p-f"];
const id = (n: number) => n.toString(16).padStart(64, "0");

describe("application limit (N = 2 across the organisation's postings)", () => {
  let sys: TestSystem;
  let next = 1;
  const enqueued: { data: ScoreJob; jobId: string | undefined }[] = [];
  const scoreQueue = { add: async (_name: string, data: ScoreJob, opts?: { jobId?: string }) => void enqueued.push({ data, jobId: opts?.jobId }) };

  beforeAll(async () => {
    sys = openTestSystem();
    for (const p of POSTINGS) await sys.ctx.stores.postings.add({ ...SEED, id: p });
  });
  afterAll(async () => sys?.cleanup());

  /** Uploads one file for one candidate (bytes differ per call: a new resume id) at a given apply time. */
  async function apply(postingId: string, contact: { email?: string; phone?: string }, appliedAt: number, resumeId = id(next++)) {
    await sys.ctx.redis.hset(sys.ctx.stores.keys.resume(resumeId), "fileName", `${resumeId.slice(-4)}.pdf`);
    await sys.ctx.redis.set(sys.ctx.stores.keys.blob(resumeId), "bytes");
    await sys.ctx.redis.zadd(sys.ctx.stores.keys.applications(postingId), appliedAt, resumeId);
    await sys.ctx.redis.hset(sys.ctx.stores.keys.application(postingId, resumeId), {
      postingId, resumeId, fileName: "cv.pdf", status: "queued", appliedAt: new Date(appliedAt).toISOString(), updatedAt: new Date().toISOString(),
    });
    const profile = makeProfile({ resumeId, contact: { name: "Sam Doe", email: contact.email ?? null, phone: contact.phone ?? null } });
    return { postingId, resumeId, profile };
  }

  async function parse(app: Awaited<ReturnType<typeof apply>>) {
    const read = async () => ({ text: "resume", format: "txt", pages: 1, profile: app.profile });
    await parseApplication({ stores: sys.ctx.stores, scoreQueue: scoreQueue as never, limits: { maxPages: 5, maxBytes: 1e6 }, read }, app);
    return sys.ctx.stores.applications.get(app.postingId, app.resumeId);
  }

  const status = async (a: { postingId: string; resumeId: string }) => (await sys.ctx.stores.applications.get(a.postingId, a.resumeId))?.status;
  const wasEnqueued = (a: { postingId: string; resumeId: string }) => enqueued.some((e) => e.data.resumeId === a.resumeId && e.data.postingId === a.postingId);

  it("records the third application in apply order as over_application_limit, with the postings that count, and never scores it", async () => {
    const t = Date.now();
    const a = await apply("p-a", { email: "Ann@Example.org" }, t);
    const b = await apply("p-b", { email: "ann@example.org " }, t + 1);
    const c = await apply("p-c", { email: "ann@example.org" }, t + 2);
    expect((await parse(a))?.status).toBe("parsed");
    expect((await parse(b))?.status).toBe("parsed");
    const over = await parse(c);
    expect(over).toMatchObject({ status: "over_application_limit", countedPostings: "p-a,p-b" });
    expect(wasEnqueued(a) && wasEnqueued(b)).toBe(true);
    expect(wasEnqueued(c)).toBe(false);
    expect((await sys.ctx.stores.applications.heldBack("p-c")).map((x) => x.resumeId)).toEqual([c.resumeId]);
    // A retried parse job gives the same answer and enqueues nothing new.
    const before = enqueued.length;
    expect((await parse(c))?.status).toBe("over_application_limit");
    expect(enqueued.length).toBe(before);
  });

  it("judges by apply order even when the earliest application is parsed last, taking the displaced one off its shortlist", async () => {
    const t = Date.now() + 1000;
    const a = await apply("p-a", { phone: "+15550001111" }, t);
    const b = await apply("p-b", { phone: "+15550001111", email: "bo@example.org" }, t + 1);
    const c = await apply("p-c", { email: "bo@example.org" }, t + 2);
    await parse(c);
    await parse(b);
    // c was scored onto its shortlist before a (applied first) finished parsing.
    const entry = { resumeId: c.resumeId, postingId: "p-c", score: 0.5, tier: "met", gates: [], name: null, fileName: "cv.pdf",
      modelVersion: "v0001-initial", explanation: [], appliedAt: new Date(t + 2).toISOString(), scoredAt: new Date().toISOString() } satisfies ShortlistEntry;
    await sys.ctx.stores.shortlist.upsert(entry);
    await sys.ctx.stores.applications.setStatus("p-c", c.resumeId, "scored");
    // a links to b by phone; b links to c by e-mail: the one-hop union from b sees all three.
    await parse(a);
    await enforceApplicationLimit({ stores: sys.ctx.stores, scoreQueue }, b, b.profile);
    expect(await status(a)).toBe("parsed");
    expect(await status(b)).toBe("parsed");
    expect(await status(c)).toBe("over_application_limit");
    expect(await sys.ctx.stores.shortlist.entry("p-c", c.resumeId)).toBeNull();
  });

  it("treats the same file sent to several postings as one candidate", async () => {
    const t = Date.now() + 2000;
    const rid = id(next++);
    const apps = [await apply("p-d", {}, t, rid), await apply("p-e", {}, t + 1, rid), await apply("p-f", {}, t + 2, rid)];
    for (const a of apps) await parse(a);
    expect(await Promise.all(apps.map(status))).toEqual(["parsed", "parsed", "over_application_limit"]);
  });

  it("lets a new version of the resume to the same posting replace the old one instead of counting twice", async () => {
    const t = Date.now() + 3000;
    const v1 = await apply("p-a", { email: "cy@example.org" }, t);
    const other = await apply("p-b", { email: "cy@example.org" }, t + 1);
    const v2 = await apply("p-a", { email: "cy@example.org" }, t + 2);
    for (const a of [v1, other, v2]) await parse(a);
    expect(await status(v1)).toBe("superseded");
    expect((await sys.ctx.stores.applications.get("p-a", v1.resumeId))?.supersededBy).toBe(v2.resumeId);
    expect(await status(v2)).toBe("parsed");
    expect(await status(other)).toBe("parsed");
  });

  it("frees a slot on withdrawal and promotes the next application in apply order", async () => {
    const t = Date.now() + 4000;
    const apps: Awaited<ReturnType<typeof apply>>[] = [];
    for (const [i, p] of ["p-a", "p-b", "p-c", "p-d"].entries()) apps.push(await apply(p, { email: "dee@example.org" }, t + i));
    for (const a of apps) await parse(a);
    expect(await Promise.all(apps.map(status))).toEqual(["parsed", "parsed", "over_application_limit", "over_application_limit"]);
    await recordDecision({ ...sys.ctx, queues: { ...sys.ctx.queues, score: scoreQueue } } as never,
      { resumeId: apps[0]!.resumeId, postingId: "p-a", outcome: "withdrawn" }, "test");
    expect(await Promise.all(apps.map(status))).toEqual(["parsed", "parsed", "parsed", "over_application_limit"]);
    expect(wasEnqueued(apps[2]!)).toBe(true);
    expect(enqueued.find((e) => e.data.resumeId === apps[2]!.resumeId)?.jobId).toMatch(/\.promoted-\d+$/);
    expect((await sys.ctx.stores.applications.get("p-d", apps[3]!.resumeId))?.countedPostings).toBe("p-b,p-c");
  });

  it("admits exactly N when several workers check the same candidate at once", async () => {
    const t = Date.now() + 5000;
    const apps: Awaited<ReturnType<typeof apply>>[] = [];
    for (const [i, p] of POSTINGS.entries()) apps.push(await apply(p, { email: "eve@example.org" }, t + i));
    await Promise.all(apps.map((a) => parse(a)));
    await Promise.all(apps.map((a) => parse(a))); // and again, as retries
    expect(await Promise.all(apps.map(status))).toEqual(["parsed", "parsed", ...Array(4).fill("over_application_limit")]);
  });
});
