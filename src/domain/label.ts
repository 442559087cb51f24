import { z } from "zod";
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
});
export type LabelledOutcome = z.infer<typeof LabelledOutcome>;

/** One line of `shortlist label --import <file.jsonl>`. */
export const LabelImportLine = z.object({
  resumeId: ResumeId,
  postingId: PostingId,
  outcome: Outcome,
  rankShown: z.number().int().positive().optional(),
  decidedAt: z.string().optional(),
});
export type LabelImportLine = z.infer<typeof LabelImportLine>;

/** advance and hire are positives; reject negative; withdrawn says nothing about fit. */
export function outcomeToTarget(outcome: Outcome): 0 | 1 | null {
  if (outcome === "advance" || outcome === "hire") return 1;
  if (outcome === "reject") return 0;
  return null;
}
