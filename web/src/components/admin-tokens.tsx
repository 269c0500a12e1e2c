/** API tokens of the organization (for machine upload or matching): list, create (token shown once), revoke. */
import { useState, type FormEvent } from "react";
import type { ApiTokenView, TokenCreated, TokenScope } from "@shared/api-types";
import { del, postJson } from "../api";
import { useApi } from "../use-api";
import { date, dateTime } from "../format";
import { ErrorBox, Loading } from "./status";
import { SecretOnce } from "./secret-once";

const SCOPES: { scope: TokenScope; about: string }[] = [
  { scope: "upload", about: "POST /api/uploads" },
  { scope: "match", about: "hash matching" },
];

function status(t: ApiTokenView): string {
  if (t.revokedAt) return `revoked ${date(t.revokedAt)}`;
  if (new Date(t.expiresAt) <= new Date()) return "expired";
  return "active";
}

function NewToken({ onCreated }: { onCreated: (t: ApiTokenView) => void }) {
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<TokenScope[]>(["upload"]);
  const [days, setDays] = useState("90");
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [created, setCreated] = useState<TokenCreated | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const d = Number(days);
    if (!name.trim()) return setProblem("Name the token after what uses it (e.g. “nightly scraper”).");
    if (scopes.length === 0) return setProblem("Choose at least one scope.");
    if (!Number.isInteger(d) || d < 1 || d > 365) return setProblem("Days until it expires: a whole number from 1 to 365.");
    setProblem(null);
    setError(null);
    setBusy(true);
    try {
      const r = await postJson<TokenCreated>("/api/admin/tokens", { name: name.trim(), scopes, days: d });
      setCreated(r);
      setName("");
      onCreated(r.record);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="new-token">
      <h2 id="new-token">New API token</h2>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} autoComplete="off" />
      </label>
      <fieldset className="checks">
        <legend>Scopes</legend>
        {SCOPES.map((s) => (
          <label key={s.scope} className="check">
            <input
              type="checkbox"
              checked={scopes.includes(s.scope)}
              onChange={(e) => setScopes((xs) => (e.target.checked ? [...xs, s.scope] : xs.filter((x) => x !== s.scope)))}
            />
            {s.scope} <span className="muted small">({s.about})</span>
          </label>
        ))}
      </fieldset>
      <label>
        Days until it expires
        <input type="number" min={1} max={365} value={days} onChange={(e) => setDays(e.target.value)} />
      </label>
      <div role="alert">{problem && <p className="error-text">{problem}</p>}</div>
      {error && <ErrorBox error={error} />}
      <button type="submit" disabled={busy}>
        Create token
      </button>
      {created && (
        <SecretOnce
          label={`Token “${created.record.name}”`}
          value={created.token}
          hint="The machine sends it as “Authorization: Bearer <token>”."
          onDone={() => setCreated(null)}
        />
      )}
    </form>
  );
}

export function AdminTokens() {
  const tokens = useApi<{ items: ApiTokenView[] }>("/api/admin/tokens");
  const [confirm, setConfirm] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const list = tokens.data?.items ?? [];

  const revoke = async (t: ApiTokenView) => {
    setError(null);
    try {
      await del(`/api/admin/tokens/${encodeURIComponent(t.id)}`);
      setConfirm(null);
      tokens.reload();
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <div className="two-col">
      <section className="card" aria-labelledby="tokens-title">
        <h2 id="tokens-title">API tokens</h2>
        {error && <ErrorBox error={error} />}
        {tokens.status === "error" && <ErrorBox error={tokens.error} />}
        {!tokens.data ? (
          tokens.status !== "error" && <Loading />
        ) : list.length === 0 ? (
          <p className="empty">No tokens yet.</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="tokens-title" tabIndex={0}>
            <table data-testid="tokens-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((t) => (
                  <tr key={t.id}>
                    <th scope="row" className="value">
                      {t.name} <span className="muted small">({t.id})</span>
                    </th>
                    <td>{t.scopes.join(", ")}</td>
                    <td>{date(t.expiresAt)}</td>
                    <td>{dateTime(t.lastUsedAt)}</td>
                    <td>{status(t)}</td>
                    <td>
                      {t.revokedAt ? null : confirm === t.id ? (
                        <span className="confirm">
                          <button type="button" onClick={() => revoke(t)}>
                            Yes, revoke {t.name}
                          </button>
                          <button type="button" className="link-button" onClick={() => setConfirm(null)}>
                            Keep
                          </button>
                        </span>
                      ) : (
                        <button type="button" className="secondary" onClick={() => setConfirm(t.id)} aria-label={`Revoke token ${t.name}`}>
                          Revoke
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <aside>
        <NewToken onCreated={(t) => tokens.set((cur) => ({ items: [t, ...(cur?.items ?? [])] }))} />
      </aside>
    </div>
  );
}
