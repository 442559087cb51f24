/**
 * Uploaded resumes, content-addressed: the id is the SHA-256 of the bytes, and the bytes live
 * in Redis so that a parse worker on any machine can read them (no local paths in jobs).
 */
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { CandidateProfile } from "../domain/profile.ts";
import type { Keys } from "../redis/keys.ts";

export function resumeIdOf(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export interface ParsedResume {
  text: string;
  format: string;
  pages: number;
  profile: CandidateProfile;
}

export class ResumeStore {
  constructor(private readonly redis: Redis, private readonly keys: Keys) {}

  /** Stores the bytes once (SET NX) with the first file name seen for them. */
  async put(bytes: Uint8Array, fileName: string): Promise<string> {
    const id = resumeIdOf(bytes);
    await this.redis
      .multi()
      .set(this.keys.blob(id), Buffer.from(bytes), "NX")
      .hsetnx(this.keys.resume(id), "fileName", fileName)
      .hsetnx(this.keys.resume(id), "uploadedAt", new Date().toISOString())
      .hsetnx(this.keys.resume(id), "bytes", String(bytes.byteLength))
      .exec();
    return id;
  }

  async bytes(id: string): Promise<Buffer | null> {
    return this.redis.getBuffer(this.keys.blob(id));
  }

  async fileName(id: string): Promise<string> {
    return (await this.redis.hget(this.keys.resume(id), "fileName")) ?? id.slice(0, 12);
  }

  async saveParsed(id: string, parsed: ParsedResume): Promise<void> {
    await this.redis.hset(this.keys.resume(id), {
      text: parsed.text,
      format: parsed.format,
      pages: String(parsed.pages),
      profile: JSON.stringify(parsed.profile),
    });
  }

  async profile(id: string): Promise<CandidateProfile | null> {
    const raw = await this.redis.hget(this.keys.resume(id), "profile");
    return raw === null ? null : CandidateProfile.parse(JSON.parse(raw));
  }

  async text(id: string): Promise<string | null> {
    return this.redis.hget(this.keys.resume(id), "text");
  }
}
