/**
 * Sign-in and sessions: password login (with lock-out and a per-address brake), one-time login links, the
 * caller's identity and CSRF token, password change, logout. Every attempt, good or bad, goes to the audit log.
 */
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { Role } from "../../domain/access.js";
import { SESSION_HOURS } from "../../hub/auth.js";
import { hashPassword, passwordProblem, verifyPassword } from "../../hub/password.js";
import type { ApiContext } from "../context.js";
import { ApiError, invalid } from "../problem.js";
import type { RouteTable } from "../route.js";
import { clearSessionCookie, readCookie, SESSION_COOKIE, sessionCookie, type Caller } from "./guard.js";
import { LinkQuery, LoginBody, MeSchema, PasswordBody } from "./schema.js";

/** Failed sign-ins per client address per window before the address must wait (on top of per-account lock-out). */
const IP_FAILURES = 20;
const IP_WINDOW_MS = 10 * 60_000;

/** Per-address failure counter: slows a guesser spraying many usernames, which per-account lock-out cannot. */
export class AddressBrake {
  private readonly fails = new Map<string, number[]>();

  retryAfter(ip: string, now = Date.now()): number {
    const list = (this.fails.get(ip) ?? []).filter((t) => now - t < IP_WINDOW_MS);
    this.fails.set(ip, list);
    return list.length >= IP_FAILURES ? Math.ceil((list[0]! + IP_WINDOW_MS - now) / 1000) : 0;
  }

  fail(ip: string, now = Date.now()): void {
    const list = this.fails.get(ip) ?? [];
    list.push(now);
    this.fails.set(ip, list);
    if (this.fails.size > 10_000) this.fails.delete(this.fails.keys().next().value as string);
  }
}

export function registerAuthRoutes(routes: RouteTable, ctx: ApiContext): void {
  const brake = new AddressBrake();
  const identity = async (username: string, orgId: string, roles: readonly Role[], csrf: string) => {
    const org = await ctx.store.hub.getOrg(orgId);
    const demo = await ctx.store.getArtifact<{ synthetic?: boolean }>("demo");
    return { username, org: orgId, orgName: org?.name ?? orgId, roles: [...roles], csrf, defaultSharing: org?.defaultSharing ?? "hub", synthetic: demo?.data.synthetic === true };
  };
  const me = (caller: Caller) => identity(caller.viewer.actor, caller.viewer.org, caller.viewer.roles, caller.csrf ?? "");
  const startCookie = (req: FastifyRequest, session: string) => sessionCookie(req, session, SESSION_HOURS * 3600);
  /** A session cookie the client brought to sign-in is ended: a fixed session id can never become signed-in. */
  const dropPresented = async (req: FastifyRequest) => {
    const old = readCookie(req, SESSION_COOKIE);
    if (old) await ctx.auth.logout(old);
  };

  routes.add({
    method: "POST",
    url: "/api/auth/login",
    tag: "auth",
    summary: "Sign in with username and password (sets the session cookie)",
    description:
      "Answers 401 for a wrong username or password alike. After 5 failures the account waits 30 s, doubling per further failure (up to 15 min); many failures from one address make it wait too (429 with Retry-After).",
    body: LoginBody,
    response: MeSchema,
    access: "public",
    audit: false,
    handler: async ({ body }, req, reply) => {
      const wait = brake.retryAfter(req.ip);
      if (wait > 0) throw new ApiError("too-many-requests", "too many failed sign-ins from this address; wait and try again", undefined, wait);
      const r = await ctx.auth.login(body.username, body.password);
      const user = await ctx.store.hub.getUser(body.username);
      await ctx.store.audit.append({
        actor: body.username.slice(0, 100),
        org: user?.org ?? null,
        action: r.ok ? "login" : "login.failed",
        target: null,
        detail: r.ok ? { via: "password" } : { reason: r.reason },
      });
      if (!r.ok) {
        brake.fail(req.ip);
        if (r.reason === "locked") throw new ApiError("too-many-requests", "too many failed sign-ins for this account; wait and try again", undefined, r.retryAfterSec);
        throw new ApiError("unauthorized", "wrong username or password");
      }
      await dropPresented(req);
      reply.header("set-cookie", startCookie(req, r.session));
      return identity(r.user.username, r.user.org, r.user.roles, r.csrf);
    },
  });

  routes.add({
    method: "GET",
    url: "/api/auth/link",
    tag: "auth",
    summary: "Sign in with a one-time link (from `threadline admin login-link` or the demo), then go to the workbench",
    query: LinkQuery,
    response: null,
    access: "public",
    audit: false,
    handler: async ({ query }, req, reply) => {
      const r = await ctx.auth.consumeLoginLink(query.token);
      await ctx.store.audit.append({ actor: r?.user.username ?? "anonymous", org: r?.user.org ?? null, action: r ? "login" : "login.failed", target: null, detail: { via: "link" } });
      if (!r) throw new ApiError("unauthorized", "this sign-in link is unknown, already used or expired; ask for a new one");
      await dropPresented(req);
      return reply.code(303).header("set-cookie", startCookie(req, r.session)).header("location", "/").send();
    },
  });

  routes.add({
    method: "GET",
    url: "/api/auth/me",
    tag: "auth",
    summary: "The signed-in user, organization, roles and CSRF token",
    response: MeSchema,
    access: "session",
    audit: false,
    handler: async ({ caller }) => me(caller as Caller),
  });

  routes.add({
    method: "POST",
    url: "/api/auth/logout",
    tag: "auth",
    summary: "Sign out (ends this session)",
    response: null,
    access: "session",
    audit: "logout",
    handler: async ({ caller }, _req, reply) => {
      if (caller?.session) await ctx.auth.logout(caller.session);
      clearSessionCookie(reply);
    },
  });

  routes.add({
    method: "POST",
    url: "/api/auth/password",
    tag: "auth",
    summary: "Change your password (ends your other sessions)",
    body: PasswordBody,
    response: z.object({ ok: z.literal(true) }),
    access: "session",
    audit: "password.change",
    handler: async ({ body, caller }, req, reply) => {
      const user = await ctx.store.hub.getUserById((caller as Caller).viewer.userId ?? -1);
      if (!user || !user.passwordHash || !(await verifyPassword(body.current, user.passwordHash))) throw new ApiError("forbidden", "the current password is wrong");
      const problem = passwordProblem(body.next);
      if (problem) throw invalid("body.next", problem);
      await ctx.store.hub.setPassword(user.id, await hashPassword(body.next));
      await ctx.store.hub.deleteUserSessions(user.id);
      const s = await ctx.auth.startSession(user.id);
      reply.header("set-cookie", startCookie(req, s.session));
      return { ok: true as const };
    },
  });
}
