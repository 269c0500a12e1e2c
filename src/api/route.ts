/**
 * Routes as data: each route declares its zod schemas (params, query, body, response) next to its handler. The
 * same declaration validates requests, types the handler's input and output, and feeds the OpenAPI document —
 * a route registered any other way is missing from the document, which a test catches.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { PUBLIC_SCOPE } from "../domain/access.js";
import type { ApiReads } from "../store/read-model.js";
import type { Store } from "../store/store.js";
import type { ProblemField } from "../shared/api-types.js";
import type { Access, Caller, Guard } from "./auth/guard.js";
import { ApiError } from "./problem.js";


/** A JSON body serialized once and kept (a cached answer of hundreds of kilobytes): sent as it is. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** What every handler gets beyond its validated input: the caller (null on public routes) and its scoped reads. */
export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  caller: Caller | null;
  reads: ApiReads;
}

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
  /** Who may call it. Required: a route without a rule does not compile, and the authorization matrix test reads it. */
  access: Access;
  /** Audit action name (default "METHOD /url"); false for routes that only report the caller's own state. */
  audit?: string | false;
  /** Larger body limit for this route (uploads), in bytes. */
  bodyLimit?: number;
  handler(input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>, req: FastifyRequest, reply: FastifyReply): Promise<z.input<R> | RawJson>;
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
  access: Access;
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

export interface RouteTableDeps {
  guard: Guard;
  store: Store;
}

/** Keeps query-string values short in the audit log (search terms and filters, never bodies). */
function auditQuery(q: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (q && typeof q === "object") {
    for (const [k, v] of Object.entries(q as Record<string, unknown>)) if (k !== "cursor" && v !== undefined) out[k] = typeof v === "string" ? v.slice(0, 200) : v;
  }
  return out;
}

const tables = new WeakMap<FastifyInstance, RouteDoc[]>();

/** Every route registered through a route table on this server, with its access rule (the authorization tests read it). */
export function routeDocs(app: FastifyInstance): readonly RouteDoc[] {
  return tables.get(app) ?? [];
}

/**
 * Registers routes on one fastify instance and remembers them for the OpenAPI document. Every route passes the
 * guard (its access rule), gets reads scoped to its caller, and — unless public — leaves an audit entry with the
 * caller, the route, its parameters and the outcome, whether it succeeded or was refused.
 */
export class RouteTable {
  readonly routes: RouteDoc[] = [];

  constructor(
    private readonly app: FastifyInstance,
    private readonly deps: RouteTableDeps,
  ) {
    tables.set(app, this.routes);
  }

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
      access: spec.access,
    });
    const { guard, store } = this.deps;
    const action = spec.audit === undefined ? `${spec.method} ${spec.url}` : spec.audit;
    this.app.route({
      method: spec.method,
      url: spec.url,
      ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
      handler: async (req, reply) => {
        let caller: Caller | null = null;
        let outcome = "error";
        try {
          caller = await guard.caller(req);
          guard.check(spec.access, caller, req);
          const input = {
            params: parse(spec.params, "params", req.params),
            query: parse(spec.query, "query", req.query),
            body: parse(spec.body, "body", req.body),
            caller,
            reads: store.reads(caller ? { org: caller.viewer.org, all: false } : PUBLIC_SCOPE),
          };
          const out = await spec.handler(input, req, reply);
          outcome = String(reply.sent ? reply.statusCode : status);
          if (reply.sent) return reply;
          reply.code(status);
          if (status === 204) return reply.send();
          if (spec.produces) reply.type(spec.produces);
          if (out instanceof RawJson) {
            reply.type("application/json; charset=utf-8");
            return out.text;
          }
          return out;
        } catch (e) {
          outcome = e instanceof ApiError ? String(e.status) : "500";
          throw e;
        } finally {
          // Public routes are not audited (no caller to name) unless a signed-in caller used them.
          if (action !== false && (spec.access !== "public" || caller)) {
            await store.audit.append({
              actor: caller?.viewer.actor ?? "anonymous",
              org: caller?.viewer.org ?? null,
              action,
              target: req.params && Object.keys(req.params).length ? JSON.stringify(req.params).slice(0, 300) : null,
              detail: { query: auditQuery(req.query), status: outcome },
            });
          }
        }
      },
    });
  }
}
