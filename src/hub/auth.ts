/**
 * Authentication: password login with lock-out, sessions (cookie secret + CSRF token), one-time login links and
 * API tokens. Every secret handed out is random (256 bits) and stored only as its SHA-256.
 */
import type { TokenScope, Viewer } from "../domain/access.js";
import type { ApiTokenRecord, HubStore, UserRecord } from "../store/hub.js";
import { DEFAULT_SCRYPT, hashPassword, verifyPassword } from "./password.js";
import { randomId, randomToken, sameSecret, sha256Hex } from "./secrets.js";

export const SESSION_HOURS = 12;
export const LOGIN_LINK_MINUTES = 15;
/** Failed logins allowed before the account is locked for a while; each further failure doubles the wait. */
export const FREE_FAILURES = 5;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

export function lockDelayMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (failures - FREE_FAILURES));
}

/** A hash to verify against when the user does not exist, so timing does not reveal which usernames exist. */
let dummyHash: Promise<string> | null = null;

export type LoginResult =
  | { ok: true; user: UserRecord; session: string; csrf: string; expiresAt: string }
  | { ok: false; reason: "invalid" | "locked" | "disabled"; retryAfterSec?: number };

export interface TokenGrant {
  record: ApiTokenRecord;
  /** `tl_<id>_<secret>`: shown once, never stored. */
  token: string;
}

export function viewerOf(u: UserRecord): Viewer {
  return { kind: "user", userId: u.id, actor: u.username, org: u.org, roles: u.roles, scopes: [] };
}

export class Auth {
  constructor(
    private readonly hub: HubStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async login(username: string, password: string): Promise<LoginResult> {
    const user = await this.hub.getUser(username);
    if (!user || !user.passwordHash) {
      await verifyPassword(password, await (dummyHash ??= hashPassword("not-a-real-password", DEFAULT_SCRYPT)));
      return { ok: false, reason: "invalid" };
    }
    const now = this.now();
    if (user.lockedUntil && new Date(user.lockedUntil) > now) {
      // A locked account answers without checking the password: guessing costs nothing but time, and gains nothing.
      return { ok: false, reason: "locked", retryAfterSec: Math.ceil((new Date(user.lockedUntil).getTime() - now.getTime()) / 1000) };
    }
    if (!(await verifyPassword(password, user.passwordHash))) {
      const n = await this.hub.recordLoginFailure(user.id, (failures) => {
        const ms = lockDelayMs(failures);
        return ms > 0 ? new Date(now.getTime() + ms).toISOString() : null;
      });
      const ms = lockDelayMs(n);
      return ms > 0 ? { ok: false, reason: "locked", retryAfterSec: Math.ceil(ms / 1000) } : { ok: false, reason: "invalid" };
    }
    if (user.disabledAt) return { ok: false, reason: "disabled" };
    await this.hub.resetLoginFailures(user.id);
    return { ok: true, user, ...(await this.startSession(user.id)) };
  }

  /** A fresh session: a new secret every time (a session id set before login is never adopted). */
  async startSession(userId: number): Promise<{ session: string; csrf: string; expiresAt: string }> {
    const session = randomToken();
    const csrf = randomToken();
    const now = this.now();
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
    await this.hub.createSession({ idHash: sha256Hex(session), userId, csrf, createdAt: now.toISOString(), expiresAt, lastSeenAt: now.toISOString() });
    return { session, csrf, expiresAt };
  }

  /** The viewer behind a session cookie, with the session's CSRF token; null when unknown, expired or disabled. */
  async fromSession(session: string): Promise<{ viewer: Viewer; csrf: string; user: UserRecord } | null> {
    const rec = await this.hub.getSession(sha256Hex(session));
    if (!rec) return null;
    const now = this.now();
    if (new Date(rec.expiresAt) <= now) {
      await this.hub.deleteSession(rec.idHash);
      return null;
    }
    const user = await this.hub.getUserById(rec.userId);
    if (!user || user.disabledAt) return null;
    return { viewer: viewerOf(user), csrf: rec.csrf, user };
  }

  async logout(session: string): Promise<void> {
    await this.hub.deleteSession(sha256Hex(session));
  }

  /** A one-time link secret for the user (first login, the demo); valid for LOGIN_LINK_MINUTES. */
  async createLoginLink(userId: number): Promise<string> {
    const token = randomToken();
    await this.hub.createLoginLink(sha256Hex(token), userId, new Date(this.now().getTime() + LOGIN_LINK_MINUTES * 60_000).toISOString());
    return token;
  }

  async consumeLoginLink(token: string): Promise<{ user: UserRecord; session: string; csrf: string; expiresAt: string } | null> {
    const userId = await this.hub.consumeLoginLink(sha256Hex(token), this.now().toISOString());
    if (userId === null) return null;
    const user = await this.hub.getUserById(userId);
    if (!user || user.disabledAt) return null;
    return { user, ...(await this.startSession(user.id)) };
  }

  async createToken(org: string, name: string, scopes: readonly TokenScope[], days: number, createdBy: number | null): Promise<TokenGrant> {
    const id = randomId(12);
    const secret = randomToken();
    const now = this.now();
    const record: ApiTokenRecord = {
      id,
      org,
      createdBy,
      name,
      secretHash: sha256Hex(secret),
      scopes: [...new Set(scopes)],
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + days * 86400_000).toISOString(),
      revokedAt: null,
      lastUsedAt: null,
    };
    await this.hub.createToken(record);
    return { record, token: `tl_${id}_${secret}` };
  }

  /** The viewer behind a bearer token; null when malformed, unknown, revoked or expired. */
  async fromToken(token: string): Promise<Viewer | null> {
    const m = /^tl_([A-Za-z0-9_-]{12})_([A-Za-z0-9_-]{43})$/.exec(token);
    if (!m) return null;
    const rec = await this.hub.getToken(m[1]!);
    if (!rec || rec.revokedAt || !sameSecret(sha256Hex(m[2]!), rec.secretHash)) return null;
    const now = this.now();
    if (new Date(rec.expiresAt) <= now) return null;
    await this.hub.touchToken(rec.id, now.toISOString());
    return { kind: "token", userId: null, actor: `token:${rec.id}`, org: rec.org, roles: [], scopes: rec.scopes };
  }
}
