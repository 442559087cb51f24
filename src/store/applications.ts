/**
 * One application = one (posting, resume) pair. Creation is idempotent: the same file sent
 * twice to the same posting is one application, in the order it first arrived.
 */
import type { Redis } from "ioredis";
import { z } from "zod";
import type { Keys } from "../redis/keys.ts";

export const ApplicationStatus = z.enum(["queued", "parsed", "scored", "failed"]);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const Application = z.object({
  postingId: z.string(),
  resumeId: z.string(),
  fileName: z.string(),
  status: ApplicationStatus,
  appliedAt: z.string(),
  updatedAt: z.string(),
  error: z.string().optional(),
  warnings: z.string().optional(),
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
}
