/**
 * Starts a private redis-server on a free port in a temporary directory for the test run and
 * stops it afterwards. Tests get its URL through `inject("redisUrl")` and never touch any
 * other Redis, so they may flush it freely.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, launchRedis, type LaunchedRedis } from "../../src/redis/launch.ts";

let redis: LaunchedRedis | undefined;
let dir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "shortlist-test-redis-"));
  redis = await launchRedis({ port: await freePort(), dir, appendOnly: false });
  project.provide("redisUrl", redis.url);
}

export async function teardown(): Promise<void> {
  await redis?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    redisUrl: string;
  }
}
