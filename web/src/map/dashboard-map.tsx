/** The dashboard's small hotspot map (its own chunk, so maplibre loads after the numbers). */
import { useMemo } from "react";
import type { HotspotsResponse } from "@shared/api-types";
import { aggregate, HotspotMap, RiskLegend } from "./hotspot-map";

export function DashboardMap({ data }: { data: HotspotsResponse }) {
  const cities = useMemo(() => aggregate(data.cells, null, data.riskWeighted), [data]);
  return (
    <>
      <HotspotMap cities={cities} label="Map of ad activity by city, last 4 weeks" className="map map-small" />
      <RiskLegend riskWeighted={data.riskWeighted} />
    </>
  );
}
