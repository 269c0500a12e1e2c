/** The organization's users: their roles as checkboxes (each change is saved at once), and a form to add one. */
import { useState, type FormEvent } from "react";
import type { AdminUser, Role, UserCreated } from "@shared/api-types";
import { postJson } from "../api";
import { ROLE_ABOUT, ROLES, useMe } from "../auth";
import { useApi } from "../use-api";
import { dateTime } from "../format";
import { ErrorBox, Loading } from "./status";
import { SecretOnce } from "./secret-once";

const USERNAME = /^[A-Za-z0-9._@-]{3,64}$/;

function NewUser({ onCreated }: { onCreated: (u: AdminUser) => void }) {
  const [username, setUsername] = useState("");
  const [roles, setRoles] = useState<Role[]>(["analyst"]);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [created, setCreated] = useState<UserCreated | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = (r: Role, on: boolean) => setRoles((rs) => (on ? [...rs, r] : rs.filter((x) => x !== r)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const name = username.trim();
    if (!USERNAME.test(name)) return setProblem("A username is 3–64 letters, digits or . _ @ -");
    if (roles.length === 0) return setProblem("Give the user at least one role.");
    setProblem(null);
    setError(null);
    setBusy(true);
    try {
      const r = await postJson<UserCreated>("/api/admin/users", { username: name, roles: ROLES.filter((x) => roles.includes(x)) });
      setCreated(r);
      setUsername("");
      onCreated(r.user);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="new-user">
      <h2 id="new-user">New user</h2>
      <label>
        Username
        <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" maxLength={64} aria-describedby="new-user-hint" />
      </label>
      <p id="new-user-hint" className="hint">
        3–64 letters, digits or . _ @ -. A password is generated and shown once.
      </p>
      <fieldset className="checks">
        <legend>Roles</legend>
        {ROLES.map((r) => (
          <label key={r} className="check">
            <input type="checkbox" checked={roles.includes(r)} onChange={(e) => toggle(r, e.target.checked)} />
            {r} <span className="muted small">({ROLE_ABOUT[r]})</span>
          </label>
        ))}
      </fieldset>
      <div role="alert">{problem && <p className="error-text">{problem}</p>}</div>
      {error && <ErrorBox error={error} />}
      <button type="submit" disabled={busy}>
        Create user
      </button>
      {created && (
        <SecretOnce
          label={`Password for ${created.user.username}`}
          value={created.password}
          hint="Hand it to them over a safe channel; they can change it after signing in."
          onDone={() => setCreated(null)}
        />
      )}
    </form>
  );
}

export function AdminUsers() {
  const me = useMe();
  const users = useApi<{ items: AdminUser[] }>("/api/admin/users");
  const [pending, setPending] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [reset, setReset] = useState<{ username: string; password: string } | null>(null);
  const list = users.data?.items ?? [];

  /** Disable / enable / unlock / reset password: one admin route; a reset's new password is shown once. */
  const control = async (u: AdminUser, body: { disabled?: boolean; unlock?: boolean; resetPassword?: boolean }) => {
    setPending(u.id);
    setError(null);
    try {
      const r = await postJson<{ user: AdminUser; password: string | null }>(`/api/admin/users/${u.id}/access`, body);
      replace(r.user);
      if (r.password) setReset({ username: u.username, password: r.password });
    } catch (err) {
      setError(err as Error);
    } finally {
      setPending(null);
    }
  };

  const replace = (next: AdminUser) =>
    users.set((cur) => ({ items: (cur?.items ?? []).map((x) => (x.id === next.id ? next : x)) }));

  const setRoles = async (u: AdminUser, role: Role, on: boolean) => {
    const roles = ROLES.filter((r) => (r === role ? on : u.roles.includes(r)));
    setPending(u.id);
    setError(null);
    // The box shows the new state while it is saved (a controlled box would otherwise spring back until the
    // server answers); a refusal puts the user's roles back as they were.
    replace({ ...u, roles });
    try {
      replace(await postJson<AdminUser>(`/api/admin/users/${u.id}/roles`, { roles }));
    } catch (err) {
      replace(u);
      setError(err as Error);
    } finally {
      setPending(null);
    }
  };

  return (
    <div className="two-col">
      <section className="card" aria-labelledby="users-title">
        <h2 id="users-title">Users of {me.orgName}</h2>
        <p className="small muted">A change to a role is saved at once; a user left with no role is signed out.</p>
        {error && <ErrorBox error={error} />}
        {users.status === "error" && <ErrorBox error={users.error} />}
        {!users.data ? (
          users.status !== "error" && <Loading />
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="users-title" tabIndex={0}>
            <table data-testid="users-table">
              <thead>
                <tr>
                  <th scope="col">User</th>
                  {ROLES.map((r) => (
                    <th scope="col" key={r}>
                      {r}
                    </th>
                  ))}
                  <th scope="col">Created</th>
                  <th scope="col">Status</th>
                  <th scope="col">Account</th>
                </tr>
              </thead>
              <tbody>
                {list.map((u) => (
                  <tr key={u.id}>
                    <th scope="row" className="value">
                      {u.username}
                      {u.username === me.username && <span className="muted"> (you)</span>}
                    </th>
                    {ROLES.map((r) => (
                      <td key={r}>
                        <input
                          type="checkbox"
                          aria-label={`${r} role for ${u.username}`}
                          checked={u.roles.includes(r)}
                          disabled={pending === u.id || (r === "admin" && u.username === me.username)}
                          onChange={(e) => setRoles(u, r, e.target.checked)}
                        />
                      </td>
                    ))}
                    <td>{dateTime(u.createdAt)}</td>
                    <td>{u.disabled ? "disabled" : u.locked ? "locked (failed sign-ins)" : "active"}</td>
                    <td className="actions">
                      {u.username !== me.username && (
                        <button type="button" disabled={pending === u.id} onClick={() => control(u, { disabled: !u.disabled })}>
                          {u.disabled ? "Enable" : "Disable"} <span className="visually-hidden">{u.username}</span>
                        </button>
                      )}
                      {u.locked && (
                        <button type="button" disabled={pending === u.id} onClick={() => control(u, { unlock: true })}>
                          Unlock <span className="visually-hidden">{u.username}</span>
                        </button>
                      )}
                      <button type="button" disabled={pending === u.id} onClick={() => control(u, { resetPassword: true })}>
                        Reset password <span className="visually-hidden">of {u.username}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <aside>
        {reset && (
          <SecretOnce
            label={`New password for ${reset.username}`}
            value={reset.password}
            hint="Shown once: give it to the user over a safe channel. Their sessions were ended."
            onDone={() => setReset(null)}
          />
        )}
        <NewUser onCreated={(u) => users.set((cur) => ({ items: [...(cur?.items ?? []), u] }))} />
      </aside>
    </div>
  );
}
