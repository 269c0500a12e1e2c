/** One case: its ads and networks, notes, and the evidence exports (PDF report, ZIP with manifest and hashes). */
import { useState, type FormEvent } from "react";
import type { CaseDetail } from "@shared/api-types";
import { del, postJson } from "../api";
import { useApi } from "../use-api";
import { Link } from "../router";
import { ErrorBox, Loading } from "../components/status";
import { ExportButtons } from "../components/export-dialog";
import { dateTime } from "../format";

export function CasePage({ id }: { id: string }) {
  const c = useApi<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`);
  const [note, setNote] = useState("");
  const [error, setError] = useState<Error | null>(null);
  if (c.status === "error" && !c.data) return <ErrorBox error={c.error} />;
  if (!c.data) return <Loading />;
  const k = c.data;
  const addNote = async (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim()) return;
    try {
      c.set(await postJson<CaseDetail>(`/api/cases/${k.id}/notes`, { text: note.trim() }));
      setNote("");
    } catch (err) {
      setError(err as Error);
    }
  };
  const remove = async (itemId: number) => {
    try {
      await del(`/api/cases/${k.id}/items/${itemId}`);
      c.reload();
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <article>
      <p className="breadcrumb">
        <Link to="/cases">Cases</Link> › #{k.id}
      </p>
      <h1>{k.title}</h1>
      {k.description && <p className="lede">{k.description}</p>}
      <p className="muted small">
        Opened {dateTime(k.createdAt)} · updated {dateTime(k.updatedAt)}
      </p>
      {error && <ErrorBox error={error} />}
      <div className="two-col">
        <div>
          <section className="card" aria-labelledby="case-items">
            <h2 id="case-items">Items</h2>
            {k.items.length === 0 ? (
              <p className="empty">
                Nothing here yet. Use “Add to case” on an ad or a network page, or <Link to="/search">search</Link>.
              </p>
            ) : (
              <ul className="case-items" data-testid="case-items">
                {k.items.map((it) => (
                  <li key={it.id}>
                    <span className="kind-label">{it.kind}</span>{" "}
                    <Link to={it.kind === "ad" ? `/ads/${encodeURIComponent(it.ref)}` : `/networks/${encodeURIComponent(it.ref)}`}>
                      {it.kind === "ad" ? `#${it.ref}` : it.ref}
                    </Link>{" "}
                    <span className="muted">{it.label ?? "(no longer in the data)"}</span>
                    <button type="button" className="link-button" onClick={() => remove(it.id)} aria-label={`Remove ${it.kind} ${it.ref} from the case`}>
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="case-notes">
            <h2 id="case-notes">Notes</h2>
            <ol className="notes">
              {k.notes.map((n) => (
                <li key={n.id}>
                  <p className="note-text">{n.text}</p>
                  <p className="muted small">{dateTime(n.createdAt)}</p>
                </li>
              ))}
            </ol>
            <form onSubmit={addNote} className="form">
              <label>
                Add a note
                <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={10000} />
              </label>
              <button type="submit" disabled={!note.trim()}>
                Save note
              </button>
            </form>
          </section>
        </div>
        <aside>
          <section className="card form" aria-labelledby="case-export">
            <h2 id="case-export">Export</h2>
            <p className="small">
              The PDF is a readable evidence report; the ZIP holds every ad as JSON with its provenance and a manifest of
              SHA-256 hashes. Both state that scores are triage signals, not verdicts, and record why you made them.
            </p>
            <ExportButtons caseId={k.id} />
          </section>
        </aside>
      </div>
    </article>
  );
}
