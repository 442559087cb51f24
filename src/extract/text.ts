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
 * A term table indexed by its first word, built once per table: a signal table has hundreds of terms and a
 * line a few dozen tokens, so each token looks up the few terms that can start at it instead of every term
 * scanning the line. `order` keeps the table order, which breaks ties between matches at the same start.
 */
interface TermIndex {
  byExact: Map<string, number[]>;
  byStem: Map<string, number[]>;
  /** Terms whose first word matches by surface prefix ("=recommender"): checked at every token. */
  bySurface: number[];
}
const termIndexes = new WeakMap<Term[], TermIndex>();
function termIndexOf(terms: Term[]): TermIndex {
  let index = termIndexes.get(terms);
  if (index) return index;
  index = { byExact: new Map(), byStem: new Map(), bySurface: [] };
  terms.forEach((t, k) => {
    const first = t.words[0];
    if (!first) return;
    if (first.surface !== null) return void index!.bySurface.push(k);
    const [map, key] = first.exact !== null ? [index!.byExact, first.exact] : [index!.byStem, first.stem];
    const list = map.get(key);
    if (list) list.push(k);
    else map.set(key, [k]);
  });
  termIndexes.set(terms, index);
  return index;
}

/** All places where a term's words appear consecutively in `tokens` (by start; ties in table order). */
export function findTerms(tokens: Token[], terms: Term[]): TermMatch[] {
  const found: { k: number; match: TermMatch }[] = [];
  const index = termIndexOf(terms);
  const tryAt = (k: number, i: number) => {
    const t = terms[k]!;
    if (i + t.words.length > tokens.length) return;
    for (let j = 0; j < t.words.length; j++) {
      const w = t.words[j]!;
      const tok = tokens[i + j]!;
      const ok = w.exact !== null ? tok.text === w.exact : w.surface !== null ? tok.lower.startsWith(w.surface) : tok.stem === w.stem;
      if (!ok) return;
    }
    found.push({ k, match: { term: t, start: tokens[i]!.start, end: tokens[i + t.words.length - 1]!.end } });
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    for (const k of index.byExact.get(tok.text) ?? []) tryAt(k, i);
    for (const k of index.byStem.get(tok.stem) ?? []) tryAt(k, i);
    for (const k of index.bySurface) tryAt(k, i);
  }
  return found.sort((a, b) => a.match.start - b.match.start || a.k - b.k).map((f) => f.match);
}
