/**
 * `ad_scores_score (score, ad_id)`: a search for ads with risk ≥ x read the whole score table (its rows carry each
 * ad's cue list) — ~35 ms at a million ads before any other work. The analyze stage drops and rebuilds the index
 * around its bulk rewrite of the table.
 */
import type { Migration } from "./index.js";

export const AD_SCORES_SCORE_COLUMNS = ["score", "ad_id"] as const;

export const adScoresScore: Migration = {
  name: "010-ad-scores-score",
  async up(db) {
    await db.schema.createIndex("ad_scores_score").on("ad_scores").columns([...AD_SCORES_SCORE_COLUMNS]).execute();
  },
};
