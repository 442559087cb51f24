/**
 * The fault suite's corpus, generated in memory (never downloaded): the parse unit tests'
 * hostile files (test/fixtures/hostile.ts) plus the ones only a sandbox can survive — a PDF
 * declaring 100,000 pages, deeply nested PDF objects, a PDF stream that inflates to gigabytes —
 * hostile file names, and a stream of small good resumes (TXT: cheapest to parse).
 *
 * Each hostile file names its expected outcome at the *job* level: `refused` (submit throws),
 * `failed` with a reason code (the job's failure reason and the application's error start with it),
 * or `scored` (accepted; hostile only in its name or shape).
 */
import { deflateRawSync, constants as zlibConstants } from "node:zlib";
import { generateHostileFiles } from "../fixtures/hostile.ts";

export type Expected =
  | { outcome: "refused" }
  | { outcome: "failed"; reasons: readonly string[] }
  | { outcome: "scored" };

export interface FaultFile {
  name: string;
  bytes: Uint8Array;
  expected: Expected;
}

/** A PDF from raw object bodies (1-based numbering), with a correct xref table and trailer. */
export function rawPdf(objects: (string | Buffer)[], rootRef = "1 0 R"): Uint8Array {
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(body) ? body : Buffer.from(body, "latin1"), Buffer.from("\nendobj\n")]);
    offsets.push(offset);
    parts.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, "0000000000 65535 f \n", ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${rootRef} >>\nstartxref\n${offset}\n%%EOF\n`, "latin1"));
  return new Uint8Array(Buffer.concat(parts));
}

const FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
const stream = (dict: string, data: Buffer) => Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, Buffer.from("\nendstream")]);
const text = (s: string) => Buffer.from(`BT /F1 12 Tf 72 720 Td (${s}) Tj ET`);

/** 50,000 nested arrays in the page's resources: a recursive-descent parser runs out of stack. */
function pdfDeeplyNested(depth = 50_000): Uint8Array {
  return rawPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /Nest ${"[".repeat(depth)}${"]".repeat(depth)} >> >>`,
    stream("", text("Resume of Test Person")),
    FONT,
  ]);
}

/**
 * A content stream of a few MB that inflates to `gib` GiB of spaces. Deflate tops out near
 * 1000:1, so one compressed 1 MiB block (byte-aligned by a sync flush) is repeated, then a
 * final empty block and the zlib trailer are added; the whole thing takes milliseconds.
 */
function pdfInflateBomb(gib = 2): Uint8Array {
  const MiB = 1024 * 1024;
  const block = deflateRawSync(Buffer.alloc(MiB, 0x20), { level: 9, finishFlush: zlibConstants.Z_SYNC_FLUSH });
  const total = gib * 1024 * MiB;
  // Adler-32 of n spaces: a = 1 + 32n, b = sum of a over the bytes (mod 65521).
  const n = BigInt(total), M = 65521n;
  const a = (1n + 32n * n) % M;
  const b = (n + 32n * ((n * (n + 1n)) / 2n)) % M;
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(Number((b << 16n) | a));
  const deflated = Buffer.concat([Buffer.from([0x78, 0xda]), ...Array<Buffer>(gib * 1024).fill(block), Buffer.from([0x03, 0x00]), trailer]);
  return rawPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    stream("/Filter /FlateDecode", deflated),
    FONT,
  ]);
}

/** A small, valid, distinct resume; `i` varies the person, the degree and the skills. */
export function goodResume(i: number): Uint8Array {
  const levels = ["PhD in Computer Science (in progress, expected 2026)", "MSc in Statistics, 2021", "BSc in Physics, 2019"];
  const skills = ["Python, PyTorch, recommender systems", "Java, C++, data mining, SQL", "Python, machine learning, algorithms"];
  return new TextEncoder().encode(
    [
      `Candidate ${i}`,
      `candidate${i}@example.org`,
      "",
      "EDUCATION",
      `${levels[i % 3]}, Example University`,
      "",
      "EXPERIENCE",
      `Research Intern, Lab ${i % 17}, 2023-06 to 2023-12`,
      `Built ranking models and data pipelines (${(i * 7919) % 1000} experiments).`,
      "",
      "SKILLS",
      skills[i % 3]!,
      "Available from June 2026",
      "",
    ].join("\n"),
  );
}


/** Every hostile file with its job-level expectation. */
export async function generateFaultCorpus(): Promise<FaultFile[]> {
  const fromParseTests: FaultFile[] = (await generateHostileFiles()).map((f) => ({
    name: f.name,
    bytes: f.bytes,
    expected:
      f.kind === "warning" ? { outcome: "scored" }
      : f.expectedCode === "empty" || f.name === "too-big.txt" ? { outcome: "refused" } // refused at submit, before any job
      : { outcome: "failed", reasons: [f.expectedCode] },
  }));
  return [
    ...fromParseTests,
    { name: "declares-100000-pages.pdf", bytes: pdfPageTreeDag(), expected: { outcome: "failed", reasons: ["too_many_pages"] } },
    { name: "deeply-nested.pdf", bytes: pdfDeeplyNested(), expected: { outcome: "failed", reasons: ["corrupt"] } },
    // Spaces are whitespace to the PDF lexer: reading them takes memory and time; whichever limit comes first stops it.
    { name: "inflates-to-2gib.pdf", bytes: pdfInflateBomb(), expected: { outcome: "failed", reasons: ["memory", "timeout"] } },
    { name: "../../etc/passwd.txt", bytes: goodResume(90_001), expected: { outcome: "scored" } },
    { name: "C:\\Users\\x\\cv\u0000\u0007\u001b[31m.txt", bytes: goodResume(90_002), expected: { outcome: "scored" } },
  ];
}

/**
 * A PDF declaring 100,000 pages in under 1 KB: a page tree of `levels` levels whose `fanout` kids
 * are all the same object, so the declared counts are consistent (a lone /Count lie is corrected
 * by pdf.js, which then reads the one real page).
 */
export function pdfPageTreeDag(levels = 5, fanout = 10): Uint8Array {
  // objects: 1 catalog, 2..(levels+1) tree nodes (2 = root), levels+2 leaf page, levels+3 content, levels+4 font
  const leaf = levels + 2;
  const objects: (string | Buffer)[] = ["<< /Type /Catalog /Pages 2 0 R >>"];
  for (let l = 0; l < levels; l++) {
    const self = 2 + l;
    const child = l === levels - 1 ? leaf : self + 1;
    const parent = l === 0 ? "" : `/Parent ${self - 1} 0 R `;
    objects.push(`<< /Type /Pages ${parent}/Count ${fanout ** (levels - l)} /Kids [${Array(fanout).fill(`${child} 0 R`).join(" ")}] >>`);
  }
  objects.push(`<< /Type /Page /Parent ${leaf - 1} 0 R /MediaBox [0 0 612 792] /Contents ${leaf + 1} 0 R /Resources << /Font << /F1 ${leaf + 2} 0 R >> >> >>`);
  objects.push(stream("", text("Resume of Test Person")));
  objects.push(FONT);
  return rawPdf(objects);
}
