/**
 * Steps 3–4. Parse + extract for one application: bytes → text → CandidateProfile, saved once
 * per resume (a resume sent to two postings is parsed once), then a score job is enqueued.
 * Bad input fails the job with an UnrecoverableError naming the file and the reason.
 */
import { UnrecoverableError, type Queue } from "bullmq";
import type { ParseJob, ScoreJob } from "../domain/jobs.ts";
import type { CandidateProfile } from "../domain/profile.ts";
import { extractProfile } from "../extract/index.ts";
import { DocumentError } from "../parse/errors.ts";
import { readDocument } from "../parse/index.ts";
import { applicationJobId } from "../queue/queues.ts";
import type { Stores } from "../store/index.ts";

export interface ParseDeps {
  stores: Stores;
  scoreQueue: Queue<ScoreJob>;
  limits: { maxPages: number; maxBytes: number };
}

async function parseAndSave(deps: ParseDeps, job: ParseJob, fileName: string): Promise<CandidateProfile> {
  const { stores } = deps;
  const bytes = await stores.resumes.bytes(job.resumeId);
  if (!bytes) {
    const reason = `${fileName}: the uploaded bytes are missing from the store (erased?)`;
    await stores.applications.setStatus(job.postingId, job.resumeId, "failed", { error: reason });
    throw new UnrecoverableError(reason);
  }
  try {
    const doc = await readDocument(bytes, fileName, { maxPages: deps.limits.maxPages, maxBytes: deps.limits.maxBytes });
    const profile = extractProfile(doc.text, job.resumeId, { warnings: doc.warnings });
    await stores.resumes.saveParsed(job.resumeId, { text: doc.text, format: doc.format, pages: doc.pages, profile });
    return profile;
  } catch (error) {
    if (error instanceof DocumentError) {
      await stores.applications.setStatus(job.postingId, job.resumeId, "failed", { error: error.message });
      throw new UnrecoverableError(error.message);
    }
    throw error; // unexpected: let BullMQ retry with backoff
  }
}

export async function parseApplication(deps: ParseDeps, job: ParseJob): Promise<{ warnings: string[] }> {
  const { stores } = deps;
  const fileName = await stores.resumes.fileName(job.resumeId);
  const profile = (await stores.resumes.profile(job.resumeId)) ?? (await parseAndSave(deps, job, fileName));
  await stores.applications.setStatus(job.postingId, job.resumeId, "parsed", { warnings: profile.warnings.join("\n") });
  await deps.scoreQueue.add("score", job, { jobId: applicationJobId(job.postingId, job.resumeId) });
  return { warnings: profile.warnings };
}
