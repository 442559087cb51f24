/**
 * Blind review: until someone decides on a candidate, the page shows no name, contact details
 * or profile links. Masking keeps the text's length, so evidence offsets still point at the
 * same characters.
 */
import type { CandidateProfile } from "../domain/profile.ts";

const URL_LIKE = /\b(?:https?:\/\/|www\.)\S+|\b(?:linkedin|github|gitlab|twitter|x)\.com\/\S+/gi;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function maskContact(text: string, contact: CandidateProfile["contact"]): string {
  const mask = (m: string) => m.replace(/\S/g, "█");
  const needles = [contact.email, contact.phone, contact.name].filter((s): s is string => !!s && s.trim().length > 1);
  // Each part of the name on its own too ("Raman, P." still names Priya Raman).
  const nameParts = (contact.name ?? "").split(/\s+/).filter((p) => p.replace(/\W/g, "").length >= 3);
  let out = text.replace(URL_LIKE, mask);
  for (const needle of [...needles, ...nameParts]) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`, "giu"), mask);
  }
  return out;
}
