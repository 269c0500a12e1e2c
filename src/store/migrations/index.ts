/**
 * Versioned migrations, applied in order on open. Each runs once; the applied list lives in `schema_migrations`.
 * A dialect may add its own steps (e.g. SQLite's FTS5 table) through `extra`.
 */
import { sql, type Kysely } from "kysely";
import { core } from "./001-core.js";
import { artifacts } from "./002-artifacts.js";
import { analysis } from "./003-analysis.js";
import { cases } from "./004-cases.js";
import { stageState } from "./005-stage-state.js";
import { hub } from "./006-hub.js";
import { adFacts } from "./008-ad-facts.js";
import { linksCovering } from "./009-links-covering.js";
import { adScoresScore } from "./010-ad-scores-score.js";

export type Dialect = "sqlite" | "postgres";

export interface Migration {
  name: string;
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [core, artifacts, analysis, cases, stageState, hub, adFacts, linksCovering, adScoresScore];

/**
 * Applies every migration not yet recorded, each in its own transaction. Returns the names applied. `until` stops
 * before the first migration named after it (tests build a database as an older release left it).
 */
export async function migrate(db: Kysely<unknown>, dialect: Dialect, extra: readonly Migration[] = [], until?: string): Promise<string[]> {
  await db.schema
    .createTable("schema_migrations")
    .ifNotExists()
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("applied_at", "text", (c) => c.notNull())
    .execute();
  const rows = await sql<{ name: string }>`select name from schema_migrations`.execute(db);
  const done = new Set(rows.rows.map((r) => r.name));
  const applied: string[] = [];
  for (const m of [...MIGRATIONS, ...extra].sort((a, b) => a.name.localeCompare(b.name))) {
    if (done.has(m.name)) continue;
    if (until !== undefined && m.name > until) break;
    await db.transaction().execute(async (trx) => {
      await m.up(trx, dialect);
      await sql`insert into schema_migrations (name, applied_at) values (${m.name}, ${new Date().toISOString()})`.execute(trx);
    });
    applied.push(m.name);
  }
  return applied;
}
