/**
 * Pure: uploaded bytes → text and CandidateProfile. This is the part of a parse job that touches
 * untrusted bytes; the parse worker runs it in a limited thread (workers/parse.thread.ts), so
 * its heavy imports (pdf.js, mammoth, natural) load there and not in the job's process.
 */
import { extractProfile } from "../extract/index.ts";
import { readDocument } from "../parse/index.ts";
import type { ParsedResume } from "../store/resumes.ts";

export interface ReadInput {
  bytes: Uint8Array;
  fileName: string;
  resumeId: string;
  limits: { maxPages: number; maxBytes: number };
}

/** Throws DocumentError for unreadable input. */
export async function readResume(input: ReadInput): Promise<ParsedResume> {
  const doc = await readDocument(input.bytes, input.fileName, input.limits);
  const profile = extractProfile(doc.text, input.resumeId, { warnings: doc.warnings });
  return { text: doc.text, format: doc.format, pages: doc.pages, profile };
}
