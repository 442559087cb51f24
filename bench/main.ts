/**
 * `npm run bench [-- --json] [--only ingest,scoring,...]`: every performance figure of issue 5, each
 * next to the baseline measured in the same run and the ratio, in bounded time (< 3 min on 2 cores).
 * Starts its own redis-server (free port, temp dir, no persistence) and never touches another Redis.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { EXIT, printJson } from "../src/cli/output.ts";
import { loadCorpus } from "./lib/corpus.ts";
import { printFigures, toJson, type Figure } from "./lib/report.ts";
import { startBenchSystem } from "./lib/system.ts";
import { benchIngest } from "./ingest.ts";
import { benchRescore } from "./rescore.ts";
import { benchRetrain } from "./retrain.ts";
import { benchScoring } from "./scoring.ts";
import { benchShortlistRead } from "./shortlist-read.ts";

const SECTIONS = ["ingest", "scoring", "shortlist", "rescore", "retrain"] as const;
type Section = (typeof SECTIONS)[number];

const HELP = `Usage: npm run bench [-- options]

Measures every figure of issue 5 with its same-run baseline and ratio (see docs/readme/performance.md).

Options:
  --json                 one JSON object on stdout instead of the table
  --only <list>          comma-separated sections: ${SECTIONS.join(",")} (default: all)
  --passes <n>           times the PDF corpus is ingested for the throughput figures (default 4)
  --members <n>          shortlist size for the read figure (default 1000000)
  --rescore <n>          open candidates rescored (default 100000, the target size)
  --retrain <n>          labelled outcomes trained and evaluated (default 100000)
  -h, --help             this text

Exit codes: 0 all figures measured, 1 a section failed, 2 usage error.`;

function machine() {
  const model = fs.existsSync("/proc/cpuinfo") ? /model name\s*:\s*(.*)/.exec(fs.readFileSync("/proc/cpuinfo", "utf8"))?.[1] : undefined;
  return { cores: os.cpus().length, cpu: model ?? os.cpus()[0]?.model ?? "unknown", ramGb: Math.round(os.totalmem() / 2 ** 30), node: process.version };
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        json: { type: "boolean", default: false },
        only: { type: "string" },
        passes: { type: "string", default: "4" },
        members: { type: "string", default: "1000000" },
        rescore: { type: "string", default: "100000" },
        retrain: { type: "string", default: "100000" },
        help: { type: "boolean", short: "h", default: false },
      },
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}\n`);
    return EXIT.usage;
  }
  if (args.help) return (process.stdout.write(HELP + "\n"), EXIT.ok);
  const only = (args.only?.split(",").map((s) => s.trim()) ?? [...SECTIONS]) as Section[];
  const bad = only.filter((s) => !SECTIONS.includes(s));
  const counts = [args.passes, args.members, args.rescore, args.retrain].map(Number);
  if (bad.length > 0 || counts.some((n) => !Number.isInteger(n) || n <= 0)) {
    process.stderr.write(`bench: ${bad.length ? `unknown section(s) ${bad.join(", ")}` : "counts must be positive integers"}\n\n${HELP}\n`);
    return EXIT.usage;
  }
  const [passes, members, rescoreN, retrainN] = counts as [number, number, number, number];
  const progress = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "shortlist-bench-"));
  const started = performance.now();
  const sys = await startBenchSystem(workDir);
  const corpus = await loadCorpus(workDir);
  const figures: Figure[] = [];
  const failures: string[] = [];
  const run = async (section: Section, fn: () => Promise<Figure[]>) => {
    if (!only.includes(section)) return;
    const t = performance.now();
    progress(`${section}…`);
    try {
      const got = await fn();
      figures.push(...got);
      // Each section's figures on stderr as it ends, so an interrupted run still shows what it measured.
      progress(`${section} done in ${((performance.now() - t) / 1000).toFixed(1)} s: ${JSON.stringify(toJson(got, {}))}`);
    } catch (error) {
      failures.push(`${section}: ${(error as Error).message}`);
      progress(`${section} FAILED: ${(error as Error).message}`);
    }
  };
  const processes = os.cpus().length;
  try {
    progress(`corpus: ${corpus.files.length} ${corpus.source === "real" ? "real PDFs" : "generated fixture PDFs"} from ${corpus.dir}`);
    await run("ingest", () => benchIngest(sys, corpus, { processes, passes, freshnessRate: 20, freshnessSeconds: 8, timeLimitSeconds: 30 }));
    await run("scoring", () => benchScoring(workDir));
    await run("shortlist", () => benchShortlistRead(sys, members));
    await run("rescore", () => benchRescore(sys, rescoreN));
    await run("retrain", () => benchRetrain(retrainN));
  } finally {
    await sys.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  const meta = {
    machine: machine(),
    corpus: { source: corpus.source, files: corpus.files.length, dir: corpus.dir },
    totalSeconds: Math.round((performance.now() - started) / 100) / 10,
    failures,
  };
  if (args.json) printJson(toJson(figures, meta));
  else {
    printFigures(figures);
    const m = meta.machine;
    process.stdout.write(`${m.cores} cores, ${m.cpu}, ${m.ramGb} GB RAM, node ${m.node}; corpus: ${meta.corpus.files} ${corpus.source} PDFs; ${meta.totalSeconds} s\n`);
    for (const f of failures) process.stdout.write(`FAILED ${f}\n`);
  }
  return failures.length > 0 ? EXIT.failed : EXIT.ok;
}

process.exitCode = await main();
