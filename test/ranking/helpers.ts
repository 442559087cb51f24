/**
 * Shared set-up of the ranking tests: simulated candidates stored as parsed resumes and scored onto a
 * posting's shortlist by the real scoring use case (so entries, explanations and the feature cache
 * are what production writes), and cheap extra model versions.
 */
import fs from "node:fs";
import path from "node:path";
import { scoreApplication } from "../../src/app/score-application.ts";
import { Posting } from "../../src/domain/posting.ts";
import { PROJECT_ROOT } from "../../src/config.ts";
import { loadRanker } from "../../src/model/store.ts";
import { INITIAL_MODEL_VERSION } from "../../src/registry/models.ts";
import { BatchScorer } from "../../src/score/batch-scorer.ts";
import { simulateOutcomes, type CandidateDecorator, type RecruiterPrefs, type SimulatedOutcome } from "../../src/simulate/simulate.ts";
import type { Stores } from "../../src/store/index.ts";
import type { TestSystem } from "../helpers/system.ts";

export function loadPosting(id = "mle-recsys-phd-2026"): Posting {
  return Posting.parse(JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "data/postings", `${id}.json`), "utf8")));
}

/** What the simulated recruiters reward and how candidates are drawn (defaults: the simulator's own). */
export interface SimulatedWorld {
  prefs?: Partial<RecruiterPrefs>;
  decorate?: CandidateDecorator;
}

/** Stores n simulated candidates as parsed resumes with an application each (no scoring). */
export async function storeCandidates(stores: Stores, posting: Posting, n: number, seed: number, world: SimulatedWorld = {}): Promise<SimulatedOutcome[]> {
  await stores.postings.add(posting);
  const sims = simulateOutcomes(n, posting, seed, world.prefs, world.decorate);
  for (let i = 0; i < sims.length; i += 200) {
    const tx = stores.redis.pipeline();
    for (const s of sims.slice(i, i + 200)) {
      const id = s.profile.resumeId;
      tx.hset(stores.keys.resume(id), { fileName: `sim-${id.slice(0, 8)}.txt`, text: s.text, format: "txt", pages: "1", profile: JSON.stringify(s.profile) });
    }
    await tx.exec();
  }
  for (const s of sims) await stores.applications.create(posting.id, s.profile.resumeId, `sim-${s.profile.resumeId.slice(0, 8)}.txt`);
  return sims;
}

/** Stores and scores n candidates with the shipped model (micro-batched like the score worker). */
export async function seedShortlist(sys: TestSystem, posting: Posting, n: number, seed = 1, world: SimulatedWorld = {}): Promise<SimulatedOutcome[]> {
  const sims = await storeCandidates(sys.ctx.stores, posting, n, seed, world);
  const scorer = new BatchScorer(await loadRanker(sys.ctx.registry.dir(INITIAL_MODEL_VERSION)));
  await Promise.all(sims.map((s) => scoreApplication({ stores: sys.ctx.stores, scorer }, { resumeId: s.profile.resumeId, postingId: posting.id })));
  return sims;
}

/**
 * A second version without training: the shipped weights with the calibration shifted by `shift`,
 * so every score moves (the order does not) and a rescore is visible in scores and modelVersion.
 */
export function copyModelVersion(modelsDir: string, version: string, shift = 1): string {
  const from = path.join(modelsDir, INITIAL_MODEL_VERSION);
  const to = path.join(modelsDir, version);
  fs.cpSync(from, to, { recursive: true });
  const file = path.join(to, "metadata.json");
  const meta = JSON.parse(fs.readFileSync(file, "utf8")) as { version: string; parent: string | null; calibration?: { a: number; b: number } };
  meta.version = version;
  meta.parent = INITIAL_MODEL_VERSION;
  meta.calibration = { a: meta.calibration?.a ?? 1, b: (meta.calibration?.b ?? 0) + shift };
  fs.writeFileSync(file, JSON.stringify(meta, null, 2));
  return version;
}
