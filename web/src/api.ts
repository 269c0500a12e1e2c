/**
 * Fetch helpers for the REST API: JSON in and out, RFC 9457 problems turned into `ApiError`s, and the session's
 * two rules in one place: every POST/DELETE carries the CSRF token (`x-csrf-token`), and a 401 from any data route
 * tells the app the session is gone (it shows the sign-in page).
 */
import type { Problem } from "@shared/api-types";

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    /** Seconds from a Retry-After header (429), else null. */
    readonly retryAfter: number | null = null,
  ) {
    super(problem ? `${problem.title}: ${problem.detail}` : `HTTP ${status}`);
  }
}

// The CSRF token lives in memory only (never in storage): a reload asks /api/auth/me for it again.
let csrf: string | null = null;
const expiredListeners = new Set<() => void>();

/** Sets (or clears) the CSRF token sent on every write. */
export function setCsrf(token: string | null): void {
  csrf = token;
}

/** Calls `fn` whenever a data route answers 401 (the session expired or was ended elsewhere). */
export function onSessionExpired(fn: () => void): () => void {
  expiredListeners.add(fn);
  return () => {
    expiredListeners.delete(fn);
  };
}

/** Builds `/api/...?k=v`, leaving out empty values. */
export function apiUrl(path: string, params: Record<string, string | number | undefined | null> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return `/api${path}${s ? `?${s}` : ""}`;
}

/** The one place requests go out: credentials are the same-origin cookie, writes add the CSRF header. */
async function send(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const method = (init.method ?? "GET").toUpperCase();
  if (method !== "GET" && method !== "HEAD" && csrf) headers.set("x-csrf-token", csrf);
  const res = await fetch(url, { ...init, headers, credentials: "same-origin" });
  // sign-in's own 401s (wrong password, not signed in yet) are answers, not an expired session
  if (res.status === 401 && !url.startsWith("/api/auth/")) for (const fn of expiredListeners) fn();
  return res;
}

async function fail(res: Response): Promise<never> {
  let problem: Problem | null = null;
  try {
    problem = (await res.json()) as Problem;
  } catch {
    // not a problem document (proxy error page etc.)
  }
  const ra = Number.parseInt(res.headers.get("retry-after") ?? "", 10);
  throw new ApiError(res.status, problem, Number.isFinite(ra) ? ra : null);
}

async function parse<T>(res: Response): Promise<T> {
  if (!res.ok) return fail(res);
  return (res.status === 204 || res.headers.get("content-length") === "0" ? undefined : await res.json()) as T;
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return parse<T>(await send(url, { signal, headers: { accept: "application/json" } }));
}

export async function postJson<T>(url: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const init: RequestInit = { method: "POST", signal, headers: { accept: "application/json" } };
  if (body !== undefined) {
    init.headers = { ...init.headers, "content-type": "application/json" };
    init.body = JSON.stringify(body);
  }
  return parse<T>(await send(url, init));
}

export async function del(url: string): Promise<void> {
  return parse<void>(await send(url, { method: "DELETE" }));
}

/** A binary download (PDF, ZIP) with the file name from Content-Disposition. */
export async function getFile(url: string, fallbackName: string): Promise<{ blob: Blob; name: string }> {
  const res = await send(url);
  if (!res.ok) return fail(res);
  const cd = res.headers.get("content-disposition") ?? "";
  const m = /filename="([^"]+)"/.exec(cd);
  return { blob: await res.blob(), name: m?.[1] ?? fallbackName };
}
