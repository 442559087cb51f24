/**
 * Decide what a file really is from its bytes. The extension is only a hint from the uploader and is never
 * trusted: a renamed .exe must not reach a parser, and a PDF named resume.txt should still be read as a PDF.
 */
import { DocumentError } from "./errors.ts";
import { isZipMagic, readZipDirectory } from "./zip-directory.ts";

export type DocumentFormat = "pdf" | "docx" | "txt";

/** Share of control characters above which decoded bytes are treated as binary, not text. */
const MAX_CONTROL_RATIO = 0.01;
/** Only the head is inspected: enough to tell text from binary without scanning a 10 MB upload twice. */
const TEXT_PROBE_BYTES = 64 * 1024;

export function sniffFormat(bytes: Uint8Array, fileName: string): DocumentFormat {
  if (bytes.length === 0) throw new DocumentError("empty", fileName);
  if (hasPdfHeader(bytes)) return "pdf";
  if (isZipMagic(bytes)) {
    const entries = readZipDirectory(bytes);
    if (entries === null) throw new DocumentError("corrupt", fileName, "the ZIP/DOCX archive is truncated or damaged");
    if (entries.some((e) => e.name === "word/document.xml")) return "docx";
    throw new DocumentError("unsupported_format", fileName, "the file is a ZIP archive but not a Word (DOCX) document");
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new DocumentError("unsupported_format", fileName, "legacy Word .doc files are not supported; save as DOCX or PDF");
  }
  if (looksLikeText(bytes)) return "txt";
  throw new DocumentError("unsupported_format", fileName);
}

/** PDF readers accept junk before the header within the first 1 KiB, so do we. */
function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, Math.min(bytes.length, 1024));
  const magic = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
  outer: for (let i = 0; i + magic.length <= head.length; i++) {
    for (let j = 0; j < magic.length; j++) if (head[i + j] !== magic[j]) continue outer;
    return true;
  }
  return false;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

export function hasUtf16Bom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * Text if it decodes (UTF-16 with BOM, else UTF-8, else as Latin-1 / Windows-1252) with almost no control
 * characters. Random binary has ~11% C0 controls and NULs, so the 1% bar separates them cleanly.
 */
function looksLikeText(bytes: Uint8Array): boolean {
  const utf16 = hasUtf16Bom(bytes);
  let probe = bytes.subarray(0, TEXT_PROBE_BYTES);
  if (utf16) {
    probe = probe.subarray(0, probe.length - (probe.length % 2));
    return controlRatio(new TextDecoder(utf16).decode(probe)) <= MAX_CONTROL_RATIO;
  }
  if (probe.includes(0)) return false; // NUL never occurs in UTF-8/Latin-1 prose
  // A multi-byte sequence may be cut at the probe end, so decode leniently; U+FFFD then marks bad bytes.
  const text = new TextDecoder("utf-8").decode(probe);
  return controlRatio(text) <= MAX_CONTROL_RATIO;
}

function controlRatio(text: string): number {
  if (text.length === 0) return 1;
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) control++;
  }
  return control / text.length;
}
