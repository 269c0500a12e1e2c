/**
 * Who is calling, and may they: resolves the viewer from the session cookie or a bearer token, checks CSRF on
 * cookie-authenticated writes, and applies each route's declared access rule. The route table calls it for every
 * route before the handler runs, so a route cannot forget it.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Role, TokenScope, Viewer } from "../../domain/access.js";
import type { Auth } from "../../hub/auth.js";
import { sameSecret } from "../../hub/secrets.js";
import { ApiError } from "../problem.js";

/**
 * A route's rule: `public` (no sign-in), `session` (any signed-in user), or the roles (users) and token scopes
 * (machines) allowed. Tokens are refused wherever no scope is listed.
 */
export type Access = "public" | "session" | { roles: readonly Role[]; scopes?: readonly TokenScope[] };

export const SESSION_COOKIE = "tl_session";
export const CSRF_HEADER = "x-csrf-token";

export interface Caller {
  viewer: Viewer;
  via: "cookie" | "token";
  /** The raw session secret (cookie callers), for logout. */
  session: string | null;
  csrf: string | null;
}

/** The value of one cookie from the Cookie header, or null. */
export function readCookie(req: FastifyRequest, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** Secure cookies over https; plain http is only for the local demo on 127.0.0.1. */
export function sessionCookie(req: FastifyRequest, value: string, maxAgeSec: number): string {
  const secure = req.protocol === "https" ? "; Secure" : "";
  return `${SESSION_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSec}${secure}`;
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.header("set-cookie", `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export class Guard {
  constructor(private readonly auth: Auth) {}

  async caller(req: FastifyRequest): Promise<Caller | null> {
    const authz = req.headers.authorization;
    if (authz !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(authz);
      const viewer = m ? await this.auth.fromToken(m[1]!) : null;
      if (!viewer) throw new ApiError("unauthorized", "the API token is not valid (unknown, revoked or expired)");
      return { viewer, via: "token", session: null, csrf: null };
    }
    const session = readCookie(req, SESSION_COOKIE);
    if (!session) return null;
    const s = await this.auth.fromSession(session);
    return s ? { viewer: s.viewer, via: "cookie", session, csrf: s.csrf } : null;
  }

  /** Throws 401/403 unless the caller may use a route with this rule. */
  check(access: Access, caller: Caller | null, req: FastifyRequest): void {
    if (access === "public") return;
    if (!caller) throw new ApiError("unauthorized", "sign in first (session cookie) or send an API token");
    if (caller.via === "cookie" && !SAFE.has(req.method)) {
      // Double submit: the token only same-origin script can read (from /api/auth/me) must come back in a header.
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== "string" || caller.csrf === null || !sameSecret(sent, caller.csrf)) {
        throw new ApiError("forbidden", `missing or wrong ${CSRF_HEADER} header (cross-site request refused)`);
      }
    }
    if (access === "session") {
      if (caller.via !== "cookie") throw new ApiError("forbidden", "this route is for signed-in users, not API tokens");
      return;
    }
    const v = caller.viewer;
    const ok = caller.via === "token" ? (access.scopes ?? []).some((s) => v.scopes.includes(s)) : access.roles.some((r) => v.roles.includes(r));
    if (!ok) {
      const need = caller.via === "token" ? `a token with scope ${(access.scopes ?? []).join(" or ") || "(none: tokens are not accepted here)"}` : `role ${access.roles.join(" or ")}`;
      throw new ApiError("forbidden", `this needs ${need}`);
    }
  }
}
