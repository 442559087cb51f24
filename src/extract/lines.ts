/**
 * Step 1: split the resume into lines that remember where they came from, so every later step
 * can emit evidence whose offsets index the ORIGINAL text (`text.slice(start, end) === evidence.text`).
 */
import type { Evidence } from "../domain/profile.ts";

export interface Line {
  /** Position among all lines (blank ones included), so "adjacent" means adjacent in the file. */
  index: number;
  /** The line with surrounding whitespace trimmed; exactly `original.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  blank: boolean;
  /** Starts with a list marker ("- ", "•", "*", "[1]", "1."). */
  bullet: boolean;
}

const BULLET = /^(?:[-•*▪◦‣·]\s|\[\d+\]|\d{1,2}[.)]\s)/;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  // Split on \n only and trim \r with the rest of the whitespace so offsets stay exact for CRLF input.
  let pos = 0;
  let index = 0;
  for (const raw of text.split("\n")) {
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    const start = pos + lead;
    lines.push({
      index: index++,
      text: trimmed,
      start,
      end: start + trimmed.length,
      blank: trimmed.length === 0,
      bullet: BULLET.test(trimmed),
    });
    pos += raw.length + 1;
  }
  return lines;
}

/** Evidence for `line.text.slice(from, to)`, converted to offsets in the original text. */
export function evidenceAt(feature: string, line: Line, from = 0, to = line.text.length): Evidence {
  return { feature, text: line.text.slice(from, to), start: line.start + from, end: line.start + to };
}
