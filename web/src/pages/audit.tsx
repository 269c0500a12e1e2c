/**
 * The audit log for auditors: the organization's entries (oldest first, filtered by actor, action and date, paged
 * on), and a check of the whole log's hash chain.
 */
import { useState, type FormEvent } from "react";
import type { AuditEntry, AuditPage as Page, AuditVerify } from "@shared/api-types";
import { apiUrl, getJson } from "../api";
import { useApi } from "../use-api";
import { navigate, useLocation } from "../router";
import { ErrorBox, Loading } from "../components/status";
import { dateTime, num } from "../format";

const LIMIT = 100;

interface Filters {
  actor: string;
  action: string;
  since: string;
}

function Entries({ filters }: { filters: Filters }) {
  const first = useApi<Page>(apiUrl("/audit", { ...filters, limit: LIMIT }));
  const [more, setMore] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  if (first.status === "error") return <ErrorBox error={first.error} />;
  if (!first.data) return <Loading />;
  const items = [...first.data.items, ...more];
  const cursor = next === undefined ? first.data.next : next;

  const loadMore = async () => {
    if (cursor === null) return;
    setBusy(true);
    try {
      const p = await getJson<Page>(apiUrl("/audit", { ...filters, after: cursor, limit: LIMIT }));
      setMore((m) => [...m, ...p.items]);
      setNext(p.next);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  if (items.length === 0) return <p className="empty">No entries match.</p>;
  return (
    <>
      <p className="result-count">
        {num(items.length)} entries{cursor !== null ? " so far" : ""}, oldest first
      </p>
      <div className="table-wrap" role="region" aria-label="Audit entries" tabIndex={0}>
        <table data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">Time</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Detail</th>
              <th scope="col">Hash</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.seq}>
                <td className="num">{e.seq}</td>
                <td className="nowrap">{dateTime(e.at)}</td>
                <td className="words">{e.actor}</td>
                <td className="words">{e.action}</td>
                <td className="words">{e.target ?? "—"}</td>
                <td className="value">
                  <code>{Object.keys(e.detail).length ? JSON.stringify(e.detail) : "—"}</code>
                </td>
                <td>
                  <code className="hash" title={e.hash}>
                    {e.hash.slice(0, 12)}…
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error && <ErrorBox error={error} />}
      {cursor !== null && (
        <p>
          <button type="button" className="secondary" onClick={loadMore} disabled={busy}>
            {busy ? "Loading…" : "Load more"}
          </button>
        </p>
      )}
    </>
  );
}

function VerifyChain() {
  const [result, setResult] = useState<AuditVerify | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await getJson<AuditVerify>("/api/audit/verify"));
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="verify-title">
      <h2 id="verify-title">Hash chain</h2>
      <p className="small">
        Each entry carries the hash of the one before it; checking the chain end to end shows whether any entry of the
        whole log was changed or removed.
      </p>
      <button type="button" onClick={run} disabled={busy}>
        {busy ? "Verifying…" : "Verify chain"}
      </button>
      <div role="status" data-testid="verify-result" className="verify-result">
        {result &&
          (result.ok ? (
            <p className="ok-text">
              <strong>Chain intact</strong>: {num(result.entries)} entries. Head hash <code className="break">{result.head}</code>
            </p>
          ) : (
            <p className="error-text">
              <strong>Chain broken</strong> at entry #{result.broken?.seq}: {result.broken?.reason}. {num(result.entries)} entries; head
              hash <code className="break">{result.head}</code>
            </p>
          ))}
      </div>
      {error && <ErrorBox error={error} />}
    </section>
  );
}

export function AuditPage() {
  const { query } = useLocation();
  const applied: Filters = { actor: query.get("actor") ?? "", action: query.get("action") ?? "", since: query.get("since") ?? "" };
  const [draft, setDraft] = useState<Filters>(applied);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(draft)) if (v.trim()) q.set(k, v.trim());
    const s = q.toString();
    navigate(s ? `/audit?${s}` : "/audit");
  };
  const field = (k: keyof Filters) => ({ value: draft[k], onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value })) });
  return (
    <section>
      <h1>Audit log</h1>
      <p className="lede">Every sign-in, read, change and export in your organization, in order.</p>
      <div className="two-col">
        <form className="card filter-grid audit-filters" onSubmit={apply} aria-label="Filter the audit log">
          <label>
            Actor
            <input {...field("actor")} placeholder="username or token:id" />
          </label>
          <label>
            Action
            <input {...field("action")} placeholder="e.g. login.failed" />
          </label>
          <label>
            Since
            <input type="date" {...field("since")} />
          </label>
          <div className="filter-actions">
            <button type="submit">Apply filters</button>
          </div>
        </form>
        <VerifyChain />
      </div>
      <Entries key={`${applied.actor}\n${applied.action}\n${applied.since}`} filters={applied} />
    </section>
  );
}
