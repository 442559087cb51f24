/**
 * The shortlist's hot read path (issue 5): one round trip, no zod on reads (entries are validated
 * when written), rank order, offsets, and a clear error for a stored entry that is not one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShortlistEntry } from "../../src/domain/shortlist.ts";
import { CorruptEntryError } from "../../src/store/shortlist.ts";
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
});
