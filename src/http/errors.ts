/** HTTP errors with a stable machine code and a message a person can act on. */
import { z } from "zod";

export const ErrorBody = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly issues?: ErrorBody["issues"]) {
    super(message);
    this.name = "HttpError";
  }
}

export const unauthorized = () => new HttpError(401, "unauthorized", "a valid API token is required (Authorization: Bearer <token>)");
export const forbidden = (why: string) => new HttpError(403, "forbidden", why);
export const notFound = (what: string) => new HttpError(404, "not_found", what);

export function badRequest(where: string, error: z.ZodError): HttpError {
  const issues = error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join("."), message: i.message }));
  return new HttpError(400, "invalid_request", issues.map((i) => `${i.path}: ${i.message}`).join("; "), issues);
}
