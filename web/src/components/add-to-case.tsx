/** "Add to case": pick an open case (or start a new one) and file this ad or network in it. */
import { useState, type FormEvent } from "react";
import type { CaseDetail, CaseItemKind, CasesPage } from "@shared/api-types";
import { postJson } from "../api";
import { useApi } from "../use-api";
import { Link } from "../router";

export function AddToCase({ kind, refId, label }: { kind: CaseItemKind; refId: string; label: string }) {
  const cases = useApi<CasesPage>("/api/cases?limit=100");
  const [choice, setChoice] = useState("");
  const [title, setTitle] = useState("");
  const [done, setDone] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const list = cases.data?.items ?? [];
  const target = choice || (list.length > 0 ? String(list[0].id) : "new");

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      let id = target;
      if (target === "new") {
        const t = title.trim() || `Case: ${label}`;
        id = String((await postJson<CaseDetail>("/api/cases", { title: t })).id);
      }
      setDone(await postJson<CaseDetail>(`/api/cases/${id}/items`, { kind, ref: refId }));
      cases.reload();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="add-to-case" onSubmit={submit} aria-label={`Add this ${kind} to a case`}>
      <label>
        Add to case
        <select value={target} onChange={(e) => setChoice(e.target.value)}>
          {list.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title} ({c.itemCount})
            </option>
          ))}
          <option value="new">New case…</option>
        </select>
      </label>
      {target === "new" && (
        <label>
          New case title
          <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={`Case: ${label}`} />
        </label>
      )}
      <button type="submit" disabled={busy}>
        Add {kind}
      </button>
      <span aria-live="polite" className="add-status">
        {done && (
          <>
            Added to <Link to={`/cases/${done.id}`}>{done.title}</Link>.
          </>
        )}
        {error && <span className="error-text">{error}</span>}
      </span>
    </form>
  );
}
