/**
 * The self-reported groups file of an audit: CSV `resumeId,category`, one line per candidate,
 * an optional header line. Supplied per audit and never stored (it must not sit beside features).
 */
import { z } from "zod";
import { ResumeId } from "../domain/profile.ts";

export const GroupRow = z.object({ resumeId: ResumeId, category: z.string().trim().min(1).max(100) });
export type GroupRow = z.infer<typeof GroupRow>;

export class GroupsFileError extends Error {
  constructor(readonly source: string, readonly line: number, reason: string) {
    super(`${source}:${line}: ${reason}`);
    this.name = "GroupsFileError";
  }
}

/** Splits one CSV line; double-quoted fields may hold commas ("" is a quote). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { out.push(cur); cur = ""; }
    else cur += ch;
  }
  out.push(cur);
  return out.map((c) => c.trim());
}

/** resumeId → category. A resume listed twice with different categories is an error (which one is true?). */
export function parseGroupsCsv(text: string, source = "groups.csv"): Map<string, string> {
  const groups = new Map<string, string>();
  text.replace(/^\uFEFF/, "").split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === "") return;
    const [resumeId = "", category = "", ...rest] = cells(raw);
    if (i === 0 && resumeId.toLowerCase() === "resumeid") return;
    if (rest.some((c) => c !== "")) throw new GroupsFileError(source, i + 1, "expected 2 columns: resumeId,category");
    const row = GroupRow.safeParse({ resumeId: resumeId.toLowerCase(), category });
    if (!row.success) throw new GroupsFileError(source, i + 1, row.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; "));
    const seen = groups.get(row.data.resumeId);
    if (seen !== undefined && seen !== row.data.category) {
      throw new GroupsFileError(source, i + 1, `resume ${row.data.resumeId.slice(0, 12)} is listed as both "${seen}" and "${row.data.category}"`);
    }
    groups.set(row.data.resumeId, row.data.category);
  });
  return groups;
}
