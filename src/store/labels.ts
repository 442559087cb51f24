/**
 * Labelled outcomes. The latest decision per application is the training label (a recruiter
 * may change their mind; a retried job writes the same field again, never a second label);
 * every decision is also appended to the decision log.
 */
import type { Redis } from "ioredis";
import { LabelledOutcome } from "../domain/label.ts";
import type { Keys } from "../redis/keys.ts";

export class LabelStore {
  constructor(private readonly redis: Redis, private readonly keys: Keys) {}

  /** Returns the number of labels recorded since the last retrain started. */
  async record(label: LabelledOutcome): Promise<number> {
    const value = JSON.stringify(LabelledOutcome.parse(label));
    const field = `${label.postingId}/${label.resumeId}`;
    const results = await this.redis
      .multi()
      .hget(this.keys.labels(), field)
      .hset(this.keys.labels(), field, value)
      .rpush(this.keys.decisionLog(), value)
      .exec();
    const previous = results?.[0]?.[1] as string | null | undefined;
    if (previous === value) return Number(await this.redis.get(this.keys.labelsSinceRetrain())) || 0;
    return this.redis.incr(this.keys.labelsSinceRetrain());
  }

  async all(): Promise<LabelledOutcome[]> {
    const raws = await this.redis.hvals(this.keys.labels());
    return raws.map((raw) => LabelledOutcome.parse(JSON.parse(raw)));
  }

  async forApplication(postingId: string, resumeId: string): Promise<LabelledOutcome | null> {
    const raw = await this.redis.hget(this.keys.labels(), `${postingId}/${resumeId}`);
    return raw === null ? null : LabelledOutcome.parse(JSON.parse(raw));
  }

  async resetCounter(): Promise<void> {
    await this.redis.set(this.keys.labelsSinceRetrain(), 0);
  }
}
