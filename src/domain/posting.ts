/**
 * A job posting and its minimum qualifications. Each minimum qualification is a gate rule,
 * discriminated on `kind`, so a posting file says *what* is required and the gate module
 * owns *how* it is checked and explained.
 */
import { z } from "zod";
import { DegreeLevel, SignalName } from "./profile.ts";

export const PostingId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "posting id: lowercase letters, digits and dashes");
export type PostingId = z.infer<typeof PostingId>;

const RuleBase = { id: z.string().regex(/^[a-z0-9-]+$/), text: z.string().min(1) };

export const GateRule = z.discriminatedUnion("kind", [
  z.object({
    ...RuleBase,
    kind: z.literal("degree"),
    level: DegreeLevel,
    /** `in_progress`: the candidate must currently be pursuing the degree. */
    status: z.enum(["in_progress", "completed", "any"]),
    /** Minimum graded relatedness of the field to computing, 0..1 (see src/extract/field-relatedness.ts). */
    minFieldRelatedness: z.number().min(0).max(1).default(0),
  }),
  z.object({ ...RuleBase, kind: z.literal("signal"), signal: SignalName }),
  z.object({
    ...RuleBase,
    kind: z.literal("available_by"),
    /** Latest acceptable onboarding month, YYYY-MM. */
    deadline: z.string().regex(/^\d{4}-\d{2}$/),
  }),
]);
export type GateRule = z.infer<typeof GateRule>;

export const PreferredQualification = z.object({
  id: z.string(),
  text: z.string(),
  signals: z.array(SignalName).default([]),
});
export type PreferredQualification = z.infer<typeof PreferredQualification>;

export const Posting = z.object({
  id: PostingId,
  title: z.string().min(1),
  description: z.string().default(""),
  minimumQualifications: z.array(GateRule).min(1),
  preferredQualifications: z.array(PreferredQualification).default([]),
  /** Last day a hire may start, YYYY-MM-DD. */
  onboardingDeadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  applicationPolicy: z.object({
    /** Active applications one candidate may hold across the organisation's postings. */
    maxActiveApplications: z.number().int().positive(),
    /** Applications beyond the limit are judged in the order the candidate applied. */
    consideredInApplyOrder: z.boolean().default(true),
    review: z.enum(["rolling", "batch"]).default("rolling"),
    /** The posting asks candidates to state availability and graduation date. */
    requiresAvailabilityAndGraduation: z.boolean().default(false),
  }),
  status: z.enum(["open", "closed"]).default("open"),
});
export type Posting = z.infer<typeof Posting>;
export type PostingInput = z.input<typeof Posting>;
