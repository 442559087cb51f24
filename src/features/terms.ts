/**
 * The sparse side of the features: what a resume says, as a bag of terms the model hashes into
 * learned embeddings (Wide & Deep / Monolith style). This lets retraining pick up preferences the
 * posting never states ("recruiters keep advancing people who used Spark").
 *
 * Personal data is removed BEFORE anything is tokenised: the text goes through `redactForFeatures`
 * (names, e-mails, phones, URLs, birth dates, gender and status words), and the finished term list
 * through `redactTerms` as a second guard. Only `profile.contact` is read for that redaction, and only
 * here: the dense vectoriser never sees it.
 *
 * Terms are prefixed by where they come from: `s:` extracted skill, `l:` programming language,
 * `w:` a Porter-stemmed word of the resume text. Order: skills, languages, then words in text order;
 * deduplicated, capped at MAX_TERMS so one very long resume cannot dominate the bag.
 */
import type { CandidateProfile } from "../domain/profile.ts";
import { redactForFeatures, redactTerms } from "./redact.ts";
import { tokens } from "./text-similarity.ts";

export const MAX_TERMS = 256;

/** Words too short or too generic to carry a preference (digits-only tokens are years, counts, ids). */
const DIGITS = /^[0-9]+$/;

function normaliseSkill(s: string): string {
  return s.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Redacted, deduplicated resume terms. `text` null (not stored): skills and languages only. */
export function resumeTerms(text: string | null, profile: Pick<CandidateProfile, "contact" | "skills" | "programmingLanguages">): string[] {
  const out = new Set<string>();
  for (const s of redactTerms(profile.skills.map(normaliseSkill), profile)) if (s) out.add(`s:${s}`);
  for (const l of redactTerms(profile.programmingLanguages.map(normaliseSkill), profile)) if (l) out.add(`l:${l}`);
  if (text) {
    const words = redactTerms(tokens(redactForFeatures(text, profile)), profile);
    for (const w of words) {
      if (out.size >= MAX_TERMS) break;
      if (!DIGITS.test(w)) out.add(`w:${w}`);
    }
  }
  return [...out].slice(0, MAX_TERMS);
}

/** Plain words for a term in an explanation: `w:spark` → "spark". */
export function termText(term: string): string {
  return term.replace(/^[swl]:/, "");
}
