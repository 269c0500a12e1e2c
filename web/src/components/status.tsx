/** Loading and error states shared by every page. */
import { ApiError } from "../api";

export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      {label}
    </p>
  );
}

export function ErrorBox({ error }: { error: Error }) {
  const p = error instanceof ApiError ? error.problem : null;
  const title = error instanceof ApiError && error.status === 404 ? "Not found" : (p?.title ?? "Something went wrong");
  return (
    <div className="error-box" role="alert">
      <strong>{title}</strong>
      <p>{p?.detail ?? error.message}</p>
      {p?.errors && (
        <ul>
          {p.errors.map((e) => (
            <li key={e.field}>
              <code>{e.field}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
