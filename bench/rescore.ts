/**
 * Rescoring after a promotion: N open candidates of one posting (parsed profiles, shortlist entries
 * and the feature vectors the score worker caches, in Redis) rescored with src/app/rescore.ts and swapped in atomically, timed end to end.
 * The target is fixed (100,000 in < 5 s); the same-run reference is the model's bare batch
 * throughput (Ranker.predict of the same candidates in one process), i.e. what rescoring could reach
 * if reading, vectorising, explaining and writing cost nothing.
 */
import { rescoreOpenShortlists } from "../src/app/rescore.ts";
import { PROJECT_ROOT } from "../src/config.ts";
import { vectorize } from "../src/features/index.ts";
import { evaluateGates } from "../src/gate/index.ts";
import { loadRanker } from "../src/model/store.ts";
import { INITIAL_MODEL_VERSION } from "../src/registry/models.ts";
import { encodeFeatures } from "../src/score/feature-cache.ts";
import { rankKey } from "../src/shortlist/rank-key.ts";
import { mulberry32, sampleProfile } from "../src/simulate/simulate.ts";
import { loadPostings } from "./lib/postings.ts";
import type { Figure } from "./lib/report.ts";
import type { BenchSystem } from "./lib/system.ts";
import path from "node:path";

const POSTING = "mle-recsys-phd-2026";
/** Distinct simulated profiles; copies get their own resume ids. */
const DISTINCT = 2000;
const CHUNK = 1000;

export async function benchRescore(sys: BenchSystem, n: number): Promise<Figure[]> {
  const bench = await sys.open("rescore");
  const { ctx } = bench;
  const { redis, keys } = ctx.stores;
  try {
    const posting = loadPostings().find((p) => p.id === POSTING)!;
    const rng = mulberry32(5);
    const profiles = Array.from({ length: Math.min(n, DISTINCT) }, (_, i) => sampleProfile(rng, i));
    const json = profiles.map((p) => JSON.stringify(p));
    // The score worker caches each application's feature vector when it scores it; rescoring reads those.
    const cached = profiles.map((p) => {
      const v = vectorize(p, posting, evaluateGates(p, posting));
      return encodeFeatures(v.values, v.terms);
    });
    const cacheKey = `${keys.prefix}:features:${POSTING}`;
    const loads: Promise<unknown>[] = [];
    for (let s = 0; s < n; s += CHUNK) {
      const tx = redis.pipeline();
      const z: (string | number)[] = [];
      const h: string[] = [];
      for (let i = s; i < Math.min(n, s + CHUNK); i++) {
        const k = i % profiles.length;
        const resumeId = i.toString(16).padStart(64, "0");
        tx.hset(keys.resume(resumeId), "profile", json[k]!.replace(profiles[k]!.resumeId, resumeId), "fileName", `r${i}.pdf`, "text", "");
        tx.hset(cacheKey, resumeId, cached[k]!);
        z.push(rankKey("met", 0.5), resumeId);
        h.push(resumeId, JSON.stringify({
          resumeId, postingId: POSTING, score: 0.5, tier: "met", gates: [], name: null, fileName: `r${i}.pdf`,
          modelVersion: "v0000-bench", explanation: [], appliedAt: "2026-02-01T10:00:00.000Z", scoredAt: "2026-02-01T10:00:00.000Z",
        }));
      }
      loads.push(tx.zadd(keys.shortlist(POSTING), ...z).hset(keys.entries(POSTING), ...h).exec());
      if (loads.length >= 8) await loads.shift();
    }
    await Promise.all(loads);

    const ranker = await loadRanker(path.join(PROJECT_ROOT, "models", INITIAL_MODEL_VERSION));
    const t0 = performance.now();
    const rescored = await rescoreOpenShortlists(ctx.stores, ranker);
    const seconds = (performance.now() - t0) / 1000;
    if (rescored !== n) throw new Error(`rescored ${rescored} candidates, expected ${n}`);
    const sample = await ctx.stores.shortlist.top(POSTING, 1);
    if (sample[0]?.modelVersion !== ranker.version) throw new Error("the rescored list was not swapped in");

    // Same-run reference: the model alone over the same candidates, in batches of 2048.
    const rows = profiles.map((p) => vectorize(p, posting, evaluateGates(p, posting)));
    const p0 = performance.now();
    let done = 0;
    while (done < n) {
      for (let i = 0; i < rows.length && done < n; i += 2048) {
        const batch = rows.slice(i, Math.min(i + 2048, i + n - done));
        ranker.predict(batch);
        done += batch.length;
      }
    }
    const predictPerSec = done / ((performance.now() - p0) / 1000);
    return [{
      key: "rescore.pairsPerSec", value: n / seconds, unit: "pairs/s",
      baseline: { key: "rescore.predictOnlyPairsPerSec", value: predictPerSec, what: "Ranker.predict alone, same candidates" },
      target: { text: "100k rescored + swapped < 5 s (≥ 20k pairs/s)", met: n >= 100_000 ? seconds < 5 : n / seconds >= 20_000 },
      extra: { candidates: n, seconds, projectedSeconds100k: 100_000 / (n / seconds) },
    }];
  } finally {
    await bench.dispose();
  }
}
