/**
 * End to end in a real browser (playwright-core driving Debian's headless chromium): resumes
 * uploaded through the API appear on the open page in rank order without a reload, one is
 * advanced with the keyboard, and the decision is stored. Skips when /usr/bin/chromium is
 * absent (.ci/run installs it).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkers, type RunningWorkers } from "../../workers/run.ts";
import { waitFor } from "../helpers/system.ts";
import { multipartFile, openHttpTestSystem, POSTING_A, type HttpTestSystem } from "../http/helpers.ts";

const CHROMIUM = "/usr/bin/chromium";
const SAMPLES = path.resolve("data/samples");
/** Few and mostly text: each parse runs in a sandboxed process, and CI has 2 cores. */
const FILES = ["priya-raman-recsys-phd.pdf", "amara-okafor-stats-phd.txt", "grace-kim-abd.txt"];
const ARTIFACTS = path.resolve("test/artifacts");

describe.skipIf(!fs.existsSync(CHROMIUM) || !fs.existsSync(SAMPLES))("recruiters' page in a real browser", () => {
  let h: HttpTestSystem;
  let workers: RunningWorkers;
  let profileDir: string;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    h = await openHttpTestSystem();
    workers = await startWorkers(h.sys.ctx, ["parse", "score"], { schedule: false });
    profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "shortlist-chromium-"));
    browser = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 860 },
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on("pageerror", (error) => console.error("page error:", error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await workers?.close();
    await h?.close();
    if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
  });

  it("shows uploads live in rank order, advances one with the keyboard and stores the decision", async () => {
    // Signing in: the page answers 401 with the sign-in form, which sets the session cookie.
    await page.goto(`${h.server.url}/ui/postings/${POSTING_A}`);
    await page.getByLabel("API token").fill(h.tokens.recruiterA);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForSelector("body[data-live='true']", { timeout: 15_000 });
    await page.evaluate(() => Object.assign(globalThis, { __sameDocument: true }));

    const uploaded: string[] = [];
    for (const file of FILES) {
      const res = await h.call(`/postings/${POSTING_A}/applications`, {
        method: "POST", token: h.tokens.uploader, body: multipartFile(fs.readFileSync(path.join(SAMPLES, file)), file),
      });
      expect(res.status).toBe(202);
      uploaded.push((await res.json()).resumeId);
    }
    // The callbacks below run in the browser (the project compiles without DOM types, hence `any`).
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    type Dom = any;
    await page.waitForFunction((n) => (globalThis as Dom).document.querySelectorAll("#rows .row").length === n, FILES.length, { timeout: 90_000 });
    expect(await page.evaluate(() => (globalThis as Dom).__sameDocument)).toBe(true); // no reload

    const shown: { id: string; rank: number }[] = await page.$$eval("#rows .row", (rows: Dom[]) => rows.map((r) => ({ id: r.dataset.resumeId, rank: Number(r.dataset.rank) })));
    const ranked = await h.sys.ctx.stores.shortlist.top(POSTING_A, 10);
    expect(shown.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(shown.map((r) => r.id)).toEqual(ranked.map((r) => r.resumeId));
    expect(new Set(shown.map((r) => r.id))).toEqual(new Set(uploaded));

    // Keyboard only: j selects the top candidate, a advances it.
    await page.keyboard.press("j");
    await page.waitForSelector("#detail-body mark");
    await page.keyboard.press("a");
    const top = ranked[0]!;
    const label = await waitFor("the decision stored", () => h.sys.ctx.stores.labels.forApplication(POSTING_A, top.resumeId));
    expect(label).toMatchObject({ outcome: "advance", decidedBy: "rita", rankShown: 1, modelVersion: top.modelVersion });
    await page.waitForSelector(`#rows .row[data-resume-id="${top.resumeId}"] .state:text("advance")`);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "shortlist-page.png"), fullPage: false });
    expect(fs.statSync(path.join(ARTIFACTS, "shortlist-page.png")).size).toBeGreaterThan(10_000);
  }, 150_000);
});
