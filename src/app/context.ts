/** Everything a process needs to talk to the system: config, one Redis connection, stores, queues, models. */
import type { Redis } from "ioredis";
import type { Config } from "../config.ts";
import { makeQueues, type Queues } from "../queue/queues.ts";
import { createRedis } from "../redis/connection.ts";
import { ModelRegistry } from "../registry/models.ts";
import { makeStores, type Stores } from "../store/index.ts";

export interface AppContext {
  config: Config;
  redis: Redis;
  stores: Stores;
  queues: Queues;
  registry: ModelRegistry;
  close(): Promise<void>;
}

export function openContext(config: Config): AppContext {
  const redis = createRedis(config.redisUrl);
  redis.on("error", () => {}); // ioredis reconnects by itself; commands wait (maxRetriesPerRequest: null)
  const stores = makeStores(redis, config.prefix);
  const queues = makeQueues(redis, config.prefix);
  const registry = new ModelRegistry(redis, stores.keys, config.modelsDir);
  return {
    config,
    redis,
    stores,
    queues,
    registry,
    async close() {
      await queues.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
