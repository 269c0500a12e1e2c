/**
 * Removing records for good (retention) and keeping the per-organization network counts (visibility.ts) in step
 * with memberships and sharing levels.
 */
import type Database from "better-sqlite3";
import type { DeleteCounts } from "../store.js";

type Handle = Database.Database;

const CHUNK = 500;

/**
 * Recomputes `networks.hub_size` and `network_restricted` from the members' owners and sharing levels. Reads the
 * non-hub ads through the (org_id, sharing) index only, so a hub of public ads pays almost nothing.
 */
export function refreshNetworkVisibility(db: Handle): void {
  db.exec(`delete from network_restricted;
    insert into network_restricted (network_id, org_id, visible)
      select m.network_id, a.org_id, count(*) from ads a indexed by ads_org join network_members m on m.ad_id = a.id
      where a.sharing != 'hub' group by m.network_id, a.org_id;
    update networks set hub_size = size;
    update networks set hub_size = size - (select sum(r.visible) from network_restricted r where r.network_id = networks.id)
      where id in (select network_id from network_restricted);`);
}

/**
 * Deletes ads and everything derived from them in one transaction: versions, facts, links, memberships (networks
 * left with fewer than two members go too), scores, case items and — through the FTS triggers — search entries.
 * The linker's saved index still holds their signatures, so it is dropped: the next link run is a full one.
 */
export function deleteAds(db: Handle, ids: readonly number[]): DeleteCounts {
  const counts: DeleteCounts = { ads: 0, versions: 0, facts: 0, links: 0, members: 0, caseItems: 0 };
  if (ids.length === 0) return counts;
  const hasScores = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'ad_scores'").get() !== undefined;
  db.transaction(() => {
    const touched = new Set<string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const part = ids.slice(i, i + CHUNK);
      const list = part.map(() => "?").join(",");
      for (const r of db.prepare(`select distinct network_id from network_members where ad_id in (${list})`).pluck().all(...part) as string[]) touched.add(r);
      counts.facts += db.prepare(`select coalesce(sum(n), 0) from ad_facts where ad_id in (${list})`).pluck().get(...part) as number;
      db.prepare(`delete from ad_facts where ad_id in (${list})`).run(...part);
      db.prepare(`delete from fact_index where ad_id in (${list})`).run(...part);
      counts.versions += db.prepare(`delete from ad_versions where ad_id in (${list})`).run(...part).changes;
      counts.links += db.prepare(`delete from links where ad_a in (${list})`).run(...part).changes;
      counts.links += db.prepare(`delete from links where ad_b in (${list})`).run(...part).changes;
      counts.members += db.prepare(`delete from network_members where ad_id in (${list})`).run(...part).changes;
      counts.caseItems += db.prepare(`delete from case_items where kind = 'ad' and ref in (${list})`).run(...part.map(String)).changes;
      if (hasScores) db.prepare(`delete from ad_scores where ad_id in (${list})`).run(...part);
      counts.ads += db.prepare(`delete from ads where id in (${list})`).run(...part).changes;
    }
    const size = db.prepare("select count(*) from network_members where network_id = ?").pluck();
    for (const id of touched) {
      const n = size.get(id) as number;
      if (n >= 2) db.prepare("update networks set size = ? where id = ?").run(n, id);
      else {
        db.prepare("delete from network_members where network_id = ?").run(id);
        db.prepare("delete from networks where id = ?").run(id);
        if (hasScores) db.prepare("delete from network_scores where network_id = ?").run(id);
      }
    }
    db.prepare("delete from stage_state where stage = 'link'").run();
    refreshNetworkVisibility(db);
  })();
  return counts;
}
