/**
 * Scoring child: one tfjs backend per process (SHORTLIST_TF_BACKEND), so the cpu baseline and the
 * wasm figure never share a process. Usage: scoring.ts <modelDir> <rows> <batch> <seconds> [--explain]
 * Rows are production rows of simulated candidates, built by the score worker's own `vectorize`: dense
 * features, the resume's redacted terms and their hashes (`hashedTerms`, computed once per vector; the
 * Ranker reads the hashes, the words are kept for explanations). Deterministic seed: both children score
 * the same rows. Scores them with the production Ranker in batches of <batch> for about <seconds>
 * after a warm-up; with --explain also times the score worker's per-job work through BatchScorer.
 * Also reported, because the timed loop does not pay it: the cost of hashing each row's terms
 * (`hashTerms`, what `vectorize` adds per vector) and of building the whole vector (`resumeTerms` + `vectorize`).
 */
import { getBackend } from "@tensorflow/tfjs";
import type { FeatureVector } from "../../src/features/index.ts";
import { vectorize } from "../../src/features/index.ts";
import { resumeTerms } from "../../src/features/terms.ts";
import { hashTerms } from "../../src/model/sparse.ts";
import { loadRanker } from "../../src/model/store.ts";
import { BatchScorer } from "../../src/score/batch-scorer.ts";
import { simulateOutcomes } from "../../src/simulate/simulate.ts";
import { loadPostings } from "../lib/postings.ts";

const send = (m: object) => process.stdout.write(JSON.stringify(m) + "\n");

function simulatedRows(n: number): { rows: FeatureVector[]; buildUsPerRow: number } {
  const postings = loadPostings();
  const per = Math.ceil(n / postings.length);
  const sims = postings.flatMap((p) => simulateOutcomes(per, p, 7).map((s) => ({ s, p }))).slice(0, n);
  const t = performance.now();
  const rows = sims.map(({ s, p }) => vectorize(s.profile, p, s.gates, resumeTerms(s.text, s.profile)));
  return { rows, buildUsPerRow: ((performance.now() - t) * 1000) / rows.length };
}

/** µs per row of `hashTerms` (FNV-1a of every term) over the same rows: best of 5 passes. */
function hashingUsPerRow(rows: readonly FeatureVector[]): number {
  let best = Infinity;
  let sink = 0;
  for (let pass = 0; pass < 5; pass++) {
    const t = performance.now();
    for (const r of rows) sink += hashTerms(r.terms).hashes.length;
    best = Math.min(best, ((performance.now() - t) * 1000) / rows.length);
  }
  if (sink < 0) throw new Error("unreachable");
  return best;
}

try {
  const [modelDir, rowsArg, batchArg, secondsArg, flag] = process.argv.slice(2);
  const ranker = await loadRanker(modelDir!);
  const { rows, buildUsPerRow } = simulatedRows(Number(rowsArg));
  // Production rows: the Ranker must read the hashes vectorize computed, not re-hash the words.
  if (!rows.every((r) => r.hashedTerms.terms === r.terms)) throw new Error("rows do not carry their term hashes");
  const batch = Number(batchArg);
  const budgetMs = Number(secondsArg) * 1000;
  const batches: FeatureVector[][] = [];
  for (let i = 0; i + batch <= rows.length; i += batch) batches.push(rows.slice(i, i + batch));
  for (const b of batches.slice(0, 4)) ranker.predict(b);
  let scored = 0;
  let checksum = 0;
  const start = performance.now();
  while (performance.now() - start < budgetMs) {
    for (const b of batches) {
      checksum += ranker.predict(b)[0]!;
      scored += b.length;
      if (performance.now() - start >= budgetMs) break;
    }
  }
  const rowsPerSec = scored / ((performance.now() - start) / 1000);
  let explainedPerSec: number | null = null;
  if (flag === "--explain") {
    // The score worker's path: concurrent jobs micro-batched by BatchScorer, each one explained.
    const scorer = new BatchScorer(ranker);
    const t = performance.now();
    let done = 0;
    while (performance.now() - t < budgetMs / 2) {
      await Promise.all(Array.from({ length: 64 }, (_, i) => scorer.score(rows[(done + i) % rows.length]!)));
      done += 64;
    }
    explainedPerSec = done / ((performance.now() - t) / 1000);
  }
  const termsPerRow = rows.reduce((a, r) => a + r.terms.length, 0) / rows.length;
  send({ backend: getBackend(), rowsPerSec, explainedPerSec, checksum, termsPerRow, hashingUsPerRow: hashingUsPerRow(rows), buildUsPerRow });
} catch (error) {
  send({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
}
