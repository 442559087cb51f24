/**
 * The recruiters' web page: static files read once at start (no bundler, no framework), a login
 * that turns a token into an HttpOnly, SameSite=Strict session cookie, and the page routes.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { defineRoute, type ApiRoute } from "../api-route.ts";
import { SESSION_COOKIE } from "../auth-hook.ts";
import type { ServerDeps } from "../deps.ts";
import { forbidden, HttpError, notFound } from "../errors.ts";
import { PostingParams, SessionRequest, SessionResponse } from "../schemas.ts";

const PAGE_DIR = fileURLToPath(new URL("../page/", import.meta.url));
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };
/** The page loads nothing from elsewhere and runs no inline script. */
export const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export interface PageFiles {
  get(name: string): { type: string; body: string } | undefined;
}

export function loadPageFiles(): PageFiles {
  const files = new Map<string, { type: string; body: string }>();
  for (const name of fs.readdirSync(PAGE_DIR)) {
    const type = TYPES[path.extname(name)];
    if (type) files.set(name, { type, body: fs.readFileSync(path.join(PAGE_DIR, name), "utf8") });
  }
  return files;
}

export function pageRoutes({ tokens }: ServerDeps, files: PageFiles): { api: ApiRoute[]; pages: ApiRoute[] } {
  const html = (name: string) => async ({ reply }: { reply: import("fastify").FastifyReply }) => {
    const file = files.get(name);
    if (!file) throw notFound(name);
    await reply.type(file.type).header("content-security-policy", PAGE_CSP).header("cache-control", "no-store").send(file.body);
    return undefined;
  };
  const readers = ["recruiter", "admin"] as const;
  const pages = [
    defineRoute({ method: "GET", url: "/", tag: "page", summary: "postings page", access: readers, loginPage: true, handler: html("postings.html") }),
    defineRoute({ method: "GET", url: "/ui/postings/:id", tag: "page", summary: "a posting's live shortlist", access: readers, loginPage: true, params: PostingParams, handler: html("shortlist.html") }),
    defineRoute({
      method: "GET", url: "/ui/assets/:file", tag: "page", summary: "page scripts and styles", access: "public",
      params: z.object({ file: z.string().regex(/^[a-z-]+\.(js|css)$/) }),
      async handler({ params, reply }) {
        const file = files.get(params.file);
        if (!file) throw notFound(`no asset ${params.file}`);
        await reply.type(file.type).header("cache-control", "no-cache").send(file.body);
        return undefined;
      },
    }),
  ];
  const api = [
    defineRoute({
      method: "POST", url: "/session", tag: "session", summary: "sign the web page in with a token (sets an HttpOnly cookie)",
      access: "public", body: SessionRequest, responses: { 200: SessionResponse },
      async handler({ body, req, reply }) {
        const principal = await tokens.verify(body.token);
        if (!principal) throw new HttpError(401, "unauthorized", "this token is not valid (revoked or mistyped?)");
        if (principal.role === "uploader") throw forbidden("an uploader token cannot open the recruiters' page");
        reply.header("set-cookie", `${SESSION_COOKIE}=${encodeURIComponent(body.token)}; HttpOnly; SameSite=Strict; Path=/; Max-Age=43200${req.protocol === "https" ? "; Secure" : ""}`);
        return { body: { subject: principal.subject, role: principal.role, postings: principal.postings } };
      },
    }),
    defineRoute({
      method: "DELETE", url: "/session", tag: "session", summary: "sign the web page out", access: "public",
      responses: { 200: z.object({ signedOut: z.literal(true) }) },
      async handler({ reply }) {
        reply.header("set-cookie", `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`);
        return { body: { signedOut: true } };
      },
    }),
  ];
  return { api, pages };
}
