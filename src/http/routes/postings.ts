import { Posting } from "../../domain/posting.ts";
import { defineRoute, type ApiRoute } from "../api-route.ts";
import type { ServerDeps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { PostingCreated, PostingList, PostingParams } from "../schemas.ts";
import { mayAccessPosting } from "../../auth/roles.ts";

export function postingRoutes({ ctx }: ServerDeps): ApiRoute[] {
  return [
    defineRoute({
      method: "POST", url: "/postings", tag: "postings", summary: "add or replace a posting (admin)",
      access: ["admin"], body: Posting, responses: { 201: PostingCreated, 200: PostingCreated },
      async handler({ body }) {
        const result = await ctx.stores.postings.add(body);
        return { status: result.created ? 201 : 200, body: result };
      },
    }),
    defineRoute({
      method: "GET", url: "/postings", tag: "postings", summary: "postings the caller may see (a recruiter: the assigned ones)",
      access: ["recruiter", "admin"], responses: { 200: PostingList },
      async handler({ principal }) {
        const postings = (await ctx.stores.postings.list()).filter((p) => mayAccessPosting(principal, p.id));
        return { body: { postings } };
      },
    }),
    defineRoute({
      method: "GET", url: "/postings/:id", tag: "postings", summary: "one posting",
      access: ["recruiter", "admin"], params: PostingParams, responses: { 200: Posting },
      async handler({ params }) {
        const posting = await ctx.stores.postings.get(params.id);
        if (!posting) throw notFound(`unknown posting "${params.id}"`);
        return { body: posting };
      },
    }),
  ];
}
