import type { Redis } from "ioredis";
import { Posting } from "../domain/posting.ts";
import type { Keys } from "../redis/keys.ts";

export class PostingStore {
  constructor(private readonly redis: Redis, private readonly keys: Keys) {}

  /** Validates and stores a posting; returns true when it was new. */
  async add(input: unknown): Promise<{ posting: Posting; created: boolean }> {
    const posting = Posting.parse(input);
    const created = (await this.redis.hset(this.keys.postings(), posting.id, JSON.stringify(posting))) === 1;
    return { posting, created };
  }

  async get(id: string): Promise<Posting | null> {
    const raw = await this.redis.hget(this.keys.postings(), id);
    return raw === null ? null : Posting.parse(JSON.parse(raw));
  }

  async require(id: string): Promise<Posting> {
    const posting = await this.get(id);
    if (!posting) throw new UnknownPostingError(id);
    return posting;
  }

  async list(): Promise<Posting[]> {
    const all = await this.redis.hvals(this.keys.postings());
    return all.map((raw) => Posting.parse(JSON.parse(raw))).sort((a, b) => a.id.localeCompare(b.id));
  }
}

export class UnknownPostingError extends Error {
  constructor(readonly postingId: string) {
    super(`unknown posting "${postingId}" (add it with: shortlist postings add <posting.json>)`);
    this.name = "UnknownPostingError";
  }
}
