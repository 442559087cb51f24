/**
 * Wires the stages to their queues: `parse` and `retrain` run sandboxed (child processes),
 * `score` runs in-process with the model loaded once and micro-batched across jobs.
 * Closing waits for in-flight jobs; a killed process's jobs are picked up again as stalled.
 */
import { fileURLToPath } from "node:url";
import { Worker, type Job } from "bullmq";
import type { AppContext } from "../src/app/context.ts";
import { startMaintenance } from "../src/app/retention.ts";
import { scoreApplication } from "../src/app/score-application.ts";
import { QueueName, ScoreJob, type QueueName as Name } from "../src/domain/jobs.ts";
import { log, shortId } from "../src/log.ts";
import { initBackend } from "../src/model/backend.ts";
import { loadRanker } from "../src/model/store.ts";
import { RETRAIN_SCHEDULER_ID } from "../src/queue/queues.ts";
import { createRedis } from "../src/redis/connection.ts";
import { BatchScorer } from "../src/score/batch-scorer.ts";

const TSX_LOADER = import.meta.resolve("tsx");
/** Skips tsx for node_modules' .mjs files (pdf.js's worker): a parse child's first PDF ~5 s → ~1 s (bench). */
const PLAIN_NODE_MODULES = fileURLToPath(new URL("./plain-node-modules.mjs", import.meta.url));
const processorFile = (name: string) => fileURLToPath(new URL(`./${name}.processor.ts`, import.meta.url));

export interface RunningWorkers {
  workers: Worker[];
  close(): Promise<void>;
}

/**
 * Small young generation in parse and OCR children: less peak RSS (see YOUNG_GENERATION_MB in
 * src/sandbox/limited-thread.ts). Not for retraining, whose big batches would pay in scavenges.
 */
const CHILD_SEMI_SPACE_MB = 2;

function sandboxOptions(maxOldSpaceMb: number, semiSpaceMb?: number) {
  const young = semiSpaceMb ? [`--max-semi-space-size=${semiSpaceMb}`] : [];
  return {
    useWorkerThreads: false,
    workerForkOptions: { execArgv: ["--import", TSX_LOADER, "--import", PLAIN_NODE_MODULES, `--max-old-space-size=${maxOldSpaceMb}`, ...young] },
  };
}

/**
 * A worker that dies (kill -9, a lost machine) holds its jobs' locks until they expire; then any
 * worker's stalled check moves those jobs back to wait and they run again (at-least-once; the
 * stages' writes are idempotent). Lower values take over sooner but renew locks more often.
 */
function stallOptions(ctx: AppContext) {
  return { lockDuration: ctx.config.lockDurationMs, stalledInterval: ctx.config.stalledIntervalMs };
}

/** Logs the reason code only ("encrypted", "timeout", …): coded messages carry file names, which may name a person. */
function logFailures(worker: Worker): void {
  worker.on("failed", (job: Job | undefined, error: Error) => {
    const coded = /^([a-z_]+): /.exec(error.message)?.[1];
    // Uncoded failures are transient (Redis, a crashed process): their text comes from libraries, not files.
    const detail = coded ? {} : { error: error.message.slice(0, 200) };
    log.warn("job failed", { queue: worker.name, job: job?.id && shortId(String(job.id).split(".").pop() ?? ""), attempts: job?.attemptsMade, reason: coded ?? "transient", ...detail });
  });
  worker.on("error", (error) => log.error("worker error", { queue: worker.name, error: error.message }));
}

async function startScoreWorker(ctx: AppContext): Promise<{ worker: Worker; stop: () => Promise<void> }> {
  const backend = await initBackend();
  const version = await ctx.registry.current();
  const scorer = new BatchScorer(await loadRanker(ctx.registry.dir(version)));
  log.info("score worker ready", { model: version, backend });
  // Reload when a model is promoted or rolled back anywhere in the system.
  const subscriber = createRedis(ctx.config.redisUrl);
  subscriber.on("error", () => {});
  await subscriber.subscribe(ctx.registry.modelChannel());
  subscriber.on("message", (_channel, promoted: string) => {
    loadRanker(ctx.registry.dir(promoted))
      .then((ranker) => {
        scorer.setRanker(ranker);
        log.info("model reloaded", { model: promoted });
      })
      .catch((error: Error) => log.error("model reload failed; keeps serving the previous one", { model: promoted, error: error.message }));
  });
  const worker = new Worker<ScoreJob>(
    "score",
    async (job) => {
      const entry = await scoreApplication({ stores: ctx.stores, scorer }, ScoreJob.parse(job.data));
      return entry ? { score: entry.score, tier: entry.tier } : { skipped: true };
    },
    { connection: ctx.redis, prefix: ctx.config.prefix, concurrency: 64, ...stallOptions(ctx) },
  );
  return { worker, stop: async () => void (await subscriber.quit().catch(() => subscriber.disconnect())) };
}

export interface StartOptions {
  /** Register the retrain job scheduler (cron). @defaultValue true */
  schedule?: boolean;
}

export async function startWorkers(
  ctx: AppContext,
  queues: readonly Name[] = QueueName.options,
  options: StartOptions = {},
): Promise<RunningWorkers> {
  const workers: Worker[] = [];
  const stops: (() => Promise<void>)[] = [];
  const base = { connection: ctx.redis, prefix: ctx.config.prefix };
  if (queues.includes("parse")) {
    workers.push(new Worker("parse", processorFile("parse"), {
      ...base, concurrency: ctx.config.parseConcurrency, ...stallOptions(ctx), ...sandboxOptions(512, CHILD_SEMI_SPACE_MB),
    }));
  }
  if (queues.includes("ocr")) {
    // Scanned PDFs: seconds per page, so one sandboxed job at a time on its own queue (see src/parse/ocr.ts).
    workers.push(new Worker("ocr", processorFile("ocr"), { ...base, concurrency: 1, lockDuration: 300_000, ...sandboxOptions(512, CHILD_SEMI_SPACE_MB) }));
  }
  if (queues.includes("score")) {
    const score = await startScoreWorker(ctx);
    workers.push(score.worker);
    stops.push(score.stop);
  }
  if (queues.includes("retrain")) {
    workers.push(new Worker("retrain", processorFile("retrain"), {
      ...base, concurrency: 1, lockDuration: 120_000, ...sandboxOptions(2048),
    }));
    if (options.schedule !== false) await ctx.queues.retrain.upsertJobScheduler(RETRAIN_SCHEDULER_ID, { pattern: ctx.config.retrainCron }, {
      name: "retrain", data: { reason: "schedule" },
    });
    // The retention sweep rides with the background (retrain) workers: src/app/retention.ts.
    const maintenance = await startMaintenance(ctx, { schedule: options.schedule !== false });
    workers.push(maintenance.worker);
    stops.push(maintenance.close);
  }
  workers.forEach(logFailures);
  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all(stops.map((s) => s()));
    },
  };
}
