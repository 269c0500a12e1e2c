/**
 * The API's small error vocabulary, sent as RFC 9457 problem details (`application/problem+json`). Handlers throw
 * `ApiError`; the server's error handler turns it (and fastify's own errors) into a problem body.
 */
import type { Problem, ProblemField } from "../shared/api-types.js";

export type ProblemKind = "validation" | "not-found" | "conflict" | "payload-too-large" | "uri-too-long" | "unsupported-media-type" | "internal";

const KINDS: Record<ProblemKind, { status: number; title: string }> = {
  validation: { status: 400, title: "Invalid request" },
  "not-found": { status: 404, title: "Not found" },
  conflict: { status: 409, title: "Conflict" },
  "payload-too-large": { status: 413, title: "Payload too large" },
  "uri-too-long": { status: 414, title: "URI too long" },
  "unsupported-media-type": { status: 415, title: "Unsupported media type" },
  internal: { status: 500, title: "Internal server error" },
};

export const PROBLEM_CONTENT_TYPE = "application/problem+json; charset=utf-8";

/** A failure with a stable kind; `detail` is shown to the client, so it never carries internals. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly kind: ProblemKind,
    readonly detail: string,
    readonly errors?: ProblemField[],
  ) {
    super(`api: ${kind}: ${detail}`);
  }

  get status(): number {
    return KINDS[this.kind].status;
  }
}

export const notFound = (what: string) => new ApiError("not-found", `${what} not found`);
export const invalid = (field: string, message: string) => new ApiError("validation", `${field}: ${message}`, [{ field, message }]);

/** The problem body for a kind. `instance` is the request path (no query string: it may be huge or sensitive). */
export function problem(kind: ProblemKind, detail: string, instance: string, errors?: ProblemField[]): Problem {
  const k = KINDS[kind];
  const body: Problem = { type: `/problems/${kind}`, title: k.title, status: k.status, detail, instance };
  if (errors && errors.length) body.errors = errors;
  return body;
}

/** Maps an HTTP status from fastify's own errors (bad JSON, body too large, …) to a problem kind. */
export function kindForStatus(status: number): ProblemKind {
  switch (status) {
    case 400:
      return "validation";
    case 404:
      return "not-found";
    case 409:
      return "conflict";
    case 413:
      return "payload-too-large";
    case 414:
    case 431:
      return "uri-too-long";
    case 415:
      return "unsupported-media-type";
    default:
      return "internal";
  }
}

/** The path part of a raw URL, cut short: echoing a megabyte of query back would be its own problem. */
export function instanceOf(url: string): string {
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  return path.length > 512 ? `${path.slice(0, 512)}…` : path;
}
