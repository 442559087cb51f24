import { normalizeText } from "../../../src/parse/normalize-text.ts";

/** Whitespace-insensitive form, so wrapped PDF lines still match their source line. */
export function flat(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** What a fixture line should look like after extraction: bullet marker dropped, normalised, flattened. */
export function expectedLine(line: string): string {
  return flat(normalizeText(line.replace(/^- /, "")).replace(/^- /, ""));
}
