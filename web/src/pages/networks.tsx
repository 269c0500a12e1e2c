/** All networks, sorted by risk, size or recency, paged. */
import { useEffect, useState } from "react";
import type { NetworkSort, NetworkSummary, NetworksPage as Page } from "@shared/api-types";
import { apiUrl, getJson } from "../api";
import { navigate, useLocation } from "../router";
import { NetworkTable } from "../components/network-table";
import { ErrorBox, Loading } from "../components/status";

const SORTS: { value: NetworkSort; label: string }[] = [
  { value: "risk", label: "Highest risk" },
  { value: "size", label: "Largest" },
  { value: "recent", label: "Most recent" },
];

export function NetworksPage() {
  const { query } = useLocation();
  const sort = (query.get("sort") as NetworkSort | null) ?? "risk";
  const [items, setItems] = useState<NetworkSummary[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    const ac = new AbortController();
    setItems(null);
    getJson<Page>(apiUrl("/networks", { sort, limit: 50 }), ac.signal).then(
      (p) => {
        setItems(p.items);
        setNext(p.nextCursor);
      },
      (e: unknown) => !ac.signal.aborted && setError(e as Error),
    );
    return () => ac.abort();
  }, [sort]);
  const more = async () => {
    if (!next) return;
    try {
      const p = await getJson<Page>(apiUrl("/networks", { sort, limit: 50, cursor: next }));
      setItems((a) => [...(a ?? []), ...p.items]);
      setNext(p.nextCursor);
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <section>
      <h1>Networks</h1>
      <p className="lede">Groups of ads tied together by shared phones, emails, handles, images or near-identical text.</p>
      <label className="inline-label">
        Sort by{" "}
        <select value={sort} onChange={(e) => navigate(`/networks?sort=${e.target.value}`, { replace: true })}>
          {SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      {error && <ErrorBox error={error} />}
      {items ? <NetworkTable items={items} caption="Networks" /> : !error && <Loading />}
      {next && (
        <button type="button" onClick={more}>
          Load more
        </button>
      )}
    </section>
  );
}
