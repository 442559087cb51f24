/**
 * The original uploaded file. It is someone else's document, so it must never run in our
 * origin: a fixed content type from the sniffed format (never text/html), nosniff, and a
 * sandboxing CSP; DOCX is a download since browsers cannot show it.
 */
import { sniffFormat } from "../../parse/sniff-format.ts";
import { defineRoute, type ApiRoute } from "../api-route.ts";
import type { ServerDeps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { CandidateParams } from "../schemas.ts";

const CONTENT = {
  pdf: { type: "application/pdf", disposition: "inline" },
  txt: { type: "text/plain; charset=utf-8", disposition: "inline" },
  docx: { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", disposition: "attachment" },
} as const;

export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function resumeFileRoutes({ ctx }: ServerDeps): ApiRoute[] {
  return [
    defineRoute({
      method: "GET", url: "/postings/:id/candidates/:resumeId/resume", tag: "shortlist",
      summary: "the original resume file as uploaded",
      access: ["recruiter", "admin"], params: CandidateParams,
      rawResponse: { status: 200, contentType: "application/pdf", description: "the file (application/pdf, text/plain or DOCX)" },
      async handler({ params, reply }) {
        const app = await ctx.stores.applications.get(params.id, params.resumeId);
        const bytes = app && (await ctx.stores.resumes.bytes(params.resumeId));
        if (!app || !bytes) throw notFound(`resume ${params.resumeId} did not apply to "${params.id}"`);
        let content: { type: string; disposition: "inline" | "attachment" };
        try {
          content = CONTENT[sniffFormat(bytes, app.fileName)];
        } catch {
          content = { type: "application/octet-stream", disposition: "attachment" }; // submitted by the CLI, never parsed
        }
        reply
          .header("content-type", content.type)
          .header("content-disposition", contentDisposition(content.disposition, app.fileName))
          .header("x-content-type-options", "nosniff")
          .header("content-security-policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'")
          .header("cache-control", "private, no-store");
        await reply.send(bytes);
        return undefined;
      },
    }),
  ];
}
