/**
 * Step 5. Gate + score one application and put it on the posting's shortlist. Idempotent:
 * a retried job rewrites the same shortlist member.
 */
import type { ScoreJob } from "../domain/jobs.ts";
import type { ShortlistEntry } from "../domain/shortlist.ts";
import { vectorize } from "../features/index.ts";
import { resumeTerms } from "../features/terms.ts";
import { FeatureCache } from "../score/feature-cache.ts";
import { evaluateGates, gateTier } from "../gate/index.ts";
import type { BatchScorer } from "../score/batch-scorer.ts";
import type { Stores } from "../store/index.ts";

/** Applications the application-limit policy took out of review are never put on a shortlist. */
const NOT_FOR_REVIEW = new Set(["over_application_limit", "superseded"]);

export async function scoreApplication(deps: { stores: Stores; scorer: BatchScorer }, job: ScoreJob): Promise<ShortlistEntry | null> {
  const { stores } = deps;
  const [profile, text, posting, application] = await Promise.all([
    stores.resumes.profile(job.resumeId),
    stores.resumes.text(job.resumeId),
    stores.postings.require(job.postingId),
    stores.applications.get(job.postingId, job.resumeId),
  ]);
  if (!profile) throw new Error(`resume ${job.resumeId.slice(0, 12)} has no parsed profile yet`);
  if (application && NOT_FOR_REVIEW.has(application.status)) return null;
  const gates = evaluateGates(profile, posting);
  // Terms are redacted (names, contact details, protected words) before anything is hashed; vectorize
  // hashes them once (`features.hashedTerms`), and the scorer and the cache read those hashes.
  const features = vectorize(profile, posting, gates, resumeTerms(text, profile));
  const [scored] = await Promise.all([
    deps.scorer.score(features),
    // The hashes vectorize computed: the cache stores exactly what was scored, without hashing again.
    new FeatureCache(stores.redis, stores.keys.prefix).put(job.postingId, job.resumeId, features.values, features.hashedTerms.hashes),
  ]);
  const now = new Date().toISOString();
  const entry: ShortlistEntry = {
    resumeId: job.resumeId,
    postingId: job.postingId,
    score: scored.score,
    tier: gateTier(gates),
    gates,
    name: profile.contact.name,
    fileName: application?.fileName ?? (await stores.resumes.fileName(job.resumeId)),
    modelVersion: scored.modelVersion,
    explanation: scored.explanation,
    appliedAt: application?.appliedAt ?? now,
    scoredAt: now,
  };
  // Re-check just before writing: the limit may have taken the application out while it was scored.
  const latest = await stores.applications.get(job.postingId, job.resumeId);
  if (latest && NOT_FOR_REVIEW.has(latest.status)) return null;
  await stores.shortlist.upsert(entry);
  await stores.applications.setStatus(job.postingId, job.resumeId, "scored");
  return entry;
}
