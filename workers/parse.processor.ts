/**
 * Sandboxed processor of the `parse` queue: runs in its own process (BullMQ child pool), so a
 * hostile file that hangs or exhausts memory takes down this child, not the worker.
 */
import { Queue, type SandboxedJob } from "bullmq";
import { parseApplication, type ParseDeps } from "../src/app/parse-application.ts";
import { loadConfig } from "../src/config.ts";
import { ParseJob, type ScoreJob } from "../src/domain/jobs.ts";
import { DEFAULT_JOB_OPTIONS } from "../src/queue/queues.ts";
import { createRedis } from "../src/redis/connection.ts";
import { makeStores } from "../src/store/index.ts";

let deps: ParseDeps | undefined;

function init(): ParseDeps {
  const config = loadConfig();
  const redis = createRedis(config.redisUrl);
  redis.on("error", () => {});
  return {
    stores: makeStores(redis, config.prefix),
    scoreQueue: new Queue<ScoreJob>("score", { connection: redis, prefix: config.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
    limits: { maxPages: config.maxPages, maxBytes: config.maxUploadBytes },
  };
}

export default async function processParse(job: SandboxedJob<ParseJob>) {
  deps ??= init();
  return parseApplication(deps, ParseJob.parse(job.data));
}
