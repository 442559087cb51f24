/**
 * Step 2: find section headings by vocabulary AND shape. Vocabulary alone would turn the role
 * "Research Assistant" into a heading; shape alone would turn "Stanford University" into one.
 * A heading is a short line whose words (after dropping "&", "and", ",") are all heading
 * vocabulary, written in capitals or Title Case, optionally ending in ":". "Skills: Python, Go"
 * (a heading word, a colon, then content) opens the section inline.
 * Lines before the first heading are the header (name, contact).
 */
import { scanDates } from "./dates.ts";
import { findDegrees } from "./degrees.ts";
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
  ["where i ve worked", "experience"], ["where i studied", "education"], ["where i trained", "education"], ["career history", "experience"], ["internships", "experience"], ["relevant experience", "experience"],
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
  ["scholarships", "awards"], ["fellowships", "awards"],
  ["coursework", "coursework"], ["relevant coursework", "coursework"], ["selected coursework", "coursework"],
  ["courses", "coursework"],
  ["leadership", "other"], ["activities", "other"], ["volunteer", "other"], ["service", "other"],
  ["references", "other"], ["additional information", "other"], ["talks", "other"], ["patents", "other"],
  ["contact", "header"], ["details", "header"], ["personal details", "other"], ["reach me", "header"], ["contact details", "header"],
  // Common headings the lists above missed; singular/plural and modifiers ("Invited", "Journal") are handled in vocabulary().
  ["studies", "education"], ["academic studies", "education"], ["degree", "education"], ["academic", "education"],
  ["industry", "experience"], ["internship", "experience"], ["positions held", "experience"], ["job market paper", "research"],
  ["articles", "publications"], ["manuscripts", "publications"], ["papers under review", "publications"],
  ["in preparation", "other"], ["manuscripts in preparation", "other"], ["work in progress", "other"],
  ["posters", "other"], ["presentations", "other"], ["invited talks", "other"], ["others", "other"], ["other", "other"],
  ["miscellaneous", "other"], ["misc", "other"], ["personal information", "other"], ["personal data", "other"],
  ["start", "availability"], ["notice period", "availability"], ["notice", "availability"], ["when i can start", "availability"],
  // Headings of non-English CVs written otherwise in English (diacritics are stripped first).
  ["formation", "education"], ["formacion", "education"], ["experience professionnelle", "experience"], ["experiencia", "experience"],
  ["competences", "skills"], ["langues", "skills"], ["idiomas", "skills"], ["outils", "skills"], ["kenntnisse", "skills"],
  ["coordonnees", "header"], ["publicaciones", "publications"],
  ["diplomes", "education"], ["disponibilite", "availability"], ["disponibilidad", "availability"],
  // Abbreviated headings of terse resumes, and the UK academic "Research Outputs".
  ["edu", "education"], ["pubs", "publications"], ["research output", "publications"], ["outputs", "publications"],
  // ("Thesis" is deliberately absent: "Thesis: …" inside an education entry is not a new section.)
  ["jobs", "experience"],
  // Europass skill blocks, the UK academic "Posts" (appointments) and humanities' "Writing(s)".
  ["language skills", "skills"], ["personal skills", "skills"], ["digital competence", "skills"],
  ["posts", "research"], ["writing", "publications"],
  // Academic CVs' "Bibliography".
  ["bibliography", "publications"],
  // Chinese CVs in English list papers under "Academic/Research Achievements" (plain "Achievements" stays awards).
  ["academic achievements", "publications"], ["research achievements", "publications"],
  // A certificate names a course completed, not work done: weak like coursework.
  ["certificates", "coursework"], ["certifications", "coursework"], ["licenses and certifications", "coursework"],
  ["online courses", "coursework"],
  // UK degrees list "modules"; economists' "Working papers" (publications.ts counts only those under review); UK
  // CVs' "Referees".
  ["modules", "coursework"], ["working papers", "publications"], ["referees", "other"],
  // A self-evaluation paragraph (Chinese and Korean CVs), a teaching-assistant list, a keywords line, German
  // "Sprachen" and "Verfügbarkeit".
  ["self assessment", "summary"], ["self evaluation", "summary"], ["teaching assistance", "teaching"],
  ["teaching assistantships", "teaching"], ["keywords", "skills"], ["sprachen", "skills"], ["verfugbarkeit", "availability"],
  // Campus resumes: hackathons are projects built; clubs and a work-authorization note are neither; a "Conference
  // Abstracts" list (posters, abstracts) is no list of papers.
  ["hackathons", "projects"], ["clubs", "other"], ["work authorization", "other"], ["work authorisation", "other"],
  ["abstracts", "other"],
  // A "Theses" list (Dissertation, Diplomarbeit, Masterarbeit) names the degrees' own write-ups, not papers.
  ["theses", "other"],
  // Testimonials ("Recommendations" in LinkedIn-style CVs: quotes from colleagues, letters on request) are about the
  // candidate, not the candidate's work.
  ["recommendations", "other"], ["testimonials", "other"], ["endorsements", "other"],
  // Remarks and footnotes under the entries ("Remarks", "Notes") explain them; they list nothing.
  ["remarks", "other"], ["notes", "other"], ["footnotes", "other"],

  // Headings written as sentences, read without "here is", "have" / "could" ("What I have published", "Here is what I
  // have written", "Where I have worked", "When I could start").
  ["what i published", "publications"], ["what i written", "publications"], ["what i wrote", "publications"],
  ["where i published", "publications"], ["what i studied", "education"], ["where i worked", "experience"],
  ["what i done", "experience"], ["what i did", "experience"], ["where i spoken", "other"], ["where i presented", "other"],
  ["when i start", "availability"], ["things i written", "publications"], ["things i published", "publications"],
];
const LOOKUP = new Map(PHRASES);

export interface Heading {
  kind: SectionKind;
  /** Inline heading ("Skills: Python") — the line also carries section content. */
  inline: boolean;
}

function normalise(s: string): string {
  // "Expérience" → "experience"; a parenthetical ("Publications (peer-reviewed)") qualifies, it does not name.
  // "Publicaciones | Publications": a bar between two namings is read like "/".
  const n = s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\([^)]*\)/g, " ")
    .replace(/&/g, " and ").replace(/\s\|\s/g, " / ").replace(/[^a-z ,/]/g, " ").replace(/\s+/g, " ").trim();
  return /^(?:and |here )?(?:is |are )?(?:what|where|when|things) i /.test(n) ? sentenceHeading(n) : n;
}

/** "and here is what i have written" → "what i written": the words a sentence heading adds to its phrase. */
function sentenceHeading(n: string): string {
  return n.replace(/^(?:and )?(?:here )?(?:is |are )?/, "").replace(/ i (?:have |ve |could |can |would )/, " i ");
}

/** Vocabulary words of eight letters or more, for headings typed with one letter wrong ("Educaton", "Avalability"). */
const LONG_WORDS = PHRASES.map(([p]) => p).filter((p) => /^[a-z]{8,}$/.test(p));

/** One insertion, deletion or substitution apart (a missing, extra or wrong letter). */
function oneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A heading word of eight letters or more typed with one letter wrong, as the vocabulary word it misspells. */
function misspelt(p: string): SectionKind | undefined {
  if (!/^[a-z]{8,}$/.test(p)) return undefined;
  const w = LONG_WORDS.find((x) => x[0] === p[0] && oneEdit(x, p));
  return w === undefined ? undefined : LOOKUP.get(w);
}

const NOTE_TO_READER = /^(?:a\s+)?(?:short\s+|closing\s+|final\s+)?notes?\s+(?:to|for)\s+(?:the\s+|my\s+|any\s+)?(?:hiring\s+(?:team|manager|committee|panel)|recruiters?|recruiting\s+team|readers?|employers?|search\s+committee|selection\s+committee)$/;
/** Words that qualify a heading noun without changing its kind ("Invited Talks", "Journal Papers", "Professional Career"). */
const MODIFIERS = new Set([
  "relevant", "selected", "select", "other", "additional", "key", "invited", "recent", "academic", "professional",
  "research", "journal", "conference", "refereed", "peer", "reviewed", "technical", "industry", "industrial", "work",
  "full", "list", "of", "my", "main", "core", "notable", "current", "previous", "prior", "related", "scientific",
  "graduate", "undergraduate", "educational", "international", "major", "and", "contributed", "further",
  "campus", "student", "workshop", "domestic", "national", "regional", "local",
]);
/** Trailing words that add nothing ("Education Background", "Employment Record", "Papers under review"). */
const FILLERS = /\s+(?:background|history|record|records|details|overview|section|highlights|information|under review|so far|held|experience|matrix)$/;

function lookup(p: string): SectionKind | undefined {
  const singular = p.replace(/s$/, "");
  return LOOKUP.get(p) ?? LOOKUP.get(singular) ?? LOOKUP.get(`${p}s`);
}

/** Kind of one phrase: as written, without trailing filler, then without leading modifiers. */
function phraseKind(phrase: string): SectionKind | undefined {
  let p = phrase;
  for (;;) {
    const k = lookup(p) ?? lookup(p.replace(FILLERS, "")) ?? misspelt(p.replace(FILLERS, ""));
    if (k !== undefined) return k;
    const words = p.split(" ");
    if (words.length < 2 || !MODIFIERS.has(words[0]!)) return undefined;
    p = words.slice(1).join(" ");
  }
}

/**
 * Kind of a heading text, or null: every part (split on and , /) must be heading vocabulary, the first part
 * deciding ("Research & Projects" → research); failing that, the whole phrase ("Journal and Conference Papers").
 */
function vocabulary(s: string): SectionKind | null {
  const whole = normalise(s);
  if (whole.length === 0) return null;
  // "Conferences" alone lists meetings attended or spoken at ("Poster, EAS Annual Meeting 2024; talk, …"); conference
  // papers have headings of their own ("Conference Papers", "Conference Proceedings"), and "International
  // Conference" is a sub-heading of a paper list.
  if (whole === "conferences") return "other";
  // "Note to the hiring team", "A note for recruiters": a closing letter to the reader, outside every list.
  if (NOTE_TO_READER.test(whole)) return "other";
  const parts = whole.split(/\s*(?:,|\/|\band\b)\s*/).filter((p) => p.length > 0);
  // An all-lowercase line is often a wrapped tail ("services"): it must match the vocabulary exactly.
  const exact = (p: string) => LOOKUP.get(p) ?? LOOKUP.get(p.replace(/^(?:relevant|selected|other|additional|key) /, ""));
  if (s === s.toLowerCase()) return parts.length > 0 && parts.every((p) => exact(p) !== undefined) ? exact(parts[0]!)! : null;
  const kinds = parts.map(phraseKind);
  // "Patents & Papers", "Talks and Publications": the papers are listed there (publications.ts drops the talks and
  // patents line by line).
  if (kinds.every((k) => k !== undefined)) return kinds.includes("publications") && kinds.every((k) => k === "publications" || k === "other") ? "publications" : kinds[0]!;
  const byWhole = phraseKind(whole);
  if (byWhole) return byWhole;
  // A bilingual heading ("Diplômes / Degrees", "Berufserfahrung / Work experience"): one side we know is enough.
  const sides = whole.split(/\s*\/\s*/);
  if (sides.length === 2) return sides.map(phraseKind).find((k) => k !== undefined) ?? null;
  return null;
}

function shaped(s: string): boolean {
  // A heading does not end a sentence ("project." is the tail of a wrapped bullet).
  if (s.endsWith(".")) return false;
  const words = s.split(/\s+/).filter((w) => /[A-Za-z]/.test(w));
  if (words.length === 0 || words.length > 6 || s.length > 48 || /\d/.test(s)) return false;
  // All-lowercase headings ("education") occur in minimalist templates; vocabulary still must match.
  const caps = s === s.toUpperCase() || s === s.toLowerCase();
  const title = words.every((w) => /^[A-Z]/.test(w) || /^(?:and|of|&|the|for|in)$/i.test(w));
  return caps || title;
}

/**
 * Sentence case ("Journal articles", "When I can start", "Degrees held"), as LaTeX CV templates and word processors
 * write headings: accepted only when the whole line is heading vocabulary, like any other heading.
 */
function sentenceCased(s: string): boolean {
  const words = s.split(/\s+/);
  // Six words only for a heading written as a sentence ("Here is what I have written").
  return /^[A-Z][a-z]/.test(s) && (words.length <= 5 || (words.length === 6 && /^(?:Here|And)\s/.test(s))) && s.length <= 40 && !/[\d.]/.test(s)
    && words.slice(1).every((w) => /^[a-z]+$/.test(w) || w === "I");
}

/** Sentence case with letters outside ASCII ("Expérience professionnelle", "Formación académica"). */
function sentenceCasedWords(s: string): boolean {
  const words = s.split(/\s+/);
  return /^\p{Lu}\p{Ll}/u.test(s) && words.length <= 4 && s.length <= 40 && !/[\d.]/.test(s)
    && words.slice(1).every((w) => /^\p{Ll}+$/u.test(w));
}

export function headingOf(line: Line): Heading | null {
  if (line.blank || line.bullet) return null;
  const t = line.text.replace(/[\s:|—–-]+$/, "").replace(/^[#=*\s]+/, "").replace(/\s*\([^)]*\)\s*/g, " ").trim();
  // An all-lowercase line with a parenthetical ("recommendations (120M users)") is the wrapped tail of a sentence.
  const lowerTail = t === t.toLowerCase() && /\(/.test(line.text);
  // A heading in two languages ("Expérience professionnelle / Work experience"): each side shaped like a heading.
  const sides = / [/|] /.test(t) ? t.split(/ [/|] /) : [];
  const twoSided = sides.length === 2 && sides.every((x) => shaped(x) || sentenceCasedWords(x));
  if (!lowerTail && (shaped(t) || sentenceCased(t) || twoSided)) {
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

const CONTENT_SECTIONS = new Set<SectionKind>(["education", "experience", "research", "teaching", "projects", "publications", "unknown"]);
const NOT_A_HEADING = /[\d@,.;]|\b(?:University|College|Institute|School|Inc|LLC|Ltd|GmbH|Corp|Lab|Laboratory|Company|Hospital)\b/i;

/**
 * A heading we have no word for ("WHERE I STUDIED", "JOB INTENTION"): written in capitals like at least one
 * recognised heading of the same resume, at most four words, no digits or punctuation, not a place of study or
 * work, and not the first line (the name). It opens a section of kind "other", so the lines under it are not
 * read as belonging to the section above.
 */
function capsHeading(line: Line, first: boolean): boolean {
  if (first || line.blank || line.bullet) return false;
  const t = line.text.replace(/[\s:]+$/, "");
  const words = t.split(/\s+/);
  return /[A-Z]{2}/.test(t) && t === t.toUpperCase() && words.length <= 4 && t.length <= 40 && !NOT_A_HEADING.test(t)
    && !/[-–—]$/.test(t) && findDegrees(t).length === 0;
}

/** Statement sections a short unrecognised heading may end (a list section such as Skills has sub-headings). */
const STATEMENT_SECTIONS = new Set<SectionKind>(["availability", "summary", "awards"]);

/**
 * A Title-Case heading we have no word for ("Senior Thesis", "Campus Jobs") after a short statement section
 * ("Available / June 2026"): at most three words, not a place, a degree or a date, after the statement's own
 * content (or a blank line), with a line of at least three words below it. Without this, the thesis would be read
 * as part of the availability statement. (DOCX text carries no blank lines, so a blank line cannot be required.)
 */
function titleHeading(lines: Line[], i: number, afterContent: boolean): boolean {
  const line = lines[i]!;
  const prev = lines[i - 1];
  const next = lines[i + 1];
  if (line.blank || line.bullet || !prev || !(prev.blank || afterContent) || !next || next.blank) return false;
  if (next.text.split(/\s+/).length < 3) return false;
  const t = line.text.replace(/[\s:]+$/, "");
  return t.split(/\s+/).length <= 3 && shaped(t) && !NOT_A_HEADING.test(t) && /^[A-Z]/.test(t)
    && findDegrees(t).length === 0 && scanDates(t).length === 0;
}

/**
 * The header is the name and contact block. A bullet, a sentence-long line or a date range ("since 2023",
 * "2018 – 2022") before the first heading is résumé body under a heading we did not recognise ("Trajectory"), so
 * from there on it is "unknown" (read like an untitled resume), not header. A lone date (of birth) is not.
 */
function bodyInHeader(line: Line): boolean {
  return line.bullet || line.text.split(/\s+/).length > 12 || scanDates(line.text).some((d) => d.range);
}

/** Tag each line with the section it sits in. Without any heading everything is "unknown". */
export function sectionize(lines: Line[]): SectionedLine[] {
  const headings = lines.map(headingOf);
  const firstText = lines.findIndex((l) => !l.blank);
  const capsStyle = headings.some((h, i) => h !== null && !h.inline && lines[i]!.text === lines[i]!.text.toUpperCase());
  const any = headings.some((h) => h !== null);
  let current: SectionKind = any ? "header" : "unknown";
  let contentLines = 0;
  const tagged = lines.map((line, i) => {
    let h = headings[i];
    // Inside content sections capitals are job titles, employers and degrees ("NOT WORKING", "INFOSYS"); only a
    // header, list or statement section is ended by an unrecognised capitalised line.
    if (!h && capsStyle && !CONTENT_SECTIONS.has(current) && capsHeading(line, i === firstText)) h = { kind: "other", inline: false };
    if (!h && STATEMENT_SECTIONS.has(current) && titleHeading(lines, i, contentLines > 0)) h = { kind: "other", inline: false };
    contentLines = h && !h.inline ? 0 : line.blank ? contentLines : contentLines + 1;
    if (h) current = h.kind;
    else if (current === "header" && bodyInHeader(line)) current = "unknown";
    return { ...line, section: current, heading: h != null && !h.inline };
  });
  // A resume that is one "About me" paragraph and nothing else: the paragraph is the résumé body, not a summary
  // to discount (a summary is weak evidence only beside sections that can show the work).
  if (!tagged.some((l) => !l.blank && !l.heading && CONTENT_SECTIONS.has(l.section))) {
    return tagged.map((l) => (l.section === "summary" && !l.heading ? { ...l, section: "unknown" } : l));
  }
  return tagged;
}
