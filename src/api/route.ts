/**
 * Routes as data: each route declares its zod schemas (params, query, body, response) next to its handler. The
 * same declaration validates requests, types the handler's input and output, and feeds the OpenAPI document —
 * a route registered any other way is missing from the document, which a test catches.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { ProblemField } from "../shared/api-types.js";
import { ApiError } from "./problem.js";

export type Method = "GET" | "POST" | "DELETE";

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  method: Method;
  /** fastify path syntax, e.g. "/api/ads/:id". */
  url: string;
  summary: string;
  description?: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The success body's schema; null for 204 No Content. */
  response: R | null;
  /** Success status, default 200. */
  status?: 200 | 201 | 204;
  /** Content type of a non-JSON success body (PDF, ZIP, HTML); the response schema is then not JSON. */
  produces?: string;
  handler(input: { params: z.output<P>; query: z.output<Q>; body: z.output<B> }, req: FastifyRequest, reply: FastifyReply): Promise<z.input<R>>;
}

/** What the OpenAPI generator needs of a registered route. */
export interface RouteDoc {
  method: Method;
  url: string;
  summary: string;
  description?: string;
  tag: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType | null;
  status: number;
  produces?: string;
}

/** Zod issues as problem fields: `query.limit`, `body.title`, `params.id`. */
export function issuesToFields(where: string, error: z.ZodError): ProblemField[] {
  return error.issues.map((i) => ({ field: [where, ...i.path.map(String)].join("."), message: i.message }));
}

function parse<S extends z.ZodType>(schema: S | undefined, where: string, value: unknown): z.output<S> {
  if (!schema) return undefined as z.output<S>;
  const r = schema.safeParse(value);
  if (!r.success) {
    const fields = issuesToFields(where, r.error);
    throw new ApiError("validation", `invalid ${fields.map((f) => f.field).join(", ")}`, fields);
  }
  return r.data;
}

/** Registers routes on one fastify instance and remembers them for the OpenAPI document. */
export class RouteTable {
  readonly routes: RouteDoc[] = [];

  constructor(private readonly app: FastifyInstance) {}

  add<P extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined, R extends z.ZodType = z.ZodUnknown>(
    spec: RouteSpec<P, Q, B, R>,
  ): void {
    const status = spec.status ?? (spec.response ? 200 : 204);
    this.routes.push({
      method: spec.method,
      url: spec.url,
      summary: spec.summary,
      description: spec.description,
      tag: spec.tag,
      params: spec.params,
      query: spec.query,
      body: spec.body,
      response: spec.response,
      status,
      produces: spec.produces,
    });
    this.app.route({
      method: spec.method,
      url: spec.url,
      handler: async (req, reply) => {
        const input = {
          params: parse(spec.params, "params", req.params),
          query: parse(spec.query, "query", req.query),
          body: parse(spec.body, "body", req.body),
        };
        const out = await spec.handler(input, req, reply);
        if (reply.sent) return reply;
        reply.code(status);
        if (status === 204) return reply.send();
        if (spec.produces) reply.type(spec.produces);
        return out;
      },
    });
  }
}
