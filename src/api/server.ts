/**
 * The HTTP server: fastify with the REST API under /api (one route module per resource, all through the route
 * table), problem-details errors, safe defaults, the OpenAPI document and its HTML page, and the built web app
 * at / with SPA fallback.
 *
 * @example
 * const app = await buildServer({ store, logger: false });
 * const res = await app.inject({ url: "/api/stats" });
 */
import { existsSync } from "node:fs";
import { parse as parseQuery } from "node:querystring";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from "fastify";
import type { Store } from "../store/store.js";
import type { ProblemField } from "../shared/api-types.js";
import { Auth } from "../hub/auth.js";
import { registerAdminRoutes } from "./admin/routes.js";
import { registerAdRoutes } from "./ads/routes.js";
import { registerAuditRoutes } from "./audit/routes.js";
import { Guard } from "./auth/guard.js";
import { registerAuthRoutes } from "./auth/routes.js";
import { registerMatchRoutes } from "./match/routes.js";
import { registerPublicRoutes } from "./public/routes.js";
import { registerUploadRoutes } from "./uploads/routes.js";
import { registerCaseRoutes } from "./cases/routes.js";
import { ApiContext } from "./context.js";
import type { ReaderPool } from "./reader-pool.js";
import { docsPage } from "./docs/page.js";
import { registerHotspotRoutes } from "./hotspots/routes.js";
import { registerIdentifierRoutes } from "./identifiers/routes.js";
import { registerNetworkRoutes } from "./networks/routes.js";
import { openApiDocument } from "./openapi.js";
import { ApiError, PROBLEM_CONTENT_TYPE, instanceOf, kindForStatus, problem, type ProblemKind } from "./problem.js";
import { RouteTable } from "./route.js";
import { BODY_LIMIT, MAX_URL_LENGTH, SECURITY_HEADERS, registerSecurity } from "./security.js";
import { registerStatsRoutes } from "./stats/routes.js";
import { z } from "zod";

export interface ServerOptions {
  store: Store;
  /** Folder of the built web app; default `web/dist` in the package. null: serve no web app. */
  webDist?: string | null;
  /** fastify/pino logger options; false in tests. */
  logger?: FastifyServerOptions["logger"];
  /** Reader threads for the heavier reads (threadline serve starts them); none: every read on this thread. */
  readers?: ReaderPool | null;
  /** Networks of at least this many ads go to a reader thread (default OFFLOAD_NETWORK_ADS). */
  offloadNetworkAds?: number;
  /** Sees every route fastify registers (tests check each one is in the OpenAPI document). */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
}

export const DEFAULT_WEB_DIST = fileURLToPath(new URL("../../web/dist", import.meta.url));

const NO_WEB_APP = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Threadline</title></head>
<body><h1>Threadline</h1><p>The API is running (<a href="/api/docs">API reference</a>), but the web app is not built.
Run <code>npm run build</code>, then restart.</p></body></html>`;

function sendProblem(reply: FastifyReply, kind: ProblemKind, detail: string, url: string, errors?: ProblemField[], retryAfter?: number): FastifyReply {
  const body = problem(kind, detail, instanceOf(url), errors);
  if (retryAfter !== undefined) reply.header("retry-after", String(Math.max(1, Math.ceil(retryAfter))));
  return reply.code(body.status).headers(SECURITY_HEADERS).header("cache-control", "no-store").type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/** Query strings over the URL cap are not parsed at all (the request is refused with 414 right after). */
function querystringParser(s: string): Record<string, unknown> {
  if (s.length > MAX_URL_LENGTH) return {};
  return { ...parseQuery(s, "&", "=", { maxKeys: 100 }) };
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: BODY_LIMIT,
    routerOptions: { maxParamLength: 500, querystringParser },
    clientErrorHandler: (err, socket) => {
      if (socket.writable) socket.end(clientErrorResponse((err as { code?: string }).code));
      else socket.destroy(err);
    },
    frameworkErrors: (err, req, reply) => {
      const tooLong = err.code === "FST_ERR_MAX_PARAM_LENGTH";
      sendProblem(reply, tooLong ? "uri-too-long" : "validation", tooLong ? "a path segment is too long" : "the URL is not valid (bad percent-encoding)", req.url);
    },
  });
  if (opts.onRoute) {
    const seen = opts.onRoute;
    app.addHook("onRoute", (r) => seen({ method: r.method, url: r.url }));
  }
  registerSecurity(app);
  // JSON only: a text/plain body is refused with 415 instead of reaching a handler as a string.
  app.removeContentTypeParser("text/plain");

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof ApiError) return sendProblem(reply, err.kind, err.detail, req.url, err.errors, err.retryAfter);
    const status = typeof (err as { statusCode?: unknown }).statusCode === "number" ? (err as { statusCode: number }).statusCode : 500;
    const kind = kindForStatus(status);
    if (kind === "internal") {
      req.log.error({ err }, "api: unexpected error");
      return sendProblem(reply, kind, "an unexpected error occurred; the server log has details", req.url);
    }
    return sendProblem(reply, kind, err instanceof Error ? err.message : String(err), req.url);
  });

  const auth = new Auth(opts.store.hub);
  const ctx = new ApiContext(opts.store, auth, opts.readers ?? null, opts.offloadNetworkAds);
  const routes = new RouteTable(app, { guard: new Guard(auth), store: opts.store });
  registerAuthRoutes(routes, ctx);
  registerAdminRoutes(routes, ctx);
  registerAuditRoutes(routes, ctx);
  registerUploadRoutes(routes, ctx);
  registerMatchRoutes(routes, ctx);
  registerPublicRoutes(routes, ctx);
  registerAdRoutes(routes, ctx);
  registerNetworkRoutes(routes, ctx);
  registerIdentifierRoutes(routes, ctx);
  registerHotspotRoutes(routes, ctx);
  registerStatsRoutes(routes, ctx);
  registerCaseRoutes(routes, ctx);

  let doc: Record<string, unknown> | undefined;
  const document = () => (doc ??= openApiDocument(routes.routes));
  routes.add({
    method: "GET",
    url: "/api/openapi.json",
    tag: "meta",
    summary: "This API's OpenAPI 3.1 document",
    response: z.record(z.string(), z.unknown()),
    access: "public",
    handler: async () => document(),
  });
  routes.add({
    method: "GET",
    url: "/api/docs",
    tag: "meta",
    summary: "Browsable API reference (HTML, no scripts)",
    response: z.string(),
    produces: "text/html; charset=utf-8",
    access: "public",
    handler: async () => docsPage(document()),
  });

  const webDist = opts.webDist === undefined ? DEFAULT_WEB_DIST : opts.webDist;
  const hasWeb = webDist !== null && existsSync(`${webDist}/index.html`);
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, prefix: "/", index: ["index.html"], dotfiles: "deny" });

  app.setNotFoundHandler((req, reply) => {
    const path = instanceOf(req.url);
    if (path === "/api" || path.startsWith("/api/") || (req.method !== "GET" && req.method !== "HEAD")) {
      return sendProblem(reply, "not-found", `no route ${req.method} ${path}`, req.url);
    }
    // SPA fallback: client-side routes (/networks/N-1) get the app shell.
    if (hasWeb) return reply.header("cache-control", "no-cache").sendFile("index.html");
    return reply.code(path === "/" ? 200 : 404).type("text/html; charset=utf-8").send(NO_WEB_APP);
  });
  return app;
}

/** Clients send a request line or headers over Node's limit: answer 414 as problem details, then close. */
export function clientErrorResponse(code: string | undefined): string {
  const tooLong = code === "HPE_HEADER_OVERFLOW";
  const body = JSON.stringify(problem(tooLong ? "uri-too-long" : "validation", tooLong ? "the request line or headers are too long" : "malformed HTTP request", "/"));
  const status = tooLong ? "414 URI Too Long" : "400 Bad Request";
  const headers = Object.entries(SECURITY_HEADERS).map(([k, v]) => `${k}: ${v}`);
  return [`HTTP/1.1 ${status}`, `content-type: ${PROBLEM_CONTENT_TYPE}`, `content-length: ${Buffer.byteLength(body)}`, "connection: close", ...headers, "", body].join("\r\n");
}
