/** The morning view: totals, what is new this week, the networks to look at first, hotspots and the weekly trend. */
import { lazy, Suspense, useMemo } from "react";
import type { HotspotsResponse } from "@shared/api-types";
import { useStats } from "../stats";
import { useApi } from "../use-api";
import { Link } from "../router";
import { ErrorBox, Loading } from "../components/status";
import { NetworkTable } from "../components/network-table";
import { WeekChart } from "../components/week-chart";
import { TriageNote } from "../components/risk";
import { date, num } from "../format";

const DashboardMap = lazy(() => import("../map/dashboard-map").then((m) => ({ default: m.DashboardMap })));

function Stat({ value, label }: { value: number; label: string }) {
  return (
    <div className="stat">
      <span className="stat-value">{num(value)}</span>
      <span className="stat-label">{label}</span>
    </div>
  );
}

export function DashboardPage() {
  const stats = useStats();
  const hs = useApi<HotspotsResponse>("/api/hotspots?weeks=4");
  const weekly = useMemo(() => stats.data?.weekly.slice(-26) ?? [], [stats.data]);
  if (stats.status === "error") return <ErrorBox error={stats.error} />;
  if (!stats.data) return <Loading />;
  const s = stats.data;
  return (
    <div className="dashboard">
      <h1>Dashboard</h1>
      <p className="lede">Data up to {date(s.asOf)}. “This week” is the seven days before that.</p>
      <section aria-label="Totals" className="stat-row">
        <Stat value={s.totals.ads} label="ads" />
        <Stat value={s.totals.networks} label="networks" />
        <Stat value={s.totals.adsInNetworks} label="ads in networks" />
        <Stat value={s.totals.phones} label="phone numbers" />
        <Stat value={s.newThisWeek.ads} label="new ads this week" />
        <Stat value={s.newThisWeek.networks} label="new networks this week" />
      </section>
      <div className="dash-grid">
        <section className="card" aria-labelledby="top-networks">
          <h2 id="top-networks">{s.riskAvailable ? "Highest-risk networks" : "Largest networks"}</h2>
          <NetworkTable items={s.topNetworks} caption="Top networks" />
          <p>
            <Link to="/networks">All networks</Link>
          </p>
          {s.riskAvailable && <TriageNote />}
        </section>
        <section className="card" aria-labelledby="hotspots">
          <h2 id="hotspots">Hotspots, last 4 weeks</h2>
          {hs.status === "error" && <ErrorBox error={hs.error} />}
          {hs.data ? (
            <Suspense fallback={<Loading label="Loading map…" />}>
              <DashboardMap data={hs.data} />
            </Suspense>
          ) : (
            hs.status !== "error" && <Loading label="Loading hotspots…" />
          )}
          <p>
            <Link to="/map">Open the map</Link>
          </p>
        </section>
        <section className="card wide" aria-labelledby="trend">
          <h2 id="trend">Ads per week</h2>
          <WeekChart weeks={weekly} label="Ads per week, last 26 weeks" />
        </section>
      </div>
    </div>
  );
}
