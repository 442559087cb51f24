/**
 * `npm run eval:ranking`: does retraining on recruiters' labels learn what they reward beyond the
 * posting text, and does position-bias correction matter?
 *
 * WORLD (fixed before looking at results; see docs/readme/ranking.md "Learning curve"):
 * - Recruiters decide with the simulator's documented formula (src/simulate/simulate.ts, default
 *   weights) PLUS a hidden preference: +WEIGHT logit for resumes that mention TOOL (default "Flink",
 *   +3), a tool no posting names, mentioned by SHARE (20%) of resumes independently of every
 *   documented feature (src/simulate/hidden-tool.ts). The prior model (models/v0001-initial) was
 *   trained without it, so only the labels can teach it.
 * - Labels come from position-biased rolling review (src/simulate/review.ts): each round every posting
 *   gets BATCH new applicants ranked by the SERVING model; recruiters read top-down, opening rank r
 *   with probability min(1, 3/r); an unopened resume is rejected when the batch closes. So advances pile
 *   up where the last model ranked, and a hidden-tool holder the model ranks low is rarely read.
 * - At 50, 100, 200 and 500 labels a model is retrained exactly as `shortlist retrain` does
 *   (trainCandidate: time split; below 2,000 labels a correction fitted on top of the prior; promoted only
 *   when not worse on the latest 20%) and, if promoted, serves the following rounds. Two arms review the
 *   same applicants with the same random draws: one whose labels carry the rank they were shown at
 *   (position-bias correction: the examination model below 2,000 labels, IPW weights above), one without.
 *
 * MEASURED: NDCG@10 on UNSEEN candidates (LISTS lists of LIST_SIZE fresh applicants per posting, outcomes
 * drawn from the same recruiters), for the prior, each retrained model, and two baselines on the same
 * labels (text similarity alone; logistic regression on the dense features), and the oracle (ranking by
 * the true advance probability). Repeated over --seeds worlds (different candidates and draws), averaged.
 * Usage: npm run eval:ranking [-- --json] [--tool Flink] [--share 0.2] [--weight 3] [--seed 7] [--seeds 3] [--review biased|all]
 */
import { parseArgs } from "node:util";
import path from "node:path";
import { readdirSync, readFileSync } from "node:fs";
import { trainCandidate } from "../src/app/retrain.ts";
import { inversePropensityWeight } from "../src/model/propensity.ts";
import { Posting } from "../src/domain/posting.ts";
import { fitLogisticRegression, textSimilarityScorer } from "../src/model/logistic.ts";
import { ndcgAtK, rankerScorer, type EvalExample, type Scorer } from "../src/model/metrics.ts";
import { mulberry32 } from "../src/model/random.ts";
import { loadRanker } from "../src/model/store.ts";
import type { TrainingExample } from "../src/model/train.ts";
import type { Ranker } from "../src/model/ranker.ts";
import { fnv1a } from "../src/model/sparse.ts";
import { hiddenToolDecorator, hiddenToolPreference, type HiddenTool } from "../src/simulate/hidden-tool.ts";
import { reviewRankedBatch } from "../src/simulate/review.ts";
import { simulateOutcomes, toTrainingExample, type SimulatedOutcome } from "../src/simulate/simulate.ts";

const { values: args } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    tool: { type: "string", default: "Flink" },
    share: { type: "string", default: "0.2" },
    weight: { type: "string", default: "3" },
    seed: { type: "string", default: "7" },
    seeds: { type: "string", default: "3" },
    base: { type: "string", default: "-4.5" },
    model: { type: "string", default: "models/v0001-initial" },
    // "biased": rolling review, top-down (the default world); "all": recruiters read every resume and the labels
    // carry no rank (an import of decisions made elsewhere), so there is no position bias to correct.
    review: { type: "string", default: "biased" },
  },
});
const CHECKPOINTS = [50, 100, 200, 500] as const;
const BATCH = 20;
const LISTS = 40;
const LIST_SIZE = 50;
if (!["biased", "all", "all-ranked"].includes(args.review!)) throw new Error(`--review must be biased, all or all-ranked, not ${args.review}`);
const readsAll = args.review !== "biased";
// "all-ranked": every resume read, yet the labels record their rank, so the corrected arm applies the
// examination model to decisions that were all read (the correction's assumption is wrong here).
const ranksRecorded = args.review !== "all";
const hidden: HiddenTool = { tool: args.tool, share: Number(args.share), weight: Number(args.weight) };
// Pickier than the prior assumed (base −4.5 instead of −2.8): ~10% of applicants advance, as for a real internship.
const prefs = { hiddenPreference: hiddenToolPreference(hidden), base: Number(args.base) };

const postings = readdirSync("data/postings").filter((f) => f.endsWith(".json")).sort()
  .map((f) => Posting.parse(JSON.parse(readFileSync(path.join("data/postings", f), "utf8"))));
const prior = await loadRanker(args.model);

const simulate = (n: number, p: Posting, seed: number): SimulatedOutcome[] =>
  simulateOutcomes(n, p, seed, prefs, hiddenToolDecorator(hidden, (seed ^ fnv1a(p.id)) >>> 0));

interface Point { labels: number; ranker: number; candidate: number; promoted: number; logistic: number; positives: number; toolPositives: number }
interface SeedResult { seed: number; prior: number; text: number; oracle: number; corrected: Point[]; naive: Point[] }

const hasTool = (e: { terms: readonly string[] }) => e.terms.includes(`s:${hidden.tool.toLowerCase()}`);

async function runSeed(seed: number): Promise<SeedResult> {
  const sims = postings.map((p) => ({ p, sims: simulate(LISTS * LIST_SIZE, p, seed + 1_000_003) }));
  const test: (EvalExample & { list: string })[] = sims.flatMap(({ p, sims: s }) =>
    s.map((x, i) => ({ ...toTrainingExample(x, p), group: p.id, list: `${p.id}#${Math.floor(i / LIST_SIZE)}` })));
  const lists = test.map((e) => e.list);
  const ndcg = (scorer: Scorer) => ndcgAtK(scorer(test), test.map((e) => e.target), lists, 10);
  const truth = Float32Array.from(sims.flatMap(({ sims: s }) => s.map((x) => x.probability)));
  // Applicant stream, identical for both arms: round r, posting p → BATCH new candidates.
  const pool = new Map(postings.map((p) => {
    const s = simulate(BATCH * 40, p, seed + 17);
    return [p.id, s.map((x) => ({ example: toTrainingExample(x, p), probability: x.probability }))];
  }));

  async function runArm(corrected: boolean): Promise<Point[]> {
    const rng = mulberry32(seed * 31 + 5);
    const labels: TrainingExample[] = [];
    let serving: Ranker = prior;
    const points: Point[] = [];
    let next = 0;
    let minute = 0;
    for (let round = 0; next < CHECKPOINTS.length; round++) {
      for (const p of postings) {
        const batch = pool.get(p.id)!.slice(round * BATCH, (round + 1) * BATCH);
        if (batch.length < BATCH) throw new Error("applicant pool exhausted; raise its size");
        const scores = serving.predict(batch.map((b) => ({ values: b.example.values, terms: b.example.terms, postingId: p.id })));
        const reviewed = reviewRankedBatch(batch.map((b) => ({ item: b.example, probability: b.probability })), scores, rng, readsAll ? () => 1 : undefined);
        for (const r of reviewed) {
          const rankShown = corrected && ranksRecorded ? r.rankShown : null;
          labels.push({
            ...r.item, target: r.target, weight: inversePropensityWeight(rankShown, r.target), rankShown,
            time: new Date(Date.UTC(2026, 3, 1) + 60_000 * minute++).toISOString(),
          });
        }
      }
      while (next < CHECKPOINTS.length && labels.length >= CHECKPOINTS[next]!) {
        const n = CHECKPOINTS[next]!;
        const seen = labels.slice(0, n);
        // Exactly as `shortlist retrain`: the candidate serves the next rounds (and biases their labels) only
        // when it is promoted, i.e. not worse than the serving model on the latest 20% of the labels.
        const { trained, promoted } = await trainCandidate(seen, serving, `v-eval-${corrected ? "corrected" : "naive"}-${n}`, { correctionBase: prior });
        const candidate = ndcg(rankerScorer(trained));
        if (promoted) {
          if (serving !== prior) serving.dispose();
          serving = trained;
        } else {
          trained.dispose();
        }
        points.push({
          labels: n, ranker: ndcg(rankerScorer(serving)), candidate, promoted: promoted ? 1 : 0, logistic: ndcg(fitLogisticRegression(seen)),
          positives: seen.filter((e) => e.target === 1).length, toolPositives: seen.filter((e) => e.target === 1 && hasTool(e)).length,
        });
        next++;
      }
    }
    if (serving !== prior) serving.dispose();
    return points;
  }

  return {
    seed, prior: ndcg(rankerScorer(prior)), text: ndcg(textSimilarityScorer(prior.metadata.featureNames)), oracle: ndcg(() => truth),
    corrected: await runArm(true), naive: await runArm(false),
  };
}

const started = performance.now();
const seeds = Array.from({ length: Math.max(1, Number(args.seeds)) }, (_, i) => Number(args.seed) + i);
const results: SeedResult[] = [];
for (const s of seeds) {
  results.push(await runSeed(s));
  if (!args.json) process.stderr.write(`seed ${s} done (${Math.round((performance.now() - started) / 1000)} s)\n`);
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const at = (arm: "corrected" | "naive", i: number, k: keyof Point) => mean(results.map((r) => r[arm][i]![k]));
const priorNdcg = mean(results.map((r) => r.prior));
const textNdcg = mean(results.map((r) => r.text));
const oracle = mean(results.map((r) => r.oracle));
const rows = [
  { labels: 0, corrected: priorNdcg, naive: priorNdcg, candidateCorrected: null as number | null, promotedCorrected: null as number | null, logistic: null as number | null, positives: 0, toolPositivesCorrected: 0, toolPositivesNaive: 0 },
  ...CHECKPOINTS.map((n, i) => ({
    labels: n, corrected: at("corrected", i, "ranker"), naive: at("naive", i, "ranker"),
    // The candidate trained at this checkpoint, before the promotion gate, and the share of seeds that promoted it.
    candidateCorrected: at("corrected", i, "candidate") as number | null, promotedCorrected: at("corrected", i, "promoted") as number | null,
    logistic: at("corrected", i, "logistic"),
    positives: at("corrected", i, "positives"), toolPositivesCorrected: at("corrected", i, "toolPositives"), toolPositivesNaive: at("naive", i, "toolPositives"),
  })),
];
const i200 = CHECKPOINTS.indexOf(200);
const r200 = rows[i200 + 1]!;
const result = {
  review: args.review, hiddenTool: hidden, seeds, testCandidatesPerSeed: LISTS * LIST_SIZE * postings.length, prior: priorNdcg, textSimilarity: textNdcg, oracle, rows,
  perSeedRiseAt200: results.map((r) => ({ seed: r.seed, corrected: r.corrected[i200]!.ranker - r.prior, naive: r.naive[i200]!.ranker - r.prior })),
  targets: {
    riseAt200: r200.corrected - priorNdcg,
    riseAt200Met: r200.corrected - priorNdcg >= 0.15,
    beatsBaselinesAt200: r200.corrected > textNdcg && r200.corrected > r200.logistic!,
    correctedMinusNaiveAt200: r200.corrected - r200.naive,
  },
  seconds: Math.round((performance.now() - started) / 1000),
};
if (args.json) {
  process.stdout.write(JSON.stringify(result, null, 2) + "\n");
} else {
  const f = (x: number | null) => (x === null ? "—" : x.toFixed(3));
  const out = (s: string) => process.stdout.write(s + "\n");
  out(readsAll ? "review: every resume read, labels without rank (both arms alike)" : "review: top-down, P(open rank r) = min(1, 3/r); unopened resumes rejected when the batch closes");
  out(`hidden preference: +${hidden.weight} logit for "${hidden.tool}" (in ${Math.round(hidden.share * 100)}% of resumes, independent of the documented features)`);
  out(`${seeds.length} seed(s) ${seeds.join(", ")}; per seed ${result.testCandidatesPerSeed} unseen candidates in lists of ${LIST_SIZE}; mean NDCG@10`);
  out(`prior ${f(priorNdcg)} · oracle ${f(oracle)} (gap ${f(oracle - priorNdcg)}) · text similarity alone ${f(textNdcg)}\n`);
  out("| labels | ranker, position-bias corrected | ranker, no correction | candidate before the promotion gate (corrected; share promoted) | logistic regression (dense) | text similarity | positives (with the tool: corrected arm / no-correction arm) |");
  out("|---|---|---|---|---|---|---|");
  for (const r of rows) out(`| ${r.labels} | ${f(r.corrected)} | ${f(r.naive)} | ${r.candidateCorrected === null ? "—" : `${f(r.candidateCorrected)} (${Math.round(100 * r.promotedCorrected!)}%)`} | ${f(r.logistic)} | ${f(textNdcg)} | ${r.labels ? `${r.positives.toFixed(1)} (${r.toolPositivesCorrected.toFixed(1)} / ${r.toolPositivesNaive.toFixed(1)})` : "—"} |`);
  out(`\nper seed, rise at 200 labels (corrected / no correction): ${result.perSeedRiseAt200.map((s) => `${s.seed}: +${s.corrected.toFixed(3)} / +${s.naive.toFixed(3)}`).join("; ")}`);
  out(`after 200 labels: +${result.targets.riseAt200.toFixed(3)} over the prior (target ≥ 0.150: ${result.targets.riseAt200Met ? "met" : "NOT met"}); ` +
    `beats both baselines: ${result.targets.beatsBaselinesAt200 ? "yes" : "NO"}; corrected − no correction: ${result.targets.correctedMinusNaiveAt200 >= 0 ? "+" : ""}${result.targets.correctedMinusNaiveAt200.toFixed(3)}; ${result.seconds} s`);
}
