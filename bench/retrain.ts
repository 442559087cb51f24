/**
 * Retrain: N labelled outcomes (simulated recruiter decisions, src/simulate, each with the rank it was
 * shown at) through `trainCandidate`, the function `shortlist retrain` runs: the examination estimate,
 * the time split, a warm-started fine-tune of the serving model (from 2,000 labels), and the evaluation
 * of candidate, serving model and both baselines on the held-back labels. Fixed target (< 60 s for
 * 100,000); simulating the outcomes is timed separately. 5,000 distinct simulated outcomes are repeated
 * (later decision times) to make N.
 */
import path from "node:path";
import { PROJECT_ROOT } from "../src/config.ts";
import { trainCandidate } from "../src/app/retrain.ts";
import { loadRanker } from "../src/model/store.ts";
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
    const rankShown = (i % 20) + 1;
    return copy === 0 ? { ...e, rankShown } : { ...e, rankShown, time: new Date(Date.parse(e.time ?? "2026-01-05T09:00:00Z") + copy * 90 * 86_400_000).toISOString() };
  });
  const simulateSeconds = (performance.now() - s0) / 1000;
  const serving = await loadRanker(path.join(PROJECT_ROOT, "models", INITIAL_MODEL_VERSION));

  const t0 = performance.now();
  let epochs = 0;
  let trainedAt = t0;
  const result = await trainCandidate(examples, serving, "v-bench", { onEpoch: (epoch) => ((epochs = epoch + 1), (trainedAt = performance.now())) });
  const seconds = (performance.now() - t0) / 1000;
  const trainSeconds = (trainedAt - t0) / 1000;
  const candidate = result.metrics.validation as { ndcgAt10: number };
  result.trained.dispose();
  serving.dispose();
  return [{
    key: "retrain.seconds100k", value: n === 100_000 ? seconds : seconds * (100_000 / n), unit: "s",
    baseline: null,
    target: { text: "< 60 s", met: seconds * (100_000 / n) < 60 },
    extra: { examples: n, trainSeconds, evaluateSeconds: seconds - trainSeconds, simulateSeconds, epochs, candidateNdcgAt10: candidate.ndcgAt10, promoted: String(result.promoted) },
  }];
}
