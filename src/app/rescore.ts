/**
 * Rescore every open posting's shortlist with a (newly promoted) model and swap each list in
 * atomically: readers see the old list or the new one, never a mix.
 *
 * Fast path: the feature vectors cached when each application was scored (src/score/feature-cache.ts),
 * scored in chunks of one batched forward pass each; gates and tier are kept from the entry (they do
 * not depend on the model). Only cache misses are re-vectorised from the stored profile and text.
 * Explanations: occlusion costs f + 2 forward rows per candidate, so only the top EXPLAIN_TOP of each
 * list (what recruiters read) are explained here, in one batch; the rest get an empty explanation that
 * is filled the first time anyone reads the row (src/app/explain-on-read.ts).
 */
import type { Posting } from "../domain/posting.ts";
import type { ShortlistEntry } from "../domain/shortlist.ts";
import { FEATURE_SCHEMA_VERSION, vectorize } from "../features/index.ts";
import { resumeTerms } from "../features/terms.ts";
import { evaluateGates } from "../gate/index.ts";
import { FeatureCache } from "../score/feature-cache.ts";
import type { FeatureVector, Ranker } from "../score/types.ts";
import { rankKey } from "../shortlist/rank-key.ts";
import type { Stores } from "../store/index.ts";
import type { Ranker as LoadedRanker } from "../model/ranker.ts";
import type { ModelRegistry } from "../registry/models.ts";

const CHUNK = 4096;
export const EXPLAIN_TOP = 100;

/** Full feature vector (with term text, for explanations) from the stored profile and text; null if erased. */
export async function featuresFor(stores: Stores, posting: Posting, resumeId: string): Promise<FeatureVector | null> {
  const [profile, text] = await Promise.all([stores.resumes.profile(resumeId), stores.resumes.text(resumeId)]);
  if (!profile) return null;
  return vectorize(profile, posting, evaluateGates(profile, posting), resumeTerms(text, profile));
}

export interface RescoreOptions {
  /** Entries explained during the rescore, per list; deeper ones are explained on read (./explain-on-read.ts). */
  explainTop?: number;
}

export async function rescoreOpenShortlists(stores: Stores, ranker: Ranker, options: RescoreOptions = {}): Promise<number> {
  const explainTop = options.explainTop ?? EXPLAIN_TOP;
  const cache = new FeatureCache(stores.redis, stores.keys);
  let total = 0;
  for (const posting of await stores.postings.list()) {
    if (posting.status !== "open") continue;
    const entries = await stores.shortlist.all(posting.id);
    const rescored: ShortlistEntry[] = [];
    const now = new Date().toISOString();
    for (let i = 0; i < entries.length; i += CHUNK) {
      const chunk = entries.slice(i, i + CHUNK);
      const cached = await cache.getMany(posting.id, chunk.map((e) => e.resumeId));
      const inputs: (FeatureVector | null)[] = await Promise.all(chunk.map(async (e, j) => {
        const c = cached[j];
        if (c) return { schemaVersion: FEATURE_SCHEMA_VERSION, values: c.values, terms: c.terms, evidence: {}, postingId: posting.id } as FeatureVector;
        const full = await featuresFor(stores, posting, e.resumeId);
        if (full) await cache.put(posting.id, e.resumeId, full.values, full.terms as readonly string[]);
        return full;
      }));
      const kept = chunk.map((entry, j) => ({ entry, input: inputs[j] })).filter((r): r is { entry: ShortlistEntry; input: FeatureVector } => r.input != null);
      for (const r of kept) ranker.assertSchema(r.input.schemaVersion);
      const scores = ranker.predict(kept.map((r) => r.input));
      kept.forEach((r, j) => rescored.push({ ...r.entry, score: scores[j] ?? 0, modelVersion: ranker.version, explanation: [], scoredAt: now }));
    }
    await explainBest(stores, ranker, posting, rescored, explainTop);
    await stores.shortlist.replaceAll(posting.id, rescored);
    total += rescored.length;
  }
  return total;
}

/** Explain the `count` best-ranked entries (in place), from full features so terms have words. */
async function explainBest(stores: Stores, ranker: Ranker, posting: Posting, entries: ShortlistEntry[], count: number): Promise<void> {
  if (count <= 0) return;
  const top = [...entries].sort((a, b) => rankKey(b.tier, b.score) - rankKey(a.tier, a.score)).slice(0, count);
  const full = await Promise.all(top.map((e) => featuresFor(stores, posting, e.resumeId)));
  const rows = top.map((entry, i) => ({ entry, f: full[i] })).filter((r): r is { entry: ShortlistEntry; f: FeatureVector } => r.f != null);
  const explanations = ranker.explainBatch(rows.map((r) => r.f), rows.map((r) => r.f.evidence));
  rows.forEach((r, i) => {
    r.entry.explanation = explanations[i] ?? [];
  });
}

/**
 * Serve `version` (a promotion or a rollback): load it first (a broken model is refused before the
 * pointer moves), move the pointer (scorers reload on the message), then rescore every open list.
 */
export async function promoteModel(stores: Stores, registry: ModelRegistry, version: string, options: RescoreOptions = {}): Promise<{ ranker: LoadedRanker; rescored: number }> {
  registry.metadata(version); // "model X not found in <dir>" before anything loads
  // Imported here: readers of this module (explain on read) should not load TensorFlow.js for nothing.
  const { loadRanker } = await import("../model/store.ts");
  const ranker = await loadRanker(registry.dir(version));
  await registry.promote(version);
  const rescored = await rescoreOpenShortlists(stores, ranker, options);
  return { ranker, rescored };
}
