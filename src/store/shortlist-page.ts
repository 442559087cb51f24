/**
 * Keyset pagination over a posting's shortlist with filters, for the HTTP API. A cursor is the
 * last row's (rank key, resume id), not an offset: rolling review inserts candidates while a
 * recruiter pages, and an offset would then repeat or skip rows. Filters run in Redis where
 * they can (all gates met = a score range) and on small batches where they cannot (unreviewed).
 */
import type { Redis } from "ioredis";
import { LabelledOutcome } from "../domain/label.ts";
import type { ShortlistRow } from "../domain/shortlist.ts";
import type { Keys } from "../redis/keys.ts";
import { rankKey } from "../shortlist/rank-key.ts";
import { decodeEntry } from "./shortlist.ts";

export interface ShortlistCursor {
  key: string;
  resumeId: string;
}

export interface ShortlistPageQuery {
  limit: number;
  cursor: ShortlistCursor | null;
  gatesMet: boolean;
  unreviewed: boolean;
}

export interface ShortlistPageResult {
  rows: { row: ShortlistRow; label: LabelledOutcome | null }[];
  next: ShortlistCursor | null;
}

/** Candidates scanned at most per request, so a filter that matches nothing stays cheap. */
const MAX_SCAN = 5000;

export async function readShortlistPage(redis: Redis, keys: Keys, postingId: string, q: ShortlistPageQuery): Promise<ShortlistPageResult> {
  const zKey = keys.shortlist(postingId);
  const min = q.gatesMet ? String(rankKey("met", 0)) : "-inf";
  const max = q.cursor ? q.cursor.key : "+inf";
  // `at`: the member's position in the scan (0 = the first member at or below `max`), so that ranks
  // follow from ONE ZREVRANK (ranks are consecutive along the scan) instead of one per row.
  const picked: { id: string; key: string; label: string | null; at: number }[] = [];
  const batch = Math.min(500, q.limit * 2 + 10);
  for (let offset = 0; picked.length <= q.limit && offset < MAX_SCAN; offset += batch) {
    const flat = await redis.zrange(zKey, max, min, "BYSCORE", "REV", "LIMIT", offset, batch, "WITHSCORES");
    const pairs: { id: string; key: string; at: number }[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) pairs.push({ id: flat[i]!, key: flat[i + 1]!, at: offset + i / 2 });
    // Ties on the cursor's key come in descending member order; those up to the cursor were already shown.
    const fresh = pairs.filter((p) => !q.cursor || Number(p.key) !== Number(q.cursor.key) || p.id < q.cursor.resumeId);
    const labels = fresh.length ? await redis.hmget(keys.labels(), ...fresh.map((p) => `${postingId}/${p.id}`)) : [];
    fresh.forEach((p, i) => {
      const label = labels[i] ?? null;
      if (picked.length <= q.limit && (!q.unreviewed || label === null)) picked.push({ ...p, label });
    });
    if (pairs.length < batch) break;
  }
  const page = picked.slice(0, q.limit);
  const last = page[page.length - 1];
  const next = picked.length > q.limit && last ? { key: last.key, resumeId: last.id } : null;
  if (page.length === 0) return { rows: [], next: null };
  const ids = page.map((p) => p.id);
  const [raws, firstRank] = await Promise.all([redis.hmget(keys.entries(postingId), ...ids), redis.zrevrank(zKey, ids[0]!)]);
  // The first row gone since the scan: rank each row on its own (rare; the old per-row path).
  const ranks = firstRank === null
    ? await Promise.all(ids.map((id) => redis.zrevrank(zKey, id)))
    : page.map((p) => firstRank + p.at - page[0]!.at);
  const rows: ShortlistPageResult["rows"] = [];
  page.forEach((p, i) => {
    const raw = raws[i];
    const rank = ranks[i];
    if (raw == null || rank == null) return; // removed between the two reads
    rows.push({
      // No zod here, as in ShortlistStore#top: entries are validated when they are written.
      row: { ...decodeEntry(raw, postingId), rank: rank + 1 },
      label: p.label === null ? null : LabelledOutcome.parse(JSON.parse(p.label)),
    });
  });
  return { rows, next };
}
