/**
 * Steps 3–4. Parse + extract for one application: bytes → text → CandidateProfile, saved once
 * per resume (a resume sent to two postings is parsed once), then a score job is enqueued.
 *
 * Failures are classified. A property of the file (unreadable, encrypted, too many pages, ran
 * out of time or memory in the parser) gives the same result on every attempt: the job fails at
 * once with a BullMQ UnrecoverableError whose message starts with the reason code
 * (`encrypted: cv.pdf: …`). Anything else (Redis away, a crashed process) is transient and is
 * thrown as is, so BullMQ retries it with backoff.
 */
import { UnrecoverableError, type Queue } from "bullmq";
import type { ParseJob, ScoreJob } from "../domain/jobs.ts";
import { DocumentError, DocumentErrorCode } from "../parse/errors.ts";
import { applicationJobId } from "../queue/queues.ts";
import { enforceApplicationLimit } from "./application-limit.ts";
import { requestOcr } from "./ocr-application.ts";
import { ThreadLimitError, ThreadTaskError } from "../sandbox/limited-thread.ts";
import type { Stores } from "../store/index.ts";
import type { ParsedResume } from "../store/resumes.ts";
import type { ReadInput } from "./read-resume.ts";

export type { ReadInput } from "./read-resume.ts";

export interface ParseDeps {
  stores: Stores;
  scoreQueue: Queue<ScoreJob>;
  limits: { maxPages: number; maxBytes: number };
  /** Reads and extracts one resume; the parse worker runs it in a time- and memory-limited thread. @defaultValue readResume, in-process */
  read?: (input: ReadInput) => Promise<ParsedResume>;
}

/** Reason codes of unrecoverable parse failures: the document's own, plus the sandbox's and a missing upload. */
export type ParseFailureCode = DocumentErrorCode | "memory" | "missing_upload";

export interface ParseFailure {
  code: ParseFailureCode;
  /** "<file name>: <what is wrong>", never document content. */
  message: string;
}

/** The failure when `error` is a property of the file; null when it is transient (worth a retry). */
export function classifyParseFailure(error: unknown, fileName: string): ParseFailure | null {
  if (error instanceof DocumentError) return { code: error.code, message: error.message };
  if (error instanceof ThreadTaskError && error.data.name === "DocumentError") {
    const code = DocumentErrorCode.safeParse(error.data["code"]);
    if (code.success) return { code: code.data, message: error.message };
  }
  if (error instanceof ThreadLimitError) return { code: error.reason, message: `${fileName}: parsing ${error.message}` };
  return null;
}

async function failForGood(deps: ParseDeps, job: ParseJob, failure: ParseFailure): Promise<never> {
  const reason = `${failure.code}: ${failure.message}`;
  await deps.stores.applications.setStatus(job.postingId, job.resumeId, "failed", { error: reason });
  throw new UnrecoverableError(reason);
}

async function parseAndSave(deps: ParseDeps, job: ParseJob, fileName: string): Promise<ParsedResume> {
  const bytes = await deps.stores.resumes.bytes(job.resumeId);
  if (!bytes) {
    return failForGood(deps, job, { code: "missing_upload", message: `${fileName}: the uploaded bytes are missing from the store (erased?)` });
  }
  // Loaded on demand: a process that reads in a thread never loads the parsers itself.
  const read = deps.read ?? (await import("./read-resume.ts")).readResume;
  let parsed: ParsedResume;
  try {
    parsed = await read({ bytes, fileName, resumeId: job.resumeId, limits: deps.limits });
  } catch (error) {
    const failure = classifyParseFailure(error, fileName);
    if (failure) return failForGood(deps, job, failure);
    throw error; // transient or unexpected: BullMQ retries with backoff
  }
  await deps.stores.resumes.saveParsed(job.resumeId, parsed);
  // Scanned PDF: OCR on the low-priority `ocr` queue when tesseract is installed; else it stays on manual review.
  if (parsed.profile.warnings.some((w) => w.startsWith("no_text_layer"))) await requestOcr(deps.scoreQueue, job);
  return parsed;
}

export async function parseApplication(deps: ParseDeps, job: ParseJob): Promise<{ warnings: string[] }> {
  const { stores } = deps;
  const fileName = await stores.resumes.fileName(job.resumeId);
  const profile = (await stores.resumes.profile(job.resumeId)) ?? (await parseAndSave(deps, job, fileName)).profile;
  // Identity is known only now: over the application limit (or replaced by a newer version) → recorded, not scored.
  const limit = await enforceApplicationLimit({ stores, scoreQueue: deps.scoreQueue }, job, profile);
  if (limit.target === "over" || limit.target === "superseded") return { warnings: profile.warnings };
  if (!(await markParsed(stores, job, profile.warnings))) return { warnings: profile.warnings };
  await deps.scoreQueue.add("score", job, { jobId: applicationJobId(job.postingId, job.resumeId) });
  return { warnings: profile.warnings };
}

/**
 * A parse job delivered again (its worker died after the work, before BullMQ recorded it) may
 * run after the score stage finished: it must not move the application back from `scored`.
 * Check and write in one step, so a score job finishing meanwhile cannot slip in between.
 */
const MARK_PARSED = `if redis.call('HGET', KEYS[1], 'status') == 'scored' then return 0 end
redis.call('HSET', KEYS[1], 'status', 'parsed', 'updatedAt', ARGV[1], 'warnings', ARGV[2])
return 1`;

async function markParsed(stores: Stores, job: ParseJob, warnings: readonly string[]): Promise<boolean> {
  const key = stores.keys.application(job.postingId, job.resumeId);
  return (await stores.redis.eval(MARK_PARSED, 1, key, new Date().toISOString(), warnings.join("\n"))) === 1;
}
