/**
 * The ranked shortlist of each posting: a sorted set of rank keys plus a hash of entries.
 * Writes are one MULTI (no reader sees a key without its entry); rescoring builds staging keys
 * and RENAMEs them over the live ones in one MULTI, so a reader never sees a half-rescored list.
 */
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { ShortlistEntry, type ShortlistRow } from "../domain/shortlist.ts";
import type { Keys } from "../redis/keys.ts";
import { rankKey } from "../shortlist/rank-key.ts";

/**
 * Atomic swap. Members that arrived in the live list while the staging list was being built
 * (rolling review does not pause for a rescore) are carried over, so no application is lost.
 * KEYS: live zset, live hash, staging zset, staging hash. ARGV: channel, message.
 */
const SWAP_SCRIPT = `
local live = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
for i = 1, #live, 2 do
  if not redis.call('ZSCORE', KEYS[3], live[i]) then
    redis.call('ZADD', KEYS[3], live[i + 1], live[i])
    local entry = redis.call('HGET', KEYS[2], live[i])
    if entry then redis.call('HSET', KEYS[4], live[i], entry) end
  end
end
if redis.call('EXISTS', KEYS[3]) == 1 then
  redis.call('RENAME', KEYS[3], KEYS[1])
  redis.call('RENAME', KEYS[4], KEYS[2])
  redis.call('PERSIST', KEYS[1])
  redis.call('PERSIST', KEYS[2])
else
  redis.call('DEL', KEYS[1], KEYS[2])
end
redis.call('PUBLISH', ARGV[1], ARGV[2])
return 1`;

/** Thrown when a stored entry is not a shortlist entry (written by something else, or corrupted). */
export class CorruptEntryError extends Error {
  constructor(postingId: string, detail: string) {
    super(`shortlist of posting ${postingId}: a stored entry is not a valid shortlist entry (${detail})`);
    this.name = "CorruptEntryError";
  }
}

/**
 * JSON → entry without zod: entries are validated when a job writes them (upsert) or built by typed
 * code (replaceAll).
 * The cheap checks catch foreign or truncated data with a clear error instead of a wrong row.
 */
export function decodeEntry(raw: string, postingId: string): ShortlistEntry {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new CorruptEntryError(postingId, "not JSON");
  }
  const e = value as Partial<ShortlistEntry> | null;
  if (!e || typeof e.resumeId !== "string" || typeof e.score !== "number" || !Array.isArray(e.gates) || !Array.isArray(e.explanation)) {
    throw new CorruptEntryError(postingId, "missing resumeId, score, gates or explanation");
  }
  return e as ShortlistEntry;
}

/** Freezes a decoded entry and its gate and reason objects: cached entries are shared between reads. */
function freezeEntry(e: ShortlistEntry): ShortlistEntry {
  for (const g of e.gates) Object.freeze(g);
  for (const c of e.explanation) Object.freeze(c);
  Object.freeze(e.gates);
  Object.freeze(e.explanation);
  return Object.freeze(e);
}

/**
 * Bounds of the per-process read caches (each cleared whole when full; a page refills it in one read).
 * 5,000 decoded entries are ~20 MB (~4 kB each: the stored bytes and the parsed object). Reads of
 * more than MAX_CACHED_PAGE_SIZE rows (an audit of a whole list) bypass both caches.
 */
const MAX_CACHED_ENTRIES = 5_000;
const MAX_CACHED_PAGES = 1_000;
const MAX_CACHED_PAGE_SIZE = 500;

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

export class ShortlistStore {
  /**
   * Decoded entries per posting and resume, reused while the stored JSON is byte-identical: a top-50
   * read then allocates 50 small row objects instead of decoding ~65 kB of JSON into strings and
   * ~1,500 objects, so the GC pauses that set the read's p99 become rare (replies are read as
   * Buffers, which live outside the JS heap). Never stale: every read still fetches the stored JSON
   * and compares it.
   */
  private readonly decoded = new Map<string, Map<string, { raw: Buffer; entry: ShortlistEntry }>>();
  private decodedCount = 0;
  /** The ids the last read of each (posting, offset, k) page returned; see `top`. */
  private readonly lastPageIds = new Map<string, string[]>();

  constructor(private readonly redis: Redis, private readonly keys: Keys) {}

  /** Idempotent: a retried job overwrites the same member, never adds a second one. */
  async upsert(input: ShortlistEntry): Promise<void> {
    const entry = ShortlistEntry.parse(input); // validated once here, so reads need not re-validate
    await this.redis
      .multi()
      .zadd(this.keys.shortlist(entry.postingId), rankKey(entry.tier, entry.score), entry.resumeId)
      .hset(this.keys.entries(entry.postingId), entry.resumeId, JSON.stringify(entry))
      .publish(this.keys.shortlistChannel(), JSON.stringify({ postingId: entry.postingId, resumeId: entry.resumeId }))
      .exec();
  }

  /**
   * One page of the ranked list, gates and explanations included. One round trip when the page
   * holds the same candidates as the last read of it (the usual case: the top of a list changes far
   * less often than it is read): ZREVRANGE and an HMGET of the ids the last read returned are sent
   * together, and the HMGET is used only if ZREVRANGE returned exactly those ids; otherwise a second
   * HMGET fetches the new ones. No zod on this path (entries are validated when a job writes them,
   * `upsert`); JSON is parsed only for entries whose stored JSON changed since this process last
   * read them. Rows are fresh objects; their `gates` and `explanation` are shared and frozen.
   */
  async top(postingId: string, k: number, offset = 0): Promise<ShortlistRow[]> {
    if (k <= 0) return [];
    const zKey = this.keys.shortlist(postingId);
    const hKey = this.keys.entries(postingId);
    const cached = k <= MAX_CACHED_PAGE_SIZE;
    const pageKey = `${postingId}\n${offset}\n${k}`;
    const guess = cached ? this.lastPageIds.get(pageKey) : undefined;
    let ids: string[];
    let raws: (Buffer | null)[] | null = null;
    if (guess) {
      const [got, guessed] = await Promise.all([this.redis.zrevrange(zKey, offset, offset + k - 1), this.redis.hmgetBuffer(hKey, ...guess)]);
      ids = got;
      if (sameIds(ids, guess)) raws = guessed;
    } else {
      ids = await this.redis.zrevrange(zKey, offset, offset + k - 1);
    }
    if (ids.length === 0) {
      this.lastPageIds.delete(pageKey);
      return [];
    }
    raws ??= await this.redis.hmgetBuffer(hKey, ...ids);
    if (cached) {
      if (this.lastPageIds.size >= MAX_CACHED_PAGES) this.lastPageIds.clear();
      this.lastPageIds.set(pageKey, ids);
    }
    const rows: ShortlistRow[] = [];
    for (let i = 0; i < ids.length; i++) {
      const raw = raws[i];
      if (raw == null) continue;
      const entry = cached ? this.decodeCached(postingId, ids[i]!, raw) : decodeEntry(raw.toString("utf8"), postingId);
      rows.push({ ...entry, rank: offset + i + 1 });
    }
    return rows;
  }

  private decodeCached(postingId: string, resumeId: string, raw: Buffer): ShortlistEntry {
    let byResume = this.decoded.get(postingId);
    const hit = byResume?.get(resumeId);
    if (hit && hit.raw.equals(raw)) return hit.entry;
    const entry = freezeEntry(decodeEntry(raw.toString("utf8"), postingId));
    if (this.decodedCount >= MAX_CACHED_ENTRIES) {
      this.decoded.clear();
      this.decodedCount = 0;
      byResume = undefined;
    }
    if (!byResume) this.decoded.set(postingId, (byResume = new Map()));
    if (!byResume.has(resumeId)) this.decodedCount++;
    byResume.set(resumeId, { raw: Buffer.from(raw), entry }); // a copy: a reply Buffer may be a view of a larger one
    return entry;
  }

  async entry(postingId: string, resumeId: string): Promise<ShortlistRow | null> {
    const [raw, rank] = await Promise.all([
      this.redis.hget(this.keys.entries(postingId), resumeId),
      this.redis.zrevrank(this.keys.shortlist(postingId), resumeId),
    ]);
    if (raw === null || rank === null) return null;
    return { ...decodeEntry(raw, postingId), rank: rank + 1 };
  }

  async size(postingId: string): Promise<number> {
    return this.redis.zcard(this.keys.shortlist(postingId));
  }

  async all(postingId: string): Promise<ShortlistEntry[]> {
    const raws = await this.redis.hvals(this.keys.entries(postingId));
    return raws.map((raw) => decodeEntry(raw, postingId));
  }

  /**
   * Replaces a posting's whole shortlist atomically. Entries are written to staging keys in
   * pipelined chunks, then both staging keys are renamed over the live ones in one MULTI.
   */
  async replaceAll(postingId: string, entries: readonly ShortlistEntry[]): Promise<void> {
    const token = randomUUID();
    const zKey = this.keys.shortlistStaging(postingId, token);
    const hKey = this.keys.entriesStaging(postingId, token);
    const CHUNK = 1000;
    try {
      for (let i = 0; i < entries.length; i += CHUNK) {
        const chunk = entries.slice(i, i + CHUNK);
        const zArgs: (string | number)[] = [];
        const hArgs: string[] = [];
        // No zod here: entries come from typed code (rescore), and parsing 100k of them would cost
        // ~10% of the rescore budget (bench); upsert validates each entry a job writes.
        for (const e of chunk) {
          zArgs.push(rankKey(e.tier, e.score), e.resumeId);
          hArgs.push(e.resumeId, JSON.stringify(e));
        }
        await this.redis.pipeline().zadd(zKey, ...zArgs).hset(hKey, ...hArgs).expire(zKey, 3600).expire(hKey, 3600).exec();
      }
      await this.redis.eval(SWAP_SCRIPT, 4, this.keys.shortlist(postingId), this.keys.entries(postingId), zKey, hKey,
        this.keys.shortlistChannel(), JSON.stringify({ postingId, resumeId: null }));
    } finally {
      await this.redis.del(zKey, hKey);
    }
  }
}
