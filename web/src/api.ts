/** Fetch helpers for the REST API: JSON in and out, RFC 9457 problems turned into `ApiError`s. */
import type { Problem } from "@shared/api-types";

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem ? `${problem.title}: ${problem.detail}` : `HTTP ${status}`);
  }
}

/** Builds `/api/...?k=v`, leaving out empty values. */
export function apiUrl(path: string, params: Record<string, string | number | undefined | null> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return `/api${path}${s ? `?${s}` : ""}`;
}

async function parse<T>(res: Response): Promise<T> {
  if (res.ok) return (res.status === 204 ? undefined : await res.json()) as T;
  let problem: Problem | null = null;
  try {
    problem = (await res.json()) as Problem;
  } catch {
    // not a problem document (proxy error page etc.)
  }
  throw new ApiError(res.status, problem);
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return parse<T>(await fetch(url, { signal, headers: { accept: "application/json" } }));
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  return parse<T>(
    await fetch(url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(body) }),
  );
}

export async function del(url: string): Promise<void> {
  return parse<void>(await fetch(url, { method: "DELETE" }));
}
