/**
 * Step 5. Gate + score one application and put it on the posting's shortlist. Idempotent:
 * a retried job rewrites the same shortlist member.
 */
import type { ScoreJob } from "../domain/jobs.ts";
import type { ShortlistEntry } from "../domain/shortlist.ts";
import { vectorize } from "../features/index.ts";
import { evaluateGates, gateTier } from "../gate/index.ts";
import type { BatchScorer } from "../score/batch-scorer.ts";
import type { Stores } from "../store/index.ts";

export async function scoreApplication(deps: { stores: Stores; scorer: BatchScorer }, job: ScoreJob): Promise<ShortlistEntry> {
  const { stores } = deps;
  const [profile, posting, application] = await Promise.all([
    stores.resumes.profile(job.resumeId),
    stores.postings.require(job.postingId),
    stores.applications.get(job.postingId, job.resumeId),
  ]);
  if (!profile) throw new Error(`resume ${job.resumeId.slice(0, 12)} has no parsed profile yet`);
  const gates = evaluateGates(profile, posting);
  const features = vectorize(profile, posting, gates);
  const scored = await deps.scorer.score(features);
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
  await stores.shortlist.upsert(entry);
  await stores.applications.setStatus(job.postingId, job.resumeId, "scored");
  return entry;
}
