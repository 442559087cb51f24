/**
 * Step 2: find section headings by vocabulary AND shape. Vocabulary alone would turn the role
 * "Research Assistant" into a heading; shape alone would turn "Stanford University" into one.
 * A heading is a short line whose words (after dropping "&", "and", ",") are all heading
 * vocabulary, written in capitals or Title Case, optionally ending in ":". "Skills: Python, Go"
 * (a heading word, a colon, then content) opens the section inline.
 * Lines before the first heading are the header (name, contact).
 */
import type { Line } from "./lines.ts";

export type SectionKind =
  | "header" | "education" | "experience" | "research" | "teaching" | "projects" | "publications"
  | "skills" | "availability" | "summary" | "awards" | "coursework" | "other" | "unknown";

/** Phrases (lowercase, "&" read as "and") → kind. The first phrase found in a heading decides. */
const PHRASES: [string, SectionKind][] = [
  ["education", "education"], ["academic background", "education"], ["academic history", "education"],
  ["academics", "education"], ["academic qualifications", "education"], ["qualifications", "education"],
  ["degrees", "education"], ["training", "education"], ["academic record", "education"], ["schooling", "education"],
  ["education and training", "education"], ["ausbildung", "education"], ["academic qualification", "education"],
  ["research experience", "research"], ["research", "research"], ["research projects", "research"],
  ["positions", "research"], ["research positions", "research"], ["appointments", "research"],
  ["academic appointments", "research"], ["academic positions", "research"],
  ["teaching experience", "teaching"], ["teaching", "teaching"],
  ["work experience", "experience"], ["professional experience", "experience"], ["experience", "experience"],
  ["employment", "experience"], ["employment history", "experience"], ["work history", "experience"],
  ["industry experience", "experience"], ["work", "experience"], ["berufserfahrung", "experience"], ["career", "experience"],
  ["where i ve worked", "experience"], ["career history", "experience"], ["internships", "experience"], ["relevant experience", "experience"],
  ["projects", "projects"], ["selected projects", "projects"], ["personal projects", "projects"],
  ["academic projects", "projects"], ["project experience", "projects"],
  ["publications", "publications"], ["selected publications", "publications"], ["papers", "publications"],
  ["selected papers", "publications"], ["preprints", "publications"], ["conference papers", "publications"],
  ["journal articles", "publications"], ["refereed papers", "publications"], ["refereed publications", "publications"],
  ["conference proceedings", "publications"], ["peer reviewed papers", "publications"], ["journal papers", "publications"], ["peer reviewed publications", "publications"],
  ["skills", "skills"], ["technical skills", "skills"], ["programming languages", "skills"],
  ["languages", "skills"], ["tools", "skills"], ["technologies", "skills"], ["core competencies", "skills"],
  ["computer skills", "skills"], ["toolbox", "skills"], ["tech", "skills"], ["digital skills", "skills"], ["tech stack", "skills"], ["interests", "skills"], ["frameworks", "skills"],
  ["availability", "availability"], ["start date", "availability"], ["available", "availability"],
  ["summary", "summary"], ["profile", "summary"], ["objective", "summary"], ["about me", "summary"],
  ["professional summary", "summary"], ["career objective", "summary"],
  ["awards", "awards"], ["honors", "awards"], ["honours", "awards"], ["achievements", "awards"],
  ["scholarships", "awards"], ["fellowships", "awards"], ["certifications", "awards"],
  ["coursework", "coursework"], ["relevant coursework", "coursework"], ["selected coursework", "coursework"],
  ["courses", "coursework"],
  ["leadership", "other"], ["activities", "other"], ["volunteer", "other"], ["service", "other"],
  ["references", "other"], ["additional information", "other"], ["talks", "other"], ["patents", "other"],
  ["contact", "header"], ["details", "header"], ["personal details", "other"], ["reach me", "header"], ["contact details", "header"],
];
const LOOKUP = new Map(PHRASES);

export interface Heading {
  kind: SectionKind;
  /** Inline heading ("Skills: Python") — the line also carries section content. */
  inline: boolean;
}

function normalise(s: string): string {
  return s.toLowerCase().replace(/&/g, " and ").replace(/[^a-z ,/]/g, " ").replace(/\s+/g, " ").trim();
}

/** Kind of a heading text, or null: every part (split on and , /) must be heading vocabulary. */
function vocabulary(s: string): SectionKind | null {
  const parts = normalise(s).split(/\s*(?:,|\/|\band\b)\s*/).filter((p) => p.length > 0);
  if (parts.length === 0) return null;
  let kind: SectionKind | null = null;
  for (const p of parts) {
    const k = LOOKUP.get(p) ?? LOOKUP.get(p.replace(/^(?:relevant|selected|other|additional|key) /, ""));
    if (k === undefined) return null;
    kind ??= k;
  }
  return kind;
}

function shaped(s: string): boolean {
  const words = s.split(/\s+/).filter((w) => /[A-Za-z]/.test(w));
  if (words.length === 0 || words.length > 6 || s.length > 48 || /\d/.test(s)) return false;
  // All-lowercase headings ("education") occur in minimalist templates; vocabulary still must match.
  const caps = s === s.toUpperCase() || s === s.toLowerCase();
  const title = words.every((w) => /^[A-Z]/.test(w) || /^(?:and|of|&|the|for|in)$/i.test(w));
  return caps || title;
}

export function headingOf(line: Line): Heading | null {
  if (line.blank || line.bullet) return null;
  const t = line.text.replace(/[\s:|—–-]+$/, "").replace(/^[#=*\s]+/, "");
  if (shaped(t)) {
    const kind = vocabulary(t);
    if (kind) return { kind, inline: false };
  }
  const inline = /^([A-Za-z][A-Za-z &/]{1,35}):\s*\S/.exec(line.text);
  if (inline && shaped(inline[1]!)) {
    const kind = vocabulary(inline[1]!);
    if (kind) return { kind, inline: true };
  }
  return null;
}

export interface SectionedLine extends Line {
  section: SectionKind;
  /** This line is a (non-inline) heading itself and carries no content. */
  heading: boolean;
}

/** Tag each line with the section it sits in. Without any heading everything is "unknown". */
export function sectionize(lines: Line[]): SectionedLine[] {
  const headings = lines.map(headingOf);
  const any = headings.some((h) => h !== null);
  let current: SectionKind = any ? "header" : "unknown";
  return lines.map((line, i) => {
    const h = headings[i];
    if (h) current = h.kind;
    return { ...line, section: current, heading: h != null && !h.inline };
  });
}
