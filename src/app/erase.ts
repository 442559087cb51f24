/**
 * Erasure: remove one resume and everything derived from it, everywhere, and record only that an
 * erasure happened (time + salted hash of the resume id, no personal data).
 *
 * Removed: the uploaded bytes, the text and profile, every application of it on every posting
 * (and its candidate-identity index entries), shortlist entries (which hold the cached
 * explanations), labels (so later retrains never see them), decision-log lines, and its parse
 * and score jobs (their return values can hold warnings quoting the resume).
 * Not removable: models already trained on its labels keep what they learned until retrained.
 */
import type { Queue } from "bullmq";
import { z } from "zod";
import { applicationJobId } from "../queue/queues.ts";
import type { Stores } from "../store/index.ts";
import { identitySalt, identityValues, saltedHash } from "./application-limit.ts";

export const ErasureReason = z.enum(["request", "retention"]);
export type ErasureReason = z.infer<typeof ErasureReason>;

/** One line of the erasure record: no personal data. */
export const ErasureRecord = z.object({
  erasedAt: z.string(),
  /** Salted hash of the resume id: proves an erasure happened without saying whose. */
  subject: z.string().regex(/^[0-9a-f]{40}$/),
  reason: ErasureReason,
});
export type ErasureRecord = z.infer<typeof ErasureRecord>;

export interface ErasureResult {
  resumeId: string;
  existed: boolean;
  applications: number;
  labels: number;
  decisionLogLines: number;
}

export interface EraseDeps {
  stores: Stores;
  /** Queues whose per-application jobs are removed (job ids are deterministic). */
  queues?: { parse: Pick<Queue, "remove">; score: Pick<Queue, "remove"> };
}

const LOG_CHUNK = 1000;

/** Removes the decision-log lines of one resume; LREM by exact value keeps concurrent appends. */
async function eraseFromDecisionLog(stores: Stores, resumeId: string): Promise<number> {
  const key = stores.keys.decisionLog();
  const doomed: string[] = [];
  for (let start = 0; ; start += LOG_CHUNK) {
    const lines = await stores.redis.lrange(key, start, start + LOG_CHUNK - 1);
    for (const line of lines) if (line.includes(resumeId)) doomed.push(line);
    if (lines.length < LOG_CHUNK) break;
  }
  let removed = 0;
  for (const line of new Set(doomed)) removed += await stores.redis.lrem(key, 0, line);
  return removed;
}

export async function eraseResume(deps: EraseDeps, resumeId: string, reason: ErasureReason = "request"): Promise<ErasureResult> {
  const { stores } = deps;
  const { redis, keys } = stores;
  const existed = (await redis.exists(keys.resume(resumeId), keys.blob(resumeId))) > 0;
  let applications = 0;
  let labels = 0;
  for (const posting of await stores.postings.list()) {
    const app = await stores.applications.get(posting.id, resumeId);
    const member = `${posting.id}/${resumeId}`;
    const tx = redis.multi()
      .zrem(keys.applications(posting.id), resumeId)
      .del(keys.application(posting.id, resumeId))
      .zrem(keys.shortlist(posting.id), resumeId)
      .hdel(keys.entries(posting.id), resumeId)
      .hdel(keys.labels(), member);
    for (const identity of app?.identities?.split(" ").filter(Boolean) ?? []) tx.zrem(identity, member);
    const results = (await tx.exec()) ?? [];
    if (app || results[0]?.[1] === 1) applications++;
    if (results[4]?.[1] === 1) labels++;
    if (deps.queues) {
      const jobId = applicationJobId(posting.id, resumeId);
      await Promise.all([deps.queues.parse.remove(jobId), deps.queues.score.remove(jobId)]).catch(() => undefined);
    }
  }
  const decisionLogLines = await eraseFromDecisionLog(stores, resumeId);
  await redis.del(keys.blob(resumeId), keys.resume(resumeId));
  const salt = await identitySalt(stores);
  const record: ErasureRecord = { erasedAt: new Date().toISOString(), subject: saltedHash(salt, `erasure:${resumeId}`), reason };
  if (existed || applications > 0) await redis.rpush(keys.erasures(), JSON.stringify(record));
  return { resumeId, existed, applications, labels, decisionLogLines };
}

/** Resume ids of every application indexed under this e-mail (found once their resume was parsed). */
export async function resumesByEmail(stores: Stores, email: string): Promise<string[]> {
  const salt = await identitySalt(stores);
  const [value] = identityValues({ contact: { name: null, email, phone: null } }, "x").filter((v) => v.startsWith("email:"));
  if (!value) return [];
  const members = await stores.redis.zrange(stores.keys.candidate(saltedHash(salt, value)), 0, -1);
  return [...new Set(members.map((m) => m.slice(m.indexOf("/") + 1)))];
}

export async function erasures(stores: Stores): Promise<ErasureRecord[]> {
  return (await stores.redis.lrange(stores.keys.erasures(), 0, -1)).map((raw) => ErasureRecord.parse(JSON.parse(raw)));
}
