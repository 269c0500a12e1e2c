/** Cases: the list, and a form to open a new one. */
import { useState, type FormEvent } from "react";
import type { CaseDetail, CasesPage as Page } from "@shared/api-types";
import { postJson } from "../api";
import { useApi } from "../use-api";
import { Link, navigate } from "../router";
import { ErrorBox, Loading } from "../components/status";
import { dateTime, num } from "../format";

export function CasesPage() {
  const cases = useApi<Page>("/api/cases?limit=100");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [error, setError] = useState<Error | null>(null);
  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    try {
      const c = await postJson<CaseDetail>("/api/cases", { title: title.trim(), description: description.trim() || undefined });
      navigate(`/cases/${c.id}`);
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <section>
      <h1>Cases</h1>
      <p className="lede">A case gathers ads and networks with your notes, and exports an evidence report.</p>
      <div className="two-col">
        <div>
          {cases.status === "error" && <ErrorBox error={cases.error} />}
          {!cases.data ? (
            cases.status !== "error" && <Loading />
          ) : cases.data.items.length === 0 ? (
            <p className="empty">No cases yet.</p>
          ) : (
            <ul className="case-list">
              {cases.data.items.map((c) => (
                <li key={c.id} className="card">
                  <Link to={`/cases/${c.id}`} className="case-title">
                    {c.title}
                  </Link>
                  {c.description && <p>{c.description}</p>}
                  <p className="muted small">
                    {num(c.itemCount)} items · {num(c.noteCount)} notes · updated {dateTime(c.updatedAt)}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
        <aside>
          <form className="card form" onSubmit={create} aria-labelledby="new-case">
            <h2 id="new-case">New case</h2>
            <label>
              Title
              <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
            </label>
            <label>
              Description <span className="muted">(optional)</span>
              <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={2000} />
            </label>
            <button type="submit">Create case</button>
            {error && <ErrorBox error={error} />}
          </form>
        </aside>
      </div>
    </section>
  );
}
