/**
 * Explanations on read: no shortlist row is shown without its reasons.
 *
 * Rescoring after a promotion explains only the top EXPLAIN_TOP of each list (occlusion costs f + 2
 * forward rows per candidate; 100,000 of them would blow the 5 s swap budget), so deeper rows are
 * stored with `explanation: []`. Whoever reads rows (`shortlist top`, `shortlist explain`, the HTTP
 * API) passes them through `fillMissingExplanations`: rows without reasons are explained here with
 * the model that scored them (normally the serving one; loaded once per process by RankerCache and
 * replaced when a promotion brings a new version), and the result is written back so the next read
 * is free.
 *
 * Features: re-built from the stored profile and text (the same pure `vectorize` that scoring ran,
 * so the values equal the cached ones) because the explanation needs the evidence text and the term
 * words, which the feature cache never stores; when the profile is gone, the cached vector still
 * gives the dense reasons without evidence.
 *
 * The write-back is a compare-and-set on the stored JSON: if the row was rescored or re-scored in
 * between, the newer row wins and this explanation is dropped (the caller still gets it for display).
 */
import type { Posting } from "../domain/posting.ts";
import type { ShortlistRow } from "../domain/shortlist.ts";
import { FEATURE_SCHEMA_VERSION } from "../features/index.ts";
import { log } from "../log.ts";
import type { Ranker } from "../model/ranker.ts";
import { RankerCache } from "../registry/ranker-cache.ts";
import type { ModelRegistry } from "../registry/models.ts";
import { FeatureCache } from "../score/feature-cache.ts";
import type { FeatureVector } from "../score/types.ts";
import type { Stores } from "../store/index.ts";
import { featuresFor } from "./rescore.ts";

export interface ExplainDeps {
  stores: Stores;
  registry: ModelRegistry;
}

/** KEYS: entries hash. ARGV: triples (resumeId, expected JSON, new JSON). Returns how many were written. */
const COMPARE_AND_SET = `
local n = 0
for i = 1, #ARGV, 3 do
  if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[i + 1] then
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 2])
    n = n + 1
  end
end
return n`;

/** One cache per models directory, for the life of the process. */
const caches = new Map<string, RankerCache>();

export function rankerCacheFor(registry: ModelRegistry): RankerCache {
  let cache = caches.get(registry.modelsDir);
  if (!cache) caches.set(registry.modelsDir, (cache = new RankerCache(registry)));
  return cache;
}

/** The model that scored the rows, or the serving one when that version's files are gone. */
async function rankerFor(cache: RankerCache, version: string): Promise<Ranker> {
  try {
    return await cache.get(version);
  } catch (error) {
    log.warn("explain on read: the model that scored a row cannot be loaded; explaining with the serving model", {
      model: version, error: (error as Error).message.slice(0, 200),
    });
    return cache.serving();
  }
}

async function inputsFor(deps: ExplainDeps, posting: Posting, rows: readonly ShortlistRow[]): Promise<(FeatureVector | null)[]> {
  const full = await Promise.all(rows.map((r) => featuresFor(deps.stores, posting, r.resumeId)));
  const missing = rows.filter((_, i) => !full[i]).map((r) => r.resumeId);
  if (missing.length === 0) return full;
  const cached = await new FeatureCache(deps.stores.redis, deps.stores.keys).getMany(posting.id, missing);
  const byId = new Map(missing.map((id, i) => [id, cached[i]]));
  return rows.map((r, i) => {
    if (full[i]) return full[i];
    const c = byId.get(r.resumeId);
    return c ? { schemaVersion: FEATURE_SCHEMA_VERSION, values: c.values, terms: c.terms, evidence: {}, postingId: posting.id } : null;
  });
}

/**
 * Returns `rows` with every missing explanation filled (rows that cannot be explained, e.g. erased
 * since, are returned as they are). Writes the new explanations back to the shortlist.
 */
export async function fillMissingExplanations(deps: ExplainDeps, postingId: string, rows: readonly ShortlistRow[]): Promise<ShortlistRow[]> {
  const todo = rows.filter((r) => r.explanation.length === 0);
  if (todo.length === 0) return [...rows];
  const posting = await deps.stores.postings.get(postingId);
  if (!posting) return [...rows];
  const cache = rankerCacheFor(deps.registry);
  const filled = new Map<string, ShortlistRow>();
  for (const version of new Set(todo.map((r) => r.modelVersion))) {
    const group = todo.filter((r) => r.modelVersion === version);
    const inputs = await inputsFor(deps, posting, group);
    const ok = group.map((row, i) => ({ row, input: inputs[i] })).filter((x): x is { row: ShortlistRow; input: FeatureVector } => x.input != null);
    if (ok.length === 0) continue;
    const ranker = await rankerFor(cache, version);
    ok.forEach((x) => ranker.assertSchema(x.input.schemaVersion));
    const explanations = ranker.explainBatch(ok.map((x) => x.input), ok.map((x) => x.input.evidence));
    ok.forEach((x, i) => {
      const explanation = explanations[i] ?? [];
      if (explanation.length > 0) filled.set(x.row.resumeId, { ...x.row, explanation });
    });
  }
  await writeBack(deps.stores, postingId, [...filled.values()]);
  return rows.map((r) => filled.get(r.resumeId) ?? r);
}

/** Compare-and-set each explained row against the stored JSON it was read from. */
async function writeBack(stores: Stores, postingId: string, rows: readonly ShortlistRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const key = stores.keys.entries(postingId);
  const raws = await stores.redis.hmget(key, ...rows.map((r) => r.resumeId));
  const args: string[] = [];
  rows.forEach((row, i) => {
    const raw = raws[i];
    if (!raw) return;
    const stored = JSON.parse(raw) as { modelVersion?: unknown; scoredAt?: unknown; explanation?: unknown };
    // Only fill the very row that was read: same model, same scoring time, still unexplained.
    if (stored.modelVersion !== row.modelVersion || stored.scoredAt !== row.scoredAt) return;
    if (!Array.isArray(stored.explanation) || stored.explanation.length > 0) return;
    args.push(row.resumeId, raw, JSON.stringify({ ...stored, explanation: row.explanation }));
  });
  if (args.length === 0) return 0;
  return (await stores.redis.eval(COMPARE_AND_SET, 1, key, ...args)) as number;
}

/** One row (`shortlist explain`, the candidate page). */
export async function explainRow(deps: ExplainDeps, row: ShortlistRow): Promise<ShortlistRow> {
  const [filled] = await fillMissingExplanations(deps, row.postingId, [row]);
  return filled ?? row;
}
