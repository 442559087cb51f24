/**
 * Posting ↔ candidate text similarity: TF-IDF cosine.
 *
 * - Candidate side: the profile's skills, programming languages, experience areas and the names of its
 *   true signals (never contact details or free resume text).
 * - Posting side: title, description, minimum and preferred qualification texts.
 * - IDF: natural's `TfIdf` fitted on the posting's own sentences (title, each description sentence, each
 *   qualification text), cached per posting. Terms in every sentence weigh little; terms the posting
 *   mentions once (e.g. "ranking") weigh more. Terms the posting never uses only lower the candidate's norm.
 * - Tokens are lower-cased, stop words dropped, Porter-stemmed (cached), so "recommender" ≈ "recommendation".
 *
 * natural is imported through its submodule paths only (tfidf/index.js and stemmers/porter_stemmer.js):
 * the package root pulls in database adapters and costs ~1.1 s / 157 MB; these two load in ~25 ms.
 */
import { createRequire } from "node:module";
import { TfIdf } from "natural/lib/natural/tfidf/index.js";
import type { Posting } from "../domain/posting.ts";
import type { CandidateProfile, SignalName } from "../domain/profile.ts";

const STOP = new Set(
  "a an and or the of in on for to with by as at from is are be or any other our we you your their its it this that these those into via through e g i etc such related experience minimum preferred".split(
    " ",
  ),
);

const SIGNAL_WORDS: Record<SignalName, string> = {
  machineLearning: "machine learning",
  recommenderSystems: "recommender systems recommendation",
  dataMining: "data mining",
  dataStructuresAlgorithms: "data structures algorithms",
  generalPurposeProgramming: "programming coding software development",
};

// The Porter stemmer file alone (not stemmers/index.js, which loads every language: ~60 ms more).
const PorterStemmer = createRequire(import.meta.url)("natural/lib/natural/stemmers/porter_stemmer.js") as {
  stem(token: string): string;
};

const stemCache = new Map<string, string>();
function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = PorterStemmer.stem(word);
    if (stemCache.size < 50_000) stemCache.set(word, s);
  }
  return s;
}

export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(/[^a-z0-9+#]+/)) {
    if (raw.length < 2 || STOP.has(raw)) continue;
    out.push(stem(raw));
  }
  return out;
}

interface PostingIndex {
  weights: Map<string, number>;
  norm: number;
  idf: (term: string) => number;
}

const postingCache = new Map<string, PostingIndex>();

function postingText(posting: Posting): string[] {
  const sentences = [posting.title, ...posting.description.split(/(?<=[.;:])\s+/)];
  for (const q of posting.minimumQualifications) sentences.push(q.text);
  for (const q of posting.preferredQualifications) sentences.push(q.text);
  return sentences.filter((s) => s.trim() !== "");
}

function indexPosting(posting: Posting): PostingIndex {
  const key = `${posting.id}\u0000${posting.title}\u0000${posting.description}`;
  const hit = postingCache.get(key);
  if (hit) return hit;
  const tfidf = new TfIdf();
  const sentences = postingText(posting).map(tokens);
  for (const s of sentences) tfidf.addDocument(s);
  const idfCache = new Map<string, number>();
  const idf = (t: string) => {
    let v = idfCache.get(t);
    if (v === undefined) idfCache.set(t, (v = Math.max(tfidf.idf(t), 0.01)));
    return v;
  };
  const tf = new Map<string, number>();
  for (const s of sentences) for (const t of s) tf.set(t, (tf.get(t) ?? 0) + 1);
  const weights = new Map<string, number>();
  let sq = 0;
  for (const [t, n] of tf) {
    const w = n * idf(t);
    weights.set(t, w);
    sq += w * w;
  }
  const index = { weights, norm: Math.sqrt(sq), idf };
  if (postingCache.size > 256) postingCache.clear();
  postingCache.set(key, index);
  return index;
}

/** The PII-free text the similarity is computed over. */
export function candidateText(profile: CandidateProfile): string {
  const parts: string[] = [...profile.skills, ...profile.programmingLanguages];
  for (const e of profile.experience) for (const a of e.areas) parts.push(SIGNAL_WORDS[a]);
  for (const [name, on] of Object.entries(profile.signals)) if (on) parts.push(SIGNAL_WORDS[name as SignalName]);
  return parts.join(" ");
}

/** Cosine of TF-IDF vectors in [0, 1], plus the shared terms (strongest first) for the explanation. */
export function textSimilarity(profile: CandidateProfile, posting: Posting): { score: number; shared: string[] } {
  const index = indexPosting(posting);
  const tf = new Map<string, number>();
  for (const t of tokens(candidateText(profile))) tf.set(t, (tf.get(t) ?? 0) + 1);
  if (tf.size === 0 || index.norm === 0) return { score: 0, shared: [] };
  let dot = 0;
  let sq = 0;
  const shared: Array<[string, number]> = [];
  for (const [t, n] of tf) {
    const w = n * index.idf(t);
    sq += w * w;
    const pw = index.weights.get(t);
    if (pw !== undefined) {
      dot += w * pw;
      shared.push([t, w * pw]);
    }
  }
  shared.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const score = dot / (Math.sqrt(sq) * index.norm);
  return { score: Math.min(1, Math.max(0, score)), shared: shared.map(([t]) => t) };
}
