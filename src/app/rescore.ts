/**
 * Rescore every open posting's shortlist with a (newly promoted) model and swap each list in
 * atomically: readers see the old list or the new one, never a mix.
 */
import type { ShortlistEntry } from "../domain/shortlist.ts";
import { vectorize } from "../features/index.ts";
import { evaluateGates, gateTier } from "../gate/index.ts";
import type { Ranker } from "../score/types.ts";
import type { Stores } from "../store/index.ts";

const BATCH = 2048;

export async function rescoreOpenShortlists(stores: Stores, ranker: Ranker): Promise<number> {
  let total = 0;
  for (const posting of await stores.postings.list()) {
    if (posting.status !== "open") continue;
    const entries = await stores.shortlist.all(posting.id);
    const rescored: ShortlistEntry[] = [];
    for (let i = 0; i < entries.length; i += BATCH) {
      const chunk = entries.slice(i, i + BATCH);
      const profiles = await Promise.all(chunk.map((e) => stores.resumes.profile(e.resumeId)));
      const rows = chunk.map((entry, j) => {
        const profile = profiles[j];
        if (!profile) return null; // erased since it was scored: leave it out of the new list
        const gates = evaluateGates(profile, posting);
        return { entry, gates, features: vectorize(profile, posting, gates) };
      }).filter((r): r is NonNullable<typeof r> => r !== null);
      for (const r of rows) ranker.assertSchema(r.features.schemaVersion);
      const scores = ranker.predict(rows.map((r) => r.features.values));
      const now = new Date().toISOString();
      rows.forEach((r, j) => {
        rescored.push({
          ...r.entry,
          gates: r.gates,
          tier: gateTier(r.gates),
          score: scores[j] ?? 0,
          modelVersion: ranker.version,
          explanation: ranker.explain(r.features.values, r.features.evidence),
          scoredAt: now,
        });
      });
    }
    await stores.shortlist.replaceAll(posting.id, rescored);
    total += rescored.length;
  }
  return total;
}
