/** One identifier (phone, email, handle): where it appears, in which cities and networks, and its ads. */
import { useState } from "react";
import type { AdSummary, IdentifierDetail } from "@shared/api-types";
import { apiUrl, getJson } from "../api";
import { useApi } from "../use-api";
import { Link } from "../router";
import { AdList } from "../components/ad-list";
import { ErrorBox, Loading } from "../components/status";
import { dateRange, identifierLabel, num } from "../format";

export function IdentifierPage({ kind, value }: { kind: string; value: string }) {
  const url = `/api/identifiers/${encodeURIComponent(kind)}/${encodeURIComponent(value)}`;
  const d = useApi<IdentifierDetail>(url);
  const [more, setMore] = useState<{ items: AdSummary[]; next: string | null } | null>(null);
  if (d.status === "error") return <ErrorBox error={d.error} />;
  if (!d.data) return <Loading />;
  const x = d.data;
  const items = [...x.ads.items, ...(more?.items ?? [])];
  const next = more ? more.next : x.ads.nextCursor;
  const loadMore = async () => {
    if (!next) return;
    const page = await getJson<IdentifierDetail>(apiUrl(url.slice(4), { cursor: next }));
    setMore({ items: [...(more?.items ?? []), ...page.ads.items], next: page.ads.nextCursor });
  };
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/search">Search</Link> › {x.kind}
      </p>
      <h1>
        <span className="muted">{x.kind}</span> {identifierLabel(x.kind, x.value)}
      </h1>
      <div className="stat-row">
        <div className="stat">
          <span className="stat-value">{num(x.adCount)}</span>
          <span className="stat-label">ads</span>
        </div>
        <div className="stat">
          <span className="stat-value small">{dateRange(x.firstPosted, x.lastPosted)}</span>
          <span className="stat-label">active</span>
        </div>
      </div>
      <div className="two-col">
        <div>
          <h2>Ads</h2>
          <AdList items={items} label={`Ads with ${x.kind} ${x.value}`} />
          {next && (
            <button type="button" onClick={loadMore}>
              Load more
            </button>
          )}
        </div>
        <aside>
          <section className="card">
            <h2>Networks</h2>
            {x.networks.length === 0 ? (
              <p className="empty">In no network.</p>
            ) : (
              <ul>
                {x.networks.map((n) => (
                  <li key={n.id}>
                    <Link to={`/networks/${encodeURIComponent(n.id)}`}>{n.id}</Link> — {num(n.ads)} of its {num(n.size)} ads
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card">
            <h2>Cities</h2>
            <ul>
              {x.cities.map((c) => (
                <li key={c.city}>
                  {c.city}: {num(c.ads)}
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </section>
  );
}
