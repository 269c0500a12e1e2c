/** Scores written by the analyze stage: one row per network (incl. singletons as `S-…`) and per ad, newest run only. */
import type { Migration } from "./index.js";

export const analysis: Migration = {
  name: "003-analysis",
  async up(db) {
    await db.schema
      .createTable("network_scores")
      .addColumn("network_id", "text", (c) => c.primaryKey())
      .addColumn("run_id", "integer", (c) => c.notNull())
      .addColumn("model", "text", (c) => c.notNull())
      .addColumn("size", "integer", (c) => c.notNull())
      .addColumn("score", "real", (c) => c.notNull())
      .addColumn("confidence", "real", (c) => c.notNull())
      .addColumn("contributions", "text", (c) => c.notNull())
      .addColumn("features", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("network_scores_score").on("network_scores").column("score").execute();
    await db.schema
      .createTable("ad_scores")
      .addColumn("ad_id", "integer", (c) => c.primaryKey())
      .addColumn("run_id", "integer", (c) => c.notNull())
      .addColumn("score", "real", (c) => c.notNull())
      .addColumn("cues", "text", (c) => c.notNull())
      .execute();
  },
};
