/**
 * Retrain: N labelled outcomes (simulated recruiter decisions, src/simulate) split by time, trained
 * with trainRanker and evaluated, like src/app/retrain.ts does, on the candidate and on the serving
 * model. Fixed target (< 60 s for 100,000); simulating the outcomes is timed separately.
 * 5,000 distinct simulated outcomes are repeated (later decision times) to make N.
 */
import path from "node:path";
import { PROJECT_ROOT } from "../src/config.ts";
import { evaluate, rankerScorer } from "../src/model/metrics.ts";
import { timeSplit } from "../src/model/split.ts";
import { loadRanker } from "../src/model/store.ts";
import { trainRanker } from "../src/model/train.ts";
import { INITIAL_MODEL_VERSION } from "../src/registry/models.ts";
import { simulateOutcomes, toTrainingExample } from "../src/simulate/simulate.ts";
import { loadPostings } from "./lib/postings.ts";
import type { Figure } from "./lib/report.ts";

const DISTINCT = 5000;

export async function benchRetrain(n: number): Promise<Figure[]> {
  const postings = loadPostings();
  const s0 = performance.now();
  // Simulating costs ~2.7 ms per outcome here (minutes for 100k), so DISTINCT outcomes are simulated and
  // repeated with later decision times; training cost depends on the count, not on the values.
  const distinct = Math.min(n, DISTINCT);
  const per = Math.ceil(distinct / postings.length);
  const base = postings.flatMap((p) => simulateOutcomes(per, p, 11).map((s) => toTrainingExample(s, p))).slice(0, distinct);
  const examples = Array.from({ length: n }, (_, i) => {
    const e = base[i % base.length]!;
    const copy = Math.floor(i / base.length);
    return copy === 0 ? e : { ...e, time: new Date(Date.parse(e.time ?? "2026-01-05T09:00:00Z") + copy * 90 * 86_400_000).toISOString() };
  });
  const simulateSeconds = (performance.now() - s0) / 1000;
  const serving = await loadRanker(path.join(PROJECT_ROOT, "models", INITIAL_MODEL_VERSION));

  const t0 = performance.now();
  const { train, validation } = timeSplit(examples, 0.2);
  const trained = await trainRanker(train, { version: "v-bench", parent: serving.version, source: "labels" });
  const trainSeconds = (performance.now() - t0) / 1000;
  const candidate = evaluate(rankerScorer(trained.ranker), validation);
  evaluate(rankerScorer(serving), validation);
  const seconds = (performance.now() - t0) / 1000;
  trained.ranker.dispose();
  return [{
    key: "retrain.seconds100k", value: n === 100_000 ? seconds : seconds * (100_000 / n), unit: "s",
    baseline: null,
    target: { text: "< 60 s", met: seconds * (100_000 / n) < 60 },
    extra: { examples: n, trainSeconds, evaluateSeconds: seconds - trainSeconds, simulateSeconds, epochs: trained.history.length, candidateNdcgAt10: candidate.ndcgAt10 },
  }];
}
