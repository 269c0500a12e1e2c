/**
 * The data hub in the browser: the sign-in form (wrong password, lock-out, the right one), sign-out, a session
 * ending under an open page, navigation by role, and the upload, audit and admin pages. Registered by
 * workbench.test.ts so it shares that file's app, database and browser.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { AuditPage, Me } from "../../src/shared/api-types.js";
import { until, type E2e } from "./harness.js";
import { ORGS, signIn, USERS, type E2eUser } from "./server.js";

async function fillSignIn(page: Page, user: E2eUser, password = user.password): Promise<void> {
  await page.getByLabel("Username").fill(user.username);
  await page.getByLabel("Password").fill(password);
  await Promise.all([page.waitForResponse("**/api/auth/login"), page.getByRole("button", { name: "Sign in" }).click()]);
}

/** 5,004 lines: one not JSON (line 2), one with a bad date (3), one without title or body (5004), 5,001 good ads. */
function uploadFile(): Buffer {
  const ad = (i: number) => JSON.stringify({ id: `up-${i}`, source: "e2e-upload", title: `Uploaded ad ${i}`, body: `Synthetic upload ${i}, call 416 555 01${String(i % 100).padStart(2, "0")}`, city: "Ottawa", region: "ON" });
  const lines = [ad(0), "{ this is not json", JSON.stringify({ id: "bad-date", source: "e2e-upload", title: "x", posted_at: "yesterday" })];
  for (let i = 1; i <= 5000; i++) lines.push(ad(i));
  lines.push(JSON.stringify({ id: "no-text", source: "e2e-upload" }));
  return Buffer.from(`${lines.join("\n")}\n`);
}

const navLinks = async (page: Page) => page.getByRole("navigation", { name: "Main" }).getByRole("link").allTextContents();

export function hubTests(get: () => E2e): void {
  describe("data hub: sign-in, roles, upload, audit, admin", () => {
    it("sign-in form: a wrong password is refused, the right one reaches the dashboard; sign out returns to sign-in", async () => {
      const e2e = get();
      const { ctx, page, errors } = await e2e.newPage({ user: null });
      await page.goto("/");
      await page.getByRole("heading", { name: "Sign in" }).waitFor();
      await expect(page.locator("main").textContent()).resolves.toContain("one-time sign-in link");
      expect(await navLinks(page)).toEqual([]);
      await e2e.check(page, "sign-in");

      await fillSignIn(page, USERS.login, "not the right password");
      await page.getByRole("alert").getByText("Wrong username or password.").waitFor();
      await e2e.check(page, "sign-in-error");

      await fillSignIn(page, USERS.login);
      await page.getByRole("heading", { name: "Dashboard" }).waitFor();
      await expect(page.getByTestId("account-user").textContent()).resolves.toBe(USERS.login.username);
      await expect(page.getByTestId("account-org").textContent()).resolves.toBe(ORGS[USERS.login.org]);
      // an analyst only: the workbench, no upload, audit or admin
      expect(await navLinks(page)).toEqual(["Dashboard", "Search", "Networks", "Map", "Cases"]);

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByRole("heading", { name: "Sign in" }).waitFor();
      await page.getByText("You are signed out.").waitFor();
      await page.reload();
      await page.getByRole("heading", { name: "Sign in" }).waitFor();
      expect(errors).toEqual([]);
      await ctx.close();
    });

    it("repeated wrong passwords lock the account and the form says how long to wait", async () => {
      const { ctx, page, errors } = await get().newPage({ user: null });
      await page.goto("/");
      await page.getByRole("heading", { name: "Sign in" }).waitFor();
      for (let i = 0; i < 5; i++) await fillSignIn(page, USERS.locked, `wrong password ${i}`);
      const alert = await page.getByRole("alert").textContent();
      expect(alert).toMatch(/locked after too many failed sign-ins: try again in \d+ s/);
      // locked means locked: the right password does not get in either until the wait is over
      await fillSignIn(page, USERS.locked);
      await expect(page.getByRole("alert").textContent()).resolves.toMatch(/try again in \d+ s/);
      expect(errors).toEqual([]);
      await ctx.close();
    });

    it("a session that ends under an open page sends the user to sign-in, and back to the same page after", async () => {
      const { ctx, page, errors } = await get().newPage({ allowRefusals: true });
      await page.goto("/cases");
      await page.getByRole("heading", { name: "Cases" }).waitFor();
      // the session ends elsewhere (another tab signs out); the page still holds its old CSRF token
      const me = (await (await ctx.request.get("/api/auth/me")).json()) as Me;
      expect((await ctx.request.post("/api/auth/logout", { headers: { "x-csrf-token": me.csrf } })).status()).toBe(204);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Networks" }).click();
      await page.getByRole("heading", { name: "Sign in" }).waitFor();
      await page.getByText("Your session has ended").waitFor();
      await fillSignIn(page, USERS.all);
      await page.getByRole("heading", { name: "Networks" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/networks");
      expect(errors).toEqual([]);
      await ctx.close();
    });

    it("a contributor-only user sees Upload but not Search, and uploads a JSONL file in chunks with its rejects by line", async () => {
      const e2e = get();
      const { ctx, page, errors } = await e2e.newPage({ user: "contributor" });
      await page.goto("/");
      await page.getByRole("heading", { name: `Welcome, ${USERS.contributor.username}` }).waitFor();
      expect(await navLinks(page)).toEqual(["Home", "Upload"]);
      await e2e.check(page, "home-contributor");
      await page.goto("/search");
      await page.getByRole("heading", { name: "Not available to you" }).waitFor();

      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Upload" }).click();
      await page.getByRole("heading", { name: "Upload ads" }).waitFor();
      await page.getByLabel("JSONL file").setInputFiles({ name: "ads.jsonl", mimeType: "application/x-ndjson", buffer: uploadFile() });
      // The organization's default level is preselected (the e2e organizations default to "hub"); choose private.
      expect(await page.getByRole("radio", { name: /^Hub/ }).isChecked()).toBe(true);
      await page.getByRole("radio", { name: /^Private/ }).check();
      await e2e.check(page, "upload");
      const t0 = Date.now();
      await page.getByRole("button", { name: "Upload" }).click();
      await page.getByTestId("upload-progress").getByText("Done.").waitFor({ timeout: 60_000 });
      console.log(`upload: 5,003 records in 2 chunks in ${Date.now() - t0} ms`);

      const chunks = page.getByTestId("upload-chunks").locator("tbody tr");
      expect(await chunks.count()).toBe(2);
      await expect(chunks.nth(0).textContent()).resolves.toContain("(5,000 records)");
      await expect(chunks.nth(1).textContent()).resolves.toContain("5,002–5,004 (3 records)");
      await expect(page.locator("main").textContent()).resolves.toContain("5,001 new");
      const rejects = await page.getByTestId("upload-rejects").locator("tbody tr").evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent ?? "")));
      expect(rejects.map((r) => r[0])).toEqual(["2", "3", "5,004"]);
      expect(rejects[0][3]).toMatch(/not valid JSON/);
      expect(rejects[1][2]).toBe("bad-date");
      expect(rejects[1][3]).toMatch(/posted_at/);
      expect(rejects[2][3]).toMatch(/title or body is required/);
      await e2e.check(page, "upload-results");
      expect(errors).toEqual([]);
      await ctx.close();
    });

    it("the audit page lists entries, filters by action, and verifies the hash chain", async () => {
      const e2e = get();
      const { ctx, page, errors } = await e2e.newPage();
      await page.goto("/audit");
      await page.getByRole("heading", { name: "Audit log" }).waitFor();
      await page.getByTestId("audit-table").waitFor();
      expect(await page.getByTestId("audit-table").locator("tbody tr").count()).toBeGreaterThan(3);

      await page.getByLabel("Action").fill("login.failed");
      await page.getByRole("button", { name: "Apply filters" }).click();
      await page.waitForURL(/\/audit\?action=login\.failed$/);
      await until(async () => (await page.getByTestId("audit-table").locator("tbody tr td:nth-child(4)").allTextContents()).every((a) => a === "login.failed"), "filtered rows");
      const actions = await page.getByTestId("audit-table").locator("tbody tr td:nth-child(4)").allTextContents();
      expect(actions.length).toBeGreaterThan(0);
      const api = await e2e.getJson<AuditPage>("/api/audit?action=login.failed&limit=1000");
      expect(actions.length).toBe(api.items.length);

      await page.getByRole("button", { name: "Verify chain" }).click();
      await page.getByTestId("verify-result").getByText("Chain intact").waitFor();
      await expect(page.getByTestId("verify-result").textContent()).resolves.toMatch(/Chain intact: [\d,]+ entries\. Head hash [0-9a-f]{64}/);
      await e2e.check(page, "audit");
      expect(errors).toEqual([]);
      await ctx.close();
    });

    it("the admin page creates a user (password shown once), changes roles, and creates and revokes a token", async () => {
      const e2e = get();
      const { ctx, page, errors } = await e2e.newPage();
      await page.goto("/admin");
      const users = page.getByTestId("users-table");
      await users.getByRole("rowheader", { name: USERS.login.username, exact: true }).waitFor();
      expect(await users.getByRole("rowheader", { name: USERS.contributor.username, exact: true }).count()).toBe(0);
      expect(await page.getByLabel(`admin role for ${USERS.all.username}`).isDisabled()).toBe(true);

      await page.getByLabel("Username", { exact: true }).fill("e2e-made");
      await page.getByRole("group", { name: "Roles" }).getByLabel(/^analyst/).uncheck();
      await page.getByRole("group", { name: "Roles" }).getByLabel(/^auditor/).check();
      await page.getByRole("button", { name: "Create user" }).click();
      const password = (await page.getByTestId("secret").textContent()) ?? "";
      expect(password.length).toBeGreaterThanOrEqual(16);
      await expect(page.getByText("shown once").first().isVisible()).resolves.toBe(true);
      const made = await signIn(e2e.api.url, { username: "e2e-made", password, org: USERS.all.org, roles: [] });
      expect(made.csrf).toBeTruthy();

      await page.getByLabel("analyst role for e2e-made").check();
      await until(async () => {
        const r = await fetch(`${e2e.api.url}/api/auth/me`, { headers: { cookie: made.cookie } });
        return ((await r.json()) as Me).roles.includes("analyst");
      }, "the analyst role to be granted");
      await e2e.check(page, "admin");

      await page.getByRole("button", { name: "Done, hide it" }).click();
      // Disable ends the user's session at once; a password reset shows the new one once and it signs in.
      await page.getByRole("button", { name: "Disable e2e-made" }).click();
      await users.getByRole("row", { name: /e2e-made/ }).getByText("disabled", { exact: true }).waitFor();
      expect((await fetch(`${e2e.api.url}/api/auth/me`, { headers: { cookie: made.cookie } })).status).toBe(401);
      await page.getByRole("button", { name: "Enable e2e-made" }).click();
      await page.getByRole("button", { name: "Reset password of e2e-made" }).click();
      const fresh = (await page.getByTestId("secret").textContent()) ?? "";
      expect(fresh).not.toBe(password);
      expect((await signIn(e2e.api.url, { username: "e2e-made", password: fresh, org: USERS.all.org, roles: [] })).csrf).toBeTruthy();
      await page.getByRole("button", { name: "Done, hide it" }).click();
      await page.getByLabel("Name", { exact: true }).fill("e2e scraper");
      await page.getByRole("button", { name: "Create token" }).click();
      await expect(page.getByTestId("secret").textContent()).resolves.toMatch(/^tl_/);
      const tokens = page.getByTestId("tokens-table");
      await tokens.getByText("e2e scraper").waitFor();
      await page.getByRole("button", { name: "Revoke token e2e scraper" }).click();
      await page.getByRole("button", { name: "Yes, revoke e2e scraper" }).click();
      await tokens.getByText(/^revoked /).waitFor();
      expect(errors).toEqual([]);
      await ctx.close();
    });
  });
}

