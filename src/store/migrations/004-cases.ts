/**
 * Cases an analyst builds in the workbench (ads and networks saved with notes), plus the indexes the REST API's
 * list orders need. Portable: Kysely schema builder only.
 */
import type { Migration } from "./index.js";

export const cases: Migration = {
  name: "004-cases",
  async up(db, dialect) {
    const serial = dialect === "postgres" ? "serial" : "integer";
    await db.schema
      .createTable("cases")
      .addColumn("id", serial, (c) => c.primaryKey().autoIncrement())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("description", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("case_items")
      .addColumn("id", serial, (c) => c.primaryKey().autoIncrement())
      .addColumn("case_id", "integer", (c) => c.notNull().references("cases.id"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("ref", "text", (c) => c.notNull())
      .addColumn("added_at", "text", (c) => c.notNull())
      .addUniqueConstraint("case_items_once", ["case_id", "kind", "ref"])
      .execute();
    await db.schema
      .createTable("case_notes")
      .addColumn("id", serial, (c) => c.primaryKey().autoIncrement())
      .addColumn("case_id", "integer", (c) => c.notNull().references("cases.id"))
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("case_notes_case").on("case_notes").column("case_id").execute();
    // Network list orders (size, recency) page through an index instead of sorting every network per request.
    await db.schema.createIndex("networks_size").on("networks").columns(["size", "id"]).execute();
    await db.schema.createIndex("networks_last_posted").on("networks").columns(["last_posted", "id"]).execute();
  },
};
