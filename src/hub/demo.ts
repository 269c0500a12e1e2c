/**
 * The demo's hub: one organization for the person running `npm start`, holding every role, with a random password
 * nobody sees — they come in through a one-time login link printed in the terminal.
 */
import { ROLES } from "../domain/access.js";
import type { Store } from "../store/store.js";
import { createOrg, createUser } from "./admin.js";

export const DEMO_ORG = "demo";
export const DEMO_USER = "demo";

export async function setupDemoHub(store: Store, actor: string): Promise<void> {
  if (!(await store.hub.getOrg(DEMO_ORG))) await createOrg(store, actor, DEMO_ORG, "Demo organization (synthetic data)");
  if (!(await store.hub.getUser(DEMO_USER))) await createUser(store, actor, { username: DEMO_USER, org: DEMO_ORG, roles: [...ROLES] });
}
