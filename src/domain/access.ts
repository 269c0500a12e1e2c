/** Who is asking, and what they may see: the records the hub's access rules work on. */
import type { SharingLevel } from "./ad.js";

/** Roles a user holds in its organization. */
export const ROLES = ["admin", "analyst", "contributor", "auditor"] as const;
export type Role = (typeof ROLES)[number];

/** What an API token may do; tokens are for machines, so they never read the workbench's views. */
export const TOKEN_SCOPES = ["upload", "match"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const SHARING_LEVELS: readonly SharingLevel[] = ["private", "hub", "aggregate"];

/**
 * The authenticated party behind a request or command. `system` is the local operator (the CLI with the database
 * file in hand), who sees everything; users and tokens see what their organization may see.
 */
export interface Viewer {
  kind: "user" | "token" | "system";
  /** users.id, or null for tokens and the system. */
  userId: number | null;
  /** For the audit log: the username, `token:<id>`, or `cli:<os user>`. */
  actor: string;
  org: string;
  roles: readonly Role[];
  scopes: readonly TokenScope[];
}

/**
 * What a read may return. Record-level reads show ads with sharing `hub` plus the viewer organization's own ads
 * (any level); `aggregate` ads of other organizations only count in aggregates; `private` ones never leave their
 * organization. `all` (the local operator) sees every record.
 */
export interface ReadScope {
  org: string;
  all: boolean;
}

/**
 * The scope of anyone outside the hub (public routes, published statistics): an organization id that matches none
 * (ids are 2–40 characters), so only `hub` and `aggregate` records count, and no record is visible one by one
 * except `hub` ones — which public routes never list.
 */
export const PUBLIC_SCOPE: ReadScope = { org: "", all: false };

export function scopeOf(v: Viewer): ReadScope {
  return { org: v.org, all: v.kind === "system" };
}

/** Whether a record with this owner and level is visible record-by-record in the scope. */
export function canSeeRecord(scope: ReadScope, owner: string, sharing: SharingLevel): boolean {
  return scope.all || sharing === "hub" || owner === scope.org;
}

/** Whether it counts in aggregates (hotspots, totals, published statistics) for the scope. */
export function countsInAggregates(scope: ReadScope, owner: string, sharing: SharingLevel): boolean {
  return scope.all || sharing !== "private" || owner === scope.org;
}
