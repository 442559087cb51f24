/**
 * Scoring: the production model on the production backend (wasm) vs tfjs `cpu` on the same model
 * and the same rows (same Ranker.predict, same batches), each backend in its own process.
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

export async function benchScoring(workDir: string, rows = 4096, seconds = 3): Promise<Figure[]> {
  const modelDir = path.join(PROJECT_ROOT, "models", INITIAL_MODEL_VERSION);
  const log = path.join(workDir, "scoring.log");
  const args = [modelDir, String(rows), String(BATCH), String(seconds)];
  const cpu = await runTsChild(CHILD, args, { SHORTLIST_TF_BACKEND: "cpu" }, log);
  const fast = await runTsChild(CHILD, [...args, "--explain"], {}, log);
  if (cpu.backend !== "cpu") throw new Error(`the baseline child ran on ${String(cpu.backend)}, not cpu`);
  const value = Number(fast.rowsPerSec);
  const baseline = Number(cpu.rowsPerSec);
  return [{
    key: "scoring.rowsPerSec", value, unit: "rows/s",
    baseline: { key: "scoring.tfjsCpuRowsPerSec", value: baseline, what: "tfjs cpu, same model, rows, batches" },
    target: { text: "≥ 15× tfjs cpu", met: value >= 15 * baseline },
    extra: { backend: String(fast.backend), batch: BATCH, withExplanationsPerSec: Number(fast.explainedPerSec) },
  }];
}
