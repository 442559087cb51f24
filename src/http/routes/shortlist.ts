/** The ranked shortlist (paged, filtered, blind-aware), its live event stream and one candidate's details. */
import { z } from "zod";
import { explainRow, fillMissingExplanations } from "../../app/explain-on-read.ts";
import { readShortlistPage, type ShortlistCursor } from "../../store/shortlist-page.ts";
import type { LabelledOutcome } from "../../domain/label.ts";
import type { ShortlistRow } from "../../domain/shortlist.ts";
import { defineRoute, type ApiRoute } from "../api-route.ts";
import { maskContact } from "../blind.ts";
import type { ServerDeps } from "../deps.ts";
import { HttpError, notFound } from "../errors.ts";
import { CandidateDetail, CandidateParams, CandidateQuery, PostingParams, ShortlistPage, ShortlistQuery, type ShortlistPageRow } from "../schemas.ts";

const CursorJson = z.object({ key: z.string().regex(/^[0-9.e+-]+$/), resumeId: z.string().regex(/^[0-9a-f]{64}$/) });

export function encodeCursor(cursor: ShortlistCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(raw: string): ShortlistCursor {
  try {
    return CursorJson.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
  } catch {
    throw new HttpError(400, "invalid_cursor", "query.cursor: not a cursor from a previous page's nextCursor");
  }
}

export function pageRow(row: ShortlistRow, label: LabelledOutcome | null, blind: boolean): ShortlistPageRow {
  const blinded = blind && label === null;
  return {
    ...row,
    name: blinded ? null : row.name,
    // File names are often the candidate's name ("priya-raman-cv.pdf").
    fileName: blinded ? "(hidden in blind mode)" : row.fileName,
    blinded,
    decision: label && { outcome: label.outcome, decidedAt: label.decidedAt, decidedBy: label.decidedBy },
  };
}

export function shortlistRoutes({ ctx, events }: ServerDeps): ApiRoute[] {
  const readers = ["recruiter", "admin"] as const;
  return [
    defineRoute({
      method: "GET", url: "/postings/:id/shortlist", tag: "shortlist",
      summary: "ranked candidates (all gates met first), with gates, explanation and evidence; keyset-paginated",
      access: readers, params: PostingParams, query: ShortlistQuery, responses: { 200: ShortlistPage },
      async handler({ params, query }) {
        await ctx.stores.postings.require(params.id);
        const cursor = query.cursor ? decodeCursor(query.cursor) : null;
        const [page, total] = await Promise.all([
          readShortlistPage(ctx.redis, ctx.stores.keys, params.id, {
            limit: query.limit, cursor, gatesMet: query.gates === "met", unreviewed: query.state === "unreviewed",
          }),
          ctx.stores.shortlist.size(params.id),
        ]);
        // Rows below the rescore's explained top carry no reasons yet: explain them now (and store the result).
        const explained = await fillMissingExplanations(ctx, params.id, page.rows.map(({ row }) => row));
        return {
          body: {
            postingId: params.id, total,
            rows: page.rows.map(({ label }, i) => pageRow(explained[i]!, label, query.blind)),
            nextCursor: page.next && encodeCursor(page.next),
          },
        };
      },
    }),
    defineRoute({
      method: "GET", url: "/postings/:id/shortlist/events", tag: "shortlist",
      summary: "server-sent events: `changed` whenever the posting's shortlist changes (new, rescored or decided)",
      access: readers, params: PostingParams,
      rawResponse: { status: 200, contentType: "text/event-stream", description: "event stream (event: ready, changed)" },
      async handler({ params, req, reply }) {
        await ctx.stores.postings.require(params.id);
        reply.hijack();
        events.open(params.id, reply.raw);
        req.raw.on("close", () => reply.raw.end());
        return undefined;
      },
    }),
    defineRoute({
      method: "GET", url: "/postings/:id/candidates/:resumeId", tag: "shortlist",
      summary: "one candidate: shortlist row, resume text and evidence offsets (contact masked in blind mode until decided)",
      access: readers, params: CandidateParams, query: CandidateQuery, responses: { 200: CandidateDetail },
      async handler({ params, query }) {
        const stored = await ctx.stores.shortlist.entry(params.id, params.resumeId);
        if (!stored) throw notFound(`resume ${params.resumeId} is not on the shortlist of "${params.id}"`);
        const row = await explainRow(ctx, stored);
        const [label, text, profile] = await Promise.all([
          ctx.stores.labels.forApplication(params.id, params.resumeId),
          ctx.stores.resumes.text(params.resumeId),
          ctx.stores.resumes.profile(params.resumeId),
        ]);
        const shown = pageRow(row, label, query.blind);
        const contact = profile?.contact ?? null;
        return {
          body: {
            row: shown,
            text: shown.blinded && text !== null && contact ? maskContact(text, contact) : text,
            evidence: profile?.evidence ?? [],
            contact: shown.blinded ? null : contact,
            resumeUrl: shown.blinded ? null : `/postings/${params.id}/candidates/${params.resumeId}/resume`,
          },
        };
      },
    }),
  ];
}
