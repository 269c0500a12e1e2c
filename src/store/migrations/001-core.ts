/** Core tables. Written with Kysely's schema builder so the same migration runs on SQLite and PostgreSQL. */
import { sql, type Kysely } from "kysely";
import type { Migration } from "./index.js";

export const core: Migration = {
  name: "001-core",
  async up(db: Kysely<unknown>, dialect) {
    const serial = dialect === "postgres" ? "serial" : "integer";
    await db.schema
      .createTable("orgs")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("sources")
      .addColumn("id", serial, (c) => c.primaryKey().autoIncrement())
      .addColumn("name", "text", (c) => c.notNull().unique())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("ads")
      .addColumn("id", serial, (c) => c.primaryKey().autoIncrement())
      .addColumn("source_id", "integer", (c) => c.notNull().references("sources.id"))
      .addColumn("source_ad_id", "text", (c) => c.notNull())
      .addColumn("url", "text")
      .addColumn("posted_at", "text")
      .addColumn("captured_at", "text", (c) => c.notNull())
      .addColumn("first_seen_at", "text", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("body", "text", (c) => c.notNull())
      .addColumn("city", "text")
      .addColumn("region", "text")
      .addColumn("phone", "text")
      .addColumn("email", "text")
      .addColumn("images", "text", (c) => c.notNull())
      .addColumn("extra", "text", (c) => c.notNull())
      .addColumn("content_hash", "text", (c) => c.notNull())
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
      .addColumn("sharing", "text", (c) => c.notNull())
      .addColumn("ingest_file", "text")
      .addColumn("ingest_line", "integer")
      .addColumn("run_id", "integer")
      .addUniqueConstraint("ads_source_ad", ["source_id", "source_ad_id"])
      .execute();
    await db.schema.createIndex("ads_posted_at").on("ads").column("posted_at").execute();
    await db.schema.createIndex("ads_city").on("ads").column("city").execute();
    await db.schema
      .createTable("ad_versions")
      .addColumn("ad_id", "integer", (c) => c.notNull().references("ads.id"))
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("content_hash", "text", (c) => c.notNull())
      .addColumn("captured_at", "text", (c) => c.notNull())
      .addColumn("url", "text")
      .addColumn("posted_at", "text")
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("body", "text", (c) => c.notNull())
      .addColumn("city", "text")
      .addColumn("region", "text")
      .addColumn("phone", "text")
      .addColumn("email", "text")
      .addColumn("images", "text", (c) => c.notNull())
      .addColumn("extra", "text", (c) => c.notNull())
      .addColumn("ingest_file", "text")
      .addColumn("ingest_line", "integer")
      .addColumn("run_id", "integer")
      .addPrimaryKeyConstraint("ad_versions_pk", ["ad_id", "version"])
      .execute();
    await db.schema
      .createTable("facts")
      .addColumn("id", serial, (c) => c.primaryKey().autoIncrement())
      .addColumn("ad_id", "integer", (c) => c.notNull().references("ads.id"))
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("value", "text", (c) => c.notNull())
      .addColumn("field", "text", (c) => c.notNull())
      .addColumn("span_start", "integer", (c) => c.notNull())
      .addColumn("span_end", "integer", (c) => c.notNull())
      .addColumn("obfuscated", "integer", (c) => c.notNull())
      .addColumn("confidence", "real", (c) => c.notNull())
      .addColumn("data", "text")
      .addColumn("extractor_version", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("facts_ad").on("facts").column("ad_id").execute();
    await db.schema.createIndex("facts_kind_value").on("facts").columns(["kind", "value"]).execute();
    await db.schema
      .createTable("links")
      .addColumn("id", serial, (c) => c.primaryKey().autoIncrement())
      .addColumn("ad_a", "integer", (c) => c.notNull())
      .addColumn("ad_b", "integer", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("weight", "real", (c) => c.notNull())
      .addColumn("evidence", "text", (c) => c.notNull())
      .addColumn("run_id", "integer")
      .execute();
    await db.schema.createIndex("links_a").on("links").column("ad_a").execute();
    await db.schema.createIndex("links_b").on("links").column("ad_b").execute();
    await db.schema
      .createTable("networks")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("size", "integer", (c) => c.notNull())
      .addColumn("first_posted", "text")
      .addColumn("last_posted", "text")
      .addColumn("created_run", "integer")
      .addColumn("updated_run", "integer")
      .addColumn("summary", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("network_members")
      .addColumn("network_id", "text", (c) => c.notNull())
      .addColumn("ad_id", "integer", (c) => c.primaryKey())
      .addColumn("reason", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("network_members_net").on("network_members").column("network_id").execute();
    await db.schema
      .createTable("rejects")
      .addColumn("id", serial, (c) => c.primaryKey().autoIncrement())
      .addColumn("run_id", "integer")
      .addColumn("source", "text")
      .addColumn("file", "text", (c) => c.notNull())
      .addColumn("line", "integer", (c) => c.notNull())
      .addColumn("record_id", "text")
      .addColumn("reason", "text", (c) => c.notNull())
      .addColumn("raw", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    // Re-ingesting a file must not pile up copies of the same rejection.
    await db.schema.createIndex("rejects_once").on("rejects").columns(["file", "line", "reason"]).unique().execute();
    await db.schema
      .createTable("runs")
      .addColumn("id", serial, (c) => c.primaryKey().autoIncrement())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("started_at", "text", (c) => c.notNull())
      .addColumn("finished_at", "text")
      .addColumn("params", "text", (c) => c.notNull())
      .addColumn("counts", "text", (c) => c.notNull())
      .addColumn("timings", "text", (c) => c.notNull())
      .execute();
    await sql`insert into orgs (id, name, created_at) values ('public', 'Public sources', ${new Date().toISOString()})`.execute(db);
  },
};
