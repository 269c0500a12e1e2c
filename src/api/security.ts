/**
 * Safe defaults for every response: strict CSP and friends, no caching of API data, and a cap on URL length.
 * The web app renders ad text as text; the CSP is the second line of defence if it ever did not.
 */
import type { FastifyInstance } from "fastify";
import { ApiError } from "./problem.js";

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": CSP,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
};

/** Longest URL (path + query) accepted; longer ones get 414. Node's own header limit (16 KiB) is the same. */
export const MAX_URL_LENGTH = 16 * 1024;
/** Largest request body (413 above). */
export const BODY_LIMIT = 1024 * 1024;

export function registerSecurity(app: FastifyInstance): void {
  app.addHook("onRequest", async (req, reply) => {
    reply.headers(SECURITY_HEADERS);
    if (req.url.startsWith("/api/")) reply.header("cache-control", "no-store");
    if (req.url.length > MAX_URL_LENGTH) throw new ApiError("uri-too-long", `the URL is longer than ${MAX_URL_LENGTH} characters`);
  });
}
