/**
 * The hub's records in the store: organizations, users and roles, sessions, one-time login links, API tokens,
 * matching keys, and the hash-chained audit log. Plain records; the rules (who may do what, how secrets are made
 * and checked) live in src/hub, which is the only caller.
 */
import type { SharingLevel } from "../domain/ad.js";
import type { Role, TokenScope } from "../domain/access.js";

export interface OrgRecord {
  id: string;
  name: string;
  createdAt: string;
  retentionDays: number | null;
  defaultSharing: SharingLevel;
}

export interface UserRecord {
  id: number;
  username: string;
  org: string;
  roles: Role[];
  /** scrypt encoding (see src/hub/password.ts); null until a password is set. */
  passwordHash: string | null;
  createdAt: string;
  disabledAt: string | null;
  failedLogins: number;
  lockedUntil: string | null;
}

export interface SessionRecord {
  idHash: string;
  userId: number;
  csrf: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface ApiTokenRecord {
  id: string;
  org: string;
  createdBy: number | null;
  name: string;
  secretHash: string;
  scopes: TokenScope[];
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface MatchKeyRecord {
  id: string;
  /** base64 of 32 random bytes. */
  secret: string;
  createdAt: string;
  retiredAt: string | null;
}

export interface HubStore {
  createOrg(id: string, name: string, defaultSharing?: SharingLevel): Promise<OrgRecord>;
  getOrg(id: string): Promise<OrgRecord | null>;
  listOrgs(): Promise<OrgRecord[]>;
  setRetention(org: string, days: number | null): Promise<void>;

  createUser(username: string, org: string, passwordHash: string | null, roles: readonly Role[]): Promise<UserRecord>;
  getUser(username: string): Promise<UserRecord | null>;
  getUserById(id: number): Promise<UserRecord | null>;
  listUsers(org?: string): Promise<UserRecord[]>;
  /** Replaces the user's roles. */
  setRoles(userId: number, roles: readonly Role[]): Promise<void>;
  setPassword(userId: number, passwordHash: string): Promise<void>;
  setDisabled(userId: number, at: string | null): Promise<void>;
  /** Counts a failed login; `lockedUntil` is when the next attempt is allowed (null: now). Returns the new count. */
  recordLoginFailure(userId: number, lockedUntil: (failures: number) => string | null): Promise<number>;
  resetLoginFailures(userId: number): Promise<void>;

  createSession(s: SessionRecord): Promise<void>;
  getSession(idHash: string): Promise<SessionRecord | null>;
  touchSession(idHash: string, lastSeenAt: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  deleteUserSessions(userId: number): Promise<number>;

  createLoginLink(tokenHash: string, userId: number, expiresAt: string): Promise<void>;
  /** Marks the link used and returns its user, or null when it is unknown, used or expired — atomically. */
  consumeLoginLink(tokenHash: string, now: string): Promise<number | null>;

  createToken(t: ApiTokenRecord): Promise<void>;
  getToken(id: string): Promise<ApiTokenRecord | null>;
  listTokens(org?: string): Promise<ApiTokenRecord[]>;
  revokeToken(id: string, at: string): Promise<boolean>;
  touchToken(id: string, at: string): Promise<void>;

  putMatchKey(k: MatchKeyRecord): Promise<void>;
  listMatchKeys(): Promise<MatchKeyRecord[]>;
  retireMatchKey(id: string, at: string): Promise<boolean>;
}

/** One audit entry as appended: who did what to which target, with details (never secrets or raw identifiers). */
export interface AuditInput {
  actor: string;
  org: string | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

export interface AuditEntry extends AuditInput {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

export interface AuditFilter {
  actor?: string;
  org?: string;
  action?: string;
  since?: string;
}

export interface AuditStore {
  /** Appends one entry, chained to the last one, in one transaction (safe across processes). */
  append(e: AuditInput): Promise<AuditEntry>;
  /** Entries in sequence order after `afterSeq`, filtered, at most `limit`. */
  list(filter: AuditFilter, afterSeq: number, limit: number): Promise<AuditEntry[]>;
  /** Every entry in sequence order (for verification). */
  all(): AsyncIterable<AuditEntry>;
}
