/**
 * Atomic rescoring: a reader polling the shortlist while it is rescored and swapped sees either the
 * whole old list or the whole new one, never a mix of model versions and never a partial list, and an
 * application that arrives during the rescore is not lost.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rescoreOpenShortlists } from "../../src/app/rescore.ts";
import type { ShortlistEntry } from "../../src/domain/shortlist.ts";
import { vectorize } from "../../src/features/index.ts";
import { resumeTerms } from "../../src/features/terms.ts";
import { loadRanker } from "../../src/model/store.ts";
import { createRedis } from "../../src/redis/connection.ts";
import { FeatureCache } from "../../src/score/feature-cache.ts";
import { rankKey } from "../../src/shortlist/rank-key.ts";
import { simulateOutcomes } from "../../src/simulate/simulate.ts";
import { makeStores, type Stores } from "../../src/store/index.ts";
import { openTestSystem, type TestSystem } from "../helpers/system.ts";
import { copyModelVersion, loadPosting } from "./helpers.ts";

const posting = loadPosting();
/** More than the store's 1,000-entry write chunk, so the staging list is built in several steps. */
const N = 3000;
const DISTINCT = 60;
const OLD = "v0000-old";

describe("atomic rescoring", () => {
  let sys: TestSystem;
  let reader: Stores;

  beforeAll(async () => {
    sys = openTestSystem();
    const { stores } = sys.ctx;
    await stores.postings.add(posting);
    // N entries from a few distinct candidates (vectorising is the slow part), as scoring leaves them.
    const sims = simulateOutcomes(DISTINCT, posting, 9);
    const features = sims.map((s) => vectorize(s.profile, posting, s.gates, resumeTerms(s.text, s.profile)));
    const cache = new FeatureCache(stores.redis, stores.keys);
    for (let i = 0; i < N; i += 500) {
      const tx = stores.redis.pipeline();
      for (let j = i; j < Math.min(N, i + 500); j++) {
        const resumeId = j.toString(16).padStart(64, "0");
        const entry: ShortlistEntry = {
          resumeId, postingId: posting.id, score: (j % 997) / 997, tier: "met", gates: [], name: null, fileName: `r${j}.txt`,
          modelVersion: OLD, explanation: [], appliedAt: "2026-02-01T10:00:00.000Z", scoredAt: "2026-02-01T10:00:00.000Z",
        };
        tx.zadd(stores.keys.shortlist(posting.id), rankKey("met", entry.score), resumeId);
        tx.hset(stores.keys.entries(posting.id), resumeId, JSON.stringify(entry));
      }
      await tx.exec();
      await Promise.all(Array.from({ length: Math.min(500, N - i) }, (_, k) => {
        const f = features[(i + k) % DISTINCT]!;
        return cache.put(posting.id, (i + k).toString(16).padStart(64, "0"), f.values, f.terms as string[]);
      }));
    }
    reader = makeStores(createRedis(sys.ctx.config.redisUrl), sys.ctx.config.prefix);
  });
  afterAll(async () => {
    reader?.redis.disconnect();
    await sys?.cleanup();
  });

  it("a concurrent reader never sees a mix of versions or a partial list", async () => {
    const v = copyModelVersion(sys.modelsDir, "v0002-atomic-test", 0.3);
    const ranker = await loadRanker(sys.ctx.registry.dir(v));
    const seen: { versions: string[]; size: number }[] = [];
    const poll = async () => {
      const rows = await reader.shortlist.top(posting.id, N + 10);
      seen.push({ versions: [...new Set(rows.map((r) => r.modelVersion))], size: rows.length });
    };
    await poll(); // before: the whole old list
    let done = false;
    const rescoring = rescoreOpenShortlists(sys.ctx.stores, ranker, { explainTop: 0 }).finally(() => { done = true; });
    while (!done) await poll();
    const rescored = await rescoring;
    await poll(); // after: the whole new list

    expect(rescored).toBe(N);
    expect(seen.length).toBeGreaterThan(2);
    for (const s of seen) {
      expect(s.versions).toHaveLength(1);
      expect(s.size).toBe(N);
    }
    expect(seen[0]!.versions).toEqual([OLD]);
    expect(seen.at(-1)!.versions).toEqual([v]);
    const top = await reader.shortlist.top(posting.id, N);
    for (let i = 1; i < top.length; i++) expect(top[i - 1]!.score).toBeGreaterThanOrEqual(top[i]!.score);
  });

  it("keeps an application that arrives while the list is being rescored", async () => {
    const ranker = await loadRanker(sys.ctx.registry.dir("v0002-atomic-test"));
    const late: ShortlistEntry = {
      resumeId: "f".repeat(64), postingId: posting.id, score: 0.42, tier: "unknown", gates: [], name: null, fileName: "late.txt",
      modelVersion: "v0002-atomic-test", explanation: [], appliedAt: "2026-02-02T10:00:00.000Z", scoredAt: "2026-02-02T10:00:00.000Z",
    };
    const rescoring = rescoreOpenShortlists(sys.ctx.stores, ranker, { explainTop: 0 });
    await reader.shortlist.upsert(late);
    await rescoring;
    expect(await reader.shortlist.size(posting.id)).toBe(N + 1);
    expect((await reader.shortlist.entry(posting.id, late.resumeId))?.fileName).toBe("late.txt");
  });
});
