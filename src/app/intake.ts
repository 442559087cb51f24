/**
 * Step 1. Upload: accept a file for a posting. The resume id is the SHA-256 of the bytes; the
 * bytes go to Redis (readable by a worker on any machine) and a parse job is enqueued. The
 * same file sent twice to the same posting is one application. A different file from the same
 * candidate is a new version: the application limit (run at parse, once identity is known) makes
 * it replace the older one on that posting.
 */
import type { Queues } from "../queue/queues.ts";
import { applicationJobId } from "../queue/queues.ts";
import { isSettled } from "../store/applications.ts";
import type { Stores } from "../store/index.ts";

export interface SubmitResult {
  resumeId: string;
  fileName: string;
  postingId: string;
  status: "queued" | "duplicate";
}

export class SubmitError extends Error {
  constructor(readonly fileName: string, reason: string) {
    super(`${fileName}: ${reason}`);
    this.name = "SubmitError";
  }
}

/** Keeps the base name only and drops control characters: names are shown, never used as paths. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 200);
  return clean || "unnamed";
}

export async function submitResume(
  deps: { stores: Stores; queues: Pick<Queues, "parse">; maxUploadBytes: number },
  input: { bytes: Uint8Array; fileName: string; postingId: string },
): Promise<SubmitResult> {
  const fileName = safeFileName(input.fileName);
  if (input.bytes.byteLength === 0) throw new SubmitError(fileName, "the file is empty (0 bytes)");
  if (input.bytes.byteLength > deps.maxUploadBytes) {
    throw new SubmitError(fileName, `the file is ${input.bytes.byteLength} bytes; the limit is ${deps.maxUploadBytes}`);
  }
  await deps.stores.postings.require(input.postingId);
  const resumeId = await deps.stores.resumes.put(input.bytes, fileName);
  const created = await deps.stores.applications.create(input.postingId, resumeId, fileName);
  const status = created ? null : (await deps.stores.applications.get(input.postingId, resumeId))?.status;
  // Settled duplicates (scored, or held back by the application limit) need no new job.
  if (status !== undefined && status !== null && status !== "failed" && isSettled(status)) {
    return { resumeId, fileName, postingId: input.postingId, status: "duplicate" };
  }
  // Enqueue unfinished duplicates too: the job id dedupes, and it re-queues an application whose
  // first enqueue was lost to a crash between the two writes.
  await deps.queues.parse.add("parse", { resumeId, postingId: input.postingId }, {
    jobId: applicationJobId(input.postingId, resumeId),
  });
  return { resumeId, fileName, postingId: input.postingId, status: created ? "queued" : "duplicate" };
}
