/** The shell: skip link, synthetic-data banner, responsive navigation, and the routed page. */
import { Suspense, useEffect, useRef, useState, type ReactNode } from "react";
import { Link, match, useLocation } from "./router";
import { StatsProvider, SyntheticBanner } from "./stats";
import { Loading } from "./components/status";
import { DashboardPage } from "./pages/dashboard";
import { SearchPage } from "./pages/search";
import { AdPage } from "./pages/ad";
import { NetworksPage } from "./pages/networks";
import { IdentifierPage } from "./pages/identifier";
import { CasesPage } from "./pages/cases";
import { CasePage } from "./pages/case";
import { NetworkPage, networkView } from "./pages/network";
import { lazyWithPreload } from "./lazy";

// the pages that pull in WebGL libraries (sigma, maplibre) load on demand, and are warmed up once the browser
// is idle so the first click on a network or the map does not wait for them
const mapPage = lazyWithPreload(() => import("./pages/map").then((m) => m.MapPage));
function preloadHeavyChunks(): void {
  const go = () => void Promise.all([networkView.preload(), mapPage.preload()]).catch(() => undefined);
  if ("requestIdleCallback" in window) window.requestIdleCallback(go, { timeout: 3000 });
  else setTimeout(go, 1500);
}

const NAV: { to: string; label: string; prefix: string }[] = [
  { to: "/", label: "Dashboard", prefix: "/" },
  { to: "/search", label: "Search", prefix: "/search" },
  { to: "/networks", label: "Networks", prefix: "/networks" },
  { to: "/map", label: "Map", prefix: "/map" },
  { to: "/cases", label: "Cases", prefix: "/cases" },
];

function route(path: string): { title: string; page: ReactNode } {
  let p: Record<string, string> | null;
  if (path === "/" || path === "") return { title: "Dashboard", page: <DashboardPage /> };
  if (path === "/search") return { title: "Search", page: <SearchPage /> };
  if ((p = match("/ads/:id", path))) return { title: `Ad ${p.id}`, page: <AdPage id={p.id} /> };
  if (path === "/networks") return { title: "Networks", page: <NetworksPage /> };
  if ((p = match("/networks/:id", path))) return { title: `Network ${p.id}`, page: <NetworkPage id={p.id} /> };
  if ((p = match("/identifiers/:kind/:value", path)))
    return { title: `${p.kind} ${p.value}`, page: <IdentifierPage kind={p.kind} value={p.value} /> };
  if (path === "/map") {
    const MapPage = mapPage.get();
    return { title: "Map", page: <MapPage /> };
  }
  if (path === "/cases") return { title: "Cases", page: <CasesPage /> };
  if ((p = match("/cases/:id", path))) return { title: `Case ${p.id}`, page: <CasePage id={p.id} /> };
  return {
    title: "Not found",
    page: (
      <section>
        <h1>Page not found</h1>
        <p>
          <Link to="/">Back to the dashboard</Link>
        </p>
      </section>
    ),
  };
}

function Nav({ path }: { path: string }) {
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [path]);
  const active = (prefix: string) => (prefix === "/" ? path === "/" : path === prefix || path.startsWith(`${prefix}/`));
  return (
    <nav className="nav" aria-label="Main">
      <button
        type="button"
        className="nav-toggle"
        aria-expanded={open}
        aria-controls="nav-list"
        onClick={() => setOpen((o) => !o)}
      >
        Menu
      </button>
      <ul id="nav-list" className={open ? "nav-list open" : "nav-list"}>
        {NAV.map((n) => (
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

export function App() {
  const { path } = useLocation();
  const { title, page } = route(path);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(preloadHeavyChunks, []);
  useEffect(() => {
    document.title = `${title} · Threadline`;
    // move focus to the new page for keyboard and screen-reader users, except on first load
    if (first.current) first.current = false;
    else main.current?.focus({ preventScroll: true });
  }, [path, title]);
  return (
    <StatsProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            Threadline
          </Link>
          <Nav path={path} />
        </div>
      </header>
      <SyntheticBanner />
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<Loading />}>{page}</Suspense>
      </main>
      <footer className="site-footer">
        <p>
          Threadline ranks leads for human review. Every score is a triage signal, never a verdict. Handle the people
          behind these records with care.
        </p>
      </footer>
    </StatsProvider>
  );
}
