/** Cities as circles sized by ad count and coloured by mean risk, for one week or a whole window. */
import { useEffect, useMemo, useRef } from "react";
import type * as maplibregl from "maplibre-gl";
import type { GeoJSONSource, Map as MlMap } from "maplibre-gl";
import { Popup } from "maplibre-gl";
import type { FeatureCollection, Point } from "geojson";
import type { HotspotCell } from "@shared/api-types";
import { BaseMap, RISK_COLOR } from "./base-map";
import { num } from "../format";

export interface CityActivity {
  city: string;
  province: string;
  lat: number;
  lon: number;
  ads: number;
  /** Mean risk 0–1, or -1 when unscored. */
  risk: number;
}

/** Sums cells per city, for one week (`week`) or all weeks (`null`). */
export function aggregate(cells: HotspotCell[], week: string | null, riskWeighted: boolean): CityActivity[] {
  const by = new Map<string, CityActivity & { w: number }>();
  for (const c of cells) {
    if (week !== null && c.week !== week) continue;
    const k = `${c.city}|${c.province}`;
    const a = by.get(k) ?? { city: c.city, province: c.province, lat: c.lat, lon: c.lon, ads: 0, risk: -1, w: 0 };
    a.ads += c.ads;
    a.w += c.weight;
    by.set(k, a);
  }
  return [...by.values()]
    .map(({ w, ...a }) => ({ ...a, risk: riskWeighted && a.ads > 0 ? Math.min(1, w / a.ads) : -1 }))
    .sort((a, b) => b.ads - a.ads);
}

function toGeo(cities: CityActivity[]): FeatureCollection<Point, CityActivity & { r: number }> {
  const max = Math.max(1, ...cities.map((c) => c.ads));
  return {
    type: "FeatureCollection",
    features: cities.map((c) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: [c.lon, c.lat] },
      properties: { ...c, r: 4 + 24 * Math.sqrt(c.ads / max) },
    })),
  };
}

export function HotspotMap({ cities, label, className }: { cities: CityActivity[]; label: string; className?: string }) {
  const map = useRef<MlMap | null>(null);
  const data = useMemo(() => toGeo(cities), [cities]);
  const latest = useRef(data);
  latest.current = data;
  useEffect(() => {
    (map.current?.getSource("cities") as GeoJSONSource | undefined)?.setData(data);
  }, [data]);
  const onReady = (m: maplibregl.Map) => {
    map.current = m;
    m.addSource("cities", { type: "geojson", data: latest.current });
    m.addLayer({
      id: "cities",
      type: "circle",
      source: "cities",
      paint: {
        "circle-radius": ["get", "r"],
        "circle-color": RISK_COLOR,
        "circle-opacity": 0.72,
        "circle-stroke-color": "#ffffff",
        "circle-stroke-width": 1,
      },
    });
    const popup = new Popup({ closeButton: false, closeOnClick: false });
    m.on("mousemove", "cities", (e) => {
      const f = e.features?.[0];
      if (!f) return;
      m.getCanvas().style.cursor = "pointer";
      const p = f.properties as CityActivity;
      const el = document.createElement("div");
      const strong = document.createElement("strong");
      strong.textContent = `${p.city}, ${p.province}`;
      el.append(strong, document.createElement("br"), `${num(p.ads)} ads${p.risk >= 0 ? ` · mean risk ${p.risk.toFixed(2)}` : ""}`);
      popup.setLngLat(e.lngLat).setDOMContent(el).addTo(m);
    });
    m.on("mouseleave", "cities", () => {
      m.getCanvas().style.cursor = "";
      popup.remove();
    });
    return () => {
      map.current = null;
    };
  };
  return <BaseMap label={label} className={className} onReady={onReady} />;
}

export function RiskLegend({ riskWeighted }: { riskWeighted: boolean }) {
  return (
    <div className="map-legend" aria-label="Legend">
      <span>Circle size: ads posted.</span>
      {riskWeighted ? (
        <span className="legend-scale">
          Colour: mean risk <span className="swatch" style={{ background: "#2a9d8f" }} /> low
          <span className="swatch" style={{ background: "#e9a23b" }} /> medium
          <span className="swatch" style={{ background: "#b3261e" }} /> high
        </span>
      ) : (
        <span>Risk not scored yet: one colour for all.</span>
      )}
    </div>
  );
}
