/**
 * Plain-text decoding. Resumes arrive from every editor on earth, so decoding is forgiving but honest:
 * a fallback encoding is reported as a warning instead of silently producing mojibake.
 */
import { DocumentError } from "./errors.ts";
import { hasUtf16Bom } from "./sniff-format.ts";

export interface DecodedText {
  text: string;
  warnings: string[];
}

export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  const warnings: string[] = [];
  let text: string;
  const utf16 = hasUtf16Bom(bytes);
  if (utf16) {
    text = new TextDecoder(utf16).decode(bytes); // BOM is stripped by TextDecoder
  } else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); // UTF-8 BOM stripped too
    } catch {
      // windows-1252 is what "Latin-1" means in practice (WHATWG maps latin1 to it): smart quotes decode right.
      text = new TextDecoder("windows-1252").decode(bytes);
      warnings.push(`not_utf8: ${fileName} decoded as Latin-1`);
    }
  }
  if (text.replace(/\s/g, "").length === 0) throw new DocumentError("not_text", fileName, "the text file is blank");
  return { text: text.replace(/\r\n?/g, "\n"), warnings };
}
