/** Every route over real HTTP: 401 without a valid token, 403 for the wrong role or another posting. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCandidate, openHttpTestSystem, POSTING_A, POSTING_B, type HttpTestSystem } from "./helpers.ts";

describe("HTTP auth: tokens, roles and postings", () => {
  let h: HttpTestSystem;
  let resumeA: string;
  let resumeB: string;

  beforeAll(async () => {
    h = await openHttpTestSystem();
    resumeA = await addCandidate(h.sys.ctx, POSTING_A, { name: "Alice Archer", score: 0.9 });
    resumeB = await addCandidate(h.sys.ctx, POSTING_B, { name: "Boris Brandt", score: 0.8 });
  });
  afterAll(async () => h?.close());

  const concrete = (url: string, posting = POSTING_A) =>
    url.replace(":id", posting).replace(":resumeId", posting === POSTING_A ? resumeA : resumeB).replace(":tokenId", "0123456789ab").replace(":file", "style.css");

  it("answers 401 on every non-public route without a token, or with a wrong one", async () => {
    const guarded = h.server.routes.filter((r) => r.access !== "public");
    expect(guarded.length).toBeGreaterThanOrEqual(14);
    for (const route of guarded) {
      for (const token of [null, "slt_not-a-real-token", "garbage"]) {
        const res = await h.call(concrete(route.url), { method: route.method, token });
        expect(res.status, `${route.method} ${route.url} with ${token}`).toBe(401);
        expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
        expect(await res.json()).toMatchObject({ error: "unauthorized" });
      }
    }
    expect((await h.call("/admin/queues")).status).toBe(401);
    expect((await h.call("/admin/queues/api/queues")).status).toBe(401);
    expect((await h.call("/no/such/route")).status).toBe(401);
  });

  it("lets the public probes and the API description through without a token", async () => {
    expect((await h.call("/healthz")).status).toBe(200);
    expect((await h.call("/openapi.json")).status).toBe(200);
    expect([200, 503]).toContain((await h.call("/readyz")).status);
  });

  it("answers 403 when the role may not do it", async () => {
    const { uploader, recruiterA } = h.tokens;
    const forbidden: [string, string, string][] = [
      [uploader, "GET", "/postings"], [uploader, "GET", `/postings/${POSTING_A}`], [uploader, "GET", `/postings/${POSTING_A}/shortlist`],
      [uploader, "GET", `/postings/${POSTING_A}/shortlist/events`], [uploader, "POST", `/postings/${POSTING_A}/decisions`],
      [uploader, "GET", `/postings/${POSTING_A}/candidates/${resumeA}`], [uploader, "POST", "/postings"], [uploader, "GET", "/metrics"],
      [uploader, "POST", "/tokens"], [uploader, "GET", "/admin/queues"], [uploader, "POST", "/retrain"],
      [recruiterA, "POST", "/postings"], [recruiterA, "POST", `/postings/${POSTING_A}/applications`], [recruiterA, "GET", "/metrics"],
      [recruiterA, "POST", "/tokens"], [recruiterA, "GET", "/tokens"], [recruiterA, "GET", "/admin/queues"], [recruiterA, "POST", "/retrain"],
      [recruiterA, "GET", "/admin/queues/api/queues"],
    ];
    for (const [token, method, url] of forbidden) {
      const res = await h.call(url, { method, token });
      expect(res.status, `${method} ${url}`).toBe(403);
      expect(await res.json()).toMatchObject({ error: "forbidden" });
    }
  });

  it("never shows a recruiter another posting's candidates or lets them decide there", async () => {
    const token = h.tokens.recruiterA;
    for (const url of [`/postings/${POSTING_B}`, `/postings/${POSTING_B}/shortlist`, `/postings/${POSTING_B}/shortlist/events`,
      `/postings/${POSTING_B}/candidates/${resumeB}`, `/postings/${POSTING_B}/candidates/${resumeB}/resume`, `/ui/postings/${POSTING_B}`]) {
      expect((await h.call(url, { token })).status, url).toBe(403);
    }
    const decide = await h.call(`/postings/${POSTING_B}/decisions`, {
      method: "POST", token, headers: { "content-type": "application/json" }, body: JSON.stringify({ resumeId: resumeB, outcome: "reject" }),
    });
    expect(decide.status).toBe(403);
    expect(await h.sys.ctx.stores.labels.forApplication(POSTING_B, resumeB)).toBeNull();
    // Listing and status lookups are filtered, not refused: the other posting is simply not there.
    const list = await (await h.call("/postings", { token })).json();
    expect(list.postings.map((p: { id: string }) => p.id)).toEqual([POSTING_A]);
    expect((await h.call(`/applications/${resumeB}`, { token })).status).toBe(404);
    expect((await h.call(`/applications/${resumeA}`, { token })).status).toBe(200);
    // The same calls with the right recruiter work.
    expect((await h.call(`/postings/${POSTING_B}/shortlist`, { token: h.tokens.recruiterB })).status).toBe(200);
  });

  it("accepts the page's session cookie for reads, and for writes only with the page header", async () => {
    const login = await h.call("/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: h.tokens.recruiterA }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const session = cookie.split(";")[0]!;
    expect((await h.call(`/postings/${POSTING_A}/shortlist`, { headers: { cookie: session } })).status).toBe(200);
    const page = await h.call(`/ui/postings/${POSTING_A}`, { headers: { cookie: session } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
    const body = JSON.stringify({ resumeId: resumeA, outcome: "advance" });
    const json = { cookie: session, "content-type": "application/json" };
    expect((await h.call(`/postings/${POSTING_A}/decisions`, { method: "POST", headers: json, body })).status).toBe(401);
    expect((await h.call(`/postings/${POSTING_A}/decisions`, { method: "POST", headers: { ...json, "x-shortlist-page": "1" }, body })).status).toBe(201);
    // Without a session the page answers 401 with the sign-in form; an uploader cannot sign in.
    const anonymous = await h.call(`/ui/postings/${POSTING_A}`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toMatch(/API token/);
    const uploader = await h.call("/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: h.tokens.uploader }) });
    expect(uploader.status).toBe(403);
  });

  it("stores tokens only as hashes", async () => {
    const raw = await h.sys.ctx.redis.hgetall(h.sys.ctx.stores.keys.apiTokens());
    const dump = JSON.stringify(raw);
    for (const token of Object.values(h.tokens)) expect(dump).not.toContain(token);
    expect(Object.keys(raw)).toHaveLength(4);
  });
});
