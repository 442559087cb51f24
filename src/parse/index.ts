/**
 * The parse stage: uploaded bytes → plain text. It never invents text: a PDF without a text layer yields ""
 * plus a warning so the resume is routed to manual review, not scored as an empty candidate.
 * Every failure is a DocumentError (non-retryable); anything else escaping here is a bug.
 */
import { z } from "zod";
import { extractDocx } from "./docx.ts";
import { DocumentError } from "./errors.ts";
import { resolveLimits, type ParseLimits } from "./limits.ts";
import { normalizeText, truncateLongLines } from "./normalize-text.ts";
import { extractPdf } from "./pdf.ts";
import { sniffFormat } from "./sniff-format.ts";
import { decodeText } from "./txt.ts";

export { DocumentError, DocumentErrorCode, isDocumentError } from "./errors.ts";
export { ParseLimits } from "./limits.ts";
export { sniffFormat, type DocumentFormat } from "./sniff-format.ts";
export { normalizeText } from "./normalize-text.ts";

export const ParsedDocument = z.object({
  format: z.enum(["pdf", "docx", "txt"]),
  text: z.string(),
  pages: z.number().int().nonnegative(),
  /** Each warning is "<code>: <detail>", the code stable for programs, the detail for people. */
  warnings: z.array(z.string().regex(/^[a-z_]+: /)),
});
export type ParsedDocument = z.infer<typeof ParsedDocument>;

/** Below this many non-space characters over all pages, a PDF's text layer is treated as absent (scanned). */
const MIN_TEXT_LAYER_CHARS = 20;

export async function readDocument(
  bytes: Uint8Array,
  fileName: string,
  limits?: Partial<ParseLimits>,
): Promise<ParsedDocument> {
  const lim = resolveLimits(limits);
  if (bytes.length === 0) throw new DocumentError("empty", fileName);
  if (bytes.length > lim.maxBytes) {
    throw new DocumentError("too_large", fileName, `the file is ${bytes.length} bytes (limit ${lim.maxBytes})`);
  }
  const format = sniffFormat(bytes, fileName);
  const warnings: string[] = [];
  let raw: string;
  let pages: number;
  if (format === "pdf") {
    const pdf = await extractPdf(bytes, fileName, lim);
    warnings.push(...pdf.warnings);
    pages = pdf.pages.length;
    raw = pdf.pages.join("\n\n");
    if (raw.replace(/\s/g, "").length < MIN_TEXT_LAYER_CHARS) {
      warnings.push(`no_text_layer: ${fileName} has no extractable text (scanned?); listed for manual review`);
      return { format, text: "", pages, warnings };
    }
  } else if (format === "docx") {
    const docx = await extractDocx(bytes, fileName, lim);
    warnings.push(...docx.warnings);
    raw = docx.text;
    pages = 1; // DOCX has no fixed pagination; 1 means "one flowing document"
  } else {
    const txt = decodeText(bytes, fileName);
    warnings.push(...txt.warnings);
    raw = txt.text;
    pages = 1;
  }

  const cut = truncateLongLines(raw.replace(/\r\n?/g, "\n"), lim.maxLineChars);
  if (cut.truncated > 0) {
    warnings.push(`line_truncated: ${cut.truncated} line(s) longer than ${lim.maxLineChars} characters were cut`);
  }
  let text = normalizeText(cut.text);
  if (text.length > lim.maxTextChars) {
    text = text.slice(0, lim.maxTextChars);
    warnings.push(`text_truncated: text cut to the first ${lim.maxTextChars} characters`);
  }
  if (format !== "pdf" && text.trim() === "") {
    throw new DocumentError("not_text", fileName, "the document contains no text");
  }
  return { format, text, pages, warnings };
}
