/** Named results a stage wants to show later (e.g. the boilerplate the linker learned), newest per name. */
import type { Migration } from "./index.js";

export const artifacts: Migration = {
  name: "002-artifacts",
  async up(db) {
    await db.schema
      .createTable("artifacts")
      .addColumn("name", "text", (c) => c.primaryKey())
      .addColumn("run_id", "integer")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("data", "text", (c) => c.notNull())
      .execute();
  },
};
