/** A network's movement: its cities in time order, joined by a line, circles sized by ads. */
import type * as maplibregl from "maplibre-gl";
import { LngLatBounds } from "maplibre-gl";
import type { TrailStop } from "@shared/api-types";
import { BaseMap } from "./base-map";

export function TrailMap({ trail, label }: { trail: TrailStop[]; label: string }) {
  const stops = trail.filter((s): s is TrailStop & { lat: number; lon: number } => s.lat !== null && s.lon !== null);
  const onReady = (m: maplibregl.Map) => {
    const max = Math.max(1, ...stops.map((s) => s.ads));
    m.addSource("trail-line", {
      type: "geojson",
      data: { type: "Feature", properties: {}, geometry: { type: "LineString", coordinates: stops.map((s) => [s.lon, s.lat]) } },
    });
    m.addLayer({
      id: "trail-line",
      type: "line",
      source: "trail-line",
      paint: { "line-color": "#1f4e5f", "line-width": 2, "line-dasharray": [2, 1.5] },
    });
    m.addSource("trail-stops", {
      type: "geojson",
      data: {
        type: "FeatureCollection",
        features: stops.map((s, i) => ({
          type: "Feature",
          properties: { order: i, last: i === stops.length - 1 ? 1 : 0, r: 5 + 14 * Math.sqrt(s.ads / max) },
          geometry: { type: "Point", coordinates: [s.lon, s.lat] },
        })),
      },
    });
    m.addLayer({
      id: "trail-stops",
      type: "circle",
      source: "trail-stops",
      paint: {
        "circle-radius": ["get", "r"],
        "circle-color": ["case", ["==", ["get", "last"], 1], "#b3261e", "#1f4e5f"],
        "circle-opacity": 0.8,
        "circle-stroke-color": "#fff",
        "circle-stroke-width": 1.5,
      },
    });
    if (stops.length > 0) {
      const b = new LngLatBounds();
      for (const s of stops) b.extend([s.lon, s.lat]);
      m.fitBounds(b, { padding: 48, maxZoom: 6, duration: 0 });
    }
  };
  if (stops.length === 0) return <p className="empty">No located cities for this network.</p>;
  return <BaseMap label={label} className="map map-medium" onReady={onReady} />;
}
