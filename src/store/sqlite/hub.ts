/** The hub's tables over better-sqlite3: organizations, users, sessions, login links, API tokens, matching keys. */
import type Database from "better-sqlite3";
import type { SharingLevel } from "../../domain/ad.js";
import type { Role, TokenScope } from "../../domain/access.js";
import type { ApiTokenRecord, HubStore, MatchKeyRecord, OrgRecord, SessionRecord, UserRecord } from "../hub.js";
import { cached } from "./search.js";

type Handle = Database.Database;

type OrgRow = { id: string; name: string; created_at: string; retention_days: number | null; default_sharing: string };
type UserRow = {
  id: number;
  username: string;
  org_id: string;
  password_hash: string | null;
  created_at: string;
  disabled_at: string | null;
  failed_logins: number;
  locked_until: string | null;
  roles: string | null;
};
type TokenRow = {
  id: string;
  org_id: string;
  created_by: number | null;
  name: string;
  secret_hash: string;
  scopes: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
};

const toOrg = (r: OrgRow): OrgRecord => ({
  id: r.id,
  name: r.name,
  createdAt: r.created_at,
  retentionDays: r.retention_days,
  defaultSharing: r.default_sharing as SharingLevel,
});

const toUser = (r: UserRow): UserRecord => ({
  id: r.id,
  username: r.username,
  org: r.org_id,
  roles: (r.roles ? r.roles.split(",") : []).sort() as Role[],
  passwordHash: r.password_hash,
  createdAt: r.created_at,
  disabledAt: r.disabled_at,
  failedLogins: r.failed_logins,
  lockedUntil: r.locked_until,
});

const toToken = (r: TokenRow): ApiTokenRecord => ({
  id: r.id,
  org: r.org_id,
  createdBy: r.created_by,
  name: r.name,
  secretHash: r.secret_hash,
  scopes: JSON.parse(r.scopes) as TokenScope[],
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  lastUsedAt: r.last_used_at,
});

const USER_SELECT = `select u.*, (select group_concat(role) from user_roles r where r.user_id = u.id) as roles from users u`;

export function sqliteHub(db: Handle): HubStore {
  const now = () => new Date().toISOString();
  // Every API call reads its session and user: compile each statement once per handle, not per call.
  const prep = <P extends unknown[] = unknown[], R = unknown>(sqlText: string) => cached(db, sqlText) as Database.Statement<P, R>;
  const getOrg = (id: string) => {
    const r = prep<[string], OrgRow>("select * from orgs where id = ?").get(id);
    return r ? toOrg(r) : null;
  };
  const getUserById = (id: number) => {
    const r = prep<[number], UserRow>(`${USER_SELECT} where u.id = ?`).get(id);
    return r ? toUser(r) : null;
  };
  const setRoles = db.transaction((userId: number, roles: readonly Role[]) => {
    prep("delete from user_roles where user_id = ?").run(userId);
    const ins = prep("insert into user_roles (user_id, role) values (?, ?)");
    for (const role of new Set(roles)) ins.run(userId, role);
  });
  return {
    async createOrg(id, name, defaultSharing = "hub") {
      prep("insert into orgs (id, name, created_at, default_sharing) values (?, ?, ?, ?)").run(id, name, now(), defaultSharing);
      return getOrg(id) as OrgRecord;
    },
    async getOrg(id) {
      return getOrg(id);
    },
    async listOrgs() {
      return prep<[], OrgRow>("select * from orgs order by id").all().map(toOrg);
    },
    async setRetention(org, days) {
      prep("update orgs set retention_days = ? where id = ?").run(days, org);
    },

    async createUser(username, org, passwordHash, roles) {
      const id = db.transaction(() => {
        const uid = Number(prep("insert into users (username, org_id, password_hash, created_at) values (?, ?, ?, ?)").run(username, org, passwordHash, now()).lastInsertRowid);
        setRoles(uid, roles);
        return uid;
      })();
      return getUserById(id) as UserRecord;
    },
    async getUser(username) {
      const r = prep<[string], UserRow>(`${USER_SELECT} where u.username = ?`).get(username);
      return r ? toUser(r) : null;
    },
    async getUserById(id) {
      return getUserById(id);
    },
    async listUsers(org) {
      const rows = org === undefined ? prep<[], UserRow>(`${USER_SELECT} order by u.id`).all() : prep<[string], UserRow>(`${USER_SELECT} where u.org_id = ? order by u.id`).all(org);
      return rows.map(toUser);
    },
    async setRoles(userId, roles) {
      setRoles(userId, roles);
    },
    async setPassword(userId, passwordHash) {
      prep("update users set password_hash = ?, failed_logins = 0, locked_until = null where id = ?").run(passwordHash, userId);
    },
    async setDisabled(userId, at) {
      prep("update users set disabled_at = ? where id = ?").run(at, userId);
    },
    async recordLoginFailure(userId, lockedUntil) {
      return db.transaction(() => {
        const n = (prep("select failed_logins from users where id = ?").pluck().get(userId) as number | undefined) ?? 0;
        prep("update users set failed_logins = ?, locked_until = ? where id = ?").run(n + 1, lockedUntil(n + 1), userId);
        return n + 1;
      }).immediate();
    },
    async resetLoginFailures(userId) {
      prep("update users set failed_logins = 0, locked_until = null where id = ?").run(userId);
    },

    async createSession(s) {
      prep("insert into sessions (id_hash, user_id, csrf, created_at, expires_at, last_seen_at) values (?, ?, ?, ?, ?, ?)").run(
        s.idHash,
        s.userId,
        s.csrf,
        s.createdAt,
        s.expiresAt,
        s.lastSeenAt,
      );
    },
    async getSession(idHash) {
      const r = db
        .prepare<[string], { id_hash: string; user_id: number; csrf: string; created_at: string; expires_at: string; last_seen_at: string }>("select * from sessions where id_hash = ?")
        .get(idHash);
      return r ? ({ idHash: r.id_hash, userId: r.user_id, csrf: r.csrf, createdAt: r.created_at, expiresAt: r.expires_at, lastSeenAt: r.last_seen_at } satisfies SessionRecord) : null;
    },
    async touchSession(idHash, lastSeenAt) {
      prep("update sessions set last_seen_at = ? where id_hash = ?").run(lastSeenAt, idHash);
    },
    async deleteSession(idHash) {
      prep("delete from sessions where id_hash = ?").run(idHash);
    },
    async deleteUserSessions(userId) {
      return prep("delete from sessions where user_id = ?").run(userId).changes;
    },

    async createLoginLink(tokenHash, userId, expiresAt) {
      prep("insert into login_links (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)").run(tokenHash, userId, now(), expiresAt);
    },
    async consumeLoginLink(tokenHash, at) {
      // One UPDATE decides: two concurrent uses of the same link cannot both succeed.
      const r = db
        .prepare<[string, string, string], { user_id: number }>("update login_links set used_at = ? where token_hash = ? and used_at is null and expires_at > ? returning user_id")
        .get(at, tokenHash, at);
      return r?.user_id ?? null;
    },

    async createToken(t) {
      prep(
        "insert into api_tokens (id, org_id, created_by, name, secret_hash, scopes, created_at, expires_at, revoked_at, last_used_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      ).run(t.id, t.org, t.createdBy, t.name, t.secretHash, JSON.stringify(t.scopes), t.createdAt, t.expiresAt, t.revokedAt, t.lastUsedAt);
    },
    async getToken(id) {
      const r = prep<[string], TokenRow>("select * from api_tokens where id = ?").get(id);
      return r ? toToken(r) : null;
    },
    async listTokens(org) {
      const rows = org === undefined ? prep<[], TokenRow>("select * from api_tokens order by created_at").all() : prep<[string], TokenRow>("select * from api_tokens where org_id = ? order by created_at").all(org);
      return rows.map(toToken);
    },
    async revokeToken(id, at) {
      return prep("update api_tokens set revoked_at = ? where id = ? and revoked_at is null").run(at, id).changes > 0;
    },
    async touchToken(id, at) {
      prep("update api_tokens set last_used_at = ? where id = ?").run(at, id);
    },

    async putMatchKey(k) {
      prep("insert into match_keys (id, secret, created_at, retired_at) values (?, ?, ?, ?)").run(k.id, k.secret, k.createdAt, k.retiredAt);
    },
    async listMatchKeys() {
      return db
        .prepare<[], { id: string; secret: string; created_at: string; retired_at: string | null }>("select * from match_keys order by created_at, id")
        .all()
        .map((r): MatchKeyRecord => ({ id: r.id, secret: r.secret, createdAt: r.created_at, retiredAt: r.retired_at }));
    },
    async retireMatchKey(id, at) {
      return prep("update match_keys set retired_at = ? where id = ? and retired_at is null").run(at, id).changes > 0;
    },
  };
}
