/**
 * Every Redis key the application owns, built in one place (BullMQ's QueueKeys idea).
 * All keys start with the configured prefix, a Redis Cluster hash tag by default.
 */
export type Keys = ReturnType<typeof makeKeys>;

export function makeKeys(prefix: string) {
  const k = (...parts: string[]) => [prefix, ...parts].join(":");
  return {
    prefix,
    /** string: the uploaded bytes of a resume, content-addressed by its SHA-256. */
    blob: (resumeId: string) => k("blob", resumeId),
    /** hash: fileName, format, bytes, uploadedAt, text, profile (JSON), warnings. */
    resume: (resumeId: string) => k("resume", resumeId),
    /** hash: postingId → Posting JSON. */
    postings: () => k("postings"),
    /** zset: resumeId → apply time (ms): the posting's applications in the order they arrived. */
    applications: (postingId: string) => k("apps", postingId),
    /** hash: status, fileName, appliedAt, error, updatedAt of one application. */
    application: (postingId: string, resumeId: string) => k("app", postingId, resumeId),
    /** zset: resumeId → rank key (tier + score); the ranked shortlist. */
    shortlist: (postingId: string) => k("shortlist", postingId),
    /** hash: resumeId → ShortlistEntry JSON, read with HMGET for a page of the shortlist. */
    entries: (postingId: string) => k("entries", postingId),
    /** Scratch keys of an atomic rescoring (renamed over the live ones in one MULTI). */
    shortlistStaging: (postingId: string, token: string) => k("shortlist-staging", postingId, token),
    entriesStaging: (postingId: string, token: string) => k("entries-staging", postingId, token),
    /** hash: `${postingId}/${resumeId}` → latest LabelledOutcome JSON (one label per application). */
    labels: () => k("labels"),
    /** list: every decision ever recorded, append-only (JSON). */
    decisionLog: () => k("decision-log"),
    /** string counter: labels recorded since the last retrain started. */
    labelsSinceRetrain: () => k("labels-since-retrain"),
    /** string: the promoted model version the scorers serve. */
    currentModel: () => k("model", "current"),
    /** pub/sub channel: a posting's shortlist changed (message: JSON {postingId, resumeId}). */
    shortlistChannel: () => k("events", "shortlist"),
    /** hash: SHA-256 of an API token → TokenRecord JSON (the token itself is never stored). */
    apiTokens: () => k("api-tokens"),
    /** string: random salt (hex) for identity and erasure hashes; created once (SET NX), never exported. */
    identitySalt: () => k("identity-salt"),
    /**
     * zset: `${postingId}/${resumeId}` → apply time (ms), for one candidate identity (salted hash of a
     * normalised e-mail, phone or file id). The application limit's Lua script builds `application`
     * keys from the prefix in the same `prefix:app:<posting>:<resume>` form as above.
     */
    candidate: (identityHash: string) => k("candidate", identityHash),
    /** list: one JSON {erasedAt, subject (salted hash), reason} per erasure; no personal data. */
    erasures: () => k("erasures"),
    /** string (SET NX PX): one retention sweep at a time across workers. */
    retentionLock: () => k("retention-lock"),
    /**
     * hash: resumeId → binary feature vector of (posting, resume) (src/score/feature-cache.ts: f32 dense
     * values + u32 term hashes, no text). Written when an application is scored, read when rescoring;
     * erasing a resume must HDEL it from every posting's hash.
     */
    features: (postingId: string) => k("features", postingId),
  };
}
