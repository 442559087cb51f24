/**
 * Step 7. Review: a recruiter's decision becomes a labelled outcome, stored with what the
 * recruiter was shown at that moment (rank, score, model version) for position-bias
 * correction and for the decision log; enough new labels queue a retrain.
 */
import type { LabelImportLine, LabelledOutcome } from "../domain/label.ts";
import type { AppContext } from "./context.ts";

export async function recordDecision(ctx: AppContext, line: LabelImportLine, decidedBy: string): Promise<{ label: LabelledOutcome; labelsSinceRetrain: number }> {
  await ctx.stores.postings.require(line.postingId);
  const shown = await ctx.stores.shortlist.entry(line.postingId, line.resumeId);
  const label: LabelledOutcome = {
    resumeId: line.resumeId,
    postingId: line.postingId,
    outcome: line.outcome,
    decidedAt: line.decidedAt ?? new Date().toISOString(),
    decidedBy,
    rankShown: line.rankShown ?? shown?.rank ?? null,
    modelVersion: shown?.modelVersion ?? null,
    score: shown?.score ?? null,
  };
  return { label, labelsSinceRetrain: await ctx.stores.labels.record(label) };
}

/** Queues a retrain once enough labels arrived since the last one started. */
export async function maybeTriggerRetrain(ctx: AppContext, labelsSinceRetrain: number): Promise<boolean> {
  if (labelsSinceRetrain < ctx.config.retrainAfterLabels) return false;
  await ctx.queues.retrain.add("retrain", { reason: "label_count" });
  return true;
}
