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

/**
 * Positions of each token text and stem, built once per token list: a signal table has hundreds of
 * terms and a line a few dozen tokens, and most terms' first word is in no line at all.
 */
interface TokenIndex {
  byText: Map<string, number[]>;
  byStem: Map<string, number[]>;
  all: number[];
}
const indexes = new WeakMap<Token[], TokenIndex>();
function indexOf(tokens: Token[]): TokenIndex {
  let index = indexes.get(tokens);
  if (index) return index;
  index = { byText: new Map(), byStem: new Map(), all: tokens.map((_, i) => i) };
  tokens.forEach((tok, i) => {
    for (const [map, key] of [[index!.byText, tok.text], [index!.byStem, tok.stem]] as const) {
      const list = map.get(key);
      if (list) list.push(i);
      else map.set(key, [i]);
    }
  });
  indexes.set(tokens, index);
  return index;
}

/** All places where a term's words appear consecutively in `tokens`. */
export function findTerms(tokens: Token[], terms: Term[]): TermMatch[] {
  const out: TermMatch[] = [];
  const index = indexOf(tokens);
  for (const t of terms) {
    const first = t.words[0];
    if (!first) continue;
    // Only the positions where the first word can match (all positions for a surface-prefix word).
    const starts = first.exact !== null ? index.byText.get(first.exact) : first.surface !== null ? undefined : index.byStem.get(first.stem);
    if (starts === undefined && first.surface === null) continue;
    const positions = starts ?? index.all;
    for (const i of positions) {
      if (i + t.words.length > tokens.length) break;
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
