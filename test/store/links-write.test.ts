/** Large link replacements written by a worker thread store exactly what the in-process path stores. */
import { afterAll, describe, expect, it } from "vitest";
import type { Link } from "../../src/domain/link.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { tempDir } from "../helpers.js";

const t = tempDir();
afterAll(() => t.cleanup());

function someLinks(): Link[] {
  const shared = { value: "+15550100000", ads: 3 };
  const links: Link[] = [];
  for (let i = 1; i < 400; i++) {
    links.push({ a: i, b: i + 1, kind: "text", weight: 0.5 + (i % 50) / 100, evidence: { similarity: 0.5 + (i % 50) / 100 } });
    if (i % 7 === 0) links.push({ a: i, b: i + 5, kind: "phone", weight: 0.5, evidence: shared });
  }
  return links;
}

describe("link writes", () => {
  it("a replacement written by the worker thread equals one written in process, and replaces what was there", async () => {
    // The compiled store (dist/, built by `pretest`): the worker needs compiled JavaScript to start.
    const built = (await import(new URL("../../dist/store/sqlite/store.js", import.meta.url).href)) as { SqliteStore: typeof SqliteStore };
    const viaWorker = await built.SqliteStore.open(t.file("worker.db"));
    const inProcess = await SqliteStore.open(t.file("local.db"));
    viaWorker.linksWorkerMin = 1;
    const rows = (s: SqliteStore) => s.raw.prepare("select ad_a, ad_b, kind, weight, evidence, run_id from links order by id").raw().all();
    for (const s of [viaWorker, inProcess]) {
      const run = await s.startRun("link", {});
      await s.insertLinks(run, [{ a: 1, b: 2, kind: "email", weight: 1, evidence: { value: "x@example.org", ads: 2 } }], false);
      await s.insertLinks(run, someLinks(), true);
    }
    expect(rows(viaWorker)).toEqual(rows(inProcess));
    expect(rows(viaWorker)).toHaveLength(someLinks().length);
    // Both indexes are back after the bulk rebuild.
    const indexes = (s: SqliteStore) => s.raw.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'links' order by name").pluck().all();
    expect(indexes(viaWorker)).toEqual(["links_a", "links_b"]);
    await viaWorker.close();
    await inProcess.close();
  });
});
