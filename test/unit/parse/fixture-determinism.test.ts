import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE_RESUMES } from "../../fixtures/corpus.ts";
import { generateFixtures } from "../../fixtures/generate.ts";
import { renderFixture } from "../../fixtures/render.ts";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("fixture generation", () => {
  it("is deterministic: the same corpus gives the same bytes (and resume ids)", async () => {
    const first = await Promise.all(FIXTURE_RESUMES.map(async (f) => sha(await renderFixture(f))));
    const second = await Promise.all(FIXTURE_RESUMES.map(async (f) => sha(await renderFixture(f))));
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(FIXTURE_RESUMES.length); // every resume is a distinct file
  });

  it("generateFixtures writes one file per resume with the rendered bytes", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "shortlist-fixtures-"));
    try {
      const written = await generateFixtures(dir);
      expect(written.map((w) => w.slug)).toEqual(FIXTURE_RESUMES.map((f) => f.slug));
      for (const [i, w] of written.entries()) {
        expect(path.extname(w.file)).toBe(`.${w.format}`);
        expect(sha(new Uint8Array(await readFile(w.file)))).toBe(sha(await renderFixture(FIXTURE_RESUMES[i]!)));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("fixture slugs are unique and expectations well-formed", () => {
    expect(new Set(FIXTURE_RESUMES.map((f) => f.slug)).size).toBe(FIXTURE_RESUMES.length);
    for (const f of FIXTURE_RESUMES) {
      expect(f.expected.graduationDate ?? "2000").toMatch(/^\d{4}(-(0[1-9]|1[0-2]))?$/);
      expect(f.expected.availableFrom ?? "2000-01").toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      if (f.layout) expect(f.format).toBe("pdf");
      if (f.layout === "two-column") expect(f.sidebar?.length).toBeGreaterThan(0);
    }
    const formats = FIXTURE_RESUMES.map((f) => f.format);
    for (const fmt of ["pdf", "docx", "txt"]) expect(formats.filter((x) => x === fmt).length).toBeGreaterThanOrEqual(8);
  });
});
