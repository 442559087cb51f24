/**
 * Blind features: remove what identifies a person or a protected characteristic from resume text
 * (and from term lists) before anything is turned into a model input.
 *
 * Removed: the candidate's name and its parts, e-mails, phones, URLs and @handles, dates of birth
 * and ages, gender words and gendered pronouns/titles, nationality / citizenship / marital-status
 * (and religion, ethnicity, gender) fields and phrases, and photo references.
 *
 * Redacted spans become a single space, never a placeholder token: a placeholder would itself be a
 * feature ("[NAME]" appears on every resume with a name) and would shift term positions less
 * predictably. Pure and synchronous; static patterns are compiled once per module load and the
 * per-profile name pattern once per call.
 *
 * Known trade-off: a capitalised name part that is also a skill ("Julia", "Rust") is removed as well; blindness
 * wins over that rare lost term.
 */
import PorterStemmer from "natural/lib/natural/stemmers/porter_stemmer.js";
import type { CandidateProfile } from "../domain/profile.ts";

/** Only `contact` is read; accepting the narrow shape keeps callers (and tests) honest. */
export type RedactionProfile = Pick<CandidateProfile, "contact">;

/** Gendered words, pronouns and titles. "they/them" are neutral and stay. */
const GENDER_WORDS = [
  "he", "she", "him", "her", "his", "hers", "himself", "herself",
  "mr", "mrs", "ms", "miss", "mister", "madam", "sir",
  "male", "female", "males", "females", "man", "woman", "men", "women", "boy", "girl", "boys", "girls",
  "gentleman", "gentlemen", "lady", "ladies", "guy", "gal",
  "husband", "wife", "father", "mother", "dad", "mom", "mum", "son", "daughter", "brother", "sister",
  "fraternity", "sorority", "maternity", "paternity", "pregnant", "pregnancy",
  "masculine", "feminine", "transgender", "nonbinary", "non-binary",
];
/** Words that only ever say something about marital status, citizenship or a photo. */
const STATUS_WORDS = [
  "married", "unmarried", "divorced", "widowed", "widow", "widower", "spouse", "fiance", "fiancee",
  "nationality", "citizenship", "citizen", "citizens",
  "photo", "photograph", "photos", "headshot", "portrait", "selfie",
];

/**
 * "Label: value" fields whose value is personal. The value runs to the end of the line, the end of
 * the sentence or a separator (| ; • · or two spaces), which is how resume headers pack several
 * fields on one line.
 */
const LABELLED_FIELD =
  /\b(?:date\s+of\s+birth|d\.?o\.?b\.?|birth\s*date|birthday|place\s+of\s+birth|birthplace|born|age|gender|sex|marital\s+status|civil\s+status|family\s+status|nationality|citizenship|country\s+of\s+(?:origin|citizenship)|religion|ethnicity|race|visa\s+status|passport(?:\s+no\.?)?|photo|picture)(?:[ \t]*[:=]|[ \t]+[–-])[ \t]*[^\n|;•·]*?(?=[ \t]{2,}|[|;•·\n]|\.(?:\s|$)|$)/gim;
/** Same shape as the extractor's (src/extract/contact.ts): an apostrophe may sit inside the local part ("o'kon@…"). */
const EMAIL = /[A-Za-z0-9._%+-]+(?:'[A-Za-z0-9._%+-]+)*@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()"]+/gi;
const PROFILE_HOST =
  /\b(?:[a-z0-9-]+\.)*(?:linkedin|github|gitlab|bitbucket|twitter|x|facebook|instagram|medium|kaggle|stackoverflow|orcid|researchgate|behance|dribbble)\.(?:com|org|io|net)(?:\/[^\s<>()"]*)?/gi;
const SCHOLAR = /\bscholar\.google\.[a-z.]+(?:\/[^\s<>()"]*)?/gi;
/** "GitHub: jdoe" — the value after a profile label is a handle. */
const PROFILE_LABEL = /\b(?:github|gitlab|linkedin|twitter|instagram|telegram|skype|wechat|kaggle)\s*[:]\s*\S+/gi;
const HANDLE = /(?<![\w.@])@[A-Za-z0-9_][A-Za-z0-9_.]{1,38}/g;
const PHONE = /(?<![\w/])\+?\(?\d[\d\s().-]{7,18}\d(?![\w/])/g;
/** A digit group that reads as part of a date: a year, or a 1–2 digit month/day. */
const DATE_GROUP = /^(?:(?:19|20)\d\d|\d{1,2})$/;
const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
const BIRTH_PHRASE = new RegExp(
  `\\b(?:born|b\\.)\\s+(?:on\\s+|in\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s+\\d{4}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}|(?:19|20)\\d\\d|${MONTH}\\s+\\d{4})`,
  "gi",
);
const AGE_PHRASE =
  /\b(?:aged?\s*:?\s*\d{1,2}\b|\d{1,2}\s*(?:-\s*)?(?:years?|yrs?)(?:\s*|-)old\b|\d{1,2}\s*y\/o\b|\d{1,2}-year-old\b)/gi;
const CITIZEN_PHRASE =
  /\b(?:(?:[A-Z][a-z]+|U\.?S\.?A?\.?|EU|UK)\s+(?:citizen(?:ship)?|passport(?:\s+holder)?)|citizen(?:ship)?\s+of\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*|permanent\s+resident|green\s+card(?:\s+holder)?)\b/g;
const MARITAL_PHRASE = /\b(?:single|married|divorced|widowed|separated)\s*,?\s*(?:with\s+)?(?:\d+|one|two|three|no)\s+(?:children|kids)\b|\b(?:mother|father|parent)\s+of\s+(?:\d+|one|two|three)\b/gi;
const PHOTO_PHRASE = /\b(?:photo|photograph|picture|headshot|image)\s+(?:attached|enclosed|included|below|above)\b|\[(?:photo|picture|image)\]/gi;
const NAME_PARTICLES = new Set(["de", "van", "von", "der", "da", "di", "del", "la", "le", "bin", "al", "el", "du", "dos", "das"]);

const WORD_BLOCK = wordPattern([...GENDER_WORDS, ...STATUS_WORDS]);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whole-word, case-insensitive alternation; letters around the match (incl. accents) end the word. */
function wordPattern(words: readonly string[]): RegExp {
  const alt = [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|");
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alt})\\.?(?![\\p{L}\\p{N}_])`, "giu");
}

/** The significant parts of a name: no particles, no initials. */
export function nameParts(name: string | null): string[] {
  if (name === null) return [];
  const cleaned = name.replace(/,\s*(?:Ph\.?D\.?|M\.?S\.?|MBA|Jr\.?|Sr\.?|I{2,3}|IV)\s*$/i, "");
  return cleaned
    .split(/[\s,]+/)
    .flatMap((w) => w.split("-").concat(w.includes("-") ? [w] : []))
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}'’]+$/gu, "").replace(/['’]s$/i, ""))
    .filter((w) => w.replace(/\./g, "").length >= 2 && !NAME_PARTICLES.has(w.toLowerCase()));
}

function titleCase(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
}

/**
 * The full name (it may hold particles and initials), then each significant part, as written,
 * Title-cased and UPPER-cased. Case-sensitive on purpose: "Will" the name goes, "will" the verb stays.
 */
function namePattern(name: string | null | undefined): RegExp | null {
  name = name?.trim();
  if (!name) return null;
  const words = new Set<string>();
  for (const w of [name, ...nameParts(name)]) {
    words.add(w);
    words.add(w.split(/(\s+|-)/).map((p) => (/^(\s+|-)$/.test(p) ? p : titleCase(p))).join(""));
    words.add(w.toUpperCase());
  }
  const alt = [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|");
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alt})(?:['’]s)?(?![\\p{L}\\p{N}_])`, "gu");
}

const HEADER_NOT_NAME =
  /\b(?:resume|résumé|curriculum|vitae|cv|profile|summary|contact|education|experience|skills|objective|university|college|institute|engineer|engineering|scientist|science|developer|researcher|research|student|candidate|analyst|manager|machine|learning|data|software|computer|intern|street|avenue|road)\b/i;

/**
 * Fallback when extraction found no name (e.g. "Jane Doe, RN" with a credential it does not know):
 * the first non-blank line, credentials after a comma dropped, when it reads as 2–4 capitalised
 * words. Without it the name would reach the features whenever the extractor misses it.
 */
export function headerName(text: string): string | null {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== "")?.trim();
  if (!first || /[\d@|:/]/.test(first) || HEADER_NOT_NAME.test(first)) return null;
  const words = first.replace(/,.*$/, "").trim().split(/\s+/);
  const ok = words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w));
  return ok ? words.join(" ") : null;
}

/** 10–15 digits, and not a date range such as "2019.01 - 2023.06" (all groups years or months). */
function isPhone(match: string): boolean {
  const digits = match.replace(/\D/g, "").length;
  if (digits < 10 || digits > 15) return false;
  const groups = match.split(/\D+/).filter((g) => g !== "");
  const isDate = groups.every((g) => DATE_GROUP.test(g)) && groups.some((g) => g.length === 4);
  return !isDate;
}

/** Resume text with personal and protected-characteristic spans replaced by a space. */
export function redactForFeatures(text: string, profile: RedactionProfile): string {
  let out = text;
  // Order matters: structured spans (e-mails, URLs) before words, so "jane.doe@x.com" goes whole.
  out = out.replace(EMAIL, " ");
  out = out.replace(URL, " ").replace(SCHOLAR, " ").replace(PROFILE_HOST, " ");
  out = out.replace(PROFILE_LABEL, " ").replace(HANDLE, " ");
  out = out.replace(PHONE, (m) => (isPhone(m) ? " " : m));
  out = out.replace(LABELLED_FIELD, " ");
  out = out.replace(BIRTH_PHRASE, " ").replace(AGE_PHRASE, " ");
  out = out.replace(CITIZEN_PHRASE, " ").replace(MARITAL_PHRASE, " ").replace(PHOTO_PHRASE, " ");
  const names = namePattern(profile.contact.name ?? headerName(text));
  if (names) out = out.replace(names, " ");
  out = out.replace(WORD_BLOCK, " ");
  return out;
}

const BLOCKED_TERMS = new Set([...GENDER_WORDS, ...STATUS_WORDS].map((w) => w.toLowerCase()));
const BLOCKED_STEMS = new Set([...BLOCKED_TERMS].map((w) => PorterStemmer.stem(w)));
const TERM_LOOKS_PERSONAL = /@|^(?:https?:|www\.)|\.(?:com|org|io|net)\b|^\+?\d[\d().-]{9,}$/i;

/**
 * Terms (tokens or space-joined n-grams, raw or Porter-stemmed) with every personal term dropped;
 * an n-gram is dropped whole when any of its words is. Order is kept. A second guard for callers
 * that already hold terms: tokenising `redactForFeatures(text)` is the primary path, since only
 * the text pass sees context ("Nationality: X", "born in 1990").
 */
export function redactTerms(terms: readonly string[], profile: RedactionProfile): string[] {
  const names = new Set<string>();
  for (const part of nameParts(profile.contact.name)) {
    const lower = part.toLowerCase();
    names.add(lower);
    names.add(PorterStemmer.stem(lower));
  }
  const blocked = (word: string): boolean => {
    const w = word.toLowerCase().replace(/^[^\p{L}\p{N}@+]+|[^\p{L}\p{N}]+$/gu, "");
    if (w === "") return false;
    return BLOCKED_TERMS.has(w) || BLOCKED_STEMS.has(w) || names.has(w) || TERM_LOOKS_PERSONAL.test(w);
  };
  return terms.filter((term) => !term.split(/\s+/).some(blocked));
}
