/** Named blobs a stage keeps between runs (the linker's index snapshot), replaced whole per stage. */
import type { Migration } from "./index.js";

export const stageState: Migration = {
  name: "005-stage-state",
  async up(db, dialect) {
    await db.schema
      .createTable("stage_state")
      .addColumn("stage", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("data", dialect === "postgres" ? "bytea" : "blob", (c) => c.notNull())
      .addPrimaryKeyConstraint("stage_state_pk", ["stage", "name"])
      .execute();
  },
};
