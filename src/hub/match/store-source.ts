/**
 * The store as a match source: the identifier facts a scope may see (scoped reads) and the networks' risk from the
 * last analyze run. The CLI builds it from `store.reads(scope)`; the API from the reads the route table scoped to
 * its caller.
 */
import type { ReadScope } from "../../domain/access.js";
import type { ApiReads } from "../../store/read-model.js";
import type { Store } from "../../store/store.js";
import type { MatchSource } from "./source.js";

/**
 * Scoped reads + the (unscoped) risk map, asked only about network ids the scoped reads returned. A network the
 * scope sees only partly gets no risk: its score summarizes members the scope may not see. Singletons ("S-<ad>")
 * are the scope's visible ads themselves.
 */
export function readsMatchSource(reads: ApiReads, riskMap: () => Promise<Map<string, number>>): MatchSource {
  return {
    identifierRows: (kinds, batch) => reads.identifierRows(kinds, batch),
    networkRisk: async (ids) => {
      const all = await riskMap();
      const out = new Map<string, number>();
      for (const id of ids) {
        const r = all.get(id);
        if (r === undefined) continue;
        if (!id.startsWith("S-") && !(await reads.networkRow(id))?.complete) continue;
        out.set(id, r);
      }
      return out;
    },
  };
}

export function storeMatchSource(store: Store, scope: ReadScope): MatchSource {
  const reads = store.reads(scope);
  return readsMatchSource(reads, () => store.networkRiskMap());
}
