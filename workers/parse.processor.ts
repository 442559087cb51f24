/**
 * Sandboxed processor of the `parse` queue: runs in its own process (BullMQ child pool), and
 * the untrusted part of each job (reading the file, extracting the profile) runs in a worker
 * thread with a hard time and memory limit. A file that loops or balloons gets its thread
 * stopped and the job failed with `timeout` or `memory`; this process and the worker go on.
 */
import { Queue, type SandboxedJob } from "bullmq";
import { parseApplication, type ParseDeps, type ReadInput } from "../src/app/parse-application.ts";
import { loadConfig } from "../src/config.ts";
import { ParseJob, type ScoreJob } from "../src/domain/jobs.ts";
import { DEFAULT_JOB_OPTIONS } from "../src/queue/queues.ts";
import { createRedis } from "../src/redis/connection.ts";
import { LimitedThread } from "../src/sandbox/limited-thread.ts";
import type { ParsedResume } from "../src/store/resumes.ts";
import { makeStores } from "../src/store/index.ts";

let deps: ParseDeps | undefined;

// A worker killed with SIGKILL cannot stop its sandbox children: they notice the closed IPC
// channel instead and exit, rather than living on as orphans holding memory and connections.
process.once("disconnect", () => process.exit(1));

function init(): ParseDeps {
  const config = loadConfig();
  const redis = createRedis(config.redisUrl);
  redis.on("error", () => {});
  const thread = new LimitedThread<ReadInput, ParsedResume>(new URL("./parse.thread.ts", import.meta.url), {
    timeoutMs: config.parseTimeoutMs,
    maxMemoryMb: config.parseMemoryMb,
  });
  thread.warmUp();
  return {
    stores: makeStores(redis, config.prefix),
    scoreQueue: new Queue<ScoreJob>("score", { connection: redis, prefix: config.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
    limits: { maxPages: config.maxPages, maxBytes: config.maxUploadBytes },
    read: (input) => thread.run(input),
  };
}

export default async function processParse(job: SandboxedJob<ParseJob>) {
  deps ??= init();
  return parseApplication(deps, ParseJob.parse(job.data));
}
