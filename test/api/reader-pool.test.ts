/**
 * Reader threads (src/api/reader-pool.ts): a network explained by a reader thread is the same JSON as on the
 * request's thread, for every viewer — including one that must not see some members — and a reader that cannot
 * start fails its request instead of hanging it. The pool runs the compiled worker (dist/, built by `pretest`).
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiContext } from "../../src/api/context.js";
import { networkDetail } from "../../src/api/networks/detail.js";
import type { ReaderPool } from "../../src/api/reader-pool.js";
import { buildServer } from "../../src/api/server.js";
import { Auth } from "../../src/hub/auth.js";
import { createOrg } from "../../src/hub/admin.js";
import type { ReadScope } from "../../src/domain/access.js";
import type { NetworkDetail } from "../../src/shared/api-types.js";
import { refreshNetworkVisibility } from "../../src/store/sqlite/retention.js";
import type { SqliteStore } from "../../src/store/sqlite/store.js";
import { as, buildFixture, signIn, type Fixture } from "./fixture.js";

const { ReaderPool: Pool } = (await import(new URL("../../dist/api/reader-pool.js", import.meta.url).href)) as { ReaderPool: typeof ReaderPool };

let f: Fixture;
let pool: ReaderPool;
let hidden: number[];
let top: string;
beforeAll(async () => {
  f = await buildFixture(600);
  const raw = (f.store as SqliteStore).raw;
  top = raw.prepare("select id from networks order by size desc, id limit 1").pluck().get() as string;
  // Three of the largest network's ads become another organization's private records.
  await createOrg(f.store, "test", "ngo-b", "NGO B");
  hidden = raw.prepare("select ad_id from network_members where network_id = ? order by ad_id limit 3").pluck().all(top) as number[];
  raw.prepare(`update ads set sharing = 'private', org_id = 'ngo-b' where id in (${hidden.join(",")})`).run();
  refreshNetworkVisibility(raw);
  pool = new Pool(f.dbPath, 2);
});
afterAll(async () => {
  await pool.close();
  await f.close();
});

async function inline(scope: ReadScope, id: string, memberLimit: number): Promise<string | null> {
  const ctx = new ApiContext(f.store, new Auth(f.store.hub));
  const reads = f.store.reads(scope);
  const row = await reads.networkRow(id);
  return row ? JSON.stringify(await networkDetail(ctx, reads, row, memberLimit)) : null;
}

describe("reader threads", () => {
  it("explain every network exactly as the request's thread does, for each viewer", async () => {
    const ids = (f.store as SqliteStore).raw.prepare("select id from networks order by size desc, id limit 25").pluck().all() as string[];
    expect(ids.length).toBeGreaterThan(10);
    for (const scope of [{ org: "ngo-a", all: false }, { org: "ngo-b", all: false }, { org: "ngo-b", all: true }]) {
      const viaPool = await Promise.all(ids.map((id) => pool.networkDetail(scope, id, 50)));
      for (const [i, id] of ids.entries()) expect(viaPool[i], `${scope.org} ${id}`).toBe(await inline(scope, id, 50));
    }
  });

  it("keep a viewer's hidden members hidden", async () => {
    const other = JSON.parse((await pool.networkDetail({ org: "ngo-a", all: false }, top, 500)) ?? "null") as NetworkDetail;
    const owner = JSON.parse((await pool.networkDetail({ org: "ngo-b", all: false }, top, 500)) ?? "null") as NetworkDetail;
    expect(owner.size - other.size).toBe(3);
    const seen = (d: NetworkDetail) => new Set(d.members.items.map((m) => m.id));
    for (const id of hidden) {
      expect(seen(other).has(id)).toBe(false);
      expect(seen(owner).has(id)).toBe(true);
      expect(other.graph.nodes.some((n) => n.id === `ad:${id}`)).toBe(false);
    }
  });

  it("answer null for a network the viewer does not have", async () => {
    expect(await pool.networkDetail({ org: "ngo-a", all: false }, "N-999999", 50)).toBeNull();
  });

  it("serve GET /api/networks/:id with the same body as the request's thread", async () => {
    const app = await buildServer({ store: f.store, logger: false, webDist: null, readers: pool, offloadNetworkAds: 2 });
    try {
      const s = await signIn(app, "ana");
      for (const id of [top, "N-999999"]) {
        const viaPool = await app.inject(as(s, { method: "GET", url: `/api/networks/${id}?memberLimit=20` }));
        const direct = await f.get(`/api/networks/${id}?memberLimit=20`);
        expect(viaPool.statusCode).toBe(direct.statusCode);
        expect(viaPool.json()).toEqual(direct.json());
        expect(viaPool.headers["content-type"]).toBe(direct.headers["content-type"]);
      }
    } finally {
      await app.close();
    }
  });

  it("keep a script alive until its job is answered and the pool has closed", () => {
    // A script has no listening socket to hold its process open: an idle reader must not, a busy one must.
    const pool = new URL("../../dist/api/reader-pool.js", import.meta.url).href;
    const script = `const { ReaderPool } = await import(${JSON.stringify(pool)});
      const p = new ReaderPool(${JSON.stringify(f.dbPath)}, 1);
      const json = await p.networkDetail({ org: "ngo-a", all: false }, ${JSON.stringify(top)}, 5);
      await p.close();
      console.log(JSON.parse(json).id);`;
    // A file, not `--input-type=module -e`: worker threads inherit the flags, and that one stops them starting.
    const file = join(dirname(f.dbPath), "script.mjs");
    writeFileSync(file, script);
    const r = spawnSync(process.execPath, [file], { encoding: "utf8", timeout: 30_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(top);
  });

  it("fail a request with the reason when a reader cannot open the database, and keep failing cleanly", async () => {
    const broken = new Pool("/nonexistent-dir/threadline.db", 1);
    try {
      await expect(broken.networkDetail({ org: "ngo-a", all: false }, top, 50)).rejects.toThrow(/reader thread/);
      await expect(broken.networkDetail({ org: "ngo-a", all: false }, top, 50)).rejects.toThrow(/reader thread/);
    } finally {
      await broken.close();
    }
  });
});
