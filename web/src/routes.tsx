/**
 * The route table: which page a path shows and which role it needs, and the navigation each user sees — only the
 * pages their roles open (the API refuses the rest anyway; this keeps dead ends out of sight).
 */
import type { ReactNode } from "react";
import type { Me, Role } from "@shared/api-types";
import { hasRole } from "./auth";
import { Link, match } from "./router";
import { lazyWithPreload } from "./lazy";
import { DashboardPage } from "./pages/dashboard";
import { SearchPage } from "./pages/search";
import { AdPage } from "./pages/ad";
import { NetworksPage } from "./pages/networks";
import { IdentifierPage } from "./pages/identifier";
import { CasesPage } from "./pages/cases";
import { CasePage } from "./pages/case";
import { NetworkPage, networkView } from "./pages/network";
import { HomePage } from "./pages/home";
import { AdminPage } from "./pages/admin";
import { AuditPage } from "./pages/audit";
import { UploadPage } from "./pages/upload";

// the pages that pull in WebGL libraries (sigma, maplibre) load on demand, and are warmed up once the browser
// is idle so the first click on a network or the map does not wait for them
const mapPage = lazyWithPreload(() => import("./pages/map").then((m) => m.MapPage));
export function preloadHeavyChunks(): void {
  const go = () => void Promise.all([networkView.preload(), mapPage.preload()]).catch(() => undefined);
  if ("requestIdleCallback" in window) window.requestIdleCallback(go, { timeout: 3000 });
  else setTimeout(go, 1500);
}

export interface NavItem {
  to: string;
  label: string;
  prefix: string;
  role: Role | null;
  /** One line for the home page of users without the analyst role. */
  about: string;
}

const NAV: NavItem[] = [
  { to: "/", label: "Dashboard", prefix: "/", role: "analyst", about: "totals, top networks, hotspots" },
  { to: "/search", label: "Search", prefix: "/search", role: "analyst", about: "find ads by phone, email, handle or words" },
  { to: "/networks", label: "Networks", prefix: "/networks", role: "analyst", about: "linked ads, by risk, size or recency" },
  { to: "/map", label: "Map", prefix: "/map", role: "analyst", about: "where ads appear, week by week" },
  { to: "/cases", label: "Cases", prefix: "/cases", role: "analyst", about: "gather ads and networks, export evidence" },
  { to: "/upload", label: "Upload", prefix: "/upload", role: "contributor", about: "contribute ads from a JSONL file" },
  { to: "/audit", label: "Audit", prefix: "/audit", role: "auditor", about: "who did what, and a check of the log's hash chain" },
  { to: "/admin", label: "Admin", prefix: "/admin", role: "admin", about: "users, roles and API tokens of your organization" },
];

/** The navigation for this user; without the analyst role, "/" is a plain home page instead of the dashboard. */
export function navFor(me: Me): NavItem[] {
  const items = NAV.filter((n) => n.role === null || hasRole(me, n.role));
  return hasRole(me, "analyst") ? items : [{ to: "/", label: "Home", prefix: "/", role: null, about: "" }, ...items];
}

function notFound(): { title: string; page: ReactNode } {
  return {
    title: "Not found",
    page: (
      <section>
        <h1>Page not found</h1>
        <p>
          <Link to="/">Back to the start page</Link>
        </p>
      </section>
    ),
  };
}

function needsRole(me: Me, role: Role): { title: string; page: ReactNode } {
  return {
    title: "Not available",
    page: (
      <section>
        <h1>Not available to you</h1>
        <p>
          This page needs the <strong>{role}</strong> role; you have {me.roles.length ? me.roles.join(", ") : "no roles"}.
          Ask your organization’s admin if you need it.
        </p>
        <p>
          <Link to="/">Back to the start page</Link>
        </p>
      </section>
    ),
  };
}

function analystRoute(path: string): { title: string; page: ReactNode } | null {
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
  return null;
}

export function route(path: string, me: Me): { title: string; page: ReactNode } {
  const gated = (role: Role, r: { title: string; page: ReactNode }) => (hasRole(me, role) ? r : needsRole(me, role));
  if (path === "/upload") return gated("contributor", { title: "Upload", page: <UploadPage /> });
  if (path === "/audit") return gated("auditor", { title: "Audit", page: <AuditPage /> });
  if (path === "/admin") return gated("admin", { title: "Admin", page: <AdminPage /> });
  if ((path === "/" || path === "") && !hasRole(me, "analyst")) return { title: "Home", page: <HomePage items={navFor(me).slice(1)} /> };
  const r = analystRoute(path);
  return r ? gated("analyst", r) : notFound();
}
