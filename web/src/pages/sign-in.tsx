/** Sign-in: username and password, with plain-language errors (wrong password, locked for N seconds, offline). */
import { useRef, useState, type FormEvent } from "react";
import { ApiError } from "../api";
import { useAuth } from "../auth";

/** What went wrong, in words a person can act on. */
export function signInError(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 401) return "Wrong username or password.";
    if (err.status === 429) {
      const wait = err.retryAfter !== null ? `try again in ${err.retryAfter} s` : "wait a while and try again";
      return err.problem?.detail.includes("address")
        ? `Too many failed sign-ins from this computer's address: ${wait}.`
        : `This account is locked after too many failed sign-ins: ${wait}.`;
    }
    if (err.status === 400) return "Enter your username and password.";
    return err.problem?.detail ?? err.message;
  }
  return `Could not reach the server (${err instanceof Error ? err.message : String(err)}). Check that Threadline is running.`;
}

const NOTICE: Record<string, string> = {
  expired: "Your session has ended (it expired or was signed out elsewhere). Sign in again to continue where you were.",
  "signed-out": "You are signed out.",
};

export function SignInPage({ reason }: { reason: "none" | "expired" | "signed-out" }) {
  const { signIn } = useAuth();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError("Enter your username and password.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn({ username: username.trim(), password });
    } catch (err) {
      setError(signInError(err));
      setPassword("");
      setBusy(false);
      passwordRef.current?.focus();
    }
  };

  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      {NOTICE[reason] && (
        <p className="notice" role="status">
          {NOTICE[reason]}
        </p>
      )}
      <form className="card form" onSubmit={submit} noValidate>
        <label>
          Username
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
            maxLength={100}
            autoFocus
          />
        </label>
        <label>
          Password
          <input
            ref={passwordRef}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            maxLength={1024}
          />
        </label>
        <div role="alert" className="sign-in-error">
          {error && <p className="error-text">{error}</p>}
        </div>
        <button type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <p className="small muted">
        Running the demo (<code>npm start</code>)? It prints a one-time sign-in link in the terminal: open it in this
        browser to sign in as <code>demo</code> without a password. Another link:{" "}
        <code>npx threadline admin login-link demo --db ./demo.db</code>. Accounts are created by your organization’s
        admin.
      </p>
    </section>
  );
}
