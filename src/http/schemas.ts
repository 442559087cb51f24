/**
 * Request and response bodies of the HTTP API. Domain objects (Posting, ShortlistRow,
 * LabelledOutcome, Evidence) are the domain schemas themselves; only the HTTP envelopes live here.
 * The same schemas validate requests, validate responses and generate /openapi.json.
 */
import { z } from "zod";
import { LabelledOutcome, Outcome } from "../domain/label.ts";
import { Posting, PostingId } from "../domain/posting.ts";
import { Evidence, ResumeId } from "../domain/profile.ts";
import { ShortlistRow } from "../domain/shortlist.ts";
import { ApplicationStatus } from "../store/applications.ts";

export const PostingParams = z.object({ id: PostingId });
export const CandidateParams = z.object({ id: PostingId, resumeId: ResumeId });
export const ResumeParams = z.object({ resumeId: ResumeId });

const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export const PostingList = z.object({ postings: z.array(Posting) });
export const PostingCreated = z.object({ posting: Posting, created: z.boolean() });

export const SubmitResponse = z.object({
  resumeId: ResumeId,
  postingId: PostingId,
  fileName: z.string(),
  status: z.enum(["queued", "duplicate"]),
  /** GET this for parse/score status and errors. */
  statusUrl: z.string(),
});

export const ApplicationState = z.object({
  postingId: PostingId,
  fileName: z.string(),
  status: ApplicationStatus,
  appliedAt: z.string(),
  updatedAt: z.string(),
  error: z.string().nullable(),
  warnings: z.array(z.string()),
  rank: z.number().int().positive().nullable(),
  score: z.number().nullable(),
});
export const ApplicationStatusResponse = z.object({ resumeId: ResumeId, applications: z.array(ApplicationState) });

export const ShortlistQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Opaque; from the previous page's nextCursor. */
  cursor: z.string().max(200).optional(),
  state: z.enum(["unreviewed", "all"]).default("all"),
  gates: z.enum(["met", "any"]).default("any"),
  /** Hide names of candidates nobody has decided on yet. */
  blind: flag.default(false),
});

export const DecisionSummary = z.object({ outcome: Outcome, decidedAt: z.string(), decidedBy: z.string() });

export const ShortlistPageRow = ShortlistRow.extend({
  decision: DecisionSummary.nullable(),
  /** True when blind mode hid the name. */
  blinded: z.boolean(),
});
export type ShortlistPageRow = z.infer<typeof ShortlistPageRow>;

export const ShortlistPage = z.object({
  postingId: PostingId,
  /** Candidates on the whole shortlist, before filters. */
  total: z.number().int().nonnegative(),
  rows: z.array(ShortlistPageRow),
  nextCursor: z.string().nullable(),
});

export const CandidateQuery = z.object({ blind: flag.default(false) });

export const CandidateDetail = z.object({
  row: ShortlistPageRow,
  /** Extracted resume text; in blind mode contact details are masked with the same number of characters. */
  text: z.string().nullable(),
  evidence: z.array(Evidence),
  contact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  /** The original file; null while blind mode hides it (it shows the candidate's name). */
  resumeUrl: z.string().nullable(),
});

export const DecisionRequest = z.object({
  resumeId: ResumeId,
  outcome: Outcome,
  note: z.string().max(2000).optional(),
  /** The rank the page showed when the recruiter decided; defaults to the current rank. */
  rankShown: z.number().int().positive().optional(),
});
export const DecisionResponse = z.object({ label: LabelledOutcome, retrainQueued: z.boolean() });

export const Health = z.object({ ok: z.literal(true) });
export const Readiness = z.object({
  ready: z.boolean(),
  checks: z.object({
    redis: z.boolean(),
    workers: z.record(z.string(), z.number().int()),
    model: z.string().nullable(),
  }),
});

export const RetrainQueued = z.object({ jobId: z.string() });
export const SessionRequest = z.object({ token: z.string().min(1).max(200) });
export const SessionResponse = z.object({ subject: z.string(), role: z.string(), postings: z.array(PostingId) });
