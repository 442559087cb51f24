/**
 * The PDFs the ingest figures run on: the real resumes in ../shared/data/resumes-pdf when present,
 * else the repository's generated fixture PDFs. Each submitted copy gets a unique trailing PDF
 * comment, so its SHA-256 (the resume id) is new and it is parsed again rather than deduplicated.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config.ts";
import { generateFixtures } from "../../test/fixtures/generate.ts";

export interface Corpus {
  source: "real" | "generated";
  dir: string;
  files: { name: string; bytes: Buffer }[];
}

export const REAL_PDF_DIR = path.resolve(PROJECT_ROOT, "..", "shared", "data", "resumes-pdf");

export async function loadCorpus(workDir: string): Promise<Corpus> {
  let source: Corpus["source"] = "real";
  let dir = REAL_PDF_DIR;
  if (!fs.existsSync(dir) || !fs.readdirSync(dir).some((f) => f.endsWith(".pdf"))) {
    source = "generated";
    dir = path.join(workDir, "fixtures");
    await generateFixtures(dir);
  }
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith(".pdf"))
    .sort()
    .map((name) => ({ name, bytes: fs.readFileSync(path.join(dir, name)) }));
  if (files.length === 0) throw new Error(`no PDF files in ${dir}`);
  return { source, dir, files };
}

/** A byte-distinct copy: PDF readers ignore bytes after the last %%EOF's comment line. */
export function uniqueCopy(bytes: Buffer): Buffer {
  return Buffer.concat([bytes, Buffer.from(`\n%bench ${randomUUID()}\n`)]);
}
