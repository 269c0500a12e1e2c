/**
 * An organization's administration: its users and their roles, and API tokens for machine upload or matching.
 * An admin only ever sees and changes its own organization.
 */
import { z } from "zod";
import { ROLES, TOKEN_SCOPES } from "../../domain/access.js";
import { generatePassword, hashPassword } from "../../hub/password.js";
import type { ApiTokenRecord, UserRecord } from "../../store/hub.js";
import type { Caller } from "../auth/guard.js";
import type { ApiContext } from "../context.js";
import { ApiError, notFound } from "../problem.js";
import type { RouteTable } from "../route.js";

const UserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  org: z.string(),
  roles: z.array(z.enum(ROLES)),
  createdAt: z.string(),
  disabled: z.boolean(),
  locked: z.boolean(),
});
const TokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});

const userView = (u: UserRecord) => ({
  id: u.id,
  username: u.username,
  org: u.org,
  roles: u.roles,
  createdAt: u.createdAt,
  disabled: u.disabledAt !== null,
  locked: u.lockedUntil !== null && new Date(u.lockedUntil) > new Date(),
});
const tokenView = (t: ApiTokenRecord) => ({ id: t.id, name: t.name, scopes: t.scopes, createdAt: t.createdAt, expiresAt: t.expiresAt, revokedAt: t.revokedAt, lastUsedAt: t.lastUsedAt });

const ADMIN = { roles: ["admin"] } as const;

export function registerAdminRoutes(routes: RouteTable, ctx: ApiContext): void {
  const hub = ctx.store.hub;
  const ownUser = async (caller: Caller | null, id: number) => {
    const u = await hub.getUserById(id);
    if (!u || u.org !== caller?.viewer.org) throw notFound(`user ${id}`);
    return u;
  };

  routes.add({
    method: "GET",
    url: "/api/admin/users",
    tag: "admin",
    summary: "Users of your organization",
    response: z.object({ items: z.array(UserSchema) }),
    access: ADMIN,
    audit: "users.list",
    handler: async ({ caller }) => ({ items: (await hub.listUsers(caller?.viewer.org)).map(userView) }),
  });

  routes.add({
    method: "POST",
    url: "/api/admin/users",
    tag: "admin",
    summary: "Create a user in your organization; the generated password is shown once",
    body: z.object({ username: z.string().trim().regex(/^[A-Za-z0-9._@-]{3,64}$/, "3–64 letters, digits or . _ @ -"), roles: z.array(z.enum(ROLES)).min(1) }),
    response: z.object({ user: UserSchema, password: z.string() }),
    status: 201,
    access: ADMIN,
    audit: "user.create",
    handler: async ({ body, caller }) => {
      if (await hub.getUser(body.username)) throw new ApiError("conflict", `the username ${body.username} is taken`);
      const password = generatePassword();
      const u = await hub.createUser(body.username, caller?.viewer.org ?? "", await hashPassword(password), body.roles);
      return { user: userView(u), password };
    },
  });

  routes.add({
    method: "POST",
    url: "/api/admin/users/:id/roles",
    tag: "admin",
    summary: "Set a user's roles (grant and revoke)",
    params: z.object({ id: z.coerce.number().int().positive() }),
    body: z.object({ roles: z.array(z.enum(ROLES)) }),
    response: UserSchema,
    access: ADMIN,
    audit: "grant",
    handler: async ({ params, body, caller }) => {
      const u = await ownUser(caller, params.id);
      if (u.id === caller?.viewer.userId && !body.roles.includes("admin")) throw new ApiError("conflict", "you cannot remove your own admin role");
      await hub.setRoles(u.id, body.roles);
      if (body.roles.length === 0) await hub.deleteUserSessions(u.id);
      return userView((await hub.getUserById(u.id)) as UserRecord);
    },
  });

  routes.add({
    method: "POST",
    url: "/api/admin/users/:id/access",
    tag: "admin",
    summary: "Disable or re-enable a user, unlock a locked account, or reset a password (the new one is shown once)",
    description: "Disabling, unlocking with a reset, or resetting ends the user's sessions. You cannot disable yourself.",
    params: z.object({ id: z.coerce.number().int().positive() }),
    body: z.object({ disabled: z.boolean().optional(), unlock: z.boolean().optional(), resetPassword: z.boolean().optional() }),
    response: z.object({ user: UserSchema, password: z.string().nullable() }),
    access: ADMIN,
    audit: "user.access",
    handler: async ({ params, body, caller }) => {
      const u = await ownUser(caller, params.id);
      if (body.disabled === true && u.id === caller?.viewer.userId) throw new ApiError("conflict", "you cannot disable yourself");
      if (body.disabled !== undefined) await hub.setDisabled(u.id, body.disabled ? new Date().toISOString() : null);
      if (body.unlock) await hub.resetLoginFailures(u.id);
      let password: string | null = null;
      if (body.resetPassword) {
        password = generatePassword();
        await hub.setPassword(u.id, await hashPassword(password));
      }
      if (body.disabled === true || body.resetPassword) await hub.deleteUserSessions(u.id);
      return { user: userView((await hub.getUserById(u.id)) as UserRecord), password };
    },
  });

  routes.add({
    method: "GET",
    url: "/api/admin/tokens",
    tag: "admin",
    summary: "API tokens of your organization (never their secrets)",
    response: z.object({ items: z.array(TokenSchema) }),
    access: ADMIN,
    audit: "tokens.list",
    handler: async ({ caller }) => ({ items: (await hub.listTokens(caller?.viewer.org)).map(tokenView) }),
  });

  routes.add({
    method: "POST",
    url: "/api/admin/tokens",
    tag: "admin",
    summary: "Create an API token; the token is shown once",
    body: z.object({ name: z.string().trim().min(1).max(100), scopes: z.array(z.enum(TOKEN_SCOPES)).min(1), days: z.number().int().min(1).max(365).default(90) }),
    response: z.object({ token: z.string(), record: TokenSchema }),
    status: 201,
    access: ADMIN,
    audit: "token.create",
    handler: async ({ body, caller }) => {
      const g = await ctx.auth.createToken(caller?.viewer.org ?? "", body.name, body.scopes, body.days, caller?.viewer.userId ?? null);
      return { token: g.token, record: tokenView(g.record) };
    },
  });

  routes.add({
    method: "DELETE",
    url: "/api/admin/tokens/:id",
    tag: "admin",
    summary: "Revoke an API token (it stops working at once)",
    params: z.object({ id: z.string().min(1).max(64) }),
    response: null,
    access: ADMIN,
    audit: "token.revoke",
    handler: async ({ params, caller }) => {
      const t = await hub.getToken(params.id);
      if (!t || t.org !== caller?.viewer.org) throw notFound(`token ${params.id}`);
      if (!(await hub.revokeToken(t.id, new Date().toISOString()))) throw new ApiError("conflict", `token ${t.id} is already revoked`);
    },
  });
}
