/**
 * Feature vectors cached per (posting, resume), written when an application is scored, so that
 * rescoring a whole shortlist after a promotion needs no resume text, no re-tokenising and no
 * gate evaluation: one HMGET per chunk. Binary, compact (a JSON vector with ~250 terms is ~3 kB;
 * this is ~1 kB): [u16 schema][u16 dense][u16 terms] f32 dense… u32 termHash…
 * Terms are stored as their 32-bit hashes (src/model/sparse.ts), never as text.
 * Key: `keys.features(postingId)` (src/redis/keys.ts; hash, field = resumeId). A stale schema version is a miss.
 */
import type { Redis } from "ioredis";
import { makeKeys, type Keys } from "../redis/keys.ts";
import { FEATURE_SCHEMA_VERSION } from "../features/index.ts";
import { termHashes } from "../model/sparse.ts";

export interface CachedFeatures {
  values: Float32Array;
  terms: Uint32Array;
}

/** `terms`: the words (hashed here) or their hashes, as `vectorize` computed them (`hashedTerms.hashes`). */
export function encodeFeatures(values: Float32Array, terms: readonly string[] | Uint32Array): Buffer {
  const hashes = terms instanceof Uint32Array ? terms : termHashes(terms);
  const buf = Buffer.alloc(6 + 4 * values.length + 4 * hashes.length);
  buf.writeUInt16LE(FEATURE_SCHEMA_VERSION, 0);
  buf.writeUInt16LE(values.length, 2);
  buf.writeUInt16LE(hashes.length, 4);
  values.forEach((v, i) => buf.writeFloatLE(v, 6 + 4 * i));
  hashes.forEach((h, i) => buf.writeUInt32LE(h, 6 + 4 * values.length + 4 * i));
  return buf;
}

export function decodeFeatures(buf: Buffer): CachedFeatures | null {
  if (buf.length < 6 || buf.readUInt16LE(0) !== FEATURE_SCHEMA_VERSION) return null;
  const f = buf.readUInt16LE(2);
  const t = buf.readUInt16LE(4);
  if (buf.length !== 6 + 4 * (f + t)) return null;
  const values = new Float32Array(f);
  for (let i = 0; i < f; i++) values[i] = buf.readFloatLE(6 + 4 * i);
  const terms = new Uint32Array(t);
  for (let i = 0; i < t; i++) terms[i] = buf.readUInt32LE(6 + 4 * (f + i));
  return { values, terms };
}

export class FeatureCache {
  private readonly keys: Pick<Keys, "features">;

  /** `keys` or just the key prefix (callers that hold only the prefix). */
  constructor(private readonly redis: Redis, keys: Pick<Keys, "features"> | string) {
    this.keys = typeof keys === "string" ? makeKeys(keys) : keys;
  }

  private key(postingId: string): string {
    return this.keys.features(postingId);
  }

  async put(postingId: string, resumeId: string, values: Float32Array, terms: readonly string[] | Uint32Array): Promise<void> {
    await this.redis.hset(this.key(postingId), resumeId, encodeFeatures(values, terms));
  }

  async getMany(postingId: string, resumeIds: readonly string[]): Promise<(CachedFeatures | null)[]> {
    if (resumeIds.length === 0) return [];
    const raws = await this.redis.hmgetBuffer(this.key(postingId), ...resumeIds);
    return raws.map((b) => (b ? decodeFeatures(b) : null));
  }
}
