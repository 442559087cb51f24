/**
 * The shortlist's hot read path (issue 5): no zod on reads (entries are validated when written), rank
 * order, offsets, a clear error for a stored entry that is not one, and the read caches (the last
 * page's ids sent ahead, decoded entries reused) never returning anything but what is stored now.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShortlistEntry } from "../../src/domain/shortlist.ts";
import { CorruptEntryError } from "../../src/store/shortlist.ts";
import { readShortlistPage } from "../../src/store/shortlist-page.ts";
import { openTestSystem, type TestSystem } from "../helpers/system.ts";

const POSTING = "bench-read-posting";

function entry(i: number, score: number, tier: ShortlistEntry["tier"] = "met"): ShortlistEntry {
  return {
    resumeId: i.toString(16).padStart(64, "0"), postingId: POSTING, score, tier,
    gates: [{ id: "degree-phd", verdict: tier === "met" ? "met" : "unknown", evidence: "PhD in CS", reason: "a PhD" }],
    name: `Candidate ${i}`, fileName: `r${i}.pdf`, modelVersion: "v0001-initial",
    explanation: [{ feature: "publications", label: "3 publications", contribution: 0.05, evidence: "KDD 2025" }],
    appliedAt: "2026-02-01T10:00:00.000Z", scoredAt: "2026-02-01T10:00:01.000Z",
  };
}

describe("shortlist reads", () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = openTestSystem();
    const store = sys.ctx.stores.shortlist;
    await store.upsert(entry(1, 0.2));
    await store.upsert(entry(2, 0.9));
    await store.upsert(entry(3, 0.99, "unknown")); // a higher score in a lower gate tier ranks below
    await store.upsert(entry(4, 0.5));
  });
  afterAll(async () => sys?.cleanup());

  it("returns a page in rank order with gates and explanations", async () => {
    const rows = await sys.ctx.stores.shortlist.top(POSTING, 10);
    expect(rows.map((r) => [r.rank, r.resumeId.slice(-1)])).toEqual([[1, "2"], [2, "4"], [3, "1"], [4, "3"]]);
    expect(rows[0]!.gates[0]!.evidence).toBe("PhD in CS");
    expect(rows[0]!.explanation[0]!.label).toBe("3 publications");
  });

  it("pages with an offset and returns nothing past the end or for an unknown posting", async () => {
    const page = await sys.ctx.stores.shortlist.top(POSTING, 2, 2);
    expect(page.map((r) => r.rank)).toEqual([3, 4]);
    expect(await sys.ctx.stores.shortlist.top(POSTING, 5, 10)).toEqual([]);
    expect(await sys.ctx.stores.shortlist.top("no-such-posting", 5)).toEqual([]);
  });

  it("reads one entry with its rank", async () => {
    const one = await sys.ctx.stores.shortlist.entry(POSTING, entry(4, 0).resumeId);
    expect(one).toMatchObject({ rank: 2, score: 0.5, tier: "met" });
  });

  it("refuses to write an invalid entry, so reads can trust what is stored", async () => {
    await expect(sys.ctx.stores.shortlist.upsert({ ...entry(5, 0.5), score: 2 })).rejects.toThrow();
    expect(await sys.ctx.stores.shortlist.size(POSTING)).toBe(4);
  });

  it("names the posting when a stored entry is not a shortlist entry", async () => {
    const { redis, keys } = sys.ctx.stores;
    await redis.multi().zadd(keys.shortlist("corrupt"), 21, "f".repeat(64)).hset(keys.entries("corrupt"), "f".repeat(64), '{"resumeId":1}').exec();
    await expect(sys.ctx.stores.shortlist.top("corrupt", 5)).rejects.toThrow(CorruptEntryError);
    await expect(sys.ctx.stores.shortlist.top("corrupt", 5)).rejects.toThrow(/posting corrupt/);
  });

  it("a re-read page shows what is stored now: changed entries, a newcomer, a removed entry", async () => {
    const store = sys.ctx.stores.shortlist;
    const P = "read-cache-posting";
    const e = (i: number, score: number) => ({ ...entry(i, score), postingId: P });
    for (const [i, s] of [[11, 0.9], [12, 0.8], [13, 0.7]] as const) await store.upsert(e(i, s));
    const first = await store.top(P, 2);
    expect(first.map((r) => r.resumeId.slice(-1))).toEqual(["b", "c"]);
    // Same ids, changed entry: the new explanation, not the cached one.
    await store.upsert({ ...e(12, 0.8), explanation: [{ feature: "x", label: "changed", contribution: 0.1, evidence: null }] });
    expect((await store.top(P, 2))[1]!.explanation[0]!.label).toBe("changed");
    // A newcomer enters the page: the guessed ids are wrong and the page is fetched again.
    await store.upsert(e(14, 0.95));
    expect((await store.top(P, 2)).map((r) => [r.rank, r.resumeId.slice(-1)])).toEqual([[1, "e"], [2, "b"]]);
    // An entry removed from the hash but not (yet) from the zset is skipped, not returned stale.
    await sys.ctx.stores.redis.hdel(sys.ctx.stores.keys.entries(P), e(11, 0).resumeId);
    expect((await store.top(P, 2)).map((r) => r.resumeId.slice(-1))).toEqual(["e"]);
  });

  it("returns fresh row objects; the shared gates and reasons are frozen", async () => {
    const store = sys.ctx.stores.shortlist;
    const [a] = await store.top(POSTING, 1);
    a!.rank = 99;
    expect(() => (a!.explanation as unknown[]).push({})).toThrow(TypeError);
    expect(() => { (a!.gates[0] as { reason: string }).reason = "x"; }).toThrow(TypeError);
    const [b] = await store.top(POSTING, 1);
    expect(b!.rank).toBe(1);
    expect(b!.gates[0]!.reason).toBe("a PhD");
  });

  it("HTTP pages carry each row's true rank, filtered and after a cursor (one ZREVRANK per page)", async () => {
    const { redis, keys, shortlist, labels } = sys.ctx.stores;
    const P = "page-rank-posting";
    for (let i = 21; i <= 28; i++) await shortlist.upsert({ ...entry(i, 1 - i / 100, i === 27 ? "unknown" : "met"), postingId: P });
    for (const i of [22, 23, 26]) {
      await labels.record({ resumeId: entry(i, 0).resumeId, postingId: P, outcome: "reject", decidedAt: "2026-02-02T00:00:00.000Z", decidedBy: "t", rankShown: null, modelVersion: null, score: null });
    }
    const truth = async (id: string) => (await redis.zrevrank(keys.shortlist(P), id))! + 1;
    const q = { limit: 2, cursor: null, gatesMet: true, unreviewed: true };
    const seen: [number, number][] = [];
    let page = await readShortlistPage(redis, keys, P, q);
    for (;;) {
      for (const { row } of page.rows) seen.push([row.rank, await truth(row.resumeId)]);
      if (!page.next) break;
      page = await readShortlistPage(redis, keys, P, { ...q, cursor: page.next });
    }
    // Unreviewed rows with all gates met: 21, 24, 25, 28 (22, 23, 26 decided; 27 in the unknown tier).
    expect(seen.map(([rank]) => rank)).toEqual([1, 4, 5, 7]);
    for (const [rank, want] of seen) expect(rank).toBe(want);
  });
});
