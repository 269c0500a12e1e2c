/**
 * A small hub: public synthetic ads plus records contributed by two organizations (ngo-a, bank-b) at every sharing
 * level, networks that mix levels, one user per role, API tokens, and a server over it. Synthetic data only;
 * phone numbers are in the 555-01xx range reserved for fiction.
 */
import { writeFileSync } from "node:fs";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { Role, TokenScope } from "../../src/domain/access.js";
import { ROLES } from "../../src/domain/access.js";
import type { SharingLevel } from "../../src/domain/ad.js";
import { buildServer } from "../../src/api/server.js";
import { createOrg, createUser } from "../../src/hub/admin.js";
import { Auth } from "../../src/hub/auth.js";
import { ingestFiles } from "../../src/ingest/ingest.js";
import { analyzeStore } from "../../src/pipeline/analyze.js";
import { linkStore } from "../../src/pipeline/link.js";
import { openStore } from "../../src/store/open.js";
import type { Store } from "../../src/store/store.js";
import { generateCorpus } from "../../src/synth/index.js";
import { tempDir } from "../helpers.js";
import { as, signIn, TEST_PASSWORD, TEST_SCRYPT, type Session } from "../api/fixture.js";

export const ORG_A = "ngo-a";
export const ORG_B = "bank-b";
export const LEVELS: readonly SharingLevel[] = ["private", "hub", "aggregate"];

/** A contributed ad with a word and a phone found nowhere else, so every read path can be probed for it. */
export interface Planted {
  org: string;
  sharing: SharingLevel;
  sourceAdId: string;
  word: string;
  phone: string;
  id: number;
}

export const fictional = (n: number) => `+1416555${String(100 + n).padStart(4, "0")}`;
const pretty = (n: number) => `(416) 555-${String(100 + n).padStart(4, "0")}`;

export interface HubFixture {
  app: FastifyInstance;
  store: Store;
  auth: Auth;
  planted: Planted[];
  /** Hub ads X, Y and bank-b's private ad P sharing one phone: ngo-a sees a 2-ad network, bank-b all 3. */
  mixed: { hubIds: number[]; privateId: number; phone: string };
  /** One hub ad and one bank-b private ad sharing a phone: for ngo-a there is no network at all. */
  lone: { hubId: number; privateId: number; phone: string };
  /** username per role in ngo-a (`<role>-a`), plus `analyst-b` in bank-b. */
  sessions: Map<string, Session>;
  tokens: Map<TokenScope, string>;
  as(username: string, o: InjectOptions): Promise<LightMyRequestResponse>;
  anon(o: InjectOptions): Promise<LightMyRequestResponse>;
  token(scope: TokenScope, o: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

function ad(id: string, title: string, body: string, city: string, posted: string) {
  return JSON.stringify({ id, source: "hubtest", title, body, city, region: "ON", posted_at: posted });
}

export async function buildHubFixture(): Promise<HubFixture> {
  const t = tempDir();
  const store = await openStore(t.file("hub.db"));
  const pub = t.file("public.jsonl");
  const lines = [...generateCorpus({ ads: 300, seed: 3 })].map((r) => JSON.stringify(r.ad));
  // The mixed and lone networks: their hub members are public ads; the private members come from bank-b below.
  lines.push(ad("mix-x", "Mixed one", `Sweet new girl call ${pretty(90)} now`, "Toronto", "2024-05-01T10:00:00Z"));
  lines.push(ad("mix-y", "Mixed two", `Available tonight ${pretty(90)} text`, "Toronto", "2024-05-02T10:00:00Z"));
  lines.push(ad("lone-z", "Lone one", `Quiet and discreet ${pretty(91)} only`, "Ottawa", "2024-05-03T10:00:00Z"));
  writeFileSync(pub, `${lines.join("\n")}\n`);
  await ingestFiles(store, [pub]);

  await createOrg(store, "test", ORG_A, "NGO A");
  await createOrg(store, "test", ORG_B, "Bank B", "private");
  const planted: Planted[] = [];
  let n = 0;
  for (const org of [ORG_A, ORG_B]) {
    for (const sharing of LEVELS) {
      n++;
      const word = `zq${org.replace("-", "")}${sharing}word`;
      const file = t.file(`${org}-${sharing}.jsonl`);
      const sourceAdId = `${org}-${sharing}`;
      writeFileSync(file, `${ad(sourceAdId, `Planted ${org} ${sharing}`, `${word} and call ${pretty(n)} please`, "Montreal", `2024-05-0${n}T12:00:00Z`)}\n`);
      await ingestFiles(store, [file], { owner: { org, sharing } });
      const stored = await store.findAd("hubtest", sourceAdId);
      if (!stored) throw new Error("fixture: planted ad missing");
      planted.push({ org, sharing, sourceAdId, word, phone: fictional(n), id: stored.id });
    }
  }
  const bankPriv = t.file("bank-private.jsonl");
  writeFileSync(
    bankPriv,
    `${ad("bank-mix", "Bank record", `customer line ${pretty(90)} flagged`, "Toronto", "2024-05-04T10:00:00Z")}\n${ad("bank-lone", "Bank record 2", `customer line ${pretty(91)} flagged`, "Ottawa", "2024-05-05T10:00:00Z")}\n`,
  );
  await ingestFiles(store, [bankPriv], { owner: { org: ORG_B, sharing: "private" } });
  await linkStore(store, { full: true });
  await analyzeStore(store);
  const id = async (s: string) => (await store.findAd("hubtest", s))?.id ?? -1;
  const mixed = { hubIds: [await id("mix-x"), await id("mix-y")], privateId: await id("bank-mix"), phone: fictional(90) };
  const lone = { hubId: await id("lone-z"), privateId: await id("bank-lone"), phone: fictional(91) };

  for (const role of ROLES) await createUser(store, "test", { username: `${role}-a`, org: ORG_A, roles: [role as Role], password: TEST_PASSWORD, scrypt: TEST_SCRYPT });
  await createUser(store, "test", { username: "analyst-b", org: ORG_B, roles: ["analyst"], password: TEST_PASSWORD, scrypt: TEST_SCRYPT });
  await createUser(store, "test", { username: "victim-a", org: ORG_A, roles: ["analyst"], password: TEST_PASSWORD, scrypt: TEST_SCRYPT });
  const auth = new Auth(store.hub);
  const tokens = new Map<TokenScope, string>();
  for (const scope of ["upload", "match"] as const) tokens.set(scope, (await auth.createToken(ORG_A, `${scope} token`, [scope], 30, null)).token);

  const app = await buildServer({ store, logger: false, webDist: null });
  const sessions = new Map<string, Session>();
  for (const u of [...ROLES.map((r) => `${r}-a`), "analyst-b"]) sessions.set(u, await signIn(app, u));
  return {
    app,
    store,
    auth,
    planted,
    mixed,
    lone,
    sessions,
    tokens,
    as: (u, o) => app.inject(as(sessions.get(u) as Session, o)),
    anon: (o) => app.inject(o),
    token: (scope, o) => app.inject({ ...o, headers: { ...(o.headers ?? {}), authorization: `Bearer ${tokens.get(scope)}` } }),
    close: async () => {
      await app.close();
      await store.close();
      t.cleanup();
    },
  };
}
