/**
 * Configuration from environment variables, validated once with zod. Nothing else in the
 * code reads process.env; everything takes a Config (or a part of it).
 */
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const int = (def: number) => z.coerce.number().int().positive().default(def);

export const Env = z.object({
  /** @defaultValue redis://127.0.0.1:6379 — when unset and nothing answers, `npm start` starts a local redis-server. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "REDIS_URL must start with redis:// or rediss://").optional(),
  /**
   * Prefix of every key and queue. The braces are a Redis Cluster hash tag: all keys share one
   * slot, so multi-key transactions (atomic shortlist swaps) work on a cluster too.
   * @defaultValue {shortlist}
   */
  SHORTLIST_PREFIX: z.string().regex(/^[{}A-Za-z0-9_.-]+$/).default("{shortlist}"),
  /** @defaultValue <project>/var — runtime data of a Redis that `npm start` launches (git-ignored). */
  SHORTLIST_VAR_DIR: z.string().default(path.join(PROJECT_ROOT, "var")),
  /** @defaultValue <project>/models — model versions; must be shared storage when workers span machines. */
  SHORTLIST_MODELS_DIR: z.string().default(path.join(PROJECT_ROOT, "models")),
  /** @defaultValue 10485760 (10 MiB) */
  SHORTLIST_MAX_UPLOAD_BYTES: int(10 * 1024 * 1024),
  /** @defaultValue 30 */
  SHORTLIST_MAX_PAGES: int(30),
  /** Parse processes (sandboxed). @defaultValue number of cores */
  SHORTLIST_PARSE_CONCURRENCY: int(Math.max(1, os.cpus().length)),
  /** @defaultValue 60000 */
  SHORTLIST_PARSE_TIMEOUT_MS: int(60_000),
  /** Retrain after this many new labels. @defaultValue 50 */
  SHORTLIST_RETRAIN_AFTER_LABELS: int(50),
  /** Cron pattern of the scheduled retrain. @defaultValue "0 3 * * *" (03:00 daily) */
  SHORTLIST_RETRAIN_CRON: z.string().default("0 3 * * *"),
  /** @defaultValue info */
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

export type Config = {
  redisUrl: string;
  /** True when REDIS_URL was given: use that server and never start one. */
  redisUrlExplicit: boolean;
  prefix: string;
  varDir: string;
  modelsDir: string;
  maxUploadBytes: number;
  maxPages: number;
  parseConcurrency: number;
  parseTimeoutMs: number;
  retrainAfterLabels: number;
  retrainCron: string;
  logLevel: z.infer<typeof Env>["LOG_LEVEL"];
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    redisUrl: e.REDIS_URL ?? "redis://127.0.0.1:6379",
    redisUrlExplicit: e.REDIS_URL !== undefined,
    prefix: e.SHORTLIST_PREFIX,
    varDir: e.SHORTLIST_VAR_DIR,
    modelsDir: e.SHORTLIST_MODELS_DIR,
    maxUploadBytes: e.SHORTLIST_MAX_UPLOAD_BYTES,
    maxPages: e.SHORTLIST_MAX_PAGES,
    parseConcurrency: e.SHORTLIST_PARSE_CONCURRENCY,
    parseTimeoutMs: e.SHORTLIST_PARSE_TIMEOUT_MS,
    retrainAfterLabels: e.SHORTLIST_RETRAIN_AFTER_LABELS,
    retrainCron: e.SHORTLIST_RETRAIN_CRON,
    logLevel: e.LOG_LEVEL,
  };
}
