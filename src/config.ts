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
  REDIS_URL: z
    .string()
    .regex(/^(rediss?|redis\+cluster):\/\//, "REDIS_URL must start with redis://, rediss:// or redis+cluster://")
    .optional(),
  /**
   * Redis Cluster seed nodes, "host:port,host:port" (a few are enough: the client discovers the rest).
   * Same as REDIS_URL=redis+cluster://host:port,host:port; set one or the other.
   */
  REDIS_CLUSTER_NODES: z
    .string()
    .regex(/^[^,\s:]+:\d+(,[^,\s:]+:\d+)*$/, "REDIS_CLUSTER_NODES must be host:port[,host:port...]")
    .optional(),
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
  /**
   * Parse processes (sandboxed). Not cores + 1: on 2 cores, 3 or 4 children used more CPU per resume
   * (parse-children CPU for 124 resumes 7.7–9.1 s with 2, 9.1–9.6 s with 3, 10.0–11.1 s with 4) and did
   * not ingest faster (bench ratio 0.21–0.38× / 0.29–0.31× / 0.21–0.28×, 3 interleaved runs each, 2026-11-26).
   * @defaultValue number of cores
   */
  SHORTLIST_PARSE_CONCURRENCY: int(Math.max(1, os.cpus().length)),
  /** Hard wall-clock limit of one parse job; the parsing thread is killed and the job fails with `timeout`. @defaultValue 60000 */
  SHORTLIST_PARSE_TIMEOUT_MS: int(60_000),
  /** Memory one parse job may use (heap limit and resident growth); beyond it the job fails with `memory`. @defaultValue 512 */
  SHORTLIST_PARSE_MEMORY_MB: int(512),
  /** BullMQ job lock of parse and score workers: a killed worker's jobs are taken over after it expires. @defaultValue 30000 */
  SHORTLIST_LOCK_DURATION_MS: int(30_000),
  /** How often workers look for stalled jobs (locks that expired). @defaultValue 30000 */
  SHORTLIST_STALLED_INTERVAL_MS: int(30_000),
  /** Retrain after this many new labels. @defaultValue 50 */
  SHORTLIST_RETRAIN_AFTER_LABELS: int(50),
  /** Cron pattern of the scheduled retrain. @defaultValue "0 3 * * *" (03:00 daily) */
  SHORTLIST_RETRAIN_CRON: z.string().default("0 3 * * *"),
  /** Days after which resumes whose every application is on a closed posting are erased (daily sweep). @defaultValue 365 */
  SHORTLIST_RETENTION_DAYS: int(365),
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
  parseMemoryMb: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
  retrainAfterLabels: number;
  retrainCron: string;
  retentionDays: number;
  logLevel: z.infer<typeof Env>["LOG_LEVEL"];
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL && e.REDIS_CLUSTER_NODES) {
    throw new Error("invalid configuration:\n  REDIS_URL and REDIS_CLUSTER_NODES are both set; set one of them");
  }
  const clusterUrl = e.REDIS_CLUSTER_NODES && `redis+cluster://${e.REDIS_CLUSTER_NODES}`;
  return {
    redisUrl: e.REDIS_URL ?? clusterUrl ?? "redis://127.0.0.1:6379",
    redisUrlExplicit: e.REDIS_URL !== undefined || clusterUrl !== undefined,
    prefix: e.SHORTLIST_PREFIX,
    varDir: e.SHORTLIST_VAR_DIR,
    modelsDir: e.SHORTLIST_MODELS_DIR,
    maxUploadBytes: e.SHORTLIST_MAX_UPLOAD_BYTES,
    maxPages: e.SHORTLIST_MAX_PAGES,
    parseConcurrency: e.SHORTLIST_PARSE_CONCURRENCY,
    parseTimeoutMs: e.SHORTLIST_PARSE_TIMEOUT_MS,
    parseMemoryMb: e.SHORTLIST_PARSE_MEMORY_MB,
    lockDurationMs: e.SHORTLIST_LOCK_DURATION_MS,
    stalledIntervalMs: e.SHORTLIST_STALLED_INTERVAL_MS,
    retrainAfterLabels: e.SHORTLIST_RETRAIN_AFTER_LABELS,
    retrainCron: e.SHORTLIST_RETRAIN_CRON,
    retentionDays: e.SHORTLIST_RETENTION_DAYS,
    logLevel: e.LOG_LEVEL,
  };
}
