/**
 * The API's small error vocabulary, sent as RFC 9457 problem details (`application/problem+json`). Handlers throw
 * `ApiError`; the server's error handler turns it (and fastify's own errors) into a problem body.
 */
import type { Problem, ProblemField } from "../shared/api-types.js";

export type ProblemKind =
  | "validation"
  | "unauthorized"
  | "forbidden"
  | "not-found"
  | "conflict"
  | "payload-too-large"
  | "uri-too-long"
  | "unsupported-media-type"
  | "too-many-requests"
  | "internal";

const KINDS: Record<ProblemKind, { status: number; title: string }> = {
  validation: { status: 400, title: "Invalid request" },
  unauthorized: { status: 401, title: "Sign-in required" },
  forbidden: { status: 403, title: "Not allowed" },
  "not-found": { status: 404, title: "Not found" },
  conflict: { status: 409, title: "Conflict" },
  "payload-too-large": { status: 413, title: "Payload too large" },
  "uri-too-long": { status: 414, title: "URI too long" },
  "unsupported-media-type": { status: 415, title: "Unsupported media type" },
  "too-many-requests": { status: 429, title: "Too many requests" },
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
    /** Seconds for a Retry-After header (429). */
    readonly retryAfter?: number,
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
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
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
    case 429:
      return "too-many-requests";
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
