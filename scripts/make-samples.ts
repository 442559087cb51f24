/**
 * Write 8 fixture resumes (mixed formats and quality) to data/samples/ as demo data for `npm start`.
 * Deterministic: re-running rewrites identical bytes, so the committed files only change when the corpus does.
 * Usage: tsx scripts/make-samples.ts [outDir]
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FIXTURE_RESUMES } from "../test/fixtures/corpus.ts";
import { generateFixtures } from "../test/fixtures/generate.ts";

export const SAMPLE_SLUGS = [
  "priya-raman-recsys-phd", // pdf, two-column interleaved, strong
  "tomasz-kowalczyk-ml-phd", // docx, strong
  "amara-okafor-stats-phd", // txt, related field
  "marcus-johnson-phd-completed", // pdf, completed PhD
  "yusuf-demir-systems-phd", // docx, meets minimums only
  "arjun-mehta-btech", // pdf, bachelor's
  "grace-kim-abd", // txt, ABD
  "hannah-becker-biology-phd", // docx, unrelated field
] as const;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = process.argv[2] ?? path.join(root, "data", "samples");
const chosen = SAMPLE_SLUGS.map((slug) => {
  const f = FIXTURE_RESUMES.find((r) => r.slug === slug);
  if (!f) throw new Error(`unknown fixture slug ${slug}`);
  return f;
});
const written = await generateFixtures(outDir, chosen);
console.log(`wrote ${written.length} sample resumes to ${path.relative(process.cwd(), outDir) || "."}`);
