/**
 * Retention: resumes whose every application is on a CLOSED posting and older than
 * SHORTLIST_RETENTION_DAYS are erased (src/app/erase.ts) by a daily BullMQ job scheduler on a
 * small `maintenance` queue. A resume that also applied to an open posting is kept.
 */
import { Queue, Worker } from "bullmq";
import { log } from "../log.ts";
import type { AppContext } from "./context.ts";
import { eraseResume, type EraseDeps } from "./erase.ts";

export const MAINTENANCE_QUEUE = "maintenance";
export const RETENTION_SCHEDULER_ID = "retention-sweep";
/** Daily at 04:30, away from the 03:00 retrain. */
export const RETENTION_CRON = "30 4 * * *";
const DAY_MS = 24 * 3600 * 1000;

/** Pure: which resumes are due, from (resumeId → its applications' posting status and apply time). */
export function dueForErasure(
  applications: Map<string, { postingOpen: boolean; appliedAtMs: number }[]>,
  retentionDays: number,
  nowMs: number,
): string[] {
  const cutoff = nowMs - retentionDays * DAY_MS;
  return [...applications].filter(([, apps]) => apps.length > 0 && apps.every((a) => !a.postingOpen && a.appliedAtMs < cutoff)).map(([id]) => id);
}

/** Erases every resume due; one sweep at a time across workers (a short Redis lock). */
export async function sweepRetention(deps: EraseDeps, retentionDays: number, nowMs = Date.now()): Promise<string[]> {
  const { stores } = deps;
  const lock = await stores.redis.set(stores.keys.retentionLock(), String(nowMs), "PX", 10 * 60_000, "NX");
  if (lock !== "OK") return [];
  try {
    const postings = await stores.postings.list();
    const byResume = new Map<string, { postingOpen: boolean; appliedAtMs: number }[]>();
    for (const posting of postings) {
      const ids = await stores.redis.zrange(stores.keys.applications(posting.id), 0, -1, "WITHSCORES");
      for (let i = 0; i + 1 < ids.length; i += 2) {
        const list = byResume.get(ids[i]!) ?? [];
        list.push({ postingOpen: posting.status === "open", appliedAtMs: Number(ids[i + 1]) });
        byResume.set(ids[i]!, list);
      }
    }
    const due = dueForErasure(byResume, retentionDays, nowMs);
    for (const id of due) await eraseResume(deps, id, "retention");
    return due;
  } finally {
    await stores.redis.del(stores.keys.retentionLock());
  }
}

/** The maintenance queue, its daily scheduler and an in-process worker (the sweep is light I/O). */
/** The daily retention sweep as a BullMQ job scheduler on the maintenance queue (idempotent: an upsert). */
export async function scheduleRetention(queue: Queue): Promise<void> {
  await queue.upsertJobScheduler(RETENTION_SCHEDULER_ID, { pattern: RETENTION_CRON }, { name: "retention", data: {} });
}

export async function startMaintenance(ctx: AppContext, options: { schedule: boolean }): Promise<{ worker: Worker; close: () => Promise<void> }> {
  const base = { connection: ctx.redis, prefix: ctx.config.prefix };
  const queue = new Queue(MAINTENANCE_QUEUE, base);
  if (options.schedule) await scheduleRetention(queue);
  const worker = new Worker(MAINTENANCE_QUEUE, async () => {
    const erased = await sweepRetention({ stores: ctx.stores, queues: ctx.queues }, ctx.config.retentionDays);
    return { erased: erased.length };
  }, { ...base, concurrency: 1 });
  worker.on("error", (error) => log.error("worker error", { queue: MAINTENANCE_QUEUE, error: error.message }));
  return { worker, close: () => queue.close() };
}
