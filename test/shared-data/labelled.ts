/**
 * Loaders for the labelled public data in ../shared/data (see its SOURCES.md): each yields documents with a
 * PARTIAL truth (eval/fields.ts), because every source labels different things:
 *   - DataTurks, dotin: e-mail, degree level (from the annotated Degree spans), graduation year(s);
 *   - vrundag91: degree level only (its higher/basic_education labels are loose; no e-mail label);
 *   - RenderCV: level, status, field, graduation month, publications, e-mail from the YAML the PDFs were made from;
 *   - resumes-docx: level and field from the Naukri "Highest Degree:" form field (silver: the candidate's own entry).
 * Degree spans are mapped to levels by LABEL_LEVELS below, a table independent of the extractor's taxonomy,
 * so the extractor is not judged by its own rules. Returns [] for a source whose files are absent.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { DegreeLevel } from "../../src/domain/profile.ts";
import type { Truth } from "../../eval/fields.ts";

export const SHARED_DATA = process.env.SHORTLIST_SHARED_DATA ?? path.resolve(import.meta.dirname, "../../../shared/data");

export interface LabelledDoc {
  source: string;
  id: string;
  /** Plain text to extract from, or a file to read through readDocument. */
  text?: string;
  file?: string;
  truth: Truth;
}

const RANK: Record<DegreeLevel, number> = { other: 0, secondary: 1, associate: 2, bachelors: 3, masters: 4, phd: 5 };
const LABEL_LEVELS: [RegExp, DegreeLevel][] = [
  [/\bph\.?\s?d\b|doctor(?:ate| of philosophy)|\bd\.phil\b/i, "phd"],
  [/\bmaster|\bm\.?\s?(?:tech|sc|s|e|eng|ca|ba|com|phil|a)\b\.?|\bmba\b|\bpgdm\b|\bpg\b|post[- ]?graduat/i, "masters"],
  [/\bbachelor|\bb\.?\s?(?:tech|sc|s|e|eng|ca|ba|com|a|pharm|arch)\b\.?|\bbba\b|\bbca\b|\bgraduat(?:e|ion)\b|\bundergrad/i, "bachelors"],
  [/\bassociate\b|\ba\.?a\.?s?\b\.?/i, "associate"],
  [/\b(?:ssc|hsc|cbse|icse|12th|10th|xii|x\b|higher secondary|secondary|high school|intermediate|matric|state board|puc)/i, "secondary"],
  [/\bdiploma\b/i, "other"],
];

/** Highest level named in any of the spans, or undefined when none names a level we can map. */
export function labelLevel(spans: string[]): DegreeLevel | undefined {
  let best: DegreeLevel | undefined;
  for (const s of spans) {
    const hit = LABEL_LEVELS.find(([re]) => re.test(s));
    if (hit && (best === undefined || RANK[hit[1]] > RANK[best])) best = hit[1];
  }
  return best;
}

const years = (spans: string[]) => [...new Set(spans.flatMap((s) => (s.match(/\b(?:19|20)\d\d\b/g) ?? []).map(Number)))];
const emailOf = (spans: string[]) => spans.map((s) => s.trim()).find((s) => /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(s))?.toLowerCase();

function spanTruth(byLabel: Map<string, string[]>, gradLabel = "Graduation Year"): Truth {
  const t: Truth = {};
  const email = emailOf(byLabel.get("Email Address") ?? []);
  if (email) t.email = email;
  const level = labelLevel(byLabel.get("Degree") ?? []);
  if (level) t.level = level;
  const ys = years(byLabel.get(gradLabel) ?? []);
  if (ys.length > 0) t.graduationYears = ys;
  return t;
}

function push(map: Map<string, string[]>, label: string, text: string) {
  const list = map.get(label) ?? [];
  list.push(text.trim());
  map.set(label, list);
}

export async function loadDataTurks(root = SHARED_DATA): Promise<LabelledDoc[]> {
  const dir = path.join(root, "labelled/dataturks");
  if (!existsSync(dir)) return [];
  const out: LabelledDoc[] = [];
  for (const file of ["traindata.json", "testdata.json"]) {
    const lines = (await readFile(path.join(dir, file), "utf8")).split("\n").filter((l) => l.trim() !== "");
    lines.forEach((line, i) => {
      const doc = JSON.parse(line) as { content: string; annotation: { label: string[]; points: { text: string }[] }[] | null };
      const byLabel = new Map<string, string[]>();
      // Offsets drift in 45 documents (SOURCES.md): trust each span's own text.
      for (const a of doc.annotation ?? []) for (const p of a.points) for (const l of a.label) push(byLabel, l, p.text);
      out.push({ source: "dataturks", id: `${file}:${i}`, text: doc.content, truth: spanTruth(byLabel) });
    });
  }
  return out;
}

const decodeXml = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

export async function loadDotin(root = SHARED_DATA): Promise<LabelledDoc[]> {
  const dir = path.join(root, "labelled/dotin");
  if (!existsSync(dir)) return [];
  const out: LabelledDoc[] = [];
  for (const sub of (await readdir(dir)).sort()) {
    for (const file of (await readdir(path.join(dir, sub))).filter((f) => f.endsWith(".xml")).sort()) {
      const xml = await readFile(path.join(dir, sub, file), "utf8");
      const body = xml.replace(/^<\?xml[^>]*>\s*/, "").replace(/^\s*<cv>|<\/cv>\s*$/g, "");
      const byLabel = new Map<string, string[]>();
      for (const m of body.matchAll(/<label type="([^"]+)">([\s\S]*?)<\/label>/g)) push(byLabel, m[1]!, decodeXml(m[2]!));
      const text = decodeXml(body.replace(/<\/?label[^>]*>/g, "")).replace(/^\s*"/, "");
      out.push({ source: "dotin", id: `${sub}/${file}`, text, truth: spanTruth(byLabel) });
    }
  }
  return out;
}

interface LabelStudioTask {
  data: { text: string };
  file_upload?: string;
  annotations: { result: { value?: { start: number; end: number; labels?: string[] } }[] }[];
}

export async function loadVrundag91(root = SHARED_DATA): Promise<LabelledDoc[]> {
  const dir = path.join(root, "labelled/resume-corpus-vrundag91");
  if (!existsSync(dir)) return [];
  const out: LabelledDoc[] = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith(".json")).sort()) {
    const tasks = JSON.parse(await readFile(path.join(dir, file), "utf8")) as LabelStudioTask[];
    tasks.forEach((task, i) => {
      const ann = task.annotations[0];
      if (!ann) return; // 114 tasks carry no annotation at all: nothing to judge
      const byLabel = new Map<string, string[]>();
      for (const r of ann.result) {
        // value.text has double spaces collapsed (SOURCES.md); the offsets are right.
        if (r.value?.labels) for (const l of r.value.labels) push(byLabel, l, task.data.text.slice(r.value.start, r.value.end));
      }
      const level = labelLevel([...(byLabel.get("higher_education") ?? []), ...(byLabel.get("basic_education") ?? [])]);
      if (level) out.push({ source: "vrundag91", id: `${file}:${i}`, text: task.data.text, truth: { level } });
    });
  }
  return out;
}

/** The few YAML fields we need, read line-wise (RenderCV's example files are regular; no YAML dependency). */
export function rendercvTruth(yaml: string): Truth {
  const email = /^\s{2}email:\s*(\S+)/m.exec(yaml)?.[1];
  const edu = /^\s{4}education:\n([\s\S]*?)^\s{4}\w[^\n]*:\n/m.exec(yaml)?.[1] ?? "";
  const first = edu.split(/^\s{6}- /m)[1] ?? "";
  const get = (k: string) => new RegExp(`^\\s*${k}:\\s*(.*)$`, "m").exec(first)?.[1]?.trim().replace(/^['"]|['"]$/g, "") || null;
  const degree = get("degree") ?? "";
  const end = get("end_date");
  const pubs = /^\s{4}publications:\n([\s\S]*?)(?=^\s{4}\w[^\n]*:\n|^design:|$(?![\s\S]))/m.exec(yaml)?.[1] ?? "";
  return {
    ...(email ? { email } : {}),
    ...(labelLevel([degree]) ? { level: labelLevel([degree])! } : {}),
    status: end === null || /present/i.test(end) ? "in_progress" : "completed",
    field: get("area"),
    graduation: end && /^\d{4}-\d{2}$/.test(end) ? end : null,
    publications: (pubs.match(/^\s{6}- title:/gm) ?? []).length,
  };
}

export async function loadRendercv(root = SHARED_DATA): Promise<LabelledDoc[]> {
  const dir = path.join(root, "labelled/rendercv");
  if (!existsSync(dir)) return [];
  const out: LabelledDoc[] = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith(".yaml")).sort()) {
    const pdf = path.join(root, "resumes-pdf", `rendercv__${file.replace(/\.yaml$/, ".pdf")}`);
    if (!existsSync(pdf)) continue;
    out.push({ source: "rendercv", id: path.basename(pdf), file: pdf, truth: rendercvTruth(await readFile(path.join(dir, file), "utf8")) });
  }
  return out;
}

/** "Highest Degree: B.Tech/B.E. [INFORMATION SCIENCE]" → level + field. */
export function naukriTruth(text: string): Truth | null {
  const m = /^Highest Degree:\s*(.+)$/m.exec(text);
  if (!m) return null;
  const level = labelLevel([m[1]!.replace(/\[.*$/, "")]);
  const field = /\[([^\]]+)\]/.exec(m[1]!)?.[1]?.trim();
  const t: Truth = {};
  if (level) t.level = level;
  if (field && !/^(?:other|any specialization)$/i.test(field)) t.field = field;
  return level || t.field ? t : null;
}

export async function listResumeDocx(root = SHARED_DATA): Promise<string[]> {
  const dir = path.join(root, "resumes-docx");
  if (!existsSync(dir)) return [];
  return (await readdir(dir)).filter((f) => f.endsWith(".docx")).sort().map((f) => path.join(dir, f));
}

export async function listResumePdfs(root = SHARED_DATA): Promise<string[]> {
  const dir = path.join(root, "resumes-pdf");
  if (!existsSync(dir)) return [];
  return (await readdir(dir)).filter((f) => f.endsWith(".pdf")).sort().map((f) => path.join(dir, f));
}
