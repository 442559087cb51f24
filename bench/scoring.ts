/**
 * Scoring: the production model on the production backend (wasm) vs tfjs `cpu` on the same model
 * and the same rows (same Ranker.predict, same batches), each backend in its own process.
 * The two run alternately, ROUNDS times each, and each figure is the best of its rounds (timeit's
 * rule: other processes only ever slow a round down, so the fastest round is the least disturbed;
 * the same rule for both). Run once each, one after the other, a load change between the two
 * children moved the ratio by 2× on the shared machine (10.6× and 24.1×, same code); all rounds are
 * reported.
 * The rows carry their term hashes, computed once when `vectorize` built them (as in the score worker);
 * that hashing is not in the timed loop, so it is measured on the same rows and reported next to the
 * figure (`termHashingUsPerRow`), with both rates as they would be if every row also paid it
 * (`rowsPerSecWithHashing`, `tfjsCpuRowsPerSecWithHashing`: the score worker's case, where every scored
 * row is vectorised in its job; rescoring reads the hashes from the feature cache and pays none).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PROJECT_ROOT } from "../src/config.ts";
import { INITIAL_MODEL_VERSION } from "../src/registry/models.ts";
import { runTsChild } from "./lib/proc.ts";
import type { Figure } from "./lib/report.ts";

const CHILD = fileURLToPath(new URL("./children/scoring.ts", import.meta.url));
/** The score worker's micro-batch ceiling (BatchScorer's default maxBatch). */
const BATCH = 256;
const ROUNDS = 3;

export async function benchScoring(workDir: string, rows = 4096, seconds = 3): Promise<Figure[]> {
  const modelDir = path.join(PROJECT_ROOT, "models", INITIAL_MODEL_VERSION);
  const log = path.join(workDir, "scoring.log");
  const args = [modelDir, String(rows), String(BATCH), String(Math.max(1, seconds / ROUNDS))];
  const cpu: number[] = [];
  const fast: number[] = [];
  const hashUs: number[] = [];
  const buildUs: number[] = [];
  let last: Record<string, unknown> = {};
  for (let round = 0; round < ROUNDS; round++) {
    const c = await runTsChild(CHILD, args, { SHORTLIST_TF_BACKEND: "cpu" }, log);
    if (c.backend !== "cpu") throw new Error(`the baseline child ran on ${String(c.backend)}, not cpu`);
    cpu.push(Number(c.rowsPerSec));
    // The score worker's per-job path (with explanations) is timed once, in the last round.
    last = await runTsChild(CHILD, round === ROUNDS - 1 ? [...args, "--explain"] : args, {}, log);
    fast.push(Number(last.rowsPerSec));
    hashUs.push(Number(last.hashingUsPerRow), Number(c.hashingUsPerRow));
    buildUs.push(Number(last.buildUsPerRow), Number(c.buildUsPerRow));
  }
  const value = Math.max(...fast);
  const baseline = Math.max(...cpu);
  // Pure JS, the same on both backends: the best of the six children, like the rates.
  const hashing = Math.min(...hashUs);
  const withHashing = (rowsPerSec: number) => 1 / (1 / rowsPerSec + hashing * 1e-6);
  return [{
    key: "scoring.rowsPerSec", value, unit: "rows/s",
    baseline: { key: "scoring.tfjsCpuRowsPerSec", value: baseline, what: "tfjs cpu, same model, rows, batches" },
    target: { text: "≥ 15× tfjs cpu", met: value >= 15 * baseline },
    extra: {
      backend: String(last.backend), batch: BATCH, rounds: ROUNDS, withExplanationsPerSec: Number(last.explainedPerSec),
      rowsPerSecRounds: fast.map(Math.round).join(" "), tfjsCpuRowsPerSecRounds: cpu.map(Math.round).join(" "),
      termsPerRow: Number(last.termsPerRow), termHashingUsPerRow: hashing, vectorUsPerRow: Math.min(...buildUs),
      rowsPerSecWithHashing: Math.round(withHashing(value)), tfjsCpuRowsPerSecWithHashing: Math.round(withHashing(baseline)),
      ratioWithHashing: withHashing(value) / withHashing(baseline),
    },
  }];
}
