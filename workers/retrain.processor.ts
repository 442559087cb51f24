/**
 * Sandboxed processor of the `retrain` queue: training keeps the CPU busy for seconds, which
 * would stop an in-process worker from renewing job locks; a child process keeps it apart.
 */
import type { SandboxedJob } from "bullmq";
import { retrain } from "../src/app/retrain.ts";
import { loadConfig } from "../src/config.ts";
import type { RetrainJob } from "../src/domain/jobs.ts";
import { initBackend } from "../src/model/backend.ts";
import { createRedis } from "../src/redis/connection.ts";
import { ModelRegistry } from "../src/registry/models.ts";
import { makeStores } from "../src/store/index.ts";

export default async function processRetrain(job: SandboxedJob<RetrainJob>) {
  const config = loadConfig();
  await initBackend();
  const redis = createRedis(config.redisUrl);
  try {
    const stores = makeStores(redis, config.prefix);
    // Progress (stage, epoch, pid) shows in dashboards and lets an operator find the training process.
    const progress = (stage: string, detail: { epoch?: number } = {}) => void job.updateProgress({ stage, ...detail, pid: process.pid }).catch(() => {});
    return await retrain(stores, new ModelRegistry(redis, stores.keys, config.modelsDir), progress);
  } finally {
    await redis.quit();
  }
}
