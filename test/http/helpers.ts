/**
 * An HTTP service over real sockets for a test: the private Redis (unique prefix), two postings,
 * one token per role, and small fetch helpers. Candidates are written straight into the stores
 * so route tests need no workers (the browser test runs the real pipeline).
 */
import { TokenStore } from "../../src/auth/tokens.ts";
import type { AppContext } from "../../src/app/context.ts";
import type { ShortlistEntry, GateTier } from "../../src/domain/shortlist.ts";
import { startHttpServer, type HttpServer } from "../../src/http/server.ts";
import { makeProfile, seedPosting } from "../helpers/profiles.ts";
import { openTestSystem, type TestSystem } from "../helpers/system.ts";

export const POSTING_A = "mle-recsys-phd-2026";
export const POSTING_B = "data-mining-scientist-2026";

export interface HttpTestSystem {
  sys: TestSystem;
  server: HttpServer;
  tokens: { admin: string; uploader: string; recruiterA: string; recruiterB: string };
  call(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  close(): Promise<void>;
}

export async function openHttpTestSystem(options: { maxUploadBytes?: number } = {}): Promise<HttpTestSystem> {
  const sys = openTestSystem();
  for (const id of [POSTING_A, POSTING_B]) await sys.ctx.stores.postings.add(seedPosting(id));
  const ctx: AppContext = options.maxUploadBytes ? { ...sys.ctx, config: { ...sys.ctx.config, maxUploadBytes: options.maxUploadBytes } } : sys.ctx;
  const store = new TokenStore(ctx.redis, ctx.stores.keys);
  const tokens = {
    admin: (await store.create({ role: "admin", subject: "ada" })).token,
    uploader: (await store.create({ role: "uploader", subject: "careers-site" })).token,
    recruiterA: (await store.create({ role: "recruiter", postings: [POSTING_A], subject: "rita" })).token,
    recruiterB: (await store.create({ role: "recruiter", postings: [POSTING_B], subject: "bob" })).token,
  };
  const server = await startHttpServer(ctx, { port: 0 });
  return {
    sys,
    server,
    tokens,
    call(path, init = {}) {
      const { token, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token) headers.set("authorization", `Bearer ${token}`);
      return fetch(server.url + path, { ...rest, headers });
    },
    async close() {
      await server.close();
      await sys.cleanup();
    },
  };
}

let counter = 0;

/** A scored candidate on a posting's shortlist, with resume text and evidence offsets. */
export async function addCandidate(ctx: AppContext, postingId: string, o: { name: string; score: number; tier?: GateTier; unexplained?: boolean }): Promise<string> {
  const text = `${o.name}\n${o.name.toLowerCase().replace(/ /g, ".")}@example.org\nPhD in Computer Science (in progress)\nBuilt a recommender system.\n`;
  const bytes = new TextEncoder().encode(`${text}#${counter++}`);
  const resumeId = await ctx.stores.resumes.put(bytes, `${o.name}.txt`);
  const start = text.indexOf("recommender system");
  const profile = makeProfile({
    resumeId,
    contact: { name: o.name, email: `${o.name.toLowerCase().replace(/ /g, ".")}@example.org`, phone: null },
    evidence: [{ feature: "signals.recommenderSystems", text: "recommender system", start, end: start + "recommender system".length }],
  });
  await ctx.stores.resumes.saveParsed(resumeId, { text, format: "txt", pages: 1, profile });
  await ctx.stores.applications.create(postingId, resumeId, `${o.name}.txt`);
  await ctx.stores.applications.setStatus(postingId, resumeId, "scored");
  const now = new Date().toISOString();
  const entry: ShortlistEntry = {
    resumeId, postingId, score: o.score, tier: o.tier ?? "met", name: o.name, fileName: `${o.name}.txt`, modelVersion: "v0001-initial",
    gates: [{ id: "phd-in-progress-cs", verdict: o.tier === "unmet" ? "unmet" : "met", evidence: "PhD in Computer Science (in progress)", reason: "PhD in progress" }],
    // `unexplained`: as a row below a big rescore's explained top is stored.
    explanation: o.unexplained ? [] : [{ feature: "signal_recsys", label: "recommender-systems work", contribution: 0.12, evidence: "Built a recommender system." }],
    appliedAt: now, scoredAt: now,
  };
  await ctx.stores.shortlist.upsert(entry);
  return resumeId;
}

export function multipartFile(bytes: Uint8Array, fileName: string, field = "file"): FormData {
  const form = new FormData();
  form.append(field, new Blob([bytes]), fileName);
  return form;
}
