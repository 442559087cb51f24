/**
 * `npm run eval:extraction [-- --json] [-- --set fixtures,heldout,unseen,fresh,fifth,sixth,seventh,eighth,shared] [-- --misses]`
 * Per-field extraction accuracy on
 *   (a) the repo's labelled fixtures (test/fixtures/corpus.ts), each rendered to PDF, DOCX and TXT;
 *   (b) the second, held-out-style fixture set (test/fixtures/corpus-heldout.ts), same three formats;
 *   (b') the third set (test/fixtures/corpus-unseen.ts), written blind before the extractor was read; same formats;
 *   (b'') the fourth set (test/fixtures/corpus-fresh.ts), written blind after the third set's fixes; same formats;
 *   (b''') the fifth set (test/fixtures/corpus-fifth.ts), written blind after the fourth set's fixes; same formats;
 *   (b'''') the sixth set (test/fixtures/corpus-sixth.ts), written blind after the fifth set's fixes; same formats;
 *   (b''''') the seventh set (test/fixtures/corpus-seventh.ts), written blind after the sixth set's fixes; same formats;
 *   (b'''''') the eighth set (test/fixtures/corpus-eighth.ts), written blind after the seventh set's fixes; same formats;
 *   (c) when ../shared/data is present, the labelled public data (test/shared-data/labelled.ts says which
 *       fields each source can judge).
 * Every document goes through readDocument (when it is a file) + extractProfile, as in production.
 * Exit code 0 always when the evaluation ran (it measures; it does not gate); 2 on a usage error.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Table from "cli-table3";
import { extractProfile } from "../src/extract/index.ts";
import { readDocument } from "../src/parse/index.ts";
import { FIXTURE_AS_OF, FIXTURE_RESUMES, type FixtureResume } from "../test/fixtures/corpus.ts";
import { HELDOUT_RESUMES } from "../test/fixtures/corpus-heldout.ts";
import { UNSEEN_RESUMES } from "../test/fixtures/corpus-unseen.ts";
import { FRESH_RESUMES } from "../test/fixtures/corpus-fresh.ts";
import { FIFTH_RESUMES } from "../test/fixtures/corpus-fifth.ts";
import { SIXTH_RESUMES } from "../test/fixtures/corpus-sixth.ts";
import { SEVENTH_RESUMES } from "../test/fixtures/corpus-seventh.ts";
import { EIGHTH_RESUMES } from "../test/fixtures/corpus-eighth.ts";
import { NINTH_RESUMES } from "../test/fixtures/corpus-ninth.ts";
import { TENTH_RESUMES } from "../test/fixtures/corpus-tenth.ts";
import { ELEVENTH_RESUMES } from "../test/fixtures/corpus-eleventh.ts";
import { TWELFTH_RESUMES } from "../test/fixtures/corpus-twelfth.ts";
import { THIRTEENTH_RESUMES } from "../test/fixtures/corpus-thirteenth.ts";
import { FOURTEENTH_RESUMES } from "../test/fixtures/corpus-fourteenth.ts";
import { FIFTEENTH_RESUMES } from "../test/fixtures/corpus-fifteenth.ts";
import { SIXTEENTH_RESUMES } from "../test/fixtures/corpus-sixteenth.ts";
import { SEVENTEENTH_RESUMES } from "../test/fixtures/corpus-seventeenth.ts";
import { EIGHTEENTH_RESUMES } from "../test/fixtures/corpus-eighteenth.ts";
import { NINETEENTH_RESUMES } from "../test/fixtures/corpus-nineteenth.ts";
import { TWENTIETH_RESUMES } from "../test/fixtures/corpus-twentieth.ts";
import { renderFixture } from "../test/fixtures/render.ts";
import {
  listResumeDocx, listResumePdfs, loadDataTurks, loadDotin, loadRendercv, loadVrundag91, naukriTruth, SHARED_DATA, type LabelledDoc,
} from "../test/shared-data/labelled.ts";
import { FIELD_NAMES, judge, pct, scoreSet, type SetScore, type Truth } from "./fields.ts";

const RESUME_ID = "0".repeat(64);
const FORMATS = ["pdf", "docx", "txt"] as const;

export function fixtureTruth(f: FixtureResume): Truth {
  const e = f.expected;
  return {
    level: e.level, status: e.status, field: e.field, graduation: e.graduationDate, availability: e.availableFrom,
    signals: e.signals, publications: e.publications, email: e.email,
  };
}

/** Each fixture in each of the three formats (a two-column PDF keeps its layout; DOCX/TXT put the sidebar first). */
export async function evalFixtures(name: string, resumes: FixtureResume[], formats: readonly string[] = FORMATS): Promise<SetScore> {
  const results = [];
  for (const f of resumes) {
    for (const format of formats) {
      const variant = { ...f, format: format as FixtureResume["format"] };
      const doc = await readDocument(await renderFixture(variant), `${f.slug}.${format}`);
      const p = extractProfile(doc.text, RESUME_ID, { today: FIXTURE_AS_OF, warnings: doc.warnings });
      results.push({ id: `${f.slug}.${format}`, judgements: judge(p, fixtureTruth(f)) });
    }
  }
  return scoreSet(name, results, [`${resumes.length} resumes × ${formats.length} formats (${formats.join(", ")}), today = ${FIXTURE_AS_OF}`]);
}

async function evalLabelled(name: string, docs: LabelledDoc[], notes: string[]): Promise<SetScore> {
  const results = [];
  for (const d of docs) {
    let text = d.text ?? "";
    const warnings: string[] = [];
    if (d.file) {
      const doc = await readDocument(new Uint8Array(await readFile(d.file)), path.basename(d.file));
      text = doc.text;
      warnings.push(...doc.warnings);
    }
    const p = extractProfile(text, RESUME_ID, { warnings });
    results.push({ id: d.id, judgements: judge(p, d.truth) });
  }
  return scoreSet(name, results, notes);
}

export async function evalShared(): Promise<SetScore[]> {
  const out: SetScore[] = [];
  const dt = await loadDataTurks();
  if (dt.length > 0) out.push(await evalLabelled("dataturks", dt, ["text as given; level = highest annotated Degree span; graduation = year among annotated Graduation Year spans; e-mail only where the span is an address (most are indeed.com/r/… links)"]));
  const dotin = await loadDotin();
  if (dotin.length > 0) out.push(await evalLabelled("dotin", dotin, ["tags stripped; same fields as DataTurks; names/e-mails are anonymised fakes (still consistent with the text); 93 files re-annotate DataTurks texts"]));
  const vr = await loadVrundag91();
  if (vr.length > 0) out.push(await evalLabelled("vrundag91", vr, ["whitespace-collapsed text (no line breaks); level only, from loose higher/basic_education labels; tasks without annotations skipped"]));
  const rc = await loadRendercv();
  if (rc.length > 0) out.push(await evalLabelled("rendercv", rc, ["PDFs via readDocument; truth from the YAML: one fictional CV in several themes (tests layout, not content)"]));
  const docx: LabelledDoc[] = [];
  for (const file of await listResumeDocx()) {
    const doc = await readDocument(new Uint8Array(await readFile(file)), path.basename(file));
    const truth = naukriTruth(doc.text);
    if (truth) docx.push({ source: "resumes-docx", id: path.basename(file), text: doc.text, truth });
  }
  if (docx.length > 0) out.push(await evalLabelled("resumes-docx", docx, ["silver: the Naukri 'Highest Degree:' form field, which is itself in the text"]));
  return out;
}

/** readDocument wall time per real PDF (warm: one untimed pass first, so pdf.js start-up is not counted). */
export async function pdfTimings(): Promise<{ file: string; pages: number; ms: number; warnings: string[] }[]> {
  const files = await listResumePdfs();
  const bytes = await Promise.all(files.map(async (f) => new Uint8Array(await readFile(f))));
  if (bytes[0]) await readDocument(bytes[0], "warm-up.pdf");
  const out = [];
  for (const [i, b] of bytes.entries()) {
    const t = performance.now();
    const doc = await readDocument(b, path.basename(files[i]!));
    out.push({ file: path.basename(files[i]!), pages: doc.pages, ms: Math.round(performance.now() - t), warnings: doc.warnings });
  }
  return out;
}

function render(sets: SetScore[], showMisses: boolean): string {
  const head = ["field", ...sets.map((s) => `${s.name} (${s.documents})`)];
  const table = new Table({ head, style: { head: [], border: [] } });
  const cell = (s: SetScore, f: string) => {
    const sc = f === "ALL" ? s.total : s.fields[f as keyof SetScore["fields"]];
    const p = pct(sc);
    return p === null ? "–" : `${p.toFixed(1)}% (${sc!.right}/${sc!.judged})`;
  };
  for (const f of [...FIELD_NAMES, "ALL"]) table.push([f, ...sets.map((s) => cell(s, f))]);
  const lines = [table.toString(), ...sets.flatMap((s) => s.notes.map((n) => `${s.name}: ${n}`))];
  if (showMisses) {
    for (const s of sets) {
      for (const m of s.misses) {
        lines.push(`${s.name} ${m.id}: ${m.wrong.map((w) => `${w.field} expected ${JSON.stringify(w.expected)} got ${JSON.stringify(w.actual)}`).join("; ")}`);
      }
    }
  }
  return lines.join("\n");
}

const USAGE = `usage: npm run eval:extraction -- [--json] [--misses] [--timings] [--set fixtures,heldout,unseen,fresh,fifth,sixth,seventh,eighth,ninth,tenth,eleventh,twelfth,thirteenth,fourteenth,fifteenth,sixteenth,seventeenth,eighteenth,nineteenth,twentieth,shared]

Per-field extraction accuracy: repo fixtures and the held-out-style second set (each rendered to PDF, DOCX and
TXT), the third to twentieth sets written blind (unseen, fresh, fifth, …, twentieth), and the labelled public data in ${SHARED_DATA} when present. --misses lists every wrong field;
--timings adds readDocument time per real PDF in resumes-pdf/.`;

/** [--set name, table label, resumes]; a set still being written (empty) is skipped. */
const FIXTURE_SETS: [string, string, FixtureResume[]][] = [
  ["fixtures", "fixtures", FIXTURE_RESUMES],
  ["heldout", "second-set", HELDOUT_RESUMES],
  ["unseen", "unseen", UNSEEN_RESUMES],
  ["fresh", "fresh", FRESH_RESUMES],
  ["fifth", "fifth", FIFTH_RESUMES],
  ["sixth", "sixth", SIXTH_RESUMES],
  ["seventh", "seventh", SEVENTH_RESUMES],
  ["eighth", "eighth", EIGHTH_RESUMES],
  ["ninth", "ninth", NINTH_RESUMES],
  ["tenth", "tenth", TENTH_RESUMES],
  ["eleventh", "eleventh", ELEVENTH_RESUMES],
  ["twelfth", "twelfth", TWELFTH_RESUMES],
  ["thirteenth", "thirteenth", THIRTEENTH_RESUMES],
  ["fourteenth", "fourteenth", FOURTEENTH_RESUMES],
  ["fifteenth", "fifteenth", FIFTEENTH_RESUMES],
  ["sixteenth", "sixteenth", SIXTEENTH_RESUMES],
  ["seventeenth", "seventeenth", SEVENTEENTH_RESUMES],
  ["eighteenth", "eighteenth", EIGHTEENTH_RESUMES],
  ["nineteenth", "nineteenth", NINETEENTH_RESUMES],
  ["twentieth", "twentieth", TWENTIETH_RESUMES],
];
const SET_NAMES = [...FIXTURE_SETS.map(([name]) => name), "shared"];

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const known = new Set(["--json", "--misses", "--set", "--timings"]);
  const setArg = argv[argv.indexOf("--set") + 1];
  const bad = argv.filter((a, i) => !known.has(a) && argv[i - 1] !== "--set");
  const wanted = argv.includes("--set") ? (setArg ?? "").split(",") : SET_NAMES;
  if (bad.length > 0 || wanted.some((w) => !(SET_NAMES as readonly string[]).includes(w))) {
    console.error(`eval:extraction: unknown argument(s) ${[...bad, ...wanted].join(" ")}\n${USAGE}`);
    return 2;
  }
  const sets: SetScore[] = [];
  for (const [name, label, resumes] of FIXTURE_SETS) {
    if (wanted.includes(name) && resumes.length > 0) sets.push(await evalFixtures(label, resumes));
  }
  if (wanted.includes("shared")) {
    const shared = await evalShared();
    if (shared.length === 0) console.error(`eval:extraction: no shared data at ${SHARED_DATA}; skipped`);
    sets.push(...shared);
  }
  const timings = argv.includes("--timings") ? await pdfTimings() : undefined;
  if (argv.includes("--json")) console.log(JSON.stringify({ sets, ...(timings ? { timings } : {}) }, null, 2));
  else {
    console.log(render(sets, argv.includes("--misses")));
    if (timings) {
      const t = new Table({ head: ["real PDF", "pages", "parse ms"], style: { head: [], border: [] } });
      for (const r of timings) t.push([r.file, r.pages, r.ms]);
      console.log(t.toString());
    }
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
