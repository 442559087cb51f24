/**
 * Sandboxed processor of the low-priority `ocr` queue (scanned PDFs): its own process, one job at a time,
 * so seconds-per-page OCR never holds up text resumes on the `parse` queue.
 */
import { Queue, type SandboxedJob } from "bullmq";
import { ocrApplication, type OcrDeps } from "../src/app/ocr-application.ts";
import { loadConfig } from "../src/config.ts";
import { ParseJob, type ScoreJob } from "../src/domain/jobs.ts";
import { DEFAULT_JOB_OPTIONS } from "../src/queue/queues.ts";
import { createRedis } from "../src/redis/connection.ts";
import { makeStores } from "../src/store/index.ts";

let deps: OcrDeps | undefined;

function init(): OcrDeps {
  const config = loadConfig();
  const redis = createRedis(config.redisUrl);
  redis.on("error", () => {});
  return {
    stores: makeStores(redis, config.prefix),
    scoreQueue: new Queue<ScoreJob>("score", { connection: redis, prefix: config.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
    limits: { maxPages: config.maxPages },
  };
}

export default async function processOcr(job: SandboxedJob<ParseJob>) {
  deps ??= init();
  return ocrApplication(deps, ParseJob.parse(job.data));
}
