/**
 * The decision log: every recorded decision, append-only (src/store/labels.ts pushes each one),
 * with who, when, posting, resume, outcome, the rank shown, score, model version and the gate
 * verdicts at that moment. Read in chunks and filtered here; erasure is the only deletion.
 */
import { z } from "zod";
import { LabelledOutcome } from "../domain/label.ts";
import { PostingId } from "../domain/posting.ts";
import type { Stores } from "../store/index.ts";

export const DecisionLogFilter = z.object({
  postingId: PostingId.optional(),
  /** ISO date or date-time; decisions at or after it. */
  since: z.string().refine((s) => !Number.isNaN(Date.parse(s)), "since: expected a date such as 2026-01-31").optional(),
});
export type DecisionLogFilter = z.infer<typeof DecisionLogFilter>;

export function matches(decision: LabelledOutcome, filter: DecisionLogFilter): boolean {
  if (filter.postingId && decision.postingId !== filter.postingId) return false;
  if (filter.since && Date.parse(decision.decidedAt) < Date.parse(filter.since)) return false;
  return true;
}

const CHUNK = 1000;

/** Decisions in the order they were recorded, filtered; a corrupt line fails with its position. */
export async function* readDecisionLog(stores: Stores, filter: DecisionLogFilter = {}): AsyncGenerator<LabelledOutcome> {
  const key = stores.keys.decisionLog();
  for (let start = 0; ; start += CHUNK) {
    const lines = await stores.redis.lrange(key, start, start + CHUNK - 1);
    for (const [i, raw] of lines.entries()) {
      const parsed = LabelledOutcome.safeParse(JSON.parse(raw));
      if (!parsed.success) throw new Error(`decision log entry ${start + i}: ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
      if (matches(parsed.data, filter)) yield parsed.data;
    }
    if (lines.length < CHUNK) return;
  }
}
