/**
 * Step 7. Review: a recruiter's decision becomes a labelled outcome, stored with what the
 * recruiter was shown at that moment (rank, score, model version) for position-bias
 * correction and for the decision log (with the gate verdicts at that moment); enough new
 * labels queue a retrain.
 */
import type { GateResult } from "../domain/gate.ts";
import type { LabelImportLine, LabelledOutcome } from "../domain/label.ts";
import { evaluateGates } from "../gate/index.ts";
import { reconsiderAfterDecision } from "./application-limit.ts";
import type { AppContext } from "./context.ts";

export interface RecordOptions {
  /**
   * When the line gives no rank, record the candidate's current rank as the one shown: right for a decision
   * made now on the list (the web page, `shortlist label <id>`); wrong for an import of decisions made
   * elsewhere, whose rank is unknown unless the file gives it (a guessed rank would make the position-bias
   * correction discount rejects that recruiters did read).
   */
  rankFromShortlist: boolean;
}

export async function recordDecision(
  ctx: AppContext, line: LabelImportLine, decidedBy: string, opts: RecordOptions = { rankFromShortlist: true },
): Promise<{ label: LabelledOutcome; labelsSinceRetrain: number }> {
  await ctx.stores.postings.require(line.postingId);
  const shown = await ctx.stores.shortlist.entry(line.postingId, line.resumeId);
  const gates = shown?.gates ?? (await gatesNow(ctx, line.postingId, line.resumeId));
  const label: LabelledOutcome = {
    resumeId: line.resumeId,
    postingId: line.postingId,
    outcome: line.outcome,
    decidedAt: line.decidedAt ?? new Date().toISOString(),
    decidedBy,
    rankShown: line.rankShown ?? (opts.rankFromShortlist ? shown?.rank : undefined) ?? null,
    modelVersion: shown?.modelVersion ?? null,
    score: shown?.score ?? null,
    ...(line.note ? { note: line.note } : {}),
    ...(gates ? { gates: gates.map((g) => ({ id: g.id, verdict: g.verdict })) } : {}),
  };
  const labelsSinceRetrain = await ctx.stores.labels.record(label);
  // A withdrawal frees an application-limit slot; a later decision takes it back.
  await reconsiderAfterDecision({ stores: ctx.stores, scoreQueue: ctx.queues.score }, line, line.outcome === "withdrawn");
  return { label, labelsSinceRetrain };
}

/** Gate verdicts for a candidate not on the shortlist (held back, not scored yet); null when not parsed. */
async function gatesNow(ctx: AppContext, postingId: string, resumeId: string): Promise<GateResult[] | null> {
  const profile = await ctx.stores.resumes.profile(resumeId);
  return profile ? evaluateGates(profile, await ctx.stores.postings.require(postingId)) : null;
}

/** Queues a retrain once enough labels arrived since the last one started. */
export async function maybeTriggerRetrain(ctx: AppContext, labelsSinceRetrain: number): Promise<boolean> {
  if (labelsSinceRetrain < ctx.config.retrainAfterLabels) return false;
  await ctx.queues.retrain.add("retrain", { reason: "label_count" });
  return true;
}
