/** What a match run answers: per uploaded record that matched, the hub's networks and counts — never a value. */
import type { MatchKind, RecordProblem } from "./upload.js";

export const RESULT_FORMAT = "threadline-match-result/1";

export interface MatchedNetwork {
  /** A resolved network ("N-…") or a singleton ad ("S-<adId>"). */
  networkId: string;
  /** Ads of this network carrying the identifier. */
  ads: number;
  /** Risk (0–1) of the last analyze run; null when none. */
  risk: number | null;
  /** Names only: best Dice coefficient of a name in this network. */
  score?: number;
}

export interface MatchAnswer {
  /** Index of the record in the upload. */
  index: number;
  ref: string;
  kind: MatchKind;
  /** Distinct ads carrying the identifier, over all networks. */
  ads: number;
  /** Highest-risk first, then most ads. */
  networks: MatchedNetwork[];
  /** Names only: the best Dice coefficient found. */
  score?: number;
}

export interface MatchResult {
  format: typeof RESULT_FORMAT;
  keyId: string;
  /** Dice threshold applied to names. */
  threshold: number;
  /** Records in the upload, usable or not. */
  records: number;
  /** Records that matched at least one ad. */
  matched: number;
  /** Matched records only, in upload order; a record not listed matched nothing. */
  matches: MatchAnswer[];
  /** Records that could not be used, by index. */
  problems: RecordProblem[];
}
