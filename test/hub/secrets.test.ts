/** Random ids typed on command lines: letters and digits only, so none can read as an option ("-…"). */
import { describe, expect, it } from "vitest";
import { randomId } from "../../src/hub/secrets.js";
import { Auth } from "../../src/hub/auth.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { tempDir } from "../helpers.js";
import { createOrg } from "../../src/hub/admin.js";

describe("randomId", () => {
  it("gives letters and digits only, of the asked length, every one of the 62 characters in use", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const id = randomId(12);
      expect(id).toMatch(/^[A-Za-z0-9]{12}$/);
      for (const c of id) seen.add(c);
    }
    expect(seen.size).toBe(62);
  });

  it("makes API token ids that a command line takes as an argument", async () => {
    const t = tempDir();
    const store = await SqliteStore.open(t.file("h.db"));
    try {
      await createOrg(store, "cli", "bank", "Bank");
      const auth = new Auth(store.hub);
      for (let i = 0; i < 200; i++) {
        const g = await auth.createToken("bank", `t${i}`, ["upload"], 1, null);
        expect(g.record.id).toMatch(/^[A-Za-z0-9]{12}$/);
        expect(g.token).toMatch(/^tl_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
      }
    } finally {
      await store.close();
      t.cleanup();
    }
  });
});
