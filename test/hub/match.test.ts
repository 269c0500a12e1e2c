/** Privacy-preserving matching: keys, encodings, the hub-side run, the CLI, and that raw values never reach the hub. */
import { createHash } from "node:crypto";
import { Readable, Writable } from "node:stream";
import { readFileSync, writeFileSync } from "node:fs";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Command } from "commander";
import { encodeCommand, registerMatch, runCommand } from "../../src/cli/match.js";
import { CLK_BITS, clkEncode, clkFromBase64, clkToBase64, dice, nameTokens } from "../../src/hub/match/clk.js";
import { ClkIndex } from "../../src/hub/match/clk-index.js";
import { encodeRecords, type MemberValue } from "../../src/hub/match/encode.js";
import { MatchError } from "../../src/hub/match/errors.js";
import { fieldKeys, hmacHex, keyForUpload, newMatchKey, parseKeyFile, toKeyFile } from "../../src/hub/match/keys.js";
import { readMemberCsv } from "../../src/hub/match/member-csv.js";
import { maskValue, normalizeEmail, normalizeName, normalizePhone } from "../../src/hub/match/normalize.js";
import { runMatch } from "../../src/hub/match/run.js";
import type { IdentifierRow, MatchSource } from "../../src/hub/match/source.js";
import { ingestFiles } from "../../src/ingest/ingest.js";
import { openStore } from "../../src/store/open.js";
import type { MatchKeyRecord } from "../../src/store/hub.js";
import { tempDir } from "../helpers.js";

/** Fictional numbers only: 555-0100 … 555-0199 is reserved for fiction in NANP. */
const fictional = (n: number): string => `+1416555${String(100 + n).padStart(4, "0")}`;
const rawFormat = (n: number): string => `(416) 555-${String(100 + n).padStart(4, "0")}`;

function arraySource(rows: IdentifierRow[], risk = new Map<string, number>()): MatchSource {
  return {
    async *identifierRows(kinds, batch) {
      const wanted = rows.filter((r) => (kinds as readonly string[]).includes(r.kind));
      for (let i = 0; i < wanted.length; i += batch) yield wanted.slice(i, i + batch);
    },
    networkRisk: async (ids) => new Map(ids.filter((id) => risk.has(id)).map((id) => [id, risk.get(id) as number])),
  };
}

/** A fixed test key, so scores do not vary from run to run. */
const KEY: MatchKeyRecord = {
  id: "mk-test-1",
  secret: createHash("sha256").update("threadline synthetic test key").digest("base64"),
  createdAt: "2026-01-05T00:00:00.000Z",
  retiredAt: null,
};

describe("keys and digests", () => {
  it("HMACs are deterministic, and differ across fields and keys", () => {
    const a = fieldKeys(KEY.secret);
    const again = fieldKeys(KEY.secret);
    const other = fieldKeys(newMatchKey().secret);
    const v = "+14165550123";
    expect(hmacHex(a.phone, v)).toBe(hmacHex(again.phone, v));
    expect(hmacHex(a.phone, v)).toMatch(/^[0-9a-f]{64}$/);
    expect(hmacHex(a.phone, v)).not.toBe(hmacHex(a.email, v));
    expect(hmacHex(a.phone, v)).not.toBe(hmacHex(other.phone, v));
    expect(a.phone.equals(a.email)).toBe(false);
    expect(a.phone.equals(a.nameClk)).toBe(false);
    expect(hmacHex(a.phone, v)).not.toBe(hmacHex(a.phone, "+14165550124"));
  });

  it("key files round-trip and are checked; retired and unknown keys are refused by id", () => {
    const file = toKeyFile(KEY);
    expect(parseKeyFile(JSON.stringify(file))).toEqual(file);
    expect(() => parseKeyFile(JSON.stringify({ ...file, secret: "c2hvcnQ=" }))).toThrow(/secret: 32 bytes/);
    expect(() => parseKeyFile("nope")).toThrow(/not JSON/);
    const retired = { ...KEY, retiredAt: "2026-02-01T00:00:00.000Z" };
    expect(() => keyForUpload([retired], KEY.id)).toThrow(/key "mk-test-1" was retired/);
    expect(() => keyForUpload([KEY], "mk-nope")).toThrow(/key "mk-nope" is not known/);
    expect(() => toKeyFile(retired)).toThrow(MatchError);
  });
});

describe("normalization", () => {
  it("phones go to E.164 as the extractor does; emails lower-cased; names to letters", () => {
    expect(normalizePhone("(416) 555-0123")).toEqual({ value: "+14165550123" });
    expect(normalizePhone("1-416-555-0123")).toEqual({ value: "+14165550123" });
    expect(normalizePhone("416.555.0123")).toEqual({ value: "+14165550123" });
    expect(normalizePhone("12345")).toHaveProperty("error");
    expect(normalizeEmail("  Jade.Doe@Example.COM ")).toEqual({ value: "jade.doe@example.com" });
    expect(normalizeEmail("not an email")).toHaveProperty("error");
    expect(normalizeName(" Zoë-Ann ")).toBe("zoeann");
    expect(maskValue("+14165550145")).toBe("+1416•••••45");
    expect(maskValue("+14165550145")).not.toContain("55501");
  });
});

describe("CLK name filters", () => {
  const k = fieldKeys(KEY.secret).nameClk;
  it("padded bigrams", () => {
    expect(nameTokens("jade")).toEqual(["_j", "ja", "ad", "de", "e_"]);
  });
  it("Dice is high for spelling variants, low for unrelated names, 1 for the same name", () => {
    const jasmine = clkEncode(k, "Jasmine");
    // 6 of 8 padded bigrams shared: bigram Dice 0.75; the filter's Dice stays close to it
    expect(dice(jasmine, clkEncode(k, "Jazmine"))).toBeGreaterThan(0.7);
    expect(dice(jasmine, clkEncode(k, "JASMINE"))).toBe(1);
    expect(dice(clkEncode(k, "Zoë"), clkEncode(k, "zoe"))).toBe(1);
    for (const other of ["Brittany", "Kelly", "Olga", "Mo"]) expect(dice(jasmine, clkEncode(k, other))).toBeLessThan(0.3);
    // a shared ending ("ne", "e_") shows: 2 of 8 bigrams
    expect(dice(jasmine, clkEncode(k, "Roxanne"))).toBeLessThan(0.5);
    // another key hashes the same name elsewhere
    expect(dice(jasmine, clkEncode(fieldKeys(newMatchKey().secret).nameClk, "Jasmine"))).toBeLessThan(0.3);
  });
  it("base64 round-trips a 1024-bit filter; the index finds exactly the filters above threshold", () => {
    const f = clkEncode(k, "Seraphina");
    const b64 = clkToBase64(f);
    expect(Buffer.from(b64, "base64").length * 8).toBe(CLK_BITS);
    expect(clkFromBase64(b64)).toEqual(f);
    expect(clkFromBase64("AAAA")).toBeNull();
    const names = ["jasmine", "jazmine", "jasmin", "brittany", "kelly", "seraphina"];
    const filters = names.map((n) => clkEncode(k, n));
    const index = new ClkIndex(filters, 0.7);
    const q = clkEncode(k, "jasmine");
    const brute = filters.map((x, id) => ({ id, score: dice(q, x) })).filter((h) => h.score >= 0.7);
    expect(index.search(q).sort((a, b) => a.id - b.id)).toEqual(brute);
    expect(brute.map((h) => names[h.id])).toEqual(["jasmine", "jazmine", "jasmin"]);
  });
});

/** The hub: phones 0–49 in ads, five per network N-1 … N-10, plus 50 in a singleton; an email and two names. */
function hubRows(): IdentifierRow[] {
  const rows: IdentifierRow[] = [];
  for (let i = 0; i < 50; i++) {
    const net = `N-${1 + Math.floor(i / 5)}`;
    rows.push({ kind: "phone", value: fictional(i), adId: 1000 + i, networkId: net });
    rows.push({ kind: "phone", value: fictional(i), adId: 2000 + i, networkId: net });
  }
  rows.push({ kind: "phone", value: fictional(50), adId: 3000, networkId: null });
  rows.push({ kind: "email", value: "velvet.example@example.com", adId: 1000, networkId: "N-1" });
  rows.push({ kind: "name", value: "jazmine", adId: 1001, networkId: "N-1" });
  rows.push({ kind: "name", value: "jazmine", adId: 3000, networkId: null });
  rows.push({ kind: "name", value: "kelly", adId: 1002, networkId: "N-1" });
  return rows;
}

function upload(values: MemberValue[], key = KEY) {
  return encodeRecords(toKeyFile(key), values).upload;
}

describe("runMatch", () => {
  it("finds exactly the intersection for two organizations with overlapping lists", async () => {
    const source = arraySource(hubRows(), new Map([["N-7", 0.82]]));
    const orgA = Array.from({ length: 40 }, (_, j) => 30 + j); // 30–69
    const orgB = Array.from({ length: 60 }, (_, j) => 40 + j); // 40–99
    const hub = new Set(Array.from({ length: 51 }, (_, i) => i)); // 0–50
    for (const list of [orgA, orgB]) {
      const up = upload(list.map((n) => ({ ref: `row-${n}`, kind: "phone" as const, raw: rawFormat(n) })));
      const result = await runMatch(up, [KEY], source);
      const expected = list.filter((n) => hub.has(n)).map((n) => `row-${n}`);
      expect(result.matches.map((m) => m.ref)).toEqual(expected);
      expect(result.records).toBe(list.length);
      expect(result.matched).toBe(expected.length);
      expect(result.problems).toEqual([]);
      for (const m of result.matches) {
        const n = Number(m.ref.slice(4));
        expect(m.networks).toEqual(n === 50 ? [{ networkId: "S-3000", ads: 1, risk: null }] : [{ networkId: `N-${1 + Math.floor(n / 5)}`, ads: 2, risk: n >= 30 && n < 35 ? 0.82 : null }]);
        expect(m.ads).toBe(n === 50 ? 1 : 2);
      }
      // never a value or a digest in the answer
      const text = JSON.stringify(result);
      expect(text).not.toMatch(/\+1416/);
      expect(text).not.toMatch(/[0-9a-f]{64}/);
    }
  });

  it("matches emails exactly and names by Dice, with the score", async () => {
    const source = arraySource(hubRows());
    const up = upload([
      { ref: "a", kind: "email", raw: "Velvet.Example@EXAMPLE.com" },
      { ref: "b", kind: "email", raw: "someone.else@example.com" },
      { ref: "c", kind: "name", raw: "Jasmine" },
      { ref: "d", kind: "name", raw: "Jazmine" },
      { ref: "e", kind: "name", raw: "Oriabelle" },
    ]);
    const strict = await runMatch(up, [KEY], source);
    expect(strict.matches.map((m) => m.ref)).toEqual(["a", "d"]);
    expect(strict.matches[1]).toMatchObject({ kind: "name", score: 1, ads: 2 });
    expect(strict.matches[1].networks.map((n) => n.networkId).sort()).toEqual(["N-1", "S-3000"]);
    const loose = await runMatch(up, [KEY], source, { threshold: 0.7 });
    const c = loose.matches.find((m) => m.ref === "c");
    expect(c?.score).toBeGreaterThan(0.7);
    expect(c?.score).toBeLessThan(0.85);
    expect(loose.matches.map((m) => m.ref)).toEqual(["a", "c", "d"]);
  });

  it("accepts any active key (rotation) and refuses a retired one, naming it", async () => {
    const source = arraySource(hubRows());
    const next = newMatchKey(new Date("2026-03-01T00:00:00Z"), "mk-test-2");
    const values = [{ ref: "1", kind: "phone" as const, raw: rawFormat(3) }];
    const keys = [KEY, next];
    expect((await runMatch(upload(values, KEY), keys, source)).matched).toBe(1);
    expect((await runMatch(upload(values, next), keys, source)).matched).toBe(1);
    const retired = [{ ...KEY, retiredAt: "2026-03-02T00:00:00.000Z" }, next];
    await expect(runMatch(upload(values, KEY), retired, source)).rejects.toThrow(/key "mk-test-1" was retired/);
    await expect(runMatch(upload(values, KEY), retired, source)).rejects.toMatchObject({ code: "retired-key" });
    // a digest made with one key does not match under another, even when the upload claims it
    const forged = { ...upload(values, KEY), keyId: next.id };
    expect((await runMatch(forged, keys, source)).matched).toBe(0);
  });

  it("reports a malformed record by index and still matches the rest", async () => {
    const up = upload([0, 1, 2].map((n) => ({ ref: `r${n}`, kind: "phone" as const, raw: rawFormat(n) })));
    const records: unknown[] = [...up.records];
    records.splice(1, 0, { ref: "bad", kind: "phone", hmac: "xyz" }, { ref: "leak", kind: "phone", hmac: "0".repeat(64), value: "+14165550100" }, 42);
    const result = await runMatch({ ...up, records }, [KEY], arraySource(hubRows()));
    expect(result.matches.map((m) => [m.index, m.ref])).toEqual([
      [0, "r0"],
      [4, "r1"],
      [5, "r2"],
    ]);
    expect(result.problems.map((p) => [p.index, p.ref])).toEqual([
      [1, "bad"],
      [2, "leak"],
      [3, null],
    ]);
    expect(result.problems[0].problem).toMatch(/hmac: must be 64 lower-case hex/);
    expect(result.problems[1].problem).toMatch(/value/);
    expect(JSON.stringify(result.problems)).not.toContain("+1416");
    await expect(runMatch({ ...up, format: "other/1" }, [KEY], arraySource([]))).rejects.toMatchObject({ code: "bad-upload" });
  });
});

describe("member CSV", () => {
  it("reads chosen columns with a ref column, and reports unusable rows by line", async () => {
    const csv = "id,Mobile,email,name\nc1,(416) 555-0101,a@example.com,Jade\n,416-555-0102,,\nc3,not a phone,,\n";
    const out = [];
    for await (const v of readMemberCsv(Readable.from([csv]), { columns: ["phone=mobile", "email"], refColumn: "id" })) out.push(v);
    expect(out).toEqual([
      { ref: "c1", kind: "phone", raw: "(416) 555-0101", line: 2 },
      { ref: "c1", kind: "email", raw: "a@example.com", line: 2 },
      { line: 3, problem: "empty reference column" },
      { ref: "c3", kind: "phone", raw: "not a phone", line: 4 },
      { ref: "c3", kind: "email", raw: "", line: 4 },
    ]);
    const gen = readMemberCsv(Readable.from([csv]), { columns: ["phone=Mobile"], refColumn: "Mobile" });
    await expect(gen.next()).rejects.toThrow(/also a value column/);
  });
});

/** Collects what is written to it. */
function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  }) as Writable & { text: () => string };
  w.text = () => chunks.join("");
  return w;
}

describe("privacy: CLI encode + run against a real store", () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => {
    t = tempDir();
  });
  afterEach(() => t.cleanup());

  it("no member value absent from the hub's ads reaches the database, the output or the logs in any form", async () => {
    // The hub's ads: fictional phones 0–9, one email, one name.
    const ads = Array.from({ length: 10 }, (_, i) => ({
      id: `hub-${i}`,
      source: "synthsite",
      title: `Sweet ${i}`,
      body: `Jade here, text me ${rawFormat(i)} or velvet.example@example.com`,
      city: "Toronto",
      region: "ON",
      posted_at: `2026-01-0${1 + (i % 9)}T12:00:00Z`,
    }));
    writeFileSync(t.file("ads.jsonl"), ads.map((a) => JSON.stringify(a)).join("\n") + "\n");
    const dbPath = t.file("hub.db");
    const store = await openStore(dbPath);
    await ingestFiles(store, [t.file("ads.jsonl")]);
    await store.hub.createOrg("bank-a", "Bank A (synthetic)");
    const key = newMatchKey(new Date(), "mk-privacy");
    await store.hub.putMatchKey(key);
    await store.close();
    writeFileSync(t.file("key.json"), JSON.stringify(toKeyFile(key)));

    // The member's customers: phones 5–14 (5–9 in the hub), an email and a name in the hub, and secrets that are not.
    const secretPhones = [10, 11, 12, 13, 14];
    const secretEmail = "Quill.Marrow@Example.org";
    const secretName = "Oriabelle";
    const badPhone = "416-555-01";
    const lines = ["cust_id,phone,email,name"];
    for (let n = 5; n <= 14; n++) lines.push(`C${n},${rawFormat(n)},${n === 5 ? "velvet.example@example.com" : n === 6 ? secretEmail : ""},${n === 7 ? "Jade" : n === 8 ? secretName : ""}`);
    lines.push(`C99,${badPhone},,`);
    writeFileSync(t.file("customers.csv"), lines.join("\n") + "\n");

    const logged: string[] = [];
    const spyOut = vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => (logged.push(String(s)), true));
    const spyErr = vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => (logged.push(String(s)), true));
    const err = sink();
    const out = sink();
    try {
      const enc = await encodeCommand({ key: t.file("key.json"), in: t.file("customers.csv"), out: t.file("upload.json"), column: [], refColumn: "cust_id" }, err);
      expect(enc.records).toBe(14);
      expect(enc.problems).toHaveLength(1);
      expect(err.text()).toMatch(/line 12 phone 416-5•+01: no valid phone number/);
      await runCommand(t.file("upload.json"), { db: dbPath, org: "bank-a" }, out);
    } finally {
      spyOut.mockRestore();
      spyErr.mockRestore();
    }

    const result = JSON.parse(out.text()) as { matches: { ref: string; kind: string }[]; records: number; matched: number };
    expect(result.matches.map((m) => `${m.ref}:${m.kind}`).sort()).toEqual(["C5:email", "C5:phone", "C6:phone", "C7:name", "C7:phone", "C8:phone", "C9:phone"]);

    // Every row of every table of the hub's database, and the raw file bytes (WAL included).
    const db = new Database(dbPath, { readonly: true });
    const tables = db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
    const dump: string[] = [];
    for (const { name } of tables) {
      for (const row of db.prepare(`select * from "${name.replace(/"/g, '""')}"`).raw().all() as unknown[][]) {
        dump.push(row.map((c) => (c instanceof Buffer ? c.toString("latin1") : String(c))).join("\u0001"));
      }
    }
    const audit = db.prepare("select action, target, detail from audit_log where action like 'match.%'").all() as { action: string; target: string; detail: string }[];
    db.close();
    expect(audit).toEqual([{ action: "match.run", target: "mk-privacy", detail: expect.stringContaining('"matched":7') as unknown as string }]);
    const files = ["hub.db", "hub.db-wal", "hub.db-shm"].map((f) => {
      try {
        return readFileSync(t.file(f)).toString("latin1");
      } catch {
        return "";
      }
    });
    const haystacks = {
      database: dump.join("\n"),
      files: files.join("\n"),
      upload: readFileSync(t.file("upload.json"), "utf8"),
      output: out.text(),
      report: err.text(),
      logs: logged.join(""),
    };
    const forbidden: string[] = [];
    for (const n of secretPhones) {
      const e164 = fictional(n);
      forbidden.push(e164, e164.slice(1), e164.slice(2), rawFormat(n), `416-555-${e164.slice(-4)}`, `416.555.${e164.slice(-4)}`);
    }
    forbidden.push(secretEmail, secretEmail.toLowerCase(), "quill.marrow", secretName, secretName.toLowerCase(), badPhone);
    // the check itself works: the hub's own values are found in the database
    expect(haystacks.database).toContain(fictional(3));
    for (const [where, text] of Object.entries(haystacks)) {
      for (const f of forbidden) expect(text.includes(f), `${JSON.stringify(f)} found in ${where}`).toBe(false);
    }
    // the member's input values are nowhere in the upload
    expect(haystacks.upload).not.toMatch(/\+1416|velvet|jade/i);
  });
});

describe("match key commands", () => {
  it("new, export, list, retire; a retired key's upload is refused naming the key", async () => {
    const t = tempDir();
    const db = t.file("keys.db");
    const logged: string[] = [];
    const capture = (s: string | Uint8Array) => (logged.push(String(s)), true);
    const spyOut = vi.spyOn(process.stdout, "write").mockImplementation(capture);
    const spyErr = vi.spyOn(process.stderr, "write").mockImplementation(capture);
    const cli = async (...args: string[]) => {
      const program = new Command("threadline").exitOverride();
      registerMatch(program);
      await program.parseAsync(["node", "threadline", "match", ...args]);
    };
    try {
      const store = await openStore(db);
      await store.hub.createOrg("bank-b", "Bank B (synthetic)");
      await store.close();
      await cli("key", "new", "--db", db, "--id", "mk-one");
      await cli("key", "new", "--db", db, "--id", "mk-two");
      await expect(cli("key", "new", "--db", db, "--id", "mk-one")).rejects.toThrow(/already exists/);
      await cli("key", "export", "mk-one", "--db", db, "--out", t.file("k1.json"));
      await expect(cli("key", "export", "mk-one", "--db", db, "--out", t.file("k1.json"))).rejects.toThrow(/already exists/);
      const file = parseKeyFile(readFileSync(t.file("k1.json"), "utf8"));
      expect(file.id).toBe("mk-one");
      logged.length = 0;
      await cli("key", "list", "--db", db, "--json");
      const listed = logged.join("");
      expect(listed).not.toContain(file.secret);
      expect(listed.trim().split("\n").map((l) => (JSON.parse(l) as { id: string; state: string }).state)).toEqual(["active", "active"]);

      writeFileSync(t.file("c.csv"), `phone\n${rawFormat(1)}\n`);
      await encodeCommand({ key: t.file("k1.json"), in: t.file("c.csv"), out: t.file("u.json"), column: [] }, sink());
      await runCommand(t.file("u.json"), { db, org: "bank-b" }, sink());
      await cli("key", "retire", "mk-one", "--db", db);
      await expect(runCommand(t.file("u.json"), { db, org: "bank-b" }, sink())).rejects.toThrow(/key "mk-one" was retired/);
      await expect(cli("key", "export", "mk-one", "--db", db, "--out", t.file("k1b.json"))).rejects.toThrow(/retired/);
      await expect(runCommand(t.file("u.json"), { db, org: "no-such-org" }, sink())).rejects.toThrow(/no organization/);
      const check = new Database(db, { readonly: true });
      const actions = (check.prepare("select action, target from audit_log where action like 'match.%' order by seq").all() as { action: string; target: string }[]).map((r) => `${r.action} ${r.target}`);
      check.close();
      expect(actions).toEqual(["match.key.new mk-one", "match.key.new mk-two", "match.key.export mk-one", "match.run mk-one", "match.key.retire mk-one", "match.refused mk-one"]);
    } finally {
      spyOut.mockRestore();
      spyErr.mockRestore();
      t.cleanup();
    }
  });
});
