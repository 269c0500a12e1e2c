/**
 * The network page's body (its own chunk, with sigma and maplibre). A network: who is in it (graph, members, identifiers), when (timeline), where (trail on the map), why it looks
 * risky (indicators with reasons — a triage signal, not a verdict) and what text its ads share (template).
 */
import { useMemo } from "react";
import type { NetworkDetail } from "@shared/api-types";
import { Link } from "../router";
import { RiskBadge, TriageNote } from "../components/risk";
import { IndicatorList } from "../components/indicators";
import { TemplateView } from "../components/template-view";
import { WeekChart, weeklyCounts } from "../components/week-chart";
import { AddToCase } from "../components/add-to-case";
import { GraphLegend, NetworkGraph } from "../graph/network-graph";
import { TrailMap } from "../map/trail-map";
import { date, dateRange, identifierLabel, identifierPath, num, reasonText } from "../format";
import { ScrollBox } from "../components/scroll-box";

const IDENTIFIER_KINDS = new Set(["phone", "email", "handle"]);

export function NetworkView({ data: d }: { data: NetworkDetail }) {
  const weeks = useMemo(() => weeklyCounts(d.members.items.map((m) => m.postedAt)), [d]);
  const kinds = useMemo(() => [...new Set(d.graph.nodes.map((x) => x.kind))].sort(), [d]);
  const cities = new Set(d.trail.map((t) => t.city)).size;
  return (
    <article className="network-page">
      <p className="breadcrumb">
        <Link to="/networks">Networks</Link> › {d.id}
      </p>
      <h1>Network {d.id}</h1>
      <div className="meta-row">
        <span>{num(d.size)} ads</span>
        <span>{dateRange(d.firstPosted, d.lastPosted)}</span>
        <span>{num(cities)} {cities === 1 ? "city" : "cities"}</span>
        <RiskBadge risk={d.risk} />
      </div>
      <TriageNote />

      <div className="two-col">
        <section aria-labelledby="net-graph" className="card">
          <h2 id="net-graph">Graph</h2>
          <GraphLegend kinds={kinds} />
          <NetworkGraph
            data={d.graph}
            label={`Graph of network ${d.id}: ${num(d.graph.nodes.length)} nodes and ${num(d.graph.edges.length)} links. The same data is listed under Members and Shared identifiers.`}
          />
          <p className="muted small">
            Click an ad to open it, an identifier to see everywhere it appears. Scroll to zoom, drag to pan.
            {d.graph.capped && " The graph shows the first 500 ads and 2,000 links."}
          </p>
        </section>
        <aside>
          <section className="card" aria-labelledby="net-case">
            <h2 id="net-case">Case</h2>
            <AddToCase kind="network" refId={d.id} label={`network ${d.id}`} />
          </section>
          <section aria-labelledby="net-ids" className="card">
            <h2 id="net-ids">Shared identifiers</h2>
            {d.identifiers.length === 0 ? (
              <p className="empty">None: the ads are linked by their text or images.</p>
            ) : (
              <ul className="identifier-list">
                {d.identifiers.slice(0, 30).map((x) => (
                  <li key={`${x.kind}:${x.value}`}>
                    <span className="kind-label">{x.kind}</span>{" "}
                    {IDENTIFIER_KINDS.has(x.kind) ? (
                      <Link to={identifierPath(x.kind, x.value)}>{identifierLabel(x.kind, x.value)}</Link>
                    ) : (
                      x.value
                    )}{" "}
                    <span className="muted">in {num(x.ads)} ads</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>

      <div className="two-col even">
        <section aria-labelledby="net-timeline" className="card">
          <h2 id="net-timeline">Timeline</h2>
          <WeekChart weeks={weeks} label={`Ads per week in network ${d.id}`} />
          {d.members.total > d.members.items.length && (
            <p className="muted small">Based on the first {num(d.members.items.length)} of {num(d.members.total)} ads.</p>
          )}
        </section>
        <section aria-labelledby="net-trail" className="card">
          <h2 id="net-trail">Trail</h2>
          <TrailMap trail={d.trail} label={`Map of the cities network ${d.id} posted in, in time order`} />
          <ol className="trail-list" tabIndex={0} aria-label="Cities in time order">
            {d.trail.map((t, i) => (
              <li key={i}>
                <strong>{t.city}</strong>
                {t.province && `, ${t.province}`} — {dateRange(t.from, t.to)} ({num(t.ads)} ads)
              </li>
            ))}
          </ol>
        </section>
      </div>

      <div className="two-col even">
        <section aria-labelledby="net-ind" className="card">
          <h2 id="net-ind">Indicators</h2>
          <IndicatorList items={d.indicators} />
        </section>
        <section aria-labelledby="net-template" className="card">
          <h2 id="net-template">Shared text</h2>
          <TemplateView template={d.template} />
        </section>
      </div>

      <section aria-labelledby="net-members" className="card">
        <h2 id="net-members">Members</h2>
        <ScrollBox label="Members">
          <table>
            <caption className="visually-hidden">Ads in network {d.id}</caption>
            <thead>
              <tr>
                <th scope="col">Ad</th>
                <th scope="col">Title</th>
                <th scope="col">City</th>
                <th scope="col">Posted</th>
                <th scope="col">Why it belongs</th>
              </tr>
            </thead>
            <tbody>
              {d.members.items.slice(0, 200).map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/ads/${m.id}`}>#{m.id}</Link>
                  </td>
                  <td>{m.title}</td>
                  <td>{m.city ?? "—"}</td>
                  <td>{date(m.postedAt)}</td>
                  <td className="small">{reasonText(m.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
        {d.members.total > 200 && (
          <p className="muted small">
            Showing 200 of {num(d.members.total)} ads. <Link to={`/search?network=${encodeURIComponent(d.id)}`}>Search within this network</Link>.
          </p>
        )}
      </section>
    </article>
  );
}
