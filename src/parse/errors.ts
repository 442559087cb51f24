/**
 * The one error type the parse stage throws. A DocumentError is a property of the file, not of the machine,
 * so it is never retryable: the queue must not re-run the job, it must report the file to a human.
 * Messages name the file and the reason only — never resume content, since messages end up in logs.
 */
import { z } from "zod";

export const DocumentErrorCode = z.enum([
  "empty",
  "too_large",
  "unsupported_format",
  "encrypted",
  "corrupt",
  "too_many_pages",
  "not_text",
  "timeout",
]);
export type DocumentErrorCode = z.infer<typeof DocumentErrorCode>;

/** Default plain-words reason per code; callers may pass a more specific one. */
const REASONS: Record<DocumentErrorCode, string> = {
  empty: "the file is empty (0 bytes)",
  too_large: "the file is too large",
  unsupported_format: "the format is not supported; send a PDF, DOCX or plain-text file",
  encrypted: "the PDF is encrypted (password-protected); export an unprotected copy",
  corrupt: "the file is damaged or not a valid document",
  too_many_pages: "the document has too many pages for a resume",
  not_text: "the file does not contain text",
  timeout: "reading the document took too long",
};

export class DocumentError extends Error {
  override readonly name = "DocumentError";
  readonly retryable = false as const;

  constructor(
    readonly code: DocumentErrorCode,
    readonly fileName: string,
    reason: string = REASONS[code],
    options?: { cause?: unknown },
  ) {
    super(`${fileName}: ${reason}`, options);
  }
}

export function isDocumentError(e: unknown): e is DocumentError {
  return e instanceof DocumentError;
}
