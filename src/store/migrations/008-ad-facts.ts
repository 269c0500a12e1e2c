/**
 * Facts move from one row per fact to one row per ad (`ad_facts`, encoded by `fact-codec.ts`) plus `fact_index`,
 * one row per distinct identifier (kind, value) of an ad, for the kinds looked up by value. Existing facts are
 * carried over as they are (same order, same values); the old table goes.
 */
import { sql } from "kysely";
import type { Migration } from "./index.js";

/** Must match INDEXED_FACT_KINDS in fact-codec.ts at the time this migration was written; never edit it. */
const INDEXED_AT_008 = ["phone", "email", "handle", "url", "name"];

export const adFacts: Migration = {
  name: "008-ad-facts",
  async up(db, dialect) {
    await db.schema
      .createTable("ad_facts")
      .addColumn("ad_id", "integer", (c) => c.primaryKey().references("ads.id"))
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("extractor_version", "text", (c) => c.notNull())
      .addColumn("n", "integer", (c) => c.notNull())
      .addColumn("facts", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("fact_index")
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("value", "text", (c) => c.notNull())
      .addColumn("ad_id", "integer", (c) => c.notNull().references("ads.id"))
      .addPrimaryKeyConstraint("fact_index_pk", ["kind", "value", "ad_id"])
      .modifyEnd(dialect === "sqlite" ? sql`without rowid` : sql``)
      .execute();
    // Covering: an ad's identifiers (graph, linking pages, matching) without touching the table.
    await db.schema.createIndex("fact_index_ad").on("fact_index").columns(["ad_id", "kind", "value"]).execute();
    const tuple =
      dialect === "sqlite"
        ? sql`json_group_array(json_array(kind, value, field, span_start, span_end, confidence, obfuscated, json(data)))`
        : sql`json_agg(json_build_array(kind, value, field, span_start, span_end, confidence, obfuscated, data::json) order by id)::text`;
    await sql`insert into ad_facts (ad_id, version, extractor_version, n, facts)
      select ad_id, max(version), max(extractor_version), count(*), ${tuple}
      from (select * from facts order by ad_id, id) f group by ad_id`.execute(db);
    // json_array writes a null data as null; the codec reads a missing or null data the same way.
    await sql`insert into fact_index (kind, value, ad_id)
      select distinct kind, value, ad_id from facts where kind in (${sql.join(INDEXED_AT_008)})`.execute(db);
    await db.schema.dropTable("facts").execute();
  },
};
