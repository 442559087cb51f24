/**
 * One application = one (posting, resume) pair. Creation is idempotent: the same file sent
 * twice to the same posting is one application, in the order it first arrived.
 *
 * Besides the pipeline statuses, the application limit (src/app/application-limit.ts) sets
 * `over_application_limit` (with the postings that count) and `superseded` (a newer version of
 * the same candidate's resume replaced this one on the posting); neither is scored.
 */
import type { Redis } from "ioredis";
import { z } from "zod";
import type { Keys } from "../redis/keys.ts";

export const ApplicationStatus = z.enum(["queued", "parsed", "scored", "failed", "over_application_limit", "superseded"]);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** Statuses after which nothing more happens to an application unless something else changes. */
export const SETTLED_STATUSES: readonly ApplicationStatus[] = ["scored", "failed", "over_application_limit", "superseded"];
export const isSettled = (status: ApplicationStatus | undefined): boolean => status !== undefined && SETTLED_STATUSES.includes(status);

export const Application = z.object({
  postingId: z.string(),
  resumeId: z.string(),
  fileName: z.string(),
  status: ApplicationStatus,
  appliedAt: z.string(),
  updatedAt: z.string(),
  error: z.string().optional(),
  warnings: z.string().optional(),
  /** over_application_limit: the candidate's active applications that count, comma-separated posting ids in apply order. */
  countedPostings: z.string().optional(),
  /** superseded: the resume id of the newer version on this posting. */
  supersededBy: z.string().optional(),
  /** "1" while the latest decision on the application is `withdrawn` (frees a slot). */
  withdrawn: z.literal("1").optional(),
  /** Space-separated candidate identity keys this application is indexed under (for erasure). */
  identities: z.string().optional(),
});
export type Application = z.infer<typeof Application>;

export class ApplicationStore {
  constructor(private readonly redis: Redis, private readonly keys: Keys) {}

  /** Returns true when the application is new; false when this file already applied to this posting. */
  async create(postingId: string, resumeId: string, fileName: string): Promise<boolean> {
    const now = new Date();
    const key = this.keys.application(postingId, resumeId);
    const fields: Record<string, string> = {
      postingId, resumeId, fileName, status: "queued", appliedAt: now.toISOString(), updatedAt: now.toISOString(),
    };
    // One transaction: HSETNX keeps the first application's fields when the file is sent again.
    const tx = this.redis.multi().zadd(this.keys.applications(postingId), "NX", now.getTime(), resumeId);
    for (const [field, value] of Object.entries(fields)) tx.hsetnx(key, field, value);
    const results = await tx.exec();
    return results?.[0]?.[1] === 1;
  }

  async setStatus(postingId: string, resumeId: string, status: ApplicationStatus, extra: { error?: string; warnings?: string } = {}) {
    await this.redis.hset(this.keys.application(postingId, resumeId), {
      status, updatedAt: new Date().toISOString(), ...extra,
    });
  }

  async get(postingId: string, resumeId: string): Promise<Application | null> {
    const raw = await this.redis.hgetall(this.keys.application(postingId, resumeId));
    return Object.keys(raw).length === 0 ? null : Application.parse(raw);
  }

  /** Resume ids of a posting in apply order. */
  async resumeIds(postingId: string): Promise<string[]> {
    return this.redis.zrange(this.keys.applications(postingId), 0, -1);
  }

  /** Every application of a posting in apply order (one pipelined round trip). */
  async list(postingId: string): Promise<Application[]> {
    const ids = await this.resumeIds(postingId);
    if (ids.length === 0) return [];
    const pipe = this.redis.pipeline();
    for (const id of ids) pipe.hgetall(this.keys.application(postingId, id));
    const results = (await pipe.exec()) ?? [];
    return results.flatMap(([, raw]) => {
      const fields = raw as Record<string, string> | null;
      return fields && Object.keys(fields).length > 0 ? [Application.parse(fields)] : [];
    });
  }

  /** Applications of a posting held back by the application limit or replaced by a newer version. */
  async heldBack(postingId: string): Promise<Application[]> {
    return (await this.list(postingId)).filter((a) => a.status === "over_application_limit" || a.status === "superseded");
  }

  /** Marks (or clears) a withdrawal; the caller re-runs the application limit. */
  async setWithdrawn(postingId: string, resumeId: string, withdrawn: boolean): Promise<void> {
    const key = this.keys.application(postingId, resumeId);
    if (withdrawn) await this.redis.hset(key, "withdrawn", "1");
    else await this.redis.hdel(key, "withdrawn");
  }
}
