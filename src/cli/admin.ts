/**
 * `threadline admin …`: the hub operator's commands (whoever holds the database file): first-run setup,
 * organizations, users and roles, one-time login links, API tokens, retention periods.
 */
import type { Command } from "commander";
import { SHARING_LEVELS, TOKEN_SCOPES, type TokenScope } from "../domain/access.js";
import type { SharingLevel } from "../domain/ad.js";
import { AdminError, changeRoles, createOrg, createUser, parseRoleList, setupHub } from "../hub/admin.js";
import { Auth, LOGIN_LINK_MINUTES } from "../hub/auth.js";
import { generatePassword, hashPassword } from "../hub/password.js";
import type { Store } from "../store/store.js";
import { cliActor } from "./actor.js";
import { CliError, dbOption, withStore } from "./common.js";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

/** Runs an admin action, turning rule violations into plain CLI errors. */
async function act<T>(db: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  try {
    return await withStore(db, fn);
  } catch (e) {
    if (e instanceof AdminError) throw new CliError(`admin: ${e.message}`);
    throw e;
  }
}

function roleList(s: string) {
  try {
    return parseRoleList(s);
  } catch (e) {
    throw new CliError(`admin: ${(e as Error).message}`);
  }
}

function parseSharing(v: string): SharingLevel {
  if (!(SHARING_LEVELS as readonly string[]).includes(v)) throw new CliError(`admin: sharing must be one of ${SHARING_LEVELS.join(", ")}`);
  return v as SharingLevel;
}

export async function loginLink(store: Store, username: string, baseUrl: string): Promise<string> {
  const user = await store.hub.getUser(username);
  if (!user) throw new AdminError(`no user "${username}"`);
  const token = await new Auth(store.hub).createLoginLink(user.id);
  await store.audit.append({ actor: cliActor(), org: user.org, action: "login-link.create", target: username, detail: {} });
  return `${baseUrl.replace(/\/$/, "")}/api/auth/link?token=${token}`;
}

export function registerAdmin(program: Command): void {
  const admin = program.command("admin").description("organizations, users, roles, tokens and retention (hub operator)");
  const out = (s: string) => process.stdout.write(`${s}\n`);

  dbOption(admin.command("setup"))
    .description("first run: create the first organization and its first admin (all roles); prints a generated password once")
    .requiredOption("--org <id>", "organization id (lower-case, e.g. ngo-north)")
    .option("--org-name <name>", "organization display name")
    .requiredOption("--user <username>", "the admin's username")
    .option("--password-stdin", "read the password from standard input instead of generating one")
    .action(async (o: { db?: string; org: string; orgName?: string; user: string; passwordStdin?: boolean }) => {
      const password = o.passwordStdin ? await readStdin() : undefined;
      const r = await act(o.db, (s) => setupHub(s, cliActor(), { org: o.org, orgName: o.orgName ?? o.org, username: o.user, password }));
      out(`admin: created ${r.user.username} in ${r.user.org} with roles ${r.user.roles.join(", ")}`);
      if (r.generated) out(`admin: password (shown once, store it safely): ${r.password}`);
    });

  dbOption(admin.command("create-org <id>"))
    .description("create an organization")
    .option("--name <name>", "display name")
    .option("--default-sharing <level>", "sharing level of its uploads unless stated: private, hub or aggregate", "hub")
    .action(async (id: string, o: { db?: string; name?: string; defaultSharing: string }) => {
      const org = await act(o.db, (s) => createOrg(s, cliActor(), id, o.name ?? id, parseSharing(o.defaultSharing)));
      out(`admin: organization ${org.id} (${org.name}), uploads default to ${org.defaultSharing}`);
    });

  dbOption(admin.command("create-user <username>"))
    .description("create a user in an organization; prints a generated password once unless --password-stdin")
    .requiredOption("--org <id>", "organization")
    .requiredOption("--role <roles>", "comma-separated roles: admin, analyst, contributor, auditor")
    .option("--password-stdin", "read the password from standard input")
    .action(async (username: string, o: { db?: string; org: string; role: string; passwordStdin?: boolean }) => {
      const parsed = roleList(o.role);
      const password = o.passwordStdin ? await readStdin() : undefined;
      const r = await act(o.db, (s) => createUser(s, cliActor(), { username, org: o.org, roles: parsed, password }));
      out(`admin: created ${r.user.username} in ${r.user.org} with roles ${r.user.roles.join(", ")}`);
      if (r.generated) out(`admin: password (shown once): ${r.password}`);
    });

  for (const verb of ["grant", "revoke"] as const) {
    dbOption(admin.command(`${verb} <username> <roles>`))
      .description(verb === "grant" ? "give a user roles (comma-separated)" : "take roles from a user (comma-separated)")
      .action(async (username: string, list: string, o: { db?: string }) => {
        const roles = roleList(list);
        const u = await act(o.db, (s) => changeRoles(s, cliActor(), username, verb === "grant" ? roles : [], verb === "revoke" ? roles : []));
        out(`admin: ${u.username} now has roles ${u.roles.join(", ") || "(none)"}`);
      });
  }

  const control: [string, string][] = [
    ["disable", "stop a user signing in (ends their sessions)"],
    ["enable", "let a disabled user sign in again"],
    ["unlock", "clear a lock-out after failed sign-ins"],
    ["reset-password", "set a new generated password (shown once) and end the user's sessions"],
  ];
  for (const [verb, about] of control) {
    dbOption(admin.command(`${verb} <username>`))
      .description(about)
      .action(async (username: string, o: { db?: string }) => {
        const password = await act(o.db, async (s) => {
          const u = await s.hub.getUser(username);
          if (!u) throw new AdminError(`no user "${username}"`);
          let fresh: string | null = null;
          if (verb === "disable") await s.hub.setDisabled(u.id, new Date().toISOString());
          if (verb === "enable") await s.hub.setDisabled(u.id, null);
          if (verb === "unlock") await s.hub.resetLoginFailures(u.id);
          if (verb === "reset-password") {
            fresh = generatePassword();
            await s.hub.setPassword(u.id, await hashPassword(fresh));
          }
          if (verb === "disable" || verb === "reset-password") await s.hub.deleteUserSessions(u.id);
          await s.audit.append({ actor: cliActor(), org: u.org, action: `user.${verb}`, target: username, detail: {} });
          return fresh;
        });
        out(`admin: ${username}: ${verb} done`);
        if (password) out(`admin: new password (shown once): ${password}`);
      });
  }

  dbOption(admin.command("users"))
    .description("list users (no secrets)")
    .option("--org <id>", "only this organization")
    .action(async (o: { db?: string; org?: string }) => {
      const users = await act(o.db, (s) => s.hub.listUsers(o.org));
      for (const u of users) out(`${u.username}\t${u.org}\t${u.roles.join(",")}${u.disabledAt ? "\tdisabled" : ""}`);
    });

  dbOption(admin.command("login-link <username>"))
    .description(`print a one-time sign-in link (valid ${LOGIN_LINK_MINUTES} minutes)`)
    .option("--base-url <url>", "where the server runs", "http://127.0.0.1:8080")
    .action(async (username: string, o: { db?: string; baseUrl: string }) => {
      out(await act(o.db, (s) => loginLink(s, username, o.baseUrl)));
    });

  const token = admin.command("token").description("API tokens for machine upload and matching");
  dbOption(token.command("create"))
    .description("create a token; it is printed once and stored only as a hash")
    .requiredOption("--org <id>", "organization")
    .requiredOption("--name <name>", "what it is for")
    .option("--scopes <list>", `comma-separated: ${TOKEN_SCOPES.join(", ")}`, "upload")
    .option("--days <n>", "days until it expires (1–365)", (v) => Number.parseInt(v, 10), 90)
    .action(async (o: { db?: string; org: string; name: string; scopes: string; days: number }) => {
      const scopes = o.scopes.split(",").map((x) => x.trim());
      for (const sc of scopes) if (!(TOKEN_SCOPES as readonly string[]).includes(sc)) throw new CliError(`admin: unknown scope "${sc}" (${TOKEN_SCOPES.join(", ")})`);
      if (!Number.isInteger(o.days) || o.days < 1 || o.days > 365) throw new CliError("admin: --days must be 1–365");
      const g = await act(o.db, async (s) => {
        if (!(await s.hub.getOrg(o.org))) throw new AdminError(`no organization "${o.org}"`);
        const grant = await new Auth(s.hub).createToken(o.org, o.name, scopes as TokenScope[], o.days, null);
        await s.audit.append({ actor: cliActor(), org: o.org, action: "token.create", target: grant.record.id, detail: { scopes, days: o.days } });
        return grant;
      });
      out(`admin: token ${g.record.id} for ${o.org}, scopes ${g.record.scopes.join(",")}, expires ${g.record.expiresAt}`);
      out(`admin: token (shown once): ${g.token}`);
    });
  dbOption(token.command("revoke <id>"))
    .description("revoke a token")
    .action(async (id: string, o: { db?: string }) => {
      await act(o.db, async (s) => {
        if (!(await s.hub.revokeToken(id, new Date().toISOString()))) throw new AdminError(`no active token "${id}"`);
        const t = await s.hub.getToken(id);
        await s.audit.append({ actor: cliActor(), org: t?.org ?? null, action: "token.revoke", target: id, detail: {} });
      });
      out(`admin: token ${id} revoked`);
    });
  dbOption(token.command("list"))
    .description("list tokens (never their secrets)")
    .action(async (o: { db?: string }) => {
      for (const t of await act(o.db, (s) => s.hub.listTokens())) out(`${t.id}\t${t.org}\t${t.name}\t${t.scopes.join(",")}\texpires ${t.expiresAt}${t.revokedAt ? `\trevoked ${t.revokedAt}` : ""}`);
    });

  dbOption(admin.command("retention <org> <days>"))
    .description('keep an organization\'s records this many days ("off" keeps them); apply with `threadline retention apply`')
    .action(async (org: string, days: string, o: { db?: string }) => {
      const n = days === "off" ? null : Number.parseInt(days, 10);
      if (n !== null && (!Number.isInteger(n) || n < 1 || String(n) !== days)) throw new CliError('admin: days must be a whole number ≥ 1, or "off"');
      await act(o.db, async (s) => {
        if (!(await s.hub.getOrg(org))) throw new AdminError(`no organization "${org}"`);
        await s.hub.setRetention(org, n);
        await s.audit.append({ actor: cliActor(), org, action: "retention.set", target: org, detail: { days: n } });
      });
      out(`admin: retention for ${org}: ${n === null ? "off" : `${n} days`}`);
    });
}
