/**
 * The decision log (with gate verdicts at decision time) and the responsible-use CLI commands
 * (`log export`, `audit`, `over-limit`, `erase`) over the private Redis. The commands run
 * in-process through commander (a spawned CLI costs seconds of CPU on the shared CI machine).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { recordDecision } from "../../src/app/decisions.ts";
import { readDecisionLog } from "../../src/audit/decision-log.ts";
import { registerAudit } from "../../src/cli/commands/audit.ts";
import { registerErase } from "../../src/cli/commands/erase.ts";
import { registerLog } from "../../src/cli/commands/log.ts";
import { registerOverLimit } from "../../src/cli/commands/over-limit.ts";
import { CliError } from "../../src/cli/output.ts";
import { LabelledOutcome } from "../../src/domain/label.ts";
import { makeProfile, education } from "../helpers/profiles.ts";
import { openTestSystem, type TestSystem } from "../helpers/system.ts";


/** Runs `shortlist <args>` in-process; the env of openTestSystem() points it at this test's Redis prefix. */
async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const program = new Command("shortlist").exitOverride();
  for (const register of [registerAudit, registerErase, registerLog, registerOverLimit]) register(program);
  program.commands.forEach((c) => c.exitOverride());
  let stdout = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const before = process.exitCode;
  try {
    await program.parseAsync(["node", "shortlist", ...args]);
    const code = Number(process.exitCode ?? 0);
    return { stdout, stderr: "", code };
  } catch (error) {
    if (error instanceof CliError) return { stdout, stderr: error.message, code: error.exitCode };
    throw error;
  } finally {
    spy.mockRestore();
    process.exitCode = before;
  }
}
const SEED = JSON.parse(fs.readFileSync(path.resolve("data/postings/mle-recsys-phd-2026.json"), "utf8"));
const rid = (n: number) => `d${n.toString(16).padStart(63, "0")}`;

describe("decision log and responsible-use CLI", () => {
  let sys: TestSystem;
  let dir: string;

  beforeAll(async () => {
    sys = openTestSystem();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "shortlist-audit-"));
    await sys.ctx.stores.postings.add({ ...SEED, id: "role-a" });
    await sys.ctx.stores.postings.add({ ...SEED, id: "role-b" });
    // Six scored candidates on role-a: ranks 1..6, the first three meet every gate.
    for (let i = 1; i <= 6; i++) {
      await sys.ctx.stores.applications.create("role-a", rid(i), `cv${i}.pdf`);
      await sys.ctx.stores.shortlist.upsert({ resumeId: rid(i), postingId: "role-a", score: 1 - i / 10, tier: i <= 3 ? "met" : "unmet",
        gates: [{ id: "phd-in-progress-cs", verdict: i <= 3 ? "met" : "unmet", evidence: "PhD, CS", reason: "r" }], name: null, fileName: `cv${i}.pdf`,
        modelVersion: "v0001-initial", explanation: [], appliedAt: new Date().toISOString(), scoredAt: new Date().toISOString() });
    }
    // A candidate not on the shortlist (held back): gates come from the stored profile.
    await sys.ctx.stores.resumes.saveParsed(rid(9), { text: "x", format: "txt", pages: 1,
      profile: makeProfile({ resumeId: rid(9), education: [education({})] }) });
    await sys.ctx.stores.applications.create("role-b", rid(9), "held.pdf");
    await sys.ctx.stores.applications.setStatus("role-b", rid(9), "over_application_limit", {});
    await sys.ctx.redis.hset(sys.ctx.stores.keys.application("role-b", rid(9)), "countedPostings", "role-a,role-c");
  });
  afterAll(async () => {
    await sys?.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("records each decision with who, rank shown, score, model version and the gate verdicts at that moment", async () => {
    await recordDecision(sys.ctx, { resumeId: rid(1), postingId: "role-a", outcome: "advance", decidedAt: "2026-01-10T10:00:00Z" }, "alice");
    await recordDecision(sys.ctx, { resumeId: rid(4), postingId: "role-a", outcome: "reject", decidedAt: "2026-02-10T10:00:00Z" }, "bob");
    await recordDecision(sys.ctx, { resumeId: rid(9), postingId: "role-b", outcome: "reject", decidedAt: "2026-02-11T10:00:00Z" }, "bob");
    const all = [];
    for await (const d of readDecisionLog(sys.ctx.stores)) all.push(d);
    expect(all).toHaveLength(3);
    expect(all[0]).toMatchObject({ decidedBy: "alice", rankShown: 1, score: 0.9, modelVersion: "v0001-initial", gates: [{ id: "phd-in-progress-cs", verdict: "met" }] });
    expect(all[2]!.gates?.map((g) => g.id)).toEqual(["phd-in-progress-cs", "data-structures-algorithms", "hands-on-coding", "onboard-by-2026"]);
    const since = [];
    for await (const d of readDecisionLog(sys.ctx.stores, { postingId: "role-a", since: "2026-02-01" })) since.push(d.resumeId);
    expect(since).toEqual([rid(4)]);
  });

  it("`log export` prints the filtered decisions as JSONL", async () => {
    const out = await cli("log", "export", "--posting", "role-a");
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split("\n").map((l) => LabelledOutcome.parse(JSON.parse(l)));
    expect(lines.map((l) => l.resumeId)).toEqual([rid(1), rid(4)]);
    expect((await cli("log", "export", "--since", "yesterday-ish")).code).toBe(2);
  });

  it("`audit` reports per category and writes an HTML report; `over-limit` lists held-back applications", async () => {
    const csv = path.join(dir, "groups.csv");
    fs.writeFileSync(csv, ["resumeId,category", ...[1, 2, 3, 4].map((i) => `${rid(i)},X`), ...[5, 6].map((i) => `${rid(i)},Y`)].join("\n"));
    const html = path.join(dir, "audit.html");
    const out = await cli("audit", "--posting", "role-a", "--groups", csv, "--k", "2", "--json", "--html", html);
    expect(out.code, out.stderr).toBe(0);
    const report = JSON.parse(out.stdout);
    const y = report.categories.find((c: { category: string }) => c.category === "Y");
    expect(y.stages.passedGates).toMatchObject({ selected: 0, rate: 0, adverseImpact: true });
    expect(report.categories.find((c: { category: string }) => c.category === "X").stages.advanced.selected).toBe(1);
    expect(fs.readFileSync(html, "utf8")).toContain("<svg");

    const held = await cli("over-limit", "--posting", "role-b", "--json");
    expect(JSON.parse(held.stdout)).toEqual([expect.objectContaining({ resumeId: rid(9), status: "over_application_limit", countedPostings: ["role-a", "role-c"] })]);
  });

  it("`erase` removes a resume and reports what it removed", async () => {
    const out = await cli("erase", rid(9), "--json");
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual([expect.objectContaining({ resumeId: rid(9), existed: true, applications: 1, labels: 1, decisionLogLines: 1 })]);
    expect((await cli("erase", "not-an-id")).code).toBe(2);
  });
});
