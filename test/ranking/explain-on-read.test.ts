/**
 * Explanations on read: rows below the rescore's explained top come back with reasons, computed by the
 * model that scored them and written back (compare-and-set: a newer row is never overwritten).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillMissingExplanations, explainRow, rankerCacheFor } from "../../src/app/explain-on-read.ts";
import { promoteModel, rescoreOpenShortlists } from "../../src/app/rescore.ts";
import type { ShortlistRow } from "../../src/domain/shortlist.ts";
import { loadRanker } from "../../src/model/store.ts";
import { INITIAL_MODEL_VERSION } from "../../src/registry/models.ts";
import { openTestSystem, type TestSystem } from "../helpers/system.ts";
import { copyModelVersion, loadPosting, seedShortlist } from "./helpers.ts";

const posting = loadPosting();
const N = 24;
const EXPLAINED = 4;

describe("explain on read", () => {
  let sys: TestSystem;
  let scoredAtFirst: Map<string, ShortlistRow>;

  beforeAll(async () => {
    sys = openTestSystem();
    await seedShortlist(sys, posting, N, 3);
    scoredAtFirst = new Map((await sys.ctx.stores.shortlist.top(posting.id, N)).map((r) => [r.resumeId, r]));
    // Same model, but only the best EXPLAINED rows keep their reasons (as a 100k-candidate rescore does).
    await rescoreOpenShortlists(sys.ctx.stores, await loadRanker(sys.ctx.registry.dir(INITIAL_MODEL_VERSION)), { explainTop: EXPLAINED });
  });
  afterAll(async () => {
    rankerCacheFor(sys.ctx.registry).dispose();
    await sys?.cleanup();
  });

  it("a rescore leaves rows below its explained top without reasons", async () => {
    const rows = await sys.ctx.stores.shortlist.top(posting.id, N);
    expect(rows.slice(0, EXPLAINED).every((r) => r.explanation.length > 0)).toBe(true);
    expect(rows.slice(EXPLAINED).every((r) => r.explanation.length === 0)).toBe(true);
  });

  it("fills every missing explanation, equal to the one computed at scoring time, and writes it back", async () => {
    const page = await sys.ctx.stores.shortlist.top(posting.id, 12);
    const filled = await fillMissingExplanations(sys.ctx, posting.id, page);
    expect(filled.map((r) => r.resumeId)).toEqual(page.map((r) => r.resumeId));
    for (const row of filled) {
      expect(row.explanation.length).toBeGreaterThan(0);
      // Same model, same features → the same reasons the score worker gave (with evidence text).
      expect(row.explanation).toEqual(scoredAtFirst.get(row.resumeId)!.explanation);
    }
    expect(filled.some((r) => r.explanation.some((c) => c.evidence !== null))).toBe(true);
    const stored = await sys.ctx.stores.shortlist.top(posting.id, N);
    expect(stored.slice(0, 12).every((r) => r.explanation.length > 0)).toBe(true);
    expect(stored.slice(12).every((r) => r.explanation.length === 0)).toBe(true); // only what was read
  });

  it("explains a single row (shortlist explain)", async () => {
    const deep = (await sys.ctx.stores.shortlist.top(posting.id, 1, N - 1))[0]!;
    expect(deep.explanation).toEqual([]);
    const row = await explainRow(sys.ctx, deep);
    expect(row.explanation.length).toBeGreaterThan(0);
    expect((await sys.ctx.stores.shortlist.entry(posting.id, deep.resumeId))!.explanation).toEqual(row.explanation);
  });

  it("never overwrites a row that changed after it was read", async () => {
    const deep = (await sys.ctx.stores.shortlist.top(posting.id, 1, N - 2))[0]!;
    expect(deep.explanation).toEqual([]);
    const { rank: _rank, ...entry } = deep;
    const newer = { ...entry, score: 0.5, scoredAt: new Date(Date.parse(deep.scoredAt) + 1000).toISOString() };
    await sys.ctx.stores.shortlist.upsert(newer); // re-scored between the read and the write-back
    const [shown] = await fillMissingExplanations(sys.ctx, posting.id, [deep]);
    expect(shown!.explanation.length).toBeGreaterThan(0); // the reader still gets reasons
    const stored = await sys.ctx.stores.shortlist.entry(posting.id, deep.resumeId);
    expect(stored).toMatchObject({ scoredAt: newer.scoredAt, score: 0.5, explanation: [] });
  });

  it("uses the newly served model after a promotion", async () => {
    const v2 = copyModelVersion(sys.modelsDir, "v0002-explain-test", 0.7);
    await promoteModel(sys.ctx.stores, sys.ctx.registry, v2, { explainTop: 0 });
    const page = await sys.ctx.stores.shortlist.top(posting.id, 3);
    expect(page.every((r) => r.modelVersion === v2 && r.explanation.length === 0)).toBe(true);
    const filled = await fillMissingExplanations(sys.ctx, posting.id, page);
    expect(filled.every((r) => r.explanation.length > 0)).toBe(true);
    expect(rankerCacheFor(sys.ctx.registry).loadedVersions()).toContain(v2);
    // Calibration moved, so the effects (probability points) differ from the v0001 ones.
    expect(filled[0]!.explanation).not.toEqual(scoredAtFirst.get(filled[0]!.resumeId)!.explanation);
  });
});
