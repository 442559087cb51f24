/**
 * Scoring child: one tfjs backend per process (SHORTLIST_TF_BACKEND), so the cpu baseline and the
 * wasm figure never share a process. Usage: scoring.ts <modelDir> <rows> <batch> <seconds> [--explain]
 * Rows are production rows of simulated candidates: dense features plus the resume's redacted terms
 * (what the score worker scores; deterministic seed: both children score the same rows). Scores them with the production Ranker in batches of <batch> for about <seconds>
 * after a warm-up; with --explain also times the score worker's per-job work through BatchScorer.
 */
import { getBackend } from "@tensorflow/tfjs";
import type { FeatureVector } from "../../src/features/index.ts";
import { vectorize } from "../../src/features/index.ts";
import { resumeTerms } from "../../src/features/terms.ts";
import { loadRanker } from "../../src/model/store.ts";
import { BatchScorer } from "../../src/score/batch-scorer.ts";
import { simulateOutcomes } from "../../src/simulate/simulate.ts";
import { loadPostings } from "../lib/postings.ts";

const send = (m: object) => process.stdout.write(JSON.stringify(m) + "\n");

function simulatedRows(n: number): FeatureVector[] {
  const postings = loadPostings();
  const per = Math.ceil(n / postings.length);
  return postings.flatMap((p) => simulateOutcomes(per, p, 7).map((s) => vectorize(s.profile, p, s.gates, resumeTerms(s.text, s.profile)))).slice(0, n);
}

try {
  const [modelDir, rowsArg, batchArg, secondsArg, flag] = process.argv.slice(2);
  const ranker = await loadRanker(modelDir!);
  const rows = simulatedRows(Number(rowsArg));
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
  send({ backend: getBackend(), rowsPerSec, explainedPerSec, checksum });
} catch (error) {
  send({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
}
