/** The repository's posting specs (data/postings), validated. */
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config.ts";
import { Posting } from "../../src/domain/posting.ts";

export function loadPostings(): Posting[] {
  const dir = path.join(PROJECT_ROOT, "data", "postings");
  return fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()
    .map((f) => Posting.parse(JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"))));
}
