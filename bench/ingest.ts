/**
 * Ingest, freshness and worker memory, against bare pdf-parse over the same files in the same
 * number of processes (the hardware limit of this pipeline: perf-facts §7).
 *  1. Baseline: P children extract the corpus × passes with PDFParse#getText, after a warm-up.
 *  2. The real workers (`shortlist worker --queues parse,score`, a separate process tree) warm up
 *     on one pass of the corpus, like the baseline (the first 2·P resumes timed as the cold start,
 *     reported separately: steady-state throughput is what a busy season sees), then the same corpus × passes is submitted
 *     at once and timed until the last resume is visible (its shortlist event is published in the
 *     same MULTI as the ZADD, so the event means "visible in shortlist top").
 *  3. Freshness: resumes submitted at a steady rate; submit → visible per resume.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { submitResume } from "../src/app/intake.ts";
import { PROJECT_ROOT } from "../src/config.ts";
import { createRedis } from "../src/redis/connection.ts";
import { uniqueCopy, type Corpus } from "./lib/corpus.ts";
import { descendants, messages, nextMessage, RssWatch, spawnTs } from "./lib/proc.ts";
import type { Figure } from "./lib/report.ts";
import { percentile, sleep } from "./lib/stats.ts";
import type { BenchSystem } from "./lib/system.ts";

const POSTING = "mle-recsys-phd-2026";
const PARSE_ONLY = fileURLToPath(new URL("./children/parse-only.ts", import.meta.url));

/** CPU seconds (user + system) used so far by each process of a tree, from /proc/<pid>/stat. */
function cpuSeconds(root: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of [root, ...descendants(root)]) {
    try {
      // Fields after the parenthesised command: utime and stime are the 12th and 13th, in ticks of 1/100 s (USER_HZ).
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /s, "").split(" ");
      out.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

export interface IngestOptions {
  processes: number;
  passes: number;
  freshnessRate: number;
  freshnessSeconds: number;
  /** Upper bound of the throughput phase (a saturated machine must not make the bench unbounded). */
  timeLimitSeconds: number;
}

interface ParseOnlyResult {
  filesPerSec: number;
  /** CPU seconds all baseline children used for the timed work. */
  cpuSeconds: number;
  perFileMs: number[];
  coldMs: number;
  peakRssMb: number;
}

async function parseOnly(corpus: Corpus, o: IngestOptions, workDir: string, nativePush = false): Promise<ParseOnlyResult> {
  const listFile = path.join(workDir, "parse-only-files.json");
  fs.writeFileSync(listFile, JSON.stringify(corpus.files.map((f) => path.join(corpus.dir, f.name))));
  const args = (i: number) => [listFile, String(i), String(o.processes), String(o.passes), ...(nativePush ? ["native-push"] : [])];
  const children = Array.from({ length: o.processes }, (_, i) => spawnTs(PARSE_ONLY, args(i), {}, path.join(workDir, "parse-only.log")));
  const its = children.map(messages);
  const ready = await Promise.all(its.map((it) => nextMessage(it, "ready")));
  const start = performance.now();
  for (const c of children) c.stdin?.write("go\n");
  const done = await Promise.all(its.map((it) => nextMessage(it, "done")));
  const wallMs = performance.now() - start;
  for (const c of children) c.stdin?.end();
  const files = done.reduce((n, d) => n + Number(d.files), 0);
  return {
    filesPerSec: files / (wallMs / 1000),
    perFileMs: done.flatMap((d) => d.perFileMs as number[]),
    coldMs: Math.max(...ready.map((r) => Number(r.coldMs))),
    peakRssMb: Math.max(...done.map((d) => Number(d.peakRssMb))),
    cpuSeconds: done.reduce((n, d) => n + Number(d.cpuMs ?? 0) / 1000, 0),
  };
}

export async function benchIngest(sys: BenchSystem, corpus: Corpus, o: IngestOptions): Promise<Figure[]> {
  const base = await parseOnly(corpus, o, sys.workDir);
  // The same with the native Array.prototype.push, which the production parse thread restores (src/parse/pdfjs.ts):
  // the ratio against it says how much of the gain is only that.
  const baseNative = await parseOnly(corpus, o, sys.workDir, true);
  const bench = await sys.open("ingest");
  const { ctx } = bench;
  const visible = new Map<string, number>();
  const waiters = new Set<() => void>();
  const sub = createRedis(ctx.config.redisUrl);
  await sub.subscribe(ctx.stores.keys.shortlistChannel());
  sub.on("message", (_ch, msg: string) => {
    const { resumeId } = JSON.parse(msg) as { resumeId: string | null };
    if (resumeId && !visible.has(resumeId)) visible.set(resumeId, performance.now());
    for (const w of waiters) w();
  });
  /** Waits until every id is visible or the deadline passes; returns how many are visible. */
  const until = async (ids: readonly string[], timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!ids.every((id) => visible.has(id)) && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const w = () => (waiters.delete(w), resolve());
        waiters.add(w);
        setTimeout(w, 200);
      });
    }
    return ids.filter((id) => visible.has(id)).length;
  };
  const lastVisible = (ids: readonly string[]) => Math.max(...ids.map((id) => visible.get(id) ?? -Infinity));
  const explainMissing = async (ids: readonly string[], what: string) => {
    const missing = ids.filter((id) => !visible.has(id));
    const apps = await Promise.all(missing.slice(0, 3).map((id) => ctx.stores.applications.get(POSTING, id)));
    return new Error(`${what}: ${missing.length} of ${ids.length} resumes never reached the shortlist (e.g. ${JSON.stringify(apps.map((a) => a && { status: a.status, error: a.error }))}); see ${path.join(sys.workDir, "worker.log")}`);
  };
  const submitted = new Map<string, number>();
  const submitOne = async (i: number) => {
    const file = corpus.files[i % corpus.files.length]!;
    const t = performance.now();
    const r = await submitResume({ stores: ctx.stores, queues: ctx.queues, maxUploadBytes: ctx.config.maxUploadBytes },
      { bytes: uniqueCopy(file.bytes), fileName: file.name, postingId: POSTING });
    submitted.set(r.resumeId, t);
    return r.resumeId;
  };

  // The workers run with their own configuration (SHORTLIST_PARSE_CONCURRENCY from the environment, else
  // the production default); the baseline keeps one process per core, the hardware both share.
  const parseChildren = ctx.config.parseConcurrency;
  const spawnedAt = performance.now();
  const worker = spawnTs(path.join(PROJECT_ROOT, "src", "cli", "main.ts"), ["worker", "--queues", "parse,score"],
    bench.env, path.join(sys.workDir, "worker.log"));
  const rss = new RssWatch(worker.pid!);
  rss.start();
  try {
    // Cold start: worker process start, model load and the first resume in every parse child.
    const warm: string[] = [];
    for (let i = 0; i < 2 * parseChildren; i++) warm.push(await submitOne(i));
    if ((await until(warm, 180_000)) < warm.length) throw await explainMissing(warm, "warm-up");
    const coldStartMs = lastVisible(warm) - spawnedAt;
    for (let i = warm.length; i < corpus.files.length; i++) warm.push(await submitOne(i));
    if ((await until(warm, 180_000)) < warm.length) throw await explainMissing(warm, "warm-up");

    // Throughput: the whole workload submitted at once; bounded: a saturated machine reports the
    // rate of what became visible within the time limit.
    const total = corpus.files.length * o.passes;
    const cpuBefore = cpuSeconds(worker.pid!);
    const t0 = performance.now();
    const ids: string[] = [];
    for (let i = 0; i < total; i++) ids.push(await submitOne(i));
    const doneCount = await until(ids, o.timeLimitSeconds * 1000);
    if (doneCount === 0) throw await explainMissing(ids, "ingest");
    const resumesPerSec = doneCount / (((doneCount === total ? lastVisible(ids) : performance.now()) - t0) / 1000);
    // Where the throughput phase's CPU went: the score worker, each parse child (its parse thread included).
    const cpuAfter = cpuSeconds(worker.pid!);
    const cpuByProcess = [...cpuAfter].map(([pid, sec]) => `${pid === worker.pid ? "worker" : rss.names.get(pid) ?? "?"}:${(sec - (cpuBefore.get(pid) ?? 0)).toFixed(1)}s`).join(" ");
    if (doneCount < total) await until(ids, o.timeLimitSeconds * 1000); // drain before freshness

    // Freshness: a steady rate, each resume timed from its submit until it is visible. Resumes not
    // visible 10 s after the last submit count as 10 s + their remaining wait (the rate is above capacity).
    await sleep(500);
    const n = Math.round(o.freshnessRate * o.freshnessSeconds);
    const fresh: Promise<string>[] = [];
    const f0 = performance.now();
    for (let i = 0; i < n; i++) {
      const due = f0 + (i * 1000) / o.freshnessRate;
      await sleep(Math.max(0, due - performance.now()));
      fresh.push(submitOne(i));
    }
    const freshIds = await Promise.all(fresh);
    await until(freshIds, 10_000);
    const cutoff = performance.now();
    const saturated = freshIds.some((id) => !visible.has(id));
    const latencies = freshIds.map((id) => (visible.get(id) ?? cutoff) - submitted.get(id)!);
    rss.stop();
    const workerPeak = Math.max(...rss.peaks.values());
    const children = [...rss.peaks.entries()].filter(([pid]) => pid !== worker.pid && rss.names.get(pid) === "node").map(([, mb]) => mb);
    const byProcess = [...rss.peaks.entries()].map(([pid, mb]) => `${pid === worker.pid ? "worker" : rss.names.get(pid)}:${Math.round(mb)}`).join(" ");
    return [
      {
        key: "ingest.resumesPerSec", value: resumesPerSec, unit: "resumes/s",
        baseline: { key: "ingest.parseOnlyPerSec", value: base.filesPerSec, what: `bare pdf-parse, ${o.processes} processes` },
        target: { text: "≥ 0.85× parse-only", met: resumesPerSec >= 0.85 * base.filesPerSec },
        extra: {
          processes: o.processes, parseChildren, resumes: doneCount, coldStartMs, parseOnlyColdMs: base.coldMs,
          parseOnlyCpuSeconds: Number(base.cpuSeconds.toFixed(1)), cpuByProcess,
          parseOnlyNativePushPerSec: Number(baseNative.filesPerSec.toFixed(1)),
          parseOnlyNativePushCpuSeconds: Number(baseNative.cpuSeconds.toFixed(1)),
        },
      },
      {
        key: "freshness.p50Ms", value: percentile(latencies, 50), unit: "ms",
        baseline: { key: "freshness.parseOnlyP50Ms", value: percentile(base.perFileMs, 50), what: "bare pdf-parse, one file" },
        target: { text: "< 150 ms", met: percentile(latencies, 50) < 150 },
        extra: { ratePerSec: o.freshnessRate, resumes: n, saturated: saturated ? "yes: the rate exceeds this run's capacity; figures are lower bounds" : "no" },
      },
      {
        key: "freshness.p99Ms", value: percentile(latencies, 99), unit: "ms",
        baseline: { key: "freshness.parseOnlyP99Ms", value: percentile(base.perFileMs, 99), what: "bare pdf-parse, one file" },
        target: { text: "< 1000 ms", met: percentile(latencies, 99) < 1000 },
      },
      {
        key: "memory.workerPeakRssMb", value: workerPeak, unit: "MB",
        baseline: { key: "memory.parseOnlyPeakRssMb", value: base.peakRssMb, what: "bare pdf-parse process" },
        target: { text: "< 400 MB every worker process", met: workerPeak < 400 },
        extra: { scoreWorkerPeakRssMb: rss.peaks.get(worker.pid!) ?? 0, parseChildPeakRssMb: children.length ? Math.max(...children) : 0, byProcess },
      },
    ];
  } finally {
    rss.stop();
    worker.kill("SIGTERM");
    const killer = setTimeout(() => worker.kill("SIGKILL"), 10_000);
    await new Promise((r) => (worker.exitCode !== null ? r(null) : worker.once("exit", r)));
    clearTimeout(killer);
    await sub.quit();
    await bench.dispose();
  }
}
