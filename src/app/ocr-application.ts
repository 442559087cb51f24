/**
 * OCR for a scanned resume, off the fast path: the parse stage saw no text layer and asked for OCR
 * (requestOcr); the sandboxed `ocr` worker (concurrency 1, low priority) reads the pages with tesseract,
 * extracts the profile with an `ocr_derived` warning on it, saves it over the empty one and rescores.
 * Without tesseract nothing is queued and the resume stays listed for manual review.
 */
import { Queue, UnrecoverableError } from "bullmq";
import type { ParseJob, ScoreJob } from "../domain/jobs.ts";
import { extractProfile } from "../extract/index.ts";
import { DocumentError } from "../parse/errors.ts";
import { ocrAvailable, ocrPdf } from "../parse/ocr.ts";
import { applicationJobId } from "../queue/queues.ts";
import type { Stores } from "../store/index.ts";

export const OCR_QUEUE = "ocr";
/** Lower numbers run first in BullMQ; OCR yields to anything else ever put on its queue. */
const OCR_PRIORITY = 100;

let ocrQueue: Queue<ParseJob> | undefined;

/**
 * Queue an OCR job when tesseract is installed; returns whether it did. The queue shares the score
 * queue's connection and prefix, so the parse stage needs no new wiring.
 */
export async function requestOcr(scoreQueue: Queue<ScoreJob>, job: ParseJob): Promise<boolean> {
  if (!(await ocrAvailable())) return false;
  ocrQueue ??= new Queue<ParseJob>(OCR_QUEUE, { connection: scoreQueue.opts.connection, prefix: scoreQueue.opts.prefix });
  await ocrQueue.add("ocr", job, { jobId: applicationJobId(job.postingId, job.resumeId), priority: OCR_PRIORITY, attempts: 2, removeOnFail: false });
  return true;
}

export interface OcrDeps {
  stores: Stores;
  scoreQueue: Queue<ScoreJob>;
  limits: { maxPages: number };
}

export async function ocrApplication(deps: OcrDeps, job: ParseJob): Promise<{ warnings: string[] }> {
  const { stores } = deps;
  const fileName = await stores.resumes.fileName(job.resumeId);
  const bytes = await stores.resumes.bytes(job.resumeId);
  if (!bytes) throw new UnrecoverableError(`${fileName}: the uploaded bytes are missing from the store (erased?)`);
  let ocr: { text: string; pages: number };
  try {
    ocr = await ocrPdf(new Uint8Array(bytes), fileName, { maxPages: deps.limits.maxPages });
  } catch (error) {
    if (error instanceof DocumentError) throw new UnrecoverableError(error.message);
    throw error;
  }
  const warnings = [`ocr_derived: every field of ${fileName} was read by OCR from a scanned PDF (${ocr.pages} page(s)); check it against the file`];
  // Nothing legible: keep the empty profile and the manual-review warning; never invent fields.
  if (ocr.text.replace(/\s/g, "").length < 20) return { warnings: [...warnings, "ocr_empty: OCR found no legible text; listed for manual review"] };
  const profile = extractProfile(ocr.text, job.resumeId, { warnings });
  await stores.resumes.saveParsed(job.resumeId, { text: ocr.text, format: "pdf", pages: ocr.pages, profile });
  await stores.applications.setStatus(job.postingId, job.resumeId, "parsed", { warnings: profile.warnings.join("\n") });
  // A distinct job id: the first (empty-profile) score job of this application may still be kept.
  await deps.scoreQueue.add("score", job, { jobId: `${applicationJobId(job.postingId, job.resumeId)}.ocr` });
  return { warnings: profile.warnings };
}
