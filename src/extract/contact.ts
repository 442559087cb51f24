/**
 * Contact details, for display and de-duplication only (never a model input). The name is the
 * first plausible person-name line near the top: 2–4 capitalised words, no digits, no "@".
 */
import type { Evidence } from "../domain/profile.ts";
import { evidenceAt, type Line } from "./lines.ts";
import type { SectionedLine } from "./sections.ts";

export interface Contact {
  name: string | null;
  email: string | null;
  phone: string | null;
  evidence: Evidence[];
}

/** An apostrophe may sit inside the local part ("o'brien@…"), never at its edges (a quoted address). */
const EMAIL = /[A-Za-z0-9._%+-]+(?:'[A-Za-z0-9._%+-]+)*@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const PHONE = /(?<![\w/])\+?\(?\d[\d\s().-]{7,18}\d(?![\w/])/g;
const NAME_WORD = /^(?:[A-Z][a-zà-öø-ÿ'’]+(?:-[A-Z][a-zà-öø-ÿ'’]+)?|[A-Z]\.|[A-Z]{2,}|de|van|von|der|da|di|del|la|le|bin|al)$/;
const NOT_NAME = /\b(?:resume|curriculum|vitae|cv|university|engineer|scientist|education|experience|skills|summary|street|avenue|road)\b/i;

/** E.164-ish: digits only with a leading "+"; 10 bare digits are read as a North American number. */
export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/\D/g, "");
  if (digits.length < 10 || digits.length > 15) return null;
  if (raw.trim().startsWith("+")) return `+${digits}`;
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith("1")) return `+${digits}`;
  return `+${digits}`;
}

function isName(text: string): boolean {
  if (/[\d@|:/]/.test(text) || NOT_NAME.test(text)) return false;
  const words = text.replace(/,\s*(?:Ph\.?D\.?|M\.?S\.?|MBA)$/i, "").split(/\s+/);
  return words.length >= 2 && words.length <= 4 && words.every((w) => NAME_WORD.test(w)) && /[a-z]/i.test(text);
}

export function extractContact(lines: SectionedLine[]): Contact {
  const evidence: Evidence[] = [];
  let name: string | null = null;
  let email: string | null = null;
  let phone: string | null = null;
  // The name sits at the very top; look at the first few non-blank lines only.
  const top = lines.filter((l) => !l.blank).slice(0, 4);
  const nameLine = top.find((l) => !l.heading && isName(l.text));
  if (nameLine) {
    name = nameLine.text;
    evidence.push(evidenceAt("contact.name", nameLine));
  }
  // Phones only in the header (or the first lines of an untitled resume): digit runs elsewhere are
  // dates and GPAs. Emails are unambiguous and may sit anywhere.
  const header = lines.filter((l) => !l.blank && l.section === "header");
  const phoneZone = new Set((header.length > 0 ? header : lines.filter((l) => !l.blank).slice(0, 8)).map((l) => l.index));
  const search: Line[] = lines;
  for (const l of search) {
    if (email === null) {
      const m = EMAIL.exec(l.text);
      if (m) {
        email = m[0].toLowerCase();
        evidence.push(evidenceAt("contact.email", l, m.index, m.index + m[0].length));
      }
    }
    if (phone === null && phoneZone.has(l.index)) {
      for (const m of l.text.matchAll(PHONE)) {
        // Date ranges ("2019 - 2023") have too few digits; ISO dates have dashes in date positions.
        if (/^\d{4}\s*[-–]\s*\d{4}$/.test(m[0].trim())) continue;
        const p = normalisePhone(m[0]);
        if (p) {
          phone = p;
          evidence.push(evidenceAt("contact.phone", l, m.index ?? 0, (m.index ?? 0) + m[0].length));
          break;
        }
      }
    }
    if (email !== null && phone !== null) break;
  }
  return { name, email, phone, evidence };
}
