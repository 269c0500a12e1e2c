/** Hub administration the CLI and the demo share: organizations, users, roles, first-run setup. */
import { ROLES, type Role } from "../domain/access.js";
import type { SharingLevel } from "../domain/ad.js";
import type { OrgRecord, UserRecord } from "../store/hub.js";
import type { Store } from "../store/store.js";
import { generatePassword, hashPassword, passwordProblem, type ScryptParams, DEFAULT_SCRYPT } from "./password.js";

export class AdminError extends Error {
  override name = "AdminError";
}

const ORG_ID = /^[a-z0-9][a-z0-9-]{1,39}$/;
const USERNAME = /^[A-Za-z0-9._@-]{3,64}$/;

export async function createOrg(store: Store, actor: string, id: string, name: string, defaultSharing: SharingLevel = "hub"): Promise<OrgRecord> {
  if (!ORG_ID.test(id)) throw new AdminError(`organization id "${id}" must be 2–40 lower-case letters, digits or dashes`);
  if (await store.hub.getOrg(id)) throw new AdminError(`organization "${id}" already exists`);
  const org = await store.hub.createOrg(id, name, defaultSharing);
  await store.audit.append({ actor, org: id, action: "org.create", target: id, detail: { name, defaultSharing } });
  return org;
}

/** Creates a user; without a password one is generated and returned (shown once). */
export async function createUser(
  store: Store,
  actor: string,
  o: { username: string; org: string; roles: readonly Role[]; password?: string; scrypt?: ScryptParams },
): Promise<{ user: UserRecord; password: string; generated: boolean }> {
  if (!USERNAME.test(o.username)) throw new AdminError(`username "${o.username}" must be 3–64 letters, digits or . _ @ -`);
  if (!(await store.hub.getOrg(o.org))) throw new AdminError(`no organization "${o.org}" (create it first: threadline admin create-org)`);
  if (await store.hub.getUser(o.username)) throw new AdminError(`the username "${o.username}" is taken`);
  const generated = o.password === undefined;
  const password = o.password ?? generatePassword();
  const problem = passwordProblem(password);
  if (problem) throw new AdminError(problem);
  const user = await store.hub.createUser(o.username, o.org, await hashPassword(password, o.scrypt ?? DEFAULT_SCRYPT), o.roles);
  await store.audit.append({ actor, org: o.org, action: "user.create", target: o.username, detail: { roles: [...o.roles] } });
  return { user, password, generated };
}

export async function changeRoles(store: Store, actor: string, username: string, add: readonly Role[], remove: readonly Role[]): Promise<UserRecord> {
  const u = await store.hub.getUser(username);
  if (!u) throw new AdminError(`no user "${username}"`);
  const roles = new Set<Role>(u.roles);
  for (const r of add) roles.add(r);
  for (const r of remove) roles.delete(r);
  await store.hub.setRoles(u.id, [...roles]);
  await store.audit.append({ actor, org: u.org, action: add.length ? "grant" : "revoke", target: username, detail: { add: [...add], remove: [...remove] } });
  return (await store.hub.getUserById(u.id)) as UserRecord;
}

/** First run: the first organization and its first admin (every role), only while no user exists. */
export async function setupHub(store: Store, actor: string, o: { org: string; orgName: string; username: string; password?: string }) {
  if ((await store.hub.listUsers()).length > 0) throw new AdminError("setup has already been done (users exist); use admin create-user");
  if (!(await store.hub.getOrg(o.org))) await createOrg(store, actor, o.org, o.orgName);
  return createUser(store, actor, { username: o.username, org: o.org, roles: [...ROLES], password: o.password });
}

export function parseRoleList(s: string): Role[] {
  const out: Role[] = [];
  for (const r of s.split(",").map((x) => x.trim()).filter(Boolean)) {
    if (!(ROLES as readonly string[]).includes(r)) throw new AdminError(`unknown role "${r}" (roles: ${ROLES.join(", ")})`);
    out.push(r as Role);
  }
  if (out.length === 0) throw new AdminError(`give at least one role (${ROLES.join(", ")})`);
  return out;
}
