/** The OpenAPI 3.1 document, generated from the same route table and zod schemas that validate requests. */
import { z } from "zod";
import type { ApiRoute } from "./api-route.ts";
import { ErrorBody } from "./errors.ts";

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodType | undefined, where: "path" | "query"): JsonSchema[] {
  if (!schema) return [];
  const json = schemaOf(schema, "input");
  const props = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => ({ name, in: where, required: where === "path" || required.has(name), schema: s }));
}

const ERROR_STATUSES: Record<number, string> = {
  400: "invalid request (issues name each field)", 401: "no valid token", 403: "the token's role or postings do not allow this",
  404: "not found", 413: "upload too large", 415: "unsupported file or media type",
};

function errorResponses(route: ApiRoute): Record<string, unknown> {
  const codes = route.access === "public" ? [400] : [400, 401, 403];
  if (route.params) codes.push(404);
  if (route.multipart) codes.push(413, 415);
  const json = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };
  return Object.fromEntries(codes.map((c) => [String(c), { description: ERROR_STATUSES[c], content: json }]));
}

function operation(route: ApiRoute): JsonSchema {
  const responses: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(route.responses ?? {})) {
    responses[status] = { description: "OK", content: { "application/json": { schema: schemaOf(schema, "output") } } };
  }
  if (route.rawResponse) {
    responses[String(route.rawResponse.status)] = { description: route.rawResponse.description, content: { [route.rawResponse.contentType]: {} } };
  }
  const op: JsonSchema = {
    summary: route.summary,
    tags: [route.tag],
    parameters: [...parameters(route.params, "path"), ...parameters(route.query, "query")],
    responses: { ...responses, ...errorResponses(route) },
    security: route.access === "public" ? [] : [{ bearer: [] }],
    "x-roles": route.access,
  };
  if (route.multipart) {
    op.requestBody = {
      required: true,
      content: { "multipart/form-data": { schema: { type: "object", required: ["file"], properties: { file: { type: "string", format: "binary", description: "PDF, DOCX or plain-text resume" } } } } },
    };
  } else if (route.body) {
    op.requestBody = { required: true, content: { "application/json": { schema: schemaOf(route.body, "input") } } };
  }
  return op;
}

export function openApiDocument(routes: readonly ApiRoute[], version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, "{$1}");
    (paths[path] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: "3.1.0",
    info: { title: "shortlist", version, description: "Resume screening with a ranked shortlist per posting. It ranks; people decide." },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "an API token from `shortlist tokens create`" } },
      schemas: { Error: schemaOf(ErrorBody, "output") },
    },
    paths,
  };
}
