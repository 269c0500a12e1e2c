/**
 * The shell: skip link, header (who is signed in, sign out), synthetic-data banner, the navigation the user's
 * roles allow, and the routed page — or the sign-in page while nobody is signed in.
 */
import { Suspense, useEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import type { Me } from "@shared/api-types";
import { AuthProvider, hasRole, useAuth } from "./auth";
import { Link, navigate, useLocation } from "./router";
import { navFor, preloadHeavyChunks, route } from "./routes";
import { StatsProvider, SyntheticBanner } from "./stats";
import { ErrorBox, Loading } from "./components/status";
import { SignInPage } from "./pages/sign-in";

function Nav({ path, me }: { path: string; me: Me }) {
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [path]);
  const active = (prefix: string) => (prefix === "/" ? path === "/" : path === prefix || path.startsWith(`${prefix}/`));
  return (
    <nav className="nav" aria-label="Main">
      <button type="button" className="nav-toggle" aria-expanded={open} aria-controls="nav-list" onClick={() => setOpen((o) => !o)}>
        Menu
      </button>
      <ul id="nav-list" className={open ? "nav-list open" : "nav-list"}>
        {navFor(me).map((n) => (
          <li key={n.to}>
            <Link to={n.to} aria-current={active(n.prefix) ? "page" : undefined}>
              {n.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function AccountBar({ me }: { me: Me }) {
  const { signOut } = useAuth();
  const [busy, setBusy] = useState(false);
  const out = async () => {
    setBusy(true);
    await signOut();
    navigate("/");
  };
  return (
    <div className="account-bar">
      <p className="account-who">
        Signed in as <strong data-testid="account-user">{me.username}</strong>
        <span aria-hidden="true"> · </span>
        <span className="visually-hidden">, organization </span>
        <span data-testid="account-org">{me.orgName}</span>
      </p>
      <button type="button" className="account-signout" onClick={out} disabled={busy}>
        Sign out
      </button>
    </div>
  );
}

function Frame({ me, path, main, children }: { me: Me | null; path: string; main: RefObject<HTMLElement | null>; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        {me && <AccountBar me={me} />}
        <div className="header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            Threadline
          </Link>
          {me && <Nav path={path} me={me} />}
        </div>
      </header>
      {me && <SyntheticBanner synthetic={me.synthetic} />}
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          Threadline ranks leads for human review. Every score is a triage signal, never a verdict. Handle the people
          behind these records with care.
        </p>
      </footer>
    </>
  );
}

function Workbench({ me, focusOnMount }: { me: Me; focusOnMount: boolean }) {
  const { path } = useLocation();
  const { title, page } = route(path, me);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const analyst = hasRole(me, "analyst");
  useEffect(() => {
    if (analyst) preloadHeavyChunks();
  }, [analyst]);
  useEffect(() => {
    document.title = `${title} · Threadline`;
    // move focus to the new page for keyboard and screen-reader users, except on first load (but right after
    // signing in: the sign-in form that had focus is gone)
    if (first.current && !focusOnMount) first.current = false;
    else {
      first.current = false;
      main.current?.focus({ preventScroll: true });
    }
  }, [path, title, focusOnMount]);
  return (
    <StatsProvider enabled={analyst}>
      <Frame me={me} path={path} main={main}>
        <Suspense fallback={<Loading />}>{page}</Suspense>
      </Frame>
    </StatsProvider>
  );
}

function Gate() {
  const { session, retry } = useAuth();
  const { path } = useLocation();
  const main = useRef<HTMLElement>(null);
  const wasSignedOut = useRef(false);
  useEffect(() => {
    if (session.status === "signed-out") document.title = "Sign in · Threadline";
  }, [session.status]);
  if (session.status === "signed-in") return <Workbench me={session.me} focusOnMount={wasSignedOut.current} />;
  wasSignedOut.current = session.status === "signed-out";
  return (
    <Frame me={null} path={path} main={main}>
      {session.status === "loading" && <Loading label="Checking your session…" />}
      {session.status === "error" && (
        <section>
          <h1>Cannot reach Threadline</h1>
          <ErrorBox error={session.error} />
          <button type="button" onClick={retry}>
            Try again
          </button>
        </section>
      )}
      {session.status === "signed-out" && <SignInPage reason={session.reason} />}
    </Frame>
  );
}

export function App() {
  return (
    <AuthProvider>
      <Gate />
    </AuthProvider>
  );
}
