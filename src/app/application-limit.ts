/**
 * The application limit: a candidate may hold at most N active applications across the
 * organisation's postings (N = the posting's applicationPolicy.maxActiveApplications), judged in
 * the order they applied. Identity is only known after extraction, so the parse stage calls
 * `enforceApplicationLimit` before it enqueues the score job.
 *
 * A candidate = the applications sharing a normalised e-mail, a normalised phone or the same file
 * (resume id) with this one. Each identity is a sorted set of `posting/resume` members by apply
 * time, keyed by a salted hash (no e-mail or phone in key names). The union is one hop: two
 * applications linked only through a third are joined when that third one is checked.
 *
 * One Lua script recomputes the candidate's whole picture from the stored facts, so it is
 * atomic under concurrent workers and idempotent under retries, and order-independent: an earlier
 * application that parses late still takes its slot, and the later one it displaces is demoted.
 *  - Per posting, the newest resume version is the application (older versions → `superseded`);
 *    it keeps the apply time of the first version.
 *  - Withdrawn applications (latest decision `withdrawn`) do not count; the first over-limit
 *    application in apply order is then promoted and scored.
 *  - `failed` applications and erased ones do not count.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { ScoreJob } from "../domain/jobs.ts";
import type { CandidateProfile } from "../domain/profile.ts";
import { applicationJobId } from "../queue/queues.ts";
import type { Stores } from "../store/index.ts";

/**
 * KEYS[1] postings hash; KEYS[2..] candidate identity zsets. ARGV: prefix, member, applied ms, now.
 * Returns {myTarget, myCounted, member1, action1, ...}; action `out` for every member that must
 * not be on a shortlist (over limit or superseded), `promoted` for members that just regained a slot.
 */
const LIMIT_SCRIPT = `
local prefix, me, appliedMs, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local function split(m) return string.match(m, '^([^/]+)/(.+)$') end
local function appKey(m) local p, r = split(m); return prefix .. ':app:' .. p .. ':' .. r end
local ids = {}
for i = 2, #KEYS do
  redis.call('ZADD', KEYS[i], 'NX', appliedMs, me)
  ids[#ids + 1] = KEYS[i]
end
redis.call('HSET', appKey(me), 'identities', table.concat(ids, ' '))
local seen, groups, order = {}, {}, {}
for i = 2, #KEYS do
  local list = redis.call('ZRANGE', KEYS[i], 0, -1, 'WITHSCORES')
  for j = 1, #list, 2 do
    local m = list[j]
    if not seen[m] then
      seen[m] = true
      local f = redis.call('HMGET', appKey(m), 'status', 'withdrawn')
      if not f[1] then
        for k = 2, #KEYS do redis.call('ZREM', KEYS[k], m) end
      elseif f[1] ~= 'failed' then
        local p = split(m)
        local v = { m = m, t = tonumber(list[j + 1]), status = f[1], withdrawn = f[2] }
        local g = groups[p]
        if not g then
          g = { p = p, first = v, current = v, versions = {} }
          groups[p] = g
          order[#order + 1] = g
        end
        g.versions[#g.versions + 1] = v
        if v.t < g.first.t or (v.t == g.first.t and v.m < g.first.m) then g.first = v end
        if v.t > g.current.t or (v.t == g.current.t and v.m > g.current.m) then g.current = v end
      end
    end
  end
end
table.sort(order, function(a, b)
  if a.first.t ~= b.first.t then return a.first.t < b.first.t end
  return a.first.m < b.first.m
end)
local out, active, mine = {}, {}, { 'within', '' }
local function set(v, target, counted)
  if v.m == me then mine = { target, counted or '' } end
  if target == 'withdrawn' then return end
  local key = appKey(v.m)
  if target == 'superseded' or target == 'over' then
    local status = target == 'superseded' and 'superseded' or 'over_application_limit'
    if v.status ~= status then redis.call('HSET', key, 'status', status, 'updatedAt', now) end
    if target == 'over' then redis.call('HSET', key, 'countedPostings', counted) end
    out[#out + 1] = v.m
    out[#out + 1] = 'out'
  elseif v.status == 'over_application_limit' or v.status == 'superseded' then
    redis.call('HSET', key, 'status', 'parsed', 'updatedAt', now)
    redis.call('HDEL', key, 'countedPostings', 'supersededBy')
    out[#out + 1] = v.m
    out[#out + 1] = 'promoted'
  end
end
for _, g in ipairs(order) do
  local _, currentResume = split(g.current.m)
  for _, v in ipairs(g.versions) do
    if v.m ~= g.current.m then
      redis.call('HSET', appKey(v.m), 'supersededBy', currentResume)
      set(v, 'superseded')
    end
  end
  local raw = redis.call('HGET', KEYS[1], g.p)
  local n = 2147483647
  if raw then n = tonumber(cjson.decode(raw).applicationPolicy.maxActiveApplications) or n end
  local c = g.current
  if c.withdrawn == '1' then
    set(c, 'withdrawn')
  elseif #active < n then
    active[#active + 1] = g.p
    set(c, 'within')
  else
    set(c, 'over', table.concat(active, ','))
  end
end
local reply = { mine[1], mine[2] }
for i = 1, #out do reply[#reply + 1] = out[i] end
return reply`;

export type LimitTarget = "within" | "over" | "superseded" | "withdrawn";

export interface LimitVerdict {
  target: LimitTarget;
  /** over: the postings of the candidate's applications that count, in apply order. */
  countedPostings: string[];
  /** Other applications of the candidate that regained a slot and were queued for scoring. */
  promoted: ScoreJob[];
  /** Applications (this one included) taken off or kept off a shortlist. */
  heldBack: ScoreJob[];
}

/** What the limit needs of the score queue (a BullMQ Queue<ScoreJob> is one). */
export interface ScoreEnqueuer {
  add(name: string, data: ScoreJob, opts?: { jobId?: string }): Promise<unknown>;
}

export interface LimitDeps {
  stores: Stores;
  scoreQueue: ScoreEnqueuer;
}

/** The installation's salt for identity and erasure hashes, created on first use. */
export async function identitySalt(stores: Stores): Promise<string> {
  const key = stores.keys.identitySalt();
  await stores.redis.set(key, randomBytes(32).toString("hex"), "NX");
  const salt = await stores.redis.get(key);
  if (!salt) throw new Error("identity salt missing right after it was created");
  return salt;
}

export function saltedHash(salt: string, value: string): string {
  return createHmac("sha256", salt).update(value).digest("hex").slice(0, 40);
}

/** The identity values of an application: normalised e-mail and phone when stated, and the file. */
export function identityValues(profile: Pick<CandidateProfile, "contact">, resumeId: string): string[] {
  const values = [`file:${resumeId}`];
  const email = profile.contact.email?.trim().toLowerCase();
  if (email) values.push(`email:${email}`);
  const phone = profile.contact.phone?.replace(/[^\d+]/g, "");
  if (phone && phone.replace(/\D/g, "").length >= 7) values.push(`phone:${phone}`);
  return values;
}

function parseReply(reply: unknown): { target: LimitTarget; counted: string[]; actions: [string, "out" | "promoted"][] } {
  const arr = reply as string[];
  const actions: [string, "out" | "promoted"][] = [];
  for (let i = 2; i + 1 < arr.length; i += 2) actions.push([arr[i]!, arr[i + 1] as "out" | "promoted"]);
  return { target: arr[0] as LimitTarget, counted: arr[1] ? arr[1].split(",") : [], actions };
}

function toJob(member: string): ScoreJob {
  const slash = member.indexOf("/");
  return { postingId: member.slice(0, slash), resumeId: member.slice(slash + 1) };
}

async function runScript(deps: LimitDeps, job: ScoreJob, identityKeys: string[], appliedMs: number): Promise<LimitVerdict> {
  const { stores } = deps;
  const reply = await stores.redis.eval(
    LIMIT_SCRIPT, 1 + identityKeys.length, stores.keys.postings(), ...identityKeys,
    stores.keys.prefix, `${job.postingId}/${job.resumeId}`, String(appliedMs), new Date().toISOString(),
  );
  const { target, counted, actions } = parseReply(reply);
  const heldBack = actions.filter(([, a]) => a === "out").map(([m]) => toJob(m));
  // Idempotent: every held-back member is taken off its shortlist on every run, so a crash between
  // the script and these writes is repaired by the retry.
  if (heldBack.length > 0) {
    const tx = stores.redis.multi();
    for (const h of heldBack) {
      tx.zrem(stores.keys.shortlist(h.postingId), h.resumeId).hdel(stores.keys.entries(h.postingId), h.resumeId);
      tx.publish(stores.keys.shortlistChannel(), JSON.stringify(h));
    }
    await tx.exec();
  }
  const promoted = actions.filter(([m, a]) => a === "promoted" && m !== `${job.postingId}/${job.resumeId}`).map(([m]) => toJob(m));
  for (const p of promoted) {
    // A fresh job id: a score job that completed for this application before it was held back may still be kept.
    await deps.scoreQueue.add("score", p, { jobId: `${applicationJobId(p.postingId, p.resumeId)}.promoted-${Date.now()}` });
  }
  return { target, countedPostings: counted, promoted, heldBack };
}

/** Registers this application under the candidate's identities and applies the limit to all of them. */
export async function enforceApplicationLimit(deps: LimitDeps, job: ScoreJob, profile: Pick<CandidateProfile, "contact">): Promise<LimitVerdict> {
  const { stores } = deps;
  const salt = await identitySalt(stores);
  const identityKeys = identityValues(profile, job.resumeId).map((v) => stores.keys.candidate(saltedHash(salt, v)));
  const app = await stores.applications.get(job.postingId, job.resumeId);
  const appliedMs = app ? Date.parse(app.appliedAt) : Date.now();
  return runScript(deps, job, identityKeys, appliedMs);
}

/**
 * Re-applies the limit after a decision: `withdrawn` frees the slot (and promotes the next
 * application in apply order); any other later decision takes the slot back.
 */
export async function reconsiderAfterDecision(deps: LimitDeps, job: ScoreJob, withdrawn: boolean): Promise<LimitVerdict | null> {
  const { stores } = deps;
  const app = await stores.applications.get(job.postingId, job.resumeId);
  if (!app) return null;
  if ((app.withdrawn === "1") === withdrawn) return null;
  await stores.applications.setWithdrawn(job.postingId, job.resumeId, withdrawn);
  const identityKeys = app.identities?.split(" ").filter(Boolean) ?? [];
  if (identityKeys.length === 0) return null; // never checked (not parsed yet): its parse will apply the limit
  return runScript(deps, job, identityKeys, Date.parse(app.appliedAt));
}
