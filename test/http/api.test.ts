/** The API's routes over real HTTP against the private Redis: bodies, limits, paging, filters, events. */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setLogLevel } from "../../src/log.ts";
import { seedPosting } from "../helpers/profiles.ts";
import { addCandidate, multipartFile, openHttpTestSystem, POSTING_A, POSTING_B, type HttpTestSystem } from "./helpers.ts";

const LIMIT = 64 * 1024;
const TXT = new TextEncoder().encode("Jane Roe\nPhD student in Computer Science\nPython, C++, recommender systems\n");

describe("HTTP API routes", () => {
  let h: HttpTestSystem;
  let ids: string[];
  const logged: string[] = [];

  beforeAll(async () => {
    setLogLevel("debug");
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (logged.push(String(chunk)), true));
    h = await openHttpTestSystem({ maxUploadBytes: LIMIT });
    ids = [];
    const people: [string, number, "met" | "unknown" | "unmet"][] = [["Ann Ames", 0.4, "met"], ["Ben Bell", 0.9, "met"], ["Cal Cruz", 0.95, "unknown"], ["Dee Diaz", 0.7, "met"], ["Eve Ekberg", 0.99, "unmet"]];
    for (const [name, score, tier] of people) ids.push(await addCandidate(h.sys.ctx, POSTING_A, { name, score, tier }));
  });
  afterAll(async () => {
    await h?.close();
    vi.restoreAllMocks();
    setLogLevel("warn");
  });

  const json = (token: string, body: unknown, method = "POST") => ({ method, token, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const shortlist = async (query: string, token = h.tokens.recruiterA) => (await h.call(`/postings/${POSTING_A}/shortlist?${query}`, { token })).json();

  it("adds, lists and reads postings, refusing an invalid one with the field named", async () => {
    const posting = { ...seedPosting(), id: "new-role-2027", title: "New role" };
    expect((await h.call("/postings", json(h.tokens.admin, posting))).status).toBe(201);
    expect((await h.call("/postings", json(h.tokens.admin, posting))).status).toBe(200);
    const bad = await h.call("/postings", json(h.tokens.admin, { ...posting, onboardingDeadline: "soon" }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).issues[0].path).toBe("body.onboardingDeadline");
    const list = await (await h.call("/postings", { token: h.tokens.admin })).json();
    expect(list.postings.map((p: { id: string }) => p.id)).toContain("new-role-2027");
    expect((await (await h.call(`/postings/${POSTING_A}`, { token: h.tokens.recruiterA })).json()).id).toBe(POSTING_A);
    expect((await h.call("/postings/no-such-posting", { token: h.tokens.admin })).status).toBe(404);
  });

  it("takes a multipart upload, returns a status URL, and enforces size and type limits", async () => {
    const res = await h.call(`/postings/${POSTING_A}/applications`, { method: "POST", token: h.tokens.uploader, body: multipartFile(TXT, "jane.txt") });
    expect(res.status).toBe(202);
    const body = await res.json();
    expect(body).toMatchObject({ postingId: POSTING_A, status: "queued", statusUrl: `/applications/${body.resumeId}` });
    const status = await (await h.call(body.statusUrl, { token: h.tokens.uploader })).json();
    expect(status.applications).toEqual([expect.objectContaining({ postingId: POSTING_A, status: "queued", error: null })]);
    expect(await h.sys.ctx.queues.parse.getJob(`${POSTING_A}.${body.resumeId}`)).toBeTruthy();
    const again = await h.call(`/postings/${POSTING_A}/applications`, { method: "POST", token: h.tokens.uploader, body: multipartFile(TXT, "jane.txt") });
    expect((await again.json()).status).toBe("duplicate");

    const big = await h.call(`/postings/${POSTING_A}/applications`, { method: "POST", token: h.tokens.uploader, body: multipartFile(new Uint8Array(LIMIT + 1).fill(65), "big.txt") });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: "file_too_large", message: expect.stringContaining(String(LIMIT)) });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]);
    const image = await h.call(`/postings/${POSTING_A}/applications`, { method: "POST", token: h.tokens.uploader, body: multipartFile(png, "photo.png") });
    expect(image.status).toBe(415);
    expect(await image.json()).toMatchObject({ error: "unsupported_file_type", message: expect.stringContaining("photo.png") });
    const notMultipart = await h.call(`/postings/${POSTING_A}/applications`, json(h.tokens.uploader, { file: "x" }));
    expect(notMultipart.status).toBe(415);
    const wrongField = await h.call(`/postings/${POSTING_A}/applications`, { method: "POST", token: h.tokens.uploader, body: multipartFile(TXT, "a.txt", "resume") });
    expect(wrongField.status).toBe(400);
    const unknown = await h.call(`/postings/nope-nope/applications`, { method: "POST", token: h.tokens.uploader, body: multipartFile(TXT, "a.txt") });
    expect(unknown.status).toBe(404);
  });

  it("never shows a row without reasons: rows stored unexplained are explained on read (page and detail)", async () => {
    const id = await addCandidate(h.sys.ctx, POSTING_B, { name: "Uma Unexplained", score: 0.5, unexplained: true });
    expect((await h.sys.ctx.stores.shortlist.entry(POSTING_B, id))!.explanation).toEqual([]);
    const page = await (await h.call(`/postings/${POSTING_B}/shortlist?limit=10`, { token: h.tokens.admin })).json();
    const row = page.rows.find((r: { resumeId: string }) => r.resumeId === id);
    expect(row.explanation.length).toBeGreaterThan(0);
    expect(row.explanation[0]).toMatchObject({ feature: expect.any(String), label: expect.any(String), contribution: expect.any(Number) });
    expect((await h.sys.ctx.stores.shortlist.entry(POSTING_B, id))!.explanation).toEqual(row.explanation); // written back
    const other = await addCandidate(h.sys.ctx, POSTING_B, { name: "Vic Unexplained", score: 0.4, unexplained: true });
    const detail = await (await h.call(`/postings/${POSTING_B}/candidates/${other}`, { token: h.tokens.admin })).json();
    expect(detail.row.explanation.length).toBeGreaterThan(0);
  });

  it("pages the shortlist in rank order with a cursor, and filters by gates and review state", async () => {
    const all = await shortlist("limit=100");
    expect(all.total).toBe(5);
    expect(all.rows.map((r: { name: string }) => r.name)).toEqual(["Ben Bell", "Dee Diaz", "Ann Ames", "Cal Cruz", "Eve Ekberg"]);
    expect(all.rows.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(all.rows[0].gates[0]).toMatchObject({ verdict: "met", evidence: expect.any(String) });
    expect(all.rows[0].explanation[0].evidence).toBe("Built a recommender system.");
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await shortlist(`limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.rows.map((r: { resumeId: string }) => r.resumeId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.rows.map((r: { resumeId: string }) => r.resumeId));
    const met = await shortlist("gates=met");
    expect(met.rows.map((r: { name: string }) => r.name)).toEqual(["Ben Bell", "Dee Diaz", "Ann Ames"]);
    expect((await h.call(`/postings/${POSTING_A}/decisions`, json(h.tokens.recruiterA, { resumeId: ids[1], outcome: "advance", note: "strong" }))).status).toBe(201);
    const unreviewed = await shortlist("state=unreviewed&gates=met&limit=1");
    expect(unreviewed.rows.map((r: { name: string }) => r.name)).toEqual(["Dee Diaz"]);
    expect((await shortlist(`state=unreviewed&gates=met&limit=1&cursor=${unreviewed.nextCursor}`)).rows[0].name).toBe("Ann Ames");
    for (const bad of ["limit=0", "limit=101", "state=maybe", "gates=some", "cursor=xyz"]) {
      const res = await h.call(`/postings/${POSTING_A}/shortlist?${bad}`, { token: h.tokens.recruiterA });
      expect(res.status, bad).toBe(400);
    }
  });

  it("hides names and contact details in blind mode until someone decides", async () => {
    const blind = await shortlist("blind=true");
    const decided = blind.rows.find((r: { resumeId: string }) => r.resumeId === ids[1]);
    const open = blind.rows.find((r: { resumeId: string }) => r.resumeId === ids[3]);
    expect(decided).toMatchObject({ name: "Ben Bell", blinded: false, decision: { outcome: "advance", decidedBy: "rita" } });
    expect(open).toMatchObject({ name: null, fileName: "(hidden in blind mode)", blinded: true, decision: null });
    const detail = await (await h.call(`/postings/${POSTING_A}/candidates/${ids[3]}?blind=true`, { token: h.tokens.recruiterA })).json();
    expect(detail.text).not.toMatch(/Dee|Diaz|example\.org/);
    expect(detail.contact).toBeNull();
    expect(detail.resumeUrl).toBeNull();
    const ev = detail.evidence[0];
    expect(detail.text.slice(ev.start, ev.end)).toBe("recommender system"); // masking keeps offsets
    const seen = await (await h.call(`/postings/${POSTING_A}/candidates/${ids[3]}`, { token: h.tokens.recruiterA })).json();
    expect(seen.contact.name).toBe("Dee Diaz");
    expect(seen.resumeUrl).toBe(`/postings/${POSTING_A}/candidates/${ids[3]}/resume`);
  });

  it("serves the original file with its type, a download name and no script execution", async () => {
    const res = await h.call(`/postings/${POSTING_A}/candidates/${ids[3]}/resume`, { token: h.tokens.recruiterA });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^inline; filename="Dee Diaz.txt"/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toMatch(/sandbox/);
    expect(await res.text()).toMatch(/^Dee Diaz/);
  });

  it("records a decision with who, when, the rank shown and the model version", async () => {
    const res = await h.call(`/postings/${POSTING_A}/decisions`, json(h.tokens.recruiterA, { resumeId: ids[3], outcome: "reject", rankShown: 2 }));
    expect(res.status).toBe(201);
    const label = await h.sys.ctx.stores.labels.forApplication(POSTING_A, ids[3]!);
    expect(label).toMatchObject({ outcome: "reject", decidedBy: "rita", rankShown: 2, modelVersion: "v0001-initial", score: 0.7 });
    expect(Date.parse(label!.decidedAt)).not.toBeNaN();
    const noted = await h.sys.ctx.stores.labels.forApplication(POSTING_A, ids[1]!);
    expect(noted).toMatchObject({ note: "strong", rankShown: 1 });
    const bad = await h.call(`/postings/${POSTING_A}/decisions`, json(h.tokens.recruiterA, { resumeId: ids[3], outcome: "maybe" }));
    expect((await bad.json()).issues[0].path).toBe("body.outcome");
    const stranger = await h.call(`/postings/${POSTING_A}/decisions`, json(h.tokens.recruiterA, { resumeId: "f".repeat(64), outcome: "reject" }));
    expect(stranger.status).toBe(404);
  });

  it("streams a server-sent event when the shortlist changes", async () => {
    const controller = new AbortController();
    const res = await h.call(`/postings/${POSTING_A}/shortlist/events`, { token: h.tokens.recruiterA, signal: controller.signal });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    while (!text.includes("event: ready")) text += (await reader.read()).value ?? "";
    const added = await addCandidate(h.sys.ctx, POSTING_A, { name: "Fay Fox", score: 0.5 });
    while (!text.includes("event: changed")) text += (await reader.read()).value ?? "";
    expect(text).toContain(added);
    controller.abort();
  });

  it("reports health, readiness and Prometheus metrics, and describes itself in OpenAPI", async () => {
    expect(await (await h.call("/healthz")).json()).toEqual({ ok: true });
    const ready = await h.call("/readyz");
    expect(ready.status).toBe(503); // no workers in this test
    expect(await ready.json()).toMatchObject({ ready: false, checks: { redis: true, model: "v0001-initial", workers: { parse: 0, score: 0 } } });
    const metrics = await (await h.call("/metrics", { token: h.tokens.admin })).text();
    expect(metrics).toMatch(/shortlist_queue_jobs\{queue="parse",state="waiting"\} 1/);
    expect(metrics).toMatch(/shortlist_scores_written_total\{posting="mle-recsys-phd-2026"\} [1-9]/);
    expect(metrics).toMatch(/shortlist_stage_latency_seconds/);
    expect(metrics).toMatch(/shortlist_uploads_rejected_total\{reason="file_too_large"\} 1/);
    const doc = await (await h.call("/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    for (const route of h.server.routes) expect(doc.paths[route.url.replace(/:(\w+)/g, "{$1}")]?.[route.method.toLowerCase()], route.url).toBeTruthy();
    expect(doc.paths["/postings/{id}/decisions"].post.requestBody.content["application/json"].schema.properties.outcome.enum).toEqual(["advance", "reject", "hire", "withdrawn"]);
  });

  it("creates tokens and queues a retrain for admins", async () => {
    const created = await (await h.call("/tokens", json(h.tokens.admin, { role: "recruiter", postings: [POSTING_A], subject: "sam" }))).json();
    expect((await h.call(`/postings/${POSTING_A}/shortlist`, { token: created.token })).status).toBe(200);
    expect((await h.call("/tokens", json(h.tokens.admin, { role: "recruiter" }))).status).toBe(400);
    expect((await h.call(`/tokens/${created.tokenId}`, { method: "DELETE", token: h.tokens.admin })).status).toBe(200);
    expect((await h.call(`/postings/${POSTING_A}/shortlist`, { token: created.token })).status).toBe(401);
    expect((await h.call("/retrain", { method: "POST", token: h.tokens.admin })).status).toBe(202);
  });

  it("never writes a token, a name or an e-mail address to the log", () => {
    const log = logged.join("");
    expect(log).toContain('"msg":"http"'); // the request log was on
    for (const secret of [...Object.values(h.tokens), "Dee Diaz", "example.org", "jane.txt", "strong"]) expect(log).not.toContain(secret);
  });
});
