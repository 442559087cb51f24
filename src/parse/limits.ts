/**
 * Resource limits for reading one uploaded file. Resumes are small; anything far outside these bounds is
 * either a mistake or an attack, and refusing early keeps one bad upload from stalling a worker.
 */
import { z } from "zod";

const MiB = 1024 * 1024;

export const ParseLimits = z.object({
  /** Largest accepted upload. */
  maxBytes: z.number().int().positive().default(10 * MiB),
  /** A resume with more pages is almost certainly a thesis or a portfolio. */
  maxPages: z.number().int().positive().default(30),
  /** Extracted text beyond this is cut (with a warning); downstream regexes are linear but not free. */
  maxTextChars: z.number().int().positive().default(200_000),
  /** A single line longer than this is cut (with a warning); it is never real resume prose. */
  maxLineChars: z.number().int().positive().default(5_000),
  /** Declared uncompressed size of word/document.xml above which a DOCX is refused (zip-bomb guard). */
  maxDocxXmlBytes: z.number().int().positive().default(50 * MiB),
  /** Wall-clock budget for one PDF/DOCX extraction. */
  timeoutMs: z.number().int().positive().default(20_000),
});
export type ParseLimits = z.infer<typeof ParseLimits>;

export function resolveLimits(partial?: Partial<ParseLimits>): ParseLimits {
  return ParseLimits.parse(partial ?? {});
}
