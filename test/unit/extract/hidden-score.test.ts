/**
 * A resume cannot raise its own score with text a reader cannot see, or with instructions to the screener:
 * PDF → readDocument → extractProfile → gates → vectorize → the initial model, as the pipeline scores it.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { Posting } from "../../../src/domain/posting.ts";
import { extractProfile } from "../../../src/extract/index.ts";
import { vectorize } from "../../../src/features/index.ts";
import { resumeTerms } from "../../../src/features/terms.ts";
import { evaluateGates } from "../../../src/gate/index.ts";
import { initBackend } from "../../../src/model/backend.ts";
import { loadRanker } from "../../../src/model/store.ts";
import { readDocument } from "../../../src/parse/index.ts";
import { hiddenTextPdf, type HiddenTrick } from "../../fixtures/hidden-text.ts";

const posting = Posting.parse(JSON.parse(readFileSync("data/postings/mle-recsys-phd-2026.json", "utf8")));
type Loaded = Awaited<ReturnType<typeof loadRanker>>;
let ranker: Loaded;

async function score(trick: HiddenTrick) {
  const doc = await readDocument(await hiddenTextPdf(trick), `${trick}.pdf`);
  const profile = extractProfile(doc.text, "0".repeat(64), { today: "2025-11", warnings: doc.warnings });
  const gates = evaluateGates(profile, posting);
  const features = vectorize(profile, posting, gates, resumeTerms(doc.text, profile));
  return { profile, score: ranker.predict([features])[0]! };
}

describe("hidden text and injected instructions do not raise the score", () => {
  beforeAll(async () => {
    await initBackend();
    ranker = await loadRanker("models/v0001-initial");
  });

  it.each<HiddenTrick>(["invisible", "white", "tiny", "off_page", "injection"])("%s", async (trick) => {
    const plain = await score("none");
    const tricked = await score(trick);
    expect(tricked.score).toBeLessThanOrEqual(plain.score + 1e-6);
    expect(tricked.profile.signals).toEqual(plain.profile.signals);
    const code = trick === "injection" ? "injection_text: " : "hidden_text: ";
    expect(tricked.profile.warnings.some((w) => w.startsWith(code))).toBe(true);
  });
});
