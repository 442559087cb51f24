import { sectionize, type SectionedLine } from "../../../src/extract/sections.ts";
import { splitLines } from "../../../src/extract/lines.ts";

/** Lines of `text` tagged with sections, as extractProfile sees them. */
export function prepare(text: string): SectionedLine[] {
  return sectionize(splitLines(text));
}

export const RESUME_ID = "0".repeat(64);
