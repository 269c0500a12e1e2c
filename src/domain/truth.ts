/** Ground truth written by the synthetic generator: who really wrote each ad. */

export type AuthorKind = "independent" | "agency" | "trafficking" | "scam";

export interface TruthRow {
  ad_id: string;
  network_id: string;
  kind: AuthorKind;
}
