/**
 * How related a field of study is to computing, in [0, 1] — graded, because gate rules ask for a
 * minimum ("CS or a related field") and "related" is a matter of degree. Data-table driven: each
 * row is a phrase (stemmed, so "Statistical"/"Statistics" agree) and a score. The most specific
 * (longest) matching row wins, so "Electrical and Computer Engineering" scores its own row (0.8)
 * rather than the "computer engineering" inside it; among equally long rows the maximum wins, so
 * "Business Analytics" gets analytics' 0.7, not business' 0.05.
 * Rows in CAPITALS are acronyms matched case-sensitively ("CS", "ECE").
 */
import { findTerms, term, tokenize, type Term } from "./text.ts";

const TABLE: [string, number][] = [
  // Computing proper.
  ["computer science", 1], ["computer engineering", 1], ["software", 1], ["artificial intelligence", 1],
  ["machine learning", 1], ["data science", 1], ["computing science", 1], ["informatics", 0.9], ["informatik", 1], ["computer applications", 0.9],
  ["CS", 1], ["EECS", 1], ["AI", 1], ["ML", 1], ["CSE", 1], ["intelligent systems", 0.9],
  // Close: quantitative, signal-processing or computational fields.
  ["electrical and computer engineering", 0.8], ["electrical", 0.8], ["electronics", 0.8], ["ECE", 0.8], ["EE", 0.8], ["statistics", 0.8],
  ["applied mathematics", 0.8], ["mathematics", 0.8], ["math", 0.8], ["operations research", 0.8],
  ["computational", 0.8], ["computing", 0.8], ["data analytics", 0.75], ["analytics", 0.7],
  ["biostatistics", 0.75], ["robotics", 0.8], ["information technology", 0.6],
  // Adjacent: quantitative science/engineering with some computing.
  ["physics", 0.55], ["mechanical", 0.5], ["industrial engineering", 0.55], ["information systems", 0.6],
  ["information science", 0.6], ["bioinformatics", 0.6], ["econometrics", 0.6], ["quantitative", 0.6],
  ["financial engineering", 0.6], ["economics", 0.5], ["aerospace", 0.5], ["systems engineering", 0.55],
  ["engineering", 0.45], ["cognitive science", 0.4], ["astronomy", 0.45],
  // Other sciences.
  ["chemistry", 0.3], ["biology", 0.3], ["neuroscience", 0.3], ["chemical", 0.3], ["civil", 0.3],
  ["materials", 0.3], ["biomedical", 0.35], ["geology", 0.3], ["environmental", 0.25], ["science", 0.3],
  ["psychology", 0.15], ["linguistics", 0.15],
  // Business, humanities, arts.
  ["business", 0.05], ["administration", 0.05], ["management", 0.05], ["marketing", 0.05],
  ["finance", 0.1], ["accounting", 0.05], ["history", 0.05], ["english", 0.05], ["literature", 0.05],
  ["philosophy", 0.05], ["art", 0.05], ["arts", 0.05], ["music", 0.05], ["law", 0.05], ["design", 0.1],
  ["communication", 0.05], ["journalism", 0.05], ["education", 0.05], ["political", 0.05], ["political science", 0.05], ["social science", 0.1], ["social sciences", 0.1],
  ["library science", 0.1], ["sociology", 0.05],
];

const TERMS: { t: Term; score: number }[] = TABLE.map(([p, score]) => ({ t: term(p), score }));
const SCORE = new Map(TERMS.map(({ t, score }) => [t, score]));

/** Unrecognised but named fields: we know little, so little credit. */
const UNKNOWN_FIELD = 0.1;

export function fieldRelatedness(field: string | null): number {
  if (field === null || field.trim() === "") return 0;
  const matches = findTerms(tokenize(field), TERMS.map((x) => x.t));
  if (matches.length === 0) return UNKNOWN_FIELD;
  const longest = Math.max(...matches.map((m) => m.term.words.length));
  return Math.max(...matches.filter((m) => m.term.words.length === longest).map((m) => SCORE.get(m.term) ?? 0));
}

/** Whether any row of the table recognises the field (a foreign-language name usually is not). */
export function knownField(field: string): boolean {
  return findTerms(tokenize(field), TERMS.map((x) => x.t)).length > 0;
}

/** Where the last field term we know ends in `s` ("Operations Research Harrowgate" → 19); -1 when none. */
export function knownFieldEnd(s: string): number {
  return findTerms(tokenize(s), TERMS.map((x) => x.t)).reduce((n, m) => Math.max(n, m.end), -1);
}
