import { z } from "zod";
import { GateResult } from "./gate.ts";
import { PostingId } from "./posting.ts";
import { ResumeId } from "./profile.ts";

/**
 * Gate tier: every gate met ranks above any unknown, which ranks above any unmet.
 * Candidates with an unmet gate are kept and marked, never dropped.
 */
export const GateTier = z.enum(["met", "unknown", "unmet"]);
export type GateTier = z.infer<typeof GateTier>;

/** One reason the model gave this score, in plain words, with the resume text behind it. */
export const Contribution = z.object({
  feature: z.string(),
  label: z.string(),
  /** Signed effect on the score (probability points). */
  contribution: z.number(),
  evidence: z.string().nullable(),
});
export type Contribution = z.infer<typeof Contribution>;

export const ShortlistEntry = z.object({
  resumeId: ResumeId,
  postingId: PostingId,
  score: z.number().min(0).max(1),
  tier: GateTier,
  gates: z.array(GateResult),
  /** Display only (hidden in blind mode); never a model input. */
  name: z.string().nullable(),
  fileName: z.string(),
  modelVersion: z.string(),
  explanation: z.array(Contribution),
  appliedAt: z.string(),
  scoredAt: z.string(),
});
export type ShortlistEntry = z.infer<typeof ShortlistEntry>;

export const ShortlistRow = ShortlistEntry.extend({ rank: z.number().int().positive() });
export type ShortlistRow = z.infer<typeof ShortlistRow>;
