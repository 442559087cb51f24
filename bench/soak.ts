/**
 * `npm run bench:soak` (not in CI): N small resumes (default 10,000) through W worker processes
 * (default 2), each `shortlist worker --queues parse,score` exactly as an operator runs it, on a
 * private redis-server. Reports throughput, failures (0 expected), exactly-once counts and the
 * peak resident memory of each worker process with its sandboxed children.
 *
 *   npm run bench:soak [-- --resumes 10000 --workers 2 --parse-concurrency 1 --json]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openContext } from "../src/app/context.ts";
import { submitResume } from "../src/app/intake.ts";
import { loadConfig, PROJECT_ROOT } from "../src/config.ts";
import { freePort, launchRedis } from "../src/redis/launch.ts";
import { INITIAL_MODEL_VERSION } from "../src/registry/models.ts";
import { goodResume } from "../test/fault/hostile-corpus.ts";
import { spawnWorker, stopWorker, treeRssMb } from "../test/fault/processes.ts";

const POSTING = "mle-recsys-phd-2026";
const { values: args } = parseArgs({
  options: {
    resumes: { type: "string", default: "10000" },
    workers: { type: "string", default: "2" },
    "parse-concurrency": { type: "string", default: "1" },
    json: { type: "boolean", default: false },
  },
});
const N = Number(args.resumes);
const W = Number(args.workers);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const say = (line: string) => process.stderr.write(line + "\n");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shortlist-soak-"));
const redis = await launchRedis({ port: await freePort(), dir: path.join(dir, "redis"), appendOnly: true });
const modelsDir = path.join(dir, "models");
fs.cpSync(path.join(PROJECT_ROOT, "models", INITIAL_MODEL_VERSION), path.join(modelsDir, INITIAL_MODEL_VERSION), { recursive: true });
const env = {
  REDIS_URL: redis.url,
  SHORTLIST_PREFIX: "{soak}",
  SHORTLIST_MODELS_DIR: modelsDir,
  SHORTLIST_PARSE_CONCURRENCY: args["parse-concurrency"],
};
const ctx = openContext(loadConfig({ ...process.env, ...env }));
const workers: ReturnType<typeof spawnWorker>[] = [];
try {
  await ctx.stores.postings.add(JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "data/postings", `${POSTING}.json`), "utf8")));
  say(`soak: ${N} resumes, ${W} worker process(es) × ${args["parse-concurrency"]} parse sandbox(es), ${os.cpus().length} cores, redis ${redis.url}`);
  const submitStart = Date.now();
  const ids: string[] = [];
  for (let i = 0; i < N; i++) {
    const result = await submitResume({ stores: ctx.stores, queues: ctx.queues, maxUploadBytes: ctx.config.maxUploadBytes },
      { bytes: goodResume(i), fileName: `resume-${i}.txt`, postingId: POSTING });
    ids.push(result.resumeId);
  }
  const submitSeconds = (Date.now() - submitStart) / 1000;
  say(`submitted in ${submitSeconds.toFixed(1)} s; starting workers`);

  for (let i = 0; i < W; i++) workers.push(spawnWorker(env));
  const peakMb = workers.map(() => 0);
  const sampler = setInterval(() => workers.forEach((w, i) => {
    if (w.pid) peakMb[i] = Math.max(peakMb[i]!, treeRssMb(w.pid));
  }), 500);
  while ((await ctx.queues.parse.getWorkersCount()) < W) await sleep(200);
  const start = Date.now();
  let done = 0;
  let failed = 0;
  for (let lastReport = 0; done + failed < N; await sleep(500)) {
    const counts = { scored: 0, failed: 0 };
    for (let i = 0; i < ids.length; i += 1000) {
      const pipeline = ctx.redis.pipeline();
      for (const id of ids.slice(i, i + 1000)) pipeline.hget(ctx.stores.keys.application(POSTING, id), "status");
      for (const [, status] of (await pipeline.exec()) ?? []) if (status === "scored" || status === "failed") counts[status]++;
    }
    [done, failed] = [counts.scored, counts.failed];
    if (Date.now() - lastReport > 10_000) {
      lastReport = Date.now();
      say(`  ${done + failed}/${N} after ${((Date.now() - start) / 1000).toFixed(0)} s`);
    }
  }
  const seconds = (Date.now() - start) / 1000;
  clearInterval(sampler);
  const report = {
    resumes: N,
    workerProcesses: W,
    parseSandboxesPerWorker: Number(args["parse-concurrency"]),
    cores: os.cpus().length,
    loadAverage1m: Number(os.loadavg()[0]!.toFixed(1)),
    submitSeconds: Number(submitSeconds.toFixed(1)),
    processSeconds: Number(seconds.toFixed(1)),
    resumesPerSecond: Number((N / seconds).toFixed(1)),
    scored: done,
    failedApplications: failed,
    failedJobs: (await ctx.queues.parse.getFailedCount()) + (await ctx.queues.score.getFailedCount()),
    shortlistSize: await ctx.stores.shortlist.size(POSTING),
    peakWorkerRssMb: peakMb.map((mb) => Math.round(mb)),
  };
  if (args.json) process.stdout.write(JSON.stringify(report, null, 2) + "\n");
  else for (const [k, v] of Object.entries(report)) process.stdout.write(`${k.padEnd(24)} ${Array.isArray(v) ? v.join(", ") : v}\n`);
  process.exitCode = report.failedApplications + report.failedJobs === 0 && report.shortlistSize === N ? 0 : 1;
} finally {
  for (const w of workers) await stopWorker(w);
  await ctx.close();
  await redis.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
