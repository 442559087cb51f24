/**
 * Blind features, counterfactually: every fixture resume is scored twice — once as written with
 * female-marked wording, once with another fixture person's name (everywhere, e-mail included)
 * and male-marked wording — through extract → gates → terms → vectorize → the shipped ranker.
 * The scores must not move: names, pronouns and gendered words never reach the model.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateGates } from "../../src/gate/index.ts";
import { extractProfile } from "../../src/extract/index.ts";
import { vectorize } from "../../src/features/index.ts";
import { resumeTerms } from "../../src/features/terms.ts";
import type { Ranker } from "../../src/model/ranker.ts";
import { loadRanker } from "../../src/model/store.ts";
import { PROJECT_ROOT } from "../../src/config.ts";
import { INITIAL_MODEL_VERSION } from "../../src/registry/models.ts";
import { FIXTURE_AS_OF, FIXTURE_RESUMES, type FixtureResume } from "../fixtures/corpus.ts";
import { fixtureText } from "../fixtures/render.ts";
import { seedPosting } from "../helpers/profiles.ts";

const RESUME_ID = "c".repeat(64);

const FEMALE = {
  title: "Ms.", subj: "She", poss: "her", obj: "her", group: "Women in Machine Learning", gender: "female", rel: "mother",
};
const MALE = { title: "Mr.", subj: "He", poss: "his", obj: "him", group: "Men in Machine Learning", gender: "male", rel: "father" };

function nameWords(f: FixtureResume): string[] {
  return f.header[0]!.replace(/,.*$/, "").split(/\s+/);
}

/** Keeps the case shape of the word it replaces (UPPER, lower, Title). */
function sameCase(like: string, word: string): string {
  if (like === like.toUpperCase()) return word.toUpperCase();
  if (like === like.toLowerCase()) return word.toLowerCase();
  return word;
}

const ascii = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");

/** The resume with its person's first and last names replaced by `other`'s, in every case and spelling. */
function swapName(text: string, from: string[], to: string[]): string {
  const pairs: [string, string][] = [[from[0]!, to[0]!], [from[from.length - 1]!, to[to.length - 1]!]];
  let out = text;
  for (const [a, b] of pairs) {
    for (const variant of new Set([a, ascii(a)])) {
      const re = new RegExp(`(?<![\\p{L}])${variant.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "giu");
      out = out.replace(re, (m) => sameCase(m, ascii(m) === m ? ascii(b) : b));
    }
  }
  return out;
}

/** A profile paragraph full of gender markers, inserted right under the header. */
function withMarkers(text: string, f: FixtureResume, g: typeof FEMALE, displayName: string): string {
  const header = f.header.join("\n");
  const para = [
    "",
    "PROFILE",
    `${g.title} ${displayName}. ${g.subj} is a researcher; ${g.subj.toLowerCase()} led ${g.poss} lab's reading group and the group thanked ${g.obj}.`,
    `Member of ${g.group}. Gender: ${g.gender}. Proud ${g.rel} of two.`,
  ].join("\n");
  return text.replace(header, header + "\n" + para);
}

describe("counterfactual: names, pronouns and gendered words do not change scores", () => {
  let ranker: Ranker;
  const posting = seedPosting();

  beforeAll(async () => {
    ranker = await loadRanker(path.join(PROJECT_ROOT, "models", INITIAL_MODEL_VERSION));
  }, 60_000);

  function score(text: string): { score: number; terms: readonly string[]; values: number[] } {
    const profile = extractProfile(text, RESUME_ID, { today: FIXTURE_AS_OF });
    const gates = evaluateGates(profile, posting);
    const fv = vectorize(profile, posting, gates, resumeTerms(text, profile));
    return { score: ranker.predict([fv])[0]!, terms: fv.terms, values: [...fv.values] };
  }

  it("scores every fixture resume the same after swapping identity markers", () => {
    const n = FIXTURE_RESUMES.length;
    const rows = FIXTURE_RESUMES.map((f, i) => {
      const other = FIXTURE_RESUMES[(i + Math.floor(n / 2)) % n]!;
      const base = fixtureText(f);
      const asWritten = withMarkers(base, f, FEMALE, nameWords(f).join(" "));
      const swapped = swapName(withMarkers(base, f, MALE, nameWords(f).join(" ")), nameWords(f), nameWords(other));
      return { slug: f.slug, a: score(asWritten), b: score(swapped), changed: swapped !== asWritten };
    });
    expect(rows.every((r) => r.changed)).toBe(true);
    // Whole feature rows are compared, so a failure names what leaked (a term or a dense value).
    for (const r of rows) {
      expect({ slug: r.slug, terms: r.b.terms }).toEqual({ slug: r.slug, terms: r.a.terms });
      expect({ slug: r.slug, values: r.b.values }).toEqual({ slug: r.slug, values: r.a.values });
      expect(Math.abs(r.b.score - r.a.score), r.slug).toBeLessThan(1e-6);
    }
    // Sanity: the model is not constant, so equal scores mean something.
    expect(new Set(rows.map((r) => r.a.score.toFixed(4))).size).toBeGreaterThan(5);
  });
});
