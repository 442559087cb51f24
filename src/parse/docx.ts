/**
 * DOCX → text via mammoth. Before mammoth sees the file, the archive is checked cheaply: word/document.xml
 * must exist, and neither its declared nor its actual inflated size may exceed the limit (zip-bomb guard).
 */
import mammoth from "mammoth";
import { DocumentError } from "./errors.ts";
import type { ParseLimits } from "./limits.ts";
import { withTimeout } from "./timeout.ts";
import { checkInflatedSize, readZipDirectory } from "./zip-directory.ts";

export interface DocxText {
  text: string;
  warnings: string[];
}

const DOCUMENT_XML = "word/document.xml";

export async function extractDocx(bytes: Uint8Array, fileName: string, limits: ParseLimits): Promise<DocxText> {
  const entries = readZipDirectory(bytes);
  if (entries === null) throw new DocumentError("corrupt", fileName, "the DOCX archive is truncated or damaged");
  const main = entries.find((e) => e.name === DOCUMENT_XML);
  if (main === undefined) {
    throw new DocumentError("unsupported_format", fileName, "the file is a ZIP archive but not a Word (DOCX) document");
  }
  const tooLarge = () =>
    new DocumentError("too_large", fileName, `the document body expands beyond ${limits.maxDocxXmlBytes} bytes (possible zip bomb)`);
  // 0xFFFFFFFF means a ZIP64 size, i.e. > 4 GiB: refused by the same rule.
  if (main.uncompressedSize > limits.maxDocxXmlBytes) throw tooLarge();
  const inflated = checkInflatedSize(bytes, main, limits.maxDocxXmlBytes);
  if (inflated === "too_large") throw tooLarge();
  if (inflated === "unreadable") throw new DocumentError("corrupt", fileName, "the DOCX document body cannot be decompressed");

  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await withTimeout(
      mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }),
      limits.timeoutMs,
      fileName,
    );
  } catch (e) {
    if (e instanceof DocumentError) throw e;
    // mammoth/JSZip errors ("Corrupted zip", malformed XML) all mean the file is broken; their text may quote
    // document content, so it is kept only as `cause`, never in the message.
    throw new DocumentError("corrupt", fileName, "the DOCX file is damaged or not a valid Word document", { cause: e });
  }
  // mammoth reports unsupported constructs as warnings; they rarely matter for text, so only count them.
  const issues = result.messages.filter((m) => m.type === "warning" || m.type === "error").length;
  const warnings = issues > 0 ? [`docx_conversion: ${fileName}: ${issues} element(s) could not be converted`] : [];
  // mammoth ends every paragraph with "\n\n"; a resume paragraph is a line, so map that back to one newline
  // (empty paragraphs still leave a blank line) to match what PDF and TXT give.
  return { text: result.value.replace(/\n\n/g, "\n"), warnings };
}
