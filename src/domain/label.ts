import { z } from "zod";
import { GateVerdict } from "./gate.ts";
import { PostingId } from "./posting.ts";
import { ResumeId } from "./profile.ts";

export const Outcome = z.enum(["advance", "reject", "hire", "withdrawn"]);
export type Outcome = z.infer<typeof Outcome>;

/** A recruiter's decision as recorded: the training label plus what they were shown. */
export const LabelledOutcome = z.object({
  resumeId: ResumeId,
  postingId: PostingId,
  outcome: Outcome,
  decidedAt: z.string(),
  decidedBy: z.string().default("cli"),
  /** Rank the candidate was shown at when decided (position-bias correction); null when unknown. */
  rankShown: z.number().int().positive().nullable().default(null),
  modelVersion: z.string().nullable().default(null),
  score: z.number().nullable().default(null),
  /** The recruiter's free-text note (may name the candidate: stored, never logged). */
  note: z.string().optional(),
  /** Gate verdicts at decision time (ids and verdicts only, no resume text), so the decision log can be reconstructed. */
  gates: z.array(z.object({ id: z.string(), verdict: GateVerdict })).optional(),
});
export type LabelledOutcome = z.infer<typeof LabelledOutcome>;

/** One line of `shortlist label --import <file.jsonl>`. */
export const LabelImportLine = z.object({
  resumeId: ResumeId,
  postingId: PostingId,
  outcome: Outcome,
  rankShown: z.number().int().positive().optional(),
  decidedAt: z.string().optional(),
  note: z.string().max(2000).optional(),
});
export type LabelImportLine = z.infer<typeof LabelImportLine>;

/** advance and hire are positives; reject negative; withdrawn says nothing about fit. */
export function outcomeToTarget(outcome: Outcome): 0 | 1 | null {
  if (outcome === "advance" || outcome === "hire") return 1;
  if (outcome === "reject") return 0;
  return null;
}
