/** Uploads (multipart, size and type limits) and per-posting application status. */
import { submitResume } from "../../app/intake.ts";
import { mayAccessPosting } from "../../auth/roles.ts";
import { DocumentError } from "../../parse/errors.ts";
import { sniffFormat } from "../../parse/sniff-format.ts";
import { defineRoute, type ApiRoute } from "../api-route.ts";
import type { ServerDeps } from "../deps.ts";
import { HttpError, notFound } from "../errors.ts";
import { ApplicationStatusResponse, PostingParams, ResumeParams, SubmitResponse } from "../schemas.ts";

export function applicationRoutes({ ctx, metrics }: ServerDeps): ApiRoute[] {
  const maxBytes = ctx.config.maxUploadBytes;
  const reject = (status: number, code: string, message: string) => {
    metrics.uploadsRejected.inc({ reason: code });
    return new HttpError(status, code, message);
  };
  return [
    defineRoute({
      method: "POST", url: "/postings/:id/applications", tag: "applications",
      summary: `submit a resume (multipart part "file": PDF, DOCX or text, at most ${maxBytes} bytes)`,
      access: ["uploader", "admin"], params: PostingParams, multipart: true, responses: { 202: SubmitResponse },
      async handler({ params, req }) {
        await ctx.stores.postings.require(params.id);
        if (!req.isMultipart()) throw reject(415, "unsupported_media_type", 'send multipart/form-data with one part named "file"');
        const part = await req.file({ limits: { fileSize: maxBytes, files: 1, fields: 4 } });
        if (!part || part.fieldname !== "file") throw reject(400, "missing_file", 'the form needs one file part named "file"');
        let bytes: Buffer;
        try {
          bytes = await part.toBuffer();
        } catch (error) {
          if ((error as { statusCode?: number }).statusCode === 413) {
            throw reject(413, "file_too_large", `${part.filename || "the file"} is larger than the limit of ${maxBytes} bytes`);
          }
          throw error;
        }
        const fileName = part.filename || "upload";
        try {
          sniffFormat(bytes, fileName);
        } catch (error) {
          if (!(error instanceof DocumentError)) throw error;
          if (error.code === "empty") throw reject(400, "empty_file", error.message);
          throw reject(415, "unsupported_file_type", `${error.message}; send a PDF, DOCX or plain-text resume`);
        }
        const result = await submitResume({ stores: ctx.stores, queues: ctx.queues, maxUploadBytes: maxBytes }, { bytes, fileName, postingId: params.id });
        return { status: 202, body: { ...result, statusUrl: `/applications/${result.resumeId}` } };
      },
    }),
    defineRoute({
      method: "GET", url: "/applications/:resumeId", tag: "applications",
      summary: "parse/score status and errors of a resume, per posting it applied to (postings the caller may see)",
      access: ["uploader", "recruiter", "admin"], params: ResumeParams, responses: { 200: ApplicationStatusResponse },
      async handler({ params, principal }) {
        const postings = (await ctx.stores.postings.list()).filter((p) => mayAccessPosting(principal, p.id));
        const applications = [];
        for (const posting of postings) {
          const app = await ctx.stores.applications.get(posting.id, params.resumeId);
          if (!app) continue;
          const entry = app.status === "scored" ? await ctx.stores.shortlist.entry(posting.id, params.resumeId) : null;
          applications.push({
            postingId: posting.id, fileName: app.fileName, status: app.status, appliedAt: app.appliedAt, updatedAt: app.updatedAt,
            error: app.error ?? null, warnings: app.warnings ? app.warnings.split("\n").filter(Boolean) : [],
            rank: entry?.rank ?? null, score: entry?.score ?? null,
          });
        }
        if (applications.length === 0) throw notFound(`no application with resume ${params.resumeId} on a posting this token may see`);
        return { body: { resumeId: params.resumeId, applications } };
      },
    }),
  ];
}
