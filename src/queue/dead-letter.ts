/**
 * The dead-letter view: jobs of the `parse` and `score` queues that ended failed, either at
 * once (an unrecoverable reason such as `encrypted`) or after their retries ran out. BullMQ's
 * failed sets are the list (failed jobs are never removed, see DEFAULT_JOB_OPTIONS); this module
 * reads them as rows and moves them back to wait. `shortlist failed|retry` and the API use it.
 */
import type { Job } from "bullmq";
import { z } from "zod";
import { ParseJob } from "../domain/jobs.ts";
import type { Stores } from "../store/index.ts";
import type { Queues } from "./queues.ts";

export const DEAD_LETTER_QUEUES = ["parse", "score"] as const;

export const DeadLetter = z.object({
  /** BullMQ job id, `<postingId>.<resumeId>` (the same id in both queues: one application). */
  id: z.string(),
  queue: z.enum(DEAD_LETTER_QUEUES),
  postingId: z.string(),
  resumeId: z.string(),
  fileName: z.string(),
  /** Reason code: a document reason (`encrypted`, `corrupt`, `too_many_pages`, …), `timeout`, `memory`, `crashed`, `stalled` or `error`. */
  reason: z.string(),
  /** The failure in plain words, naming the file; never document content. */
  message: z.string(),
  attempts: z.number().int().nonnegative(),
  failedAt: z.string().nullable(),
});
export type DeadLetter = z.infer<typeof DeadLetter>;

/** Unrecoverable failures are written "<code>: <file>: <what>"; other reasons are recognised by BullMQ's wording. */
export function reasonOf(failedReason: string): { reason: string; message: string } {
  const coded = /^([a-z_]+): ([\s\S]*)$/.exec(failedReason);
  if (coded) return { reason: coded[1]!, message: coded[2]! };
  if (/^Unexpected exit code/.test(failedReason)) return { reason: "crashed", message: `the sandboxed process died (${failedReason})` };
  if (/stalled more than allowable limit/.test(failedReason)) return { reason: "stalled", message: failedReason };
  return { reason: "error", message: failedReason };
}

type Deps = { queues: Pick<Queues, "parse" | "score">; stores: Stores };

async function toDeadLetter(deps: Deps, queue: DeadLetter["queue"], job: Job): Promise<DeadLetter | null> {
  const data = ParseJob.safeParse(job.data); // parse and score jobs carry the same ids
  if (!data.success || job.id === undefined) return null;
  const { postingId, resumeId } = data.data;
  const application = await deps.stores.applications.get(postingId, resumeId);
  return {
    id: job.id,
    queue,
    postingId,
    resumeId,
    fileName: application?.fileName ?? (await deps.stores.resumes.fileName(resumeId)),
    ...reasonOf(job.failedReason ?? ""),
    attempts: job.attemptsMade,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  };
}

/** Every failed parse and score job, most recent first. */
export async function listDeadLetters(deps: Deps): Promise<DeadLetter[]> {
  const rows: DeadLetter[] = [];
  for (const queue of DEAD_LETTER_QUEUES) {
    for (const job of await deps.queues[queue].getFailed(0, -1)) {
      const row = await toDeadLetter(deps, queue, job);
      if (row) rows.push(row);
    }
  }
  return rows.sort((a, b) => (b.failedAt ?? "").localeCompare(a.failedAt ?? ""));
}

/** Rows whose job id is `idOrPrefix`, or whose resume id starts with it (at least 8 characters). */
export function matchDeadLetters(rows: readonly DeadLetter[], idOrPrefix: string): DeadLetter[] {
  const exact = rows.filter((r) => r.id === idOrPrefix);
  if (exact.length > 0 || idOrPrefix.length < 8) return exact;
  return rows.filter((r) => r.resumeId.startsWith(idOrPrefix));
}

/**
 * Moves failed jobs back to wait with a fresh attempt budget and marks their applications
 * queued again. Returns the rows retried.
 */
export async function retryDeadLetters(deps: Deps, rows: readonly DeadLetter[]): Promise<DeadLetter[]> {
  const retried: DeadLetter[] = [];
  for (const row of rows) {
    const job = await deps.queues[row.queue].getJob(row.id);
    if (!job || !(await job.isFailed())) continue; // retried or removed meanwhile
    await deps.stores.applications.setStatus(row.postingId, row.resumeId, "queued", { error: "" });
    await job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true });
    retried.push(row);
  }
  return retried;
}
