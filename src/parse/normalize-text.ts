/**
 * Canonical text form shared by every format, so extraction rules downstream see one spelling of each thing:
 * "ﬁ" and "fi", a Word Symbol-font bullet and "•", a no-break space and a space all look the same afterwards.
 */

/** Glyphs used as list markers. Dedicated bullet glyphs are markers even when glued to the word. */
const BULLET_GLYPHS = "•▪■□●◦○‣⁃∙◆◇❖➢➤►▶▸✓✔✗✦★☐\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf02d";
const BULLET_AT_START = new RegExp(`^[${BULLET_GLYPHS}]\\s*`);
/** Dashes and "*" are markers only when a space follows: "–2020" or "*nix" are not list items. */
const DASH_BULLET_AT_START = /^[-–—*·]\s+/;

export function normalizeText(input: string): string {
  // NFKC folds ligatures (ﬁ), full-width letters and most odd spaces; Symbol-font bullets (Private Use Area)
  // survive it and are handled as bullet glyphs below.
  let text = input.normalize("NFKC");
  text = text
    .replace(/\r\n?/g, "\n")
    .replace(/\f/g, "\n\n") // page breaks become block breaks
    .replace(/\u00ad/g, "") // soft hyphen: only a hint where a line may break
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, "") // zero-width characters split words invisibly
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, " ")
    // Remaining C0/C1 controls carry no meaning in a resume and confuse downstream regexes.
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g, "");

  const lines = text.split("\n").map(normalizeLine);
  const out: string[] = [];
  let blanks = 0;
  for (const line of lines) {
    if (line === "") {
      blanks++;
      if (blanks > 2) continue; // at most 2 consecutive blank lines
    } else {
      blanks = 0;
    }
    out.push(line);
  }
  return out.join("\n").replace(/^\n+|\n+$/g, "");
}

function normalizeLine(raw: string): string {
  let line = raw.replace(/ {2,}/g, " ").trim();
  if (BULLET_AT_START.test(line)) line = "- " + line.replace(BULLET_AT_START, "");
  else if (DASH_BULLET_AT_START.test(line)) line = "- " + line.replace(DASH_BULLET_AT_START, "");
  line = line.trimEnd();
  return line === "-" ? "" : line;
}

/**
 * Cut lines longer than `maxLineChars`. Runs before normalisation so a 5 MB single line costs one slice,
 * not a full NFKC pass. Returns how many lines were cut so the caller can warn.
 */
export function truncateLongLines(text: string, maxLineChars: number): { text: string; truncated: number } {
  let truncated = 0;
  const lines = text.split("\n").map((line) => {
    if (line.length <= maxLineChars) return line;
    truncated++;
    return line.slice(0, maxLineChars);
  });
  return { text: truncated > 0 ? lines.join("\n") : text, truncated };
}
