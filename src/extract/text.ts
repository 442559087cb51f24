/**
 * Term matching on stemmed tokens. natural's WordTokenizer gives word boundaries ("ML" never matches
 * inside "HTML"); a cached Porter stemmer makes "recommender"/"recommendation"/"recommending" one term.
 * Only the two submodules are imported: the package root costs >1 s and ~150 MB.
 */
import PorterStemmer from "natural/lib/natural/stemmers/porter_stemmer.js";
import { WordTokenizer } from "natural/lib/natural/tokenizers/regexp_tokenizer.js";

export interface Token {
  text: string;
  lower: string;
  stem: string;
  /** Offsets within the string that was tokenised. */
  start: number;
  end: number;
}

const tokenizer = new WordTokenizer();
const stemCache = new Map<string, string>();

export function stem(word: string): string {
  const lower = word.toLowerCase();
  let s = stemCache.get(lower);
  if (s === undefined) {
    s = PorterStemmer.stem(lower);
    stemCache.set(lower, s);
  }
  return s;
}

export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let cursor = 0;
  for (const t of tokenizer.tokenize(s)) {
    // The tokenizer returns strings only; recover offsets by scanning forward.
    const at = s.indexOf(t, cursor);
    if (at < 0) continue;
    cursor = at + t.length;
    out.push({ text: t, lower: t.toLowerCase(), stem: stem(t), start: at, end: cursor });
  }
  return out;
}

/**
 * A term is a phrase of words; it is stemmed once at table-build time. A word written in capitals
 * in the table (e.g. "ML", "KDD") must appear in capitals in the text: acronyms collide with words.
 */
export interface Term {
  words: { stem: string; exact: string | null; surface: string | null }[];
  source: string;
}

/**
 * A word prefixed with "=" matches by its lowercase surface prefix instead of its stem, for the few
 * words whose stem is too broad ("recommender" stems to "recommend", which would also match
 * "recommendation letters"; "embeddings" to "embed", which would match "embedded systems").
 */
export function term(phrase: string): Term {
  const words = phrase.split(/\s+/).flatMap((chunk) => {
    const surface = chunk.startsWith("=");
    return tokenizer.tokenize(chunk).map((w) => ({
      stem: stem(w),
      exact: w.length > 1 && w === w.toUpperCase() && /[A-Z]/.test(w) ? w : null,
      surface: surface ? w.toLowerCase() : null,
    }));
  });
  return { words, source: phrase.replace(/=/g, "") };
}

export interface TermMatch {
  term: Term;
  start: number;
  end: number;
}

/** All places where a term's words appear consecutively in `tokens`. */
export function findTerms(tokens: Token[], terms: Term[]): TermMatch[] {
  const out: TermMatch[] = [];
  for (const t of terms) {
    for (let i = 0; i + t.words.length <= tokens.length; i++) {
      let ok = true;
      for (let j = 0; j < t.words.length && ok; j++) {
        const w = t.words[j]!;
        const tok = tokens[i + j]!;
        ok = w.exact !== null ? tok.text === w.exact : w.surface !== null ? tok.lower.startsWith(w.surface) : tok.stem === w.stem;
      }
      if (ok) out.push({ term: t, start: tokens[i]!.start, end: tokens[i + t.words.length - 1]!.end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
