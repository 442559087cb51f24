/**
 * Wires the stages to their queues: `parse` and `retrain` run sandboxed (child processes),
 * `score` runs in-process with the model loaded once and micro-batched across jobs.
 * Closing waits for in-flight jobs; a killed process's jobs are picked up again as stalled.
 */
import { fileURLToPath } from "node:url";
import { Worker, type Job } from "bullmq";
import type { AppContext } from "../src/app/context.ts";
import { scoreApplication } from "../src/app/score-application.ts";
import { QueueName, ScoreJob, type QueueName as Name } from "../src/domain/jobs.ts";
import { log, shortId } from "../src/log.ts";
import { initBackend } from "../src/model/backend.ts";
import { loadRanker } from "../src/model/store.ts";
import { RETRAIN_SCHEDULER_ID } from "../src/queue/queues.ts";
import { createRedis } from "../src/redis/connection.ts";
import { BatchScorer } from "../src/score/batch-scorer.ts";

const TSX_LOADER = import.meta.resolve("tsx");
const processorFile = (name: string) => fileURLToPath(new URL(`./${name}.processor.ts`, import.meta.url));

export interface RunningWorkers {
  workers: Worker[];
  close(): Promise<void>;
}

function sandboxOptions(maxOldSpaceMb: number) {
  return {
    useWorkerThreads: false,
    workerForkOptions: { execArgv: ["--import", TSX_LOADER, `--max-old-space-size=${maxOldSpaceMb}`] },
  };
}

function logFailures(worker: Worker): void {
  worker.on("failed", (job: Job | undefined, error: Error) => {
    log.warn("job failed", { queue: worker.name, job: job?.id && shortId(String(job.id).split(".").pop() ?? ""), attempts: job?.attemptsMade, reason: error.message });
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
      return { score: entry.score, tier: entry.tier };
    },
    { connection: ctx.redis, prefix: ctx.config.prefix, concurrency: 64 },
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
      ...base, concurrency: ctx.config.parseConcurrency, ...sandboxOptions(512),
    }));
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
