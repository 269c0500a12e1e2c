/** Hotspots: ad activity per city on a map of Canada, for a window of weeks, with a slider to step through them. */
import { useMemo, useState } from "react";
import type { HotspotsResponse } from "@shared/api-types";
import { useApi } from "../use-api";
import { navigate, useLocation } from "../router";
import { aggregate, HotspotMap, RiskLegend } from "../map/hotspot-map";
import { ErrorBox, Loading } from "../components/status";
import { num } from "../format";
import { ScrollBox } from "../components/scroll-box";

const WINDOWS = [4, 12, 26, 52];

export function MapPage() {
  const { query } = useLocation();
  const weeks = Number(query.get("weeks") ?? 12) || 12;
  const hs = useApi<HotspotsResponse>(`/api/hotspots?weeks=${weeks}`);
  // slider position: 0..n-1 = one week, n = all weeks in the window
  const [pos, setPos] = useState<number | null>(null);
  const n = hs.data?.weeks.length ?? 0;
  const at = pos === null || pos > n ? n : pos;
  const week = hs.data && at < n ? hs.data.weeks[at] : null;
  const cities = useMemo(() => (hs.data ? aggregate(hs.data.cells, week, hs.data.riskWeighted) : []), [hs.data, week]);
  const total = cities.reduce((s, c) => s + c.ads, 0);

  return (
    <section className="map-page">
      <h1>Hotspots</h1>
      <p className="lede">Where ads were posted, city by city. Counts only: no individual is shown.</p>
      <div className="map-controls">
        <label>
          Window{" "}
          <select
            value={weeks}
            onChange={(e) => {
              setPos(null);
              navigate(`/map?weeks=${e.target.value}`, { replace: true });
            }}
          >
            {WINDOWS.map((w) => (
              <option key={w} value={w}>
                last {w} weeks
              </option>
            ))}
          </select>
        </label>
        {n > 0 && (
          <label className="slider">
            <span>
              Week: <output>{week ? `week of ${week}` : `all ${n} weeks`}</output>
            </span>
            <input
              type="range"
              min={0}
              max={n}
              step={1}
              value={at}
              aria-valuetext={week ? `week of ${week}` : `all ${n} weeks`}
              onChange={(e) => setPos(Number(e.target.value))}
            />
          </label>
        )}
      </div>
      {hs.status === "error" && <ErrorBox error={hs.error} />}
      {!hs.data ? (
        hs.status !== "error" && <Loading label="Loading hotspots…" />
      ) : (
        <div className="map-layout">
          <div>
            <HotspotMap cities={cities} label={`Map of ad activity by city, ${week ? `week of ${week}` : `last ${weeks} weeks`}`} className="map map-large" />
            <RiskLegend riskWeighted={hs.data.riskWeighted} />
          </div>
          <ScrollBox label="Ads by city" className="table-wrap city-table">
            <table>
              <caption>
                {num(total)} ads in {num(cities.length)} cities, {week ? `week of ${week}` : `last ${weeks} weeks`}
              </caption>
              <thead>
                <tr>
                  <th scope="col">City</th>
                  <th scope="col" className="num">Ads</th>
                  {hs.data.riskWeighted && <th scope="col" className="num">Mean risk</th>}
                </tr>
              </thead>
              <tbody>
                {cities.slice(0, 25).map((c) => (
                  <tr key={`${c.city}|${c.province}`}>
                    <td>
                      {c.city}, {c.province}
                    </td>
                    <td className="num">{num(c.ads)}</td>
                    {hs.data?.riskWeighted && <td className="num">{c.risk.toFixed(2)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </div>
      )}
    </section>
  );
}
