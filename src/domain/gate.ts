import { z } from "zod";

export const GateVerdict = z.enum(["met", "unmet", "unknown"]);
export type GateVerdict = z.infer<typeof GateVerdict>;

/** One minimum qualification checked for one candidate, with the resume text that decided it. */
export const GateResult = z.object({
  id: z.string(),
  verdict: GateVerdict,
  /** The resume text the verdict rests on; null when the resume says nothing relevant. */
  evidence: z.string().nullable(),
  /** Plain-words reason shown to the recruiter. */
  reason: z.string(),
});
export type GateResult = z.infer<typeof GateResult>;
