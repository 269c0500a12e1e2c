/** One ad: its text with facts highlighted by span, provenance, network, risk, and every earlier version. */
import type { AdDetail, FactView, TextField } from "@shared/api-types";
import { useApi } from "../use-api";
import { Link } from "../router";
import { ErrorBox, Loading } from "../components/status";
import { FactLegend, FactText } from "../components/fact-text";
import { RiskBadge, TriageNote } from "../components/risk";
import { IndicatorList } from "../components/indicators";
import { AddToCase } from "../components/add-to-case";
import { date, dateTime, identifierLabel, identifierPath, reasonText } from "../format";
import { ScrollBox } from "../components/scroll-box";

const IDENTIFIER_KINDS = new Set(["phone", "email", "handle"]);

function FactsTable({ facts }: { facts: FactView[] }) {
  if (facts.length === 0) return <p className="empty">No facts were extracted from this ad.</p>;
  return (
    <ScrollBox label="Extracted facts">
      <table>
        <caption className="visually-hidden">Facts extracted from the ad</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Value</th>
            <th scope="col">Field</th>
            <th scope="col">Hidden?</th>
            <th scope="col">Confidence</th>
          </tr>
        </thead>
        <tbody>
          {facts.map((f, i) => (
            <tr key={i}>
              <td>
                <span className={`kind-dot fact-${f.kind}`} aria-hidden="true" />
                {f.kind}
              </td>
              <td className="value">
                {IDENTIFIER_KINDS.has(f.kind) ? (
                  <Link to={identifierPath(f.kind, f.value)}>{identifierLabel(f.kind, f.value)}</Link>
                ) : (
                  f.value
                )}
              </td>
              <td>{f.field}</td>
              <td>{f.obfuscated ? "obfuscated" : "plain"}</td>
              <td>{f.confidence.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

export function AdPage({ id }: { id: string }) {
  const ad = useApi<AdDetail>(`/api/ads/${encodeURIComponent(id)}`);
  if (ad.status === "error") return <ErrorBox error={ad.error} />;
  if (!ad.data) return <Loading label="Loading ad…" />;
  const a = ad.data;
  const inField = (f: TextField) => a.facts.filter((x) => x.field === f);
  const kinds = [...new Set(a.facts.filter((f) => f.field === "title" || f.field === "body").map((f) => f.kind))];
  const p = a.provenance;
  return (
    <article className="ad-page">
      <p className="breadcrumb">
        <Link to="/search">Search</Link> › Ad #{a.id}
      </p>
      <h1 className="ad-title" data-testid="ad-title">
        <FactText text={a.title || "(untitled ad)"} facts={a.title ? inField("title") : []} />
      </h1>
      <div className="meta-row">
        <span>{a.city ?? "no city"}{a.region ? `, ${a.region}` : ""}</span>
        <span>posted {date(a.postedAt)}</span>
        <span>{p.source}</span>
        <RiskBadge risk={a.risk} />
        {a.networkId ? (
          <Link to={`/networks/${encodeURIComponent(a.networkId)}`} className="tag">
            Network {a.networkId}
          </Link>
        ) : (
          <span className="tag muted">not in a network</span>
        )}
      </div>

      <div className="two-col">
        <div>
          <section aria-labelledby="ad-text">
            <h2 id="ad-text">Ad text</h2>
            <FactLegend kinds={kinds} />
            <div className="ad-body" data-testid="ad-body">
              <FactText text={a.body} facts={inField("body")} />
            </div>
            {(a.phone || a.email) && (
              <dl className="fields">
                {a.phone && (
                  <>
                    <dt>Phone field</dt>
                    <dd>
                      <FactText text={a.phone} facts={inField("phone")} />
                    </dd>
                  </>
                )}
                {a.email && (
                  <>
                    <dt>Email field</dt>
                    <dd>
                      <FactText text={a.email} facts={inField("email")} />
                    </dd>
                  </>
                )}
              </dl>
            )}
          </section>
          <section aria-labelledby="ad-facts">
            <h2 id="ad-facts">Extracted facts</h2>
            <FactsTable facts={a.facts} />
          </section>
          <section aria-labelledby="ad-versions">
            <h2 id="ad-versions">Versions</h2>
            {a.versions.length === 0 ? (
              <p className="empty">Only one version of this ad was captured.</p>
            ) : (
              <ol className="versions">
                <li>
                  <strong>v{p.version}</strong> (current) captured {dateTime(p.capturedAt)}
                </li>
                {a.versions.map((v) => (
                  <li key={v.version}>
                    <details>
                      <summary>
                        v{v.version} captured {dateTime(v.capturedAt)} — {v.title || "(untitled)"}
                      </summary>
                      <p className="version-body">{v.body}</p>
                      <p className="hash">
                        content hash <code>{v.contentHash.slice(0, 16)}…</code>
                      </p>
                    </details>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
        <aside>
          <section aria-labelledby="ad-provenance" className="card">
            <h2 id="ad-provenance">Provenance</h2>
            <dl className="kv">
              <dt>Source</dt>
              <dd>{p.source}</dd>
              <dt>Source ad id</dt>
              <dd>
                <code>{p.sourceAdId}</code>
              </dd>
              <dt>URL</dt>
              <dd className="break">{p.url ?? "—"}</dd>
              <dt>Captured</dt>
              <dd>{dateTime(p.capturedAt)}</dd>
              <dt>First seen</dt>
              <dd>{dateTime(p.firstSeenAt)}</dd>
              <dt>Version</dt>
              <dd>{p.version}</dd>
              <dt>Content hash</dt>
              <dd className="break">
                <code title={p.contentHash}>{p.contentHash.slice(0, 24)}…</code>
              </dd>
              {p.ingestFile && (
                <>
                  <dt>Ingested from</dt>
                  <dd className="break">
                    {p.ingestFile}
                    {p.ingestLine !== null && `, line ${p.ingestLine}`}
                  </dd>
                </>
              )}
            </dl>
          </section>
          <section aria-labelledby="ad-network" className="card">
            <h2 id="ad-network">Network</h2>
            {a.networkId ? (
              <>
                <p>
                  <Link to={`/networks/${encodeURIComponent(a.networkId)}`}>Open network {a.networkId}</Link>
                </p>
                {a.networkReason && <p className="muted">Why: {reasonText(a.networkReason)}</p>}
              </>
            ) : (
              <p className="muted">No shared identifier or text ties this ad to others.</p>
            )}
          </section>
          <section aria-labelledby="ad-risk" className="card">
            <h2 id="ad-risk">Risk indicators</h2>
            <p>
              <RiskBadge risk={a.risk} />
            </p>
            <IndicatorList items={a.indicators} />
            <TriageNote />
          </section>
          <section className="card" aria-label="Case">
            <AddToCase kind="ad" refId={String(a.id)} label={`ad ${a.id}`} />
          </section>
        </aside>
      </div>
    </article>
  );
}
