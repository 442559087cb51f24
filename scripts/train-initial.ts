/**
 * Trains the initial ranker from the recruiter simulator (no real labels exist yet) and saves it to
 * models/v0001-initial/. Usage: npx tsx scripts/train-initial.ts [--out models/v0001-initial] [--n 20000] [--seed 20260105]
 *
 * The model encodes the simulator's assumptions (src/simulate/simulate.ts header), nothing learned from
 * real recruiters; it is a starting point that retraining on labels replaces.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { Posting } from "../src/domain/posting.ts";
import { FEATURE_NAMES } from "../src/features/index.ts";
import type { Scorer } from "../src/model/metrics.ts";
import { timeSplit } from "../src/model/split.ts";
import { saveModel } from "../src/model/store.ts";
import { trainRanker } from "../src/model/train.ts";
import { DEFAULT_PREFS, simulateOutcomes, toTrainingExample } from "../src/simulate/simulate.ts";

const { values: args } = parseArgs({
  options: {
    out: { type: "string", default: "models/v0001-initial" },
    n: { type: "string", default: "20000" },
    seed: { type: "string", default: "20260105" },
    postings: { type: "string", default: "data/postings" },
  },
});
const total = Number(args.n);
const seed = Number(args.seed);
const postingsDir = args.postings;

const postings = readdirSync(postingsDir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => Posting.parse(JSON.parse(readFileSync(path.join(postingsDir, f), "utf8"))));
const perPosting = Math.ceil(total / postings.length);

const examples = postings.flatMap((p) => simulateOutcomes(perPosting, p, seed, DEFAULT_PREFS).map((s) => toTrainingExample(s, p)));
const { train, validation } = timeSplit(examples, 0.2);

// Baseline: text similarity alone (what a keyword screen would rank by).
const simIdx = FEATURE_NAMES.indexOf("text_similarity");
const baseline: Scorer = (rows) => Float32Array.from(rows, (r) => r.values[simIdx]!);

const { ranker, metadata, history } = await trainRanker(train, {
  version: path.basename(args.out),
  epochs: 8,
  seed,
  source: "simulator",
  parent: null,
  validation,
  baseline,
  notes:
    `Initial model trained on ${examples.length} simulated recruiter decisions over ${postings.length} postings ` +
    `(seed ${seed}, last 20% by time held out). It encodes the recruiter simulator's documented assumptions ` +
    `(src/simulate/simulate.ts), not real recruiter behaviour; retrain on labels to replace it.`,
});
await saveModel(args.out, ranker, metadata);
console.log(
  JSON.stringify(
    {
      saved: args.out,
      examples: { train: train.length, validation: validation.length },
      lossPerEpoch: history.map((l) => Number(l.toFixed(4))),
      trainingSeconds: metadata.trainingSeconds,
      backend: metadata.backend,
      calibration: metadata.calibration,
      validation: metadata.metrics.validation,
      baseline: metadata.metrics.baseline,
    },
    null,
    2,
  ),
);
