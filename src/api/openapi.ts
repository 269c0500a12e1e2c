/**
 * The OpenAPI 3.1 document, generated from the route table's zod schemas (`z.toJSONSchema`, JSON Schema
 * 2020-12, which OpenAPI 3.1 uses as is). A route added without going through the table is missing here — the
 * API tests compare this document against every route fastify has registered.
 */
import { z } from "zod";
import { ProblemSchema } from "./common-schema.js";
import type { RouteDoc } from "./route.js";

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const s = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Json;
  delete s.$schema;
  return s;
}

/** `/api/ads/:id` → `/api/ads/{id}`. */
export const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");

function parameters(schema: z.ZodType | undefined, where: "path" | "query"): Json[] {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const s = jsonSchema(field, "input");
    const description = typeof s.description === "string" ? s.description : undefined;
    return { name, in: where, required: where === "path" || !field.safeParse(undefined).success, schema: s, ...(description ? { description } : {}) };
  });
}

const problemContent = () => ({ "application/problem+json": { schema: jsonSchema(ProblemSchema, "output") } });

export function openApiDocument(routes: readonly RouteDoc[]): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const r of routes) {
    const responses: Record<string, Json> = {};
    if (r.status === 204 || !r.response) responses["204"] = { description: "Done." };
    else if (r.produces) responses[String(r.status)] = { description: r.summary, content: { [r.produces]: { schema: { type: "string", format: "binary" } } } };
    else responses[String(r.status)] = { description: r.summary, content: { "application/json": { schema: jsonSchema(r.response, "output") } } };
    if (r.params || r.query || r.body) responses["400"] = { description: "Invalid input; `errors` lists the fields.", content: problemContent() };
    if (r.params) responses["404"] = { description: "Not found.", content: problemContent() };
    responses.default = { description: "Problem details (RFC 9457).", content: problemContent() };
    const op: Json = {
      operationId: `${r.method.toLowerCase()}${openApiPath(r.url).replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
      summary: r.summary,
      tags: [r.tag],
      parameters: [...parameters(r.params, "path"), ...parameters(r.query, "query")],
      responses,
    };
    if (r.description) op.description = r.description;
    if (r.body) op.requestBody = { required: true, content: { "application/json": { schema: jsonSchema(r.body, "input") } } };
    (paths[openApiPath(r.url)] ??= {})[r.method.toLowerCase()] = op;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Threadline API",
      version: "0.1.0",
      description:
        "Find the operators behind online escort-style ads: search, networks with evidence, identifiers, hotspots, cases and evidence exports. " +
        "Links, networks and scores are triage signals for an analyst, not verdicts. Response types: src/shared/api-types.ts.",
      license: { name: "Apache-2.0", identifier: "Apache-2.0" },
    },
    servers: [{ url: "/" }],
    paths,
  };
}
