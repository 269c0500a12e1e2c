/**
 * What every browser test shares: the running app, the browser, signed-in pages, screenshots with an axe check,
 * polling, and Node-side API reads with a session of their own.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { tempDir } from "../helpers.js";
import { inkShare, launchBrowser, seriousA11yViolations, type AxeViolation } from "./browser.js";
import { buildE2eDb } from "./corpus.js";
import { buildWeb, signIn, startApi, USERS, type RunningApi, type UserKey } from "./server.js";

export const SHOTS = "artifacts/screenshots";

export interface OpenPage {
  ctx: BrowserContext;
  page: Page;
  errors: string[];
}

export class E2e {
  readonly a11y = new Map<string, AxeViolation[]>();

  private constructor(
    readonly api: RunningApi,
    readonly browser: Browser,
    private readonly session: { cookie: string; csrf: string },
    private readonly tmp: ReturnType<typeof tempDir>,
  ) {}

  static async start(): Promise<E2e> {
    mkdirSync(SHOTS, { recursive: true });
    const tmp = tempDir();
    const [db, web] = await Promise.all([buildE2eDb(tmp.dir, { ads: 2500, seed: 11 }), buildWeb(join(tmp.dir, "web"))]);
    const api = await startApi(db, web);
    const browser = await launchBrowser();
    return new E2e(api, browser, await signIn(api.url, USERS.all), tmp);
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.api.close();
    this.tmp.cleanup();
    if (this.a11y.size > 0) console.log(`a11y: ${[...this.a11y].map(([p, v]) => `${p}: ${v.length} serious/critical`).join("; ")}`);
  }

  /**
   * A fresh browser context, signed in as `user` through a one-time link (fetched with the context's own request
   * client, so the session cookie lands in the context), or signed out with `user: null`.
   */
  async newPage(opts: { viewport?: { width: number; height: number }; user?: UserKey | null; allowRefusals?: boolean } = {}): Promise<OpenPage> {
    const ctx = await this.browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 }, baseURL: this.api.url, reducedMotion: "reduce", acceptDownloads: true });
    const user = opts.user === undefined ? "all" : opts.user;
    if (user) {
      const res = await ctx.request.get(await this.api.loginLink(user), { maxRedirects: 0 });
      expect(res.status(), "one-time link signs in").toBe(303);
    }
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    // the browser logs every refused request (401 before sign-in, 429 when locked) itself; where a test provokes
    // them on purpose they are not errors of the page
    const refusals = opts.allowRefusals ?? user === null;
    page.on("console", (m) => {
      if (m.type() === "error" && !(refusals && /status of 4(01|03|29)/.test(m.text()))) errors.push(`console: ${m.text()}`);
    });
    return { ctx, page, errors };
  }

  /** A full-page screenshot, and no serious or critical axe violations. */
  async check(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    const v = await seriousA11yViolations(page);
    this.a11y.set(name, v);
    expect(v, `${name}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
  }

  /** GET an API path as the `all` user (Node side, its own session). */
  async getJson<T>(path: string): Promise<T> {
    const res = await fetch(this.api.url + path, { headers: { cookie: this.session.cookie } });
    if (!res.ok) throw new Error(`e2e: GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** fetch() with the `all` user's session cookie. */
  fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("cookie", this.session.cookie);
    if (init.method && init.method !== "GET") headers.set("x-csrf-token", this.session.csrf);
    return fetch(this.api.url + path, { ...init, headers });
  }
}

export async function until<T>(fn: () => Promise<T | null | false | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`e2e: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export async function mapDrawn(page: Page, selector: string): Promise<number> {
  // maps mount when scrolled into view
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  const map = page.locator(`${selector}[data-map-ready]`).first();
  await map.waitFor({ timeout: 20_000 });
  return until(async () => {
    const s = await inkShare(page, map.locator("canvas"));
    return s > 0.05 ? s : null;
  }, `${selector} to draw`);
}
