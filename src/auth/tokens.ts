/**
 * API tokens, hashed at rest. A token is 32 random bytes, so a plain SHA-256 is enough to make
 * a leaked store useless (no dictionary to try, unlike passwords) while a lookup stays one HGET.
 * Only the hash and the token's metadata are stored; the token is shown once, at creation.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { z } from "zod";
import { PostingId } from "../domain/posting.ts";
import type { Keys } from "../redis/keys.ts";
import { Principal, Role } from "./roles.ts";

const TOKEN_PREFIX = "slt_";

export const TokenRecord = Principal.extend({ createdAt: z.string() });
export type TokenRecord = z.infer<typeof TokenRecord>;

export const CreateTokenRequest = z.object({
  role: Role,
  postings: z.array(PostingId).default([]),
  /** Recorded as who decided; defaults to `<role>-<tokenId>`. Keep it a handle, not an e-mail address. */
  subject: z.string().min(1).max(80).regex(/^[\w.@-]+$/, "subject: letters, digits and . _ @ - only").optional(),
});
export type CreateTokenRequest = z.input<typeof CreateTokenRequest>;

export const CreatedToken = z.object({ token: z.string(), tokenId: z.string(), role: Role, subject: z.string(), postings: z.array(PostingId) });
export type CreatedToken = z.infer<typeof CreatedToken>;

export class TokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TokenError";
  }
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export class TokenStore {
  constructor(private readonly redis: Redis, private readonly keys: Keys) {}

  async create(input: CreateTokenRequest): Promise<CreatedToken> {
    const request = CreateTokenRequest.parse(input);
    if (request.role === "recruiter" && request.postings.length === 0) {
      throw new TokenError("a recruiter token needs at least one posting (--posting <id>)");
    }
    if (request.role === "admin" && request.postings.length > 0) {
      throw new TokenError("an admin token covers every posting; drop --posting");
    }
    const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
    const tokenId = hashToken(token).slice(0, 12);
    const record: TokenRecord = {
      tokenId,
      subject: request.subject ?? `${request.role}-${tokenId}`,
      role: request.role,
      postings: request.postings,
      createdAt: new Date().toISOString(),
    };
    await this.redis.hset(this.keys.apiTokens(), hashToken(token), JSON.stringify(record));
    return { token, tokenId, role: record.role, subject: record.subject, postings: record.postings };
  }

  /** The principal behind a presented token, or null when it is unknown (or not even shaped like one). */
  async verify(token: string): Promise<Principal | null> {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
    const raw = await this.redis.hget(this.keys.apiTokens(), hashToken(token));
    if (raw === null) return null;
    const { tokenId, subject, role, postings } = TokenRecord.parse(JSON.parse(raw));
    return { tokenId, subject, role, postings };
  }

  async list(): Promise<TokenRecord[]> {
    const raws = await this.redis.hvals(this.keys.apiTokens());
    return raws.map((raw) => TokenRecord.parse(JSON.parse(raw))).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Removes the token with this id; returns false when none has it. */
  async revoke(tokenId: string): Promise<boolean> {
    const all = await this.redis.hgetall(this.keys.apiTokens());
    for (const [hash, raw] of Object.entries(all)) {
      if (TokenRecord.parse(JSON.parse(raw)).tokenId === tokenId) return (await this.redis.hdel(this.keys.apiTokens(), hash)) === 1;
    }
    return false;
  }

  async hasAdmin(): Promise<boolean> {
    return (await this.list()).some((t) => t.role === "admin");
  }
}
