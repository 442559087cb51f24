/**
 * Decisions for a whole ranked list, every resume read, imported WITH the ranks they were shown at (as a
 * team that reviewed `shortlist top` would export them). The documented curve would say a reject at rank
 * 300 was almost certainly never read and discount it ~100×; retraining must see from the labels that
 * these were read, and learn as much as from the same decisions without ranks.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trainCandidate } from "../../../src/app/retrain.ts";
import { Posting } from "../../../src/domain/posting.ts";
import { ndcgAtK, rankerScorer } from "../../../src/model/metrics.ts";
import type { Ranker } from "../../../src/model/ranker.ts";
import { loadRanker } from "../../../src/model/store.ts";
import type { TrainingExample } from "../../../src/model/train.ts";
import { hiddenToolDecorator, hiddenToolPreference } from "../../../src/simulate/hidden-tool.ts";
import { simulateOutcomes, toTrainingExample } from "../../../src/simulate/simulate.ts";

const posting = Posting.parse(JSON.parse(readFileSync("data/postings/mle-recsys-phd-2026.json", "utf8")));
const tool = { tool: "Flink", share: 0.3, weight: 5 };
const prefs = { hiddenPreference: hiddenToolPreference(tool), base: -4.5 };

let prior: Ranker;
const trained: Ranker[] = [];
afterAll(() => {
  for (const r of trained) r.dispose();
  prior?.dispose();
});

beforeAll(async () => {
  prior = await loadRanker("models/v0001-initial");
});

describe("retraining estimates how far down recruiters read", () => {
  it("finds a fully read list read (η ≤ 0.3), and learns from it as from the same decisions without ranks", async () => {
    const pool = simulateOutcomes(400, posting, 8, prefs, hiddenToolDecorator(tool, 8)).map((s) => toTrainingExample(s, posting));
    const scores = prior.predict(pool.map((e) => ({ values: e.values, terms: e.terms, postingId: posting.id })));
    const order = pool.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
    const labels = (withRanks: boolean): TrainingExample[] => order.map((i, r) => ({
      ...pool[i]!, rankShown: withRanks ? r + 1 : null, time: new Date(Date.UTC(2026, 3, 1) + 60_000 * r).toISOString(),
    }));
    const test = simulateOutcomes(3000, posting, 1008, prefs, hiddenToolDecorator(tool, 1008))
      .map((s, i) => ({ ...toTrainingExample(s, posting), list: `l${Math.floor(i / 50)}` }));
    const ndcg = (r: Ranker) => ndcgAtK(rankerScorer(r)(test), test.map((e) => e.target), test.map((e) => e.list), 10);

    const ranked = await trainCandidate(labels(true), prior, "v-ranked", { correctionBase: prior });
    const unranked = await trainCandidate(labels(false), prior, "v-unranked", { correctionBase: prior });
    trained.push(ranked.trained, unranked.trained);
    expect(ranked.metrics.examination).toMatchObject({ labelsWithRank: 400 });
    expect((ranked.metrics.examination as { eta: number }).eta).toBeLessThanOrEqual(0.3);
    expect(unranked.metrics.examination).toBeUndefined();
    expect(ranked.promoted && unranked.promoted).toBe(true);
    const [before, withRanks, withoutRanks] = [ndcg(prior), ndcg(ranked.trained), ndcg(unranked.trained)];
    expect(withoutRanks - before).toBeGreaterThan(0.1);
    expect(Math.abs(withRanks - withoutRanks)).toBeLessThan(0.02);
  }, 60_000);
});
