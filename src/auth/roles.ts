/**
 * Who may do what. Roles are coarse on purpose: an uploader (a careers site) only submits,
 * a recruiter reads and decides for the postings assigned to them, an admin does everything.
 */
import { z } from "zod";
import { PostingId } from "../domain/posting.ts";

export const Role = z.enum(["uploader", "recruiter", "admin"]);
export type Role = z.infer<typeof Role>;

/** The caller of one request, as resolved from its token. `subject` is what decisions record as who decided. */
export const Principal = z.object({
  tokenId: z.string(),
  subject: z.string(),
  role: Role,
  /** Postings this token is limited to; empty for an admin (all) and for an uploader without limits. */
  postings: z.array(PostingId),
});
export type Principal = z.infer<typeof Principal>;

/** Recruiters see only their assigned postings; uploaders limited to postings submit only there. */
export function mayAccessPosting(principal: Principal, postingId: string): boolean {
  if (principal.role === "admin") return true;
  if (principal.role === "uploader" && principal.postings.length === 0) return true;
  return principal.postings.includes(postingId);
}
