/**
 * Every error becomes `{error, message}` with the right status. Messages name what is wrong
 * (which field, which file, which limit) but logs get the route and the code only: an upload's
 * file name or a note could carry a person's name.
 */
import type { FastifyError, FastifyInstance } from "fastify";
import { ZodError } from "zod";
import { SubmitError } from "../app/intake.ts";
import { TokenError } from "../auth/tokens.ts";
import { log } from "../log.ts";
import { UnknownPostingError } from "../store/postings.ts";
import { badRequest, HttpError, type ErrorBody } from "./errors.ts";

function toHttpError(error: unknown, maxUploadBytes: number): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof UnknownPostingError) return new HttpError(404, "unknown_posting", error.message);
  if (error instanceof TokenError) return new HttpError(400, "invalid_token_request", error.message);
  if (error instanceof ZodError) return badRequest("body", error);
  if (error instanceof SubmitError) {
    return /limit/.test(error.message) ? new HttpError(413, "file_too_large", error.message) : new HttpError(400, "invalid_upload", error.message);
  }
  const fastifyError = error as Partial<FastifyError>;
  const status = fastifyError.statusCode;
  if (status === 413) {
    return new HttpError(413, "file_too_large", `the upload is larger than the limit of ${maxUploadBytes} bytes`);
  }
  if (status === 415) {
    return new HttpError(415, "unsupported_media_type", "send the resume as multipart/form-data with one part named \"file\" (JSON bodies as application/json)");
  }
  if (status && status >= 400 && status < 500) return new HttpError(status, fastifyError.code?.toLowerCase() ?? "bad_request", fastifyError.message ?? "bad request");
  return new HttpError(500, "internal", "internal error; the server log has the details");
}

export function installErrorHandler(app: FastifyInstance, maxUploadBytes: number): void {
  app.setErrorHandler((error, req, reply) => {
    const http = toHttpError(error, maxUploadBytes);
    if (http.status >= 500) {
      // The stack without its first line (the message) says where, without repeating input.
      const where = ((error as Error).stack ?? "").split("\n").slice(1, 4).map((l) => l.trim());
      log.error("request failed", { route: req.routeOptions.url, error: (error as Error).name, where });
    }
    const body: ErrorBody = { error: http.code, message: http.message, ...(http.issues ? { issues: http.issues } : {}) };
    return reply.code(http.status).type("application/json; charset=utf-8").send(body);
  });
  app.setNotFoundHandler({}, (req, reply) => {
    const body: ErrorBody = { error: "not_found", message: `no route ${req.method} ${req.url.split("?")[0]}` };
    return reply.code(404).send(body);
  });
}
