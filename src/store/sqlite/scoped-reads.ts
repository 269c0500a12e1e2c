/**
 * `Store.reads(scope)` for SQLite: the faces' reads, each bound to one viewer. Every query takes the scope's
 * named parameters (visibility.ts), so there is no unscoped path from a route to a record.
 */
import type Database from "better-sqlite3";
import type { ReadScope } from "../../domain/access.js";
import type { StoredAd } from "../../domain/ad.js";
import type { AdFilter, AdSortKey, ApiReads, NetworkOrder, NetworkSortKey } from "../read-model.js";
import * as aggregates from "./aggregates.js";
import * as cases from "./cases.js";
import * as reads from "./reads.js";
import * as search from "./search.js";
import { bindOf, type Bind } from "./visibility.js";

export class SqliteReads implements ApiReads {
  private readonly b: Bind;
  readonly scopeKey: string;
  /** Case ownership: the operator (`all`) sees every case. */
  private readonly caseOrg: string | null;

  constructor(
    private readonly db: Database.Database,
    readonly scope: ReadScope,
    private readonly getAd: (id: number) => StoredAd | null,
  ) {
    this.b = bindOf(scope);
    this.scopeKey = scope.all ? "*" : `org:${scope.org}`;
    this.caseOrg = scope.all ? null : scope.org;
  }

  private visibleAd(id: number): StoredAd | null {
    const ad = this.getAd(id);
    return ad && (this.scope.all || ad.sharing === "hub" || ad.org === this.scope.org) ? ad : null;
  }

  async searchAds(filter: AdFilter, after: AdSortKey | null, limit: number) {
    return search.searchAds(this.db, this.b, filter, after, limit);
  }
  async cityPlaces() {
    return search.cityPlaces(this.db, this.b);
  }
  async adRecord(id: number) {
    const ad = this.visibleAd(id);
    return ad ? reads.adRecord(this.db, this.b, ad) : null;
  }
  async adVersions(adId: number) {
    return this.visibleAd(adId) ? reads.adVersions(this.db, adId) : [];
  }
  async adRisks(ids: readonly number[]) {
    return reads.adRisks(this.db, this.b, ids);
  }
  async listNetworks(order: NetworkOrder, after: NetworkSortKey | null, limit: number) {
    return reads.listNetworks(this.db, this.b, order, after, limit);
  }
  async networkRow(id: string) {
    return reads.networkRow(this.db, this.b, id);
  }
  async networkMembers(id: string, limit: number) {
    return reads.networkMembers(this.db, this.b, id, limit);
  }
  async networkTimeline(id: string) {
    return reads.networkTimeline(this.db, this.b, id);
  }
  async networkFactCounts(id: string, kinds: readonly string[], limit: number) {
    return reads.networkFactCounts(this.db, this.b, id, kinds, limit);
  }
  async adIdentifiers(ids: readonly number[], kinds: readonly string[]) {
    return reads.adIdentifiers(this.db, this.b, ids, kinds);
  }
  async networkLinks(id: string, shown: number, edges: number) {
    return reads.networkLinks(this.db, this.b, id, shown, edges);
  }
  async networkBodies(id: string, limit: number) {
    return reads.networkBodies(this.db, this.b, id, limit);
  }
  async identifierSummary(kind: string, value: string) {
    return reads.identifierSummary(this.db, this.b, kind, value);
  }
  async weeklyCityCounts(fromIso: string) {
    return aggregates.weeklyCityCounts(this.db, this.b, fromIso);
  }
  async weeklyAds(fromIso: string) {
    return aggregates.weeklyAds(this.db, this.b, fromIso);
  }
  async apiTotals() {
    return aggregates.apiTotals(this.db, this.b);
  }
  async newSince(fromIso: string) {
    return aggregates.newSince(this.db, this.b, fromIso);
  }
  async riskAvailable() {
    return aggregates.riskAvailable(this.db);
  }
  async dataVersion() {
    return search.contentVersion(this.db);
  }
  async *identifierRows(kinds: readonly string[], batch: number) {
    yield* reads.identifierRows(this.db, this.b, kinds, Math.max(batch, 1000));
  }

  async createCase(title: string, description: string, createdBy: string | null = null) {
    return cases.createCase(this.db, this.scope.org, createdBy, title, description);
  }
  async getCase(id: number) {
    return cases.getCase(this.db, this.caseOrg, id);
  }
  async listCases(after: number | null, limit: number) {
    return cases.listCases(this.db, this.caseOrg, after, limit);
  }
  async caseItems(caseId: number) {
    return cases.getCase(this.db, this.caseOrg, caseId) ? cases.caseItems(this.db, caseId) : [];
  }
  async caseNotes(caseId: number) {
    return cases.getCase(this.db, this.caseOrg, caseId) ? cases.caseNotes(this.db, caseId) : [];
  }
  async addCaseItem(caseId: number, kind: "ad" | "network", ref: string) {
    if (!cases.getCase(this.db, this.caseOrg, caseId)) return null;
    return cases.addCaseItem(this.db, caseId, kind, ref);
  }
  async deleteCaseItem(caseId: number, itemId: number) {
    return cases.getCase(this.db, this.caseOrg, caseId) ? cases.deleteCaseItem(this.db, caseId, itemId) : false;
  }
  async addCaseNote(caseId: number, text: string) {
    if (!cases.getCase(this.db, this.caseOrg, caseId)) throw new Error(`case ${caseId} is not in this organization`);
    return cases.addCaseNote(this.db, caseId, text);
  }
}
