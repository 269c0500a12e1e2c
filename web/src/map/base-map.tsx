/**
 * A MapLibre map with no tile server: a background-only style plus GeoJSON layers for Canada's provinces (and
 * neighbouring land for context). Callers add their own sources and layers in `onReady`.
 */
import { useEffect, useRef, useState } from "react";
import * as maplibregl from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import "maplibre-gl/dist/maplibre-gl.css";
import { canadaProvinces, neighbours } from "./provinces-geo";

maplibregl.setWorkerUrl(workerUrl);

export const CANADA_BOUNDS: [number, number, number, number] = [-141, 41.6, -52.6, 70];

const STYLE: maplibregl.StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: "background", type: "background", paint: { "background-color": "#dce8ef" } }],
};

export interface BaseMapProps {
  /** Accessible name of the map region, e.g. "Map of ad activity by city". */
  label: string;
  className?: string;
  bounds?: [number, number, number, number];
  onReady: (map: maplibregl.Map) => void | (() => void);
}

export function BaseMap({ label, className, bounds = CANADA_BOUNDS, onReady }: BaseMapProps) {
  const el = useRef<HTMLDivElement>(null);
  const ready = useRef(onReady);
  ready.current = onReady;
  // a WebGL context is costly (more so on software GL): create the map only when it is about to be seen
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!el.current || visible) return;
    const io = new IntersectionObserver((es) => es.some((e) => e.isIntersecting) && setVisible(true), { rootMargin: "200px" });
    io.observe(el.current);
    return () => io.disconnect();
  }, [visible]);
  useEffect(() => {
    if (!el.current || !visible) return;
    const map = new maplibregl.Map({
      container: el.current,
      style: STYLE,
      bounds,
      fitBoundsOptions: { padding: 16 },
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      maxZoom: 10,
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
    map.addControl(new maplibregl.AttributionControl({ compact: true, customAttribution: "Natural Earth (public domain)" }));
    // the container can change size without a window resize (lazy CSS, grid reflow, the menu)
    const ro = new ResizeObserver(() => map.resize());
    ro.observe(el.current);
    let cleanup: void | (() => void);
    map.on("load", () => {
      map.addSource("neighbours", { type: "geojson", data: neighbours() });
      map.addLayer({ id: "neighbours-fill", type: "fill", source: "neighbours", paint: { "fill-color": "#eef0ee" } });
      map.addSource("provinces", { type: "geojson", data: canadaProvinces() });
      map.addLayer({ id: "provinces-fill", type: "fill", source: "provinces", paint: { "fill-color": "#fbfaf6" } });
      map.addLayer({
        id: "provinces-line",
        type: "line",
        source: "provinces",
        paint: { "line-color": "#9aa9b3", "line-width": 0.8 },
      });
      map.resize();
      map.fitBounds(bounds, { padding: 16, duration: 0 });
      cleanup = ready.current(map);
      el.current?.setAttribute("data-map-ready", "true");
    });
    return () => {
      ro.disconnect();
      if (typeof cleanup === "function") cleanup();
      map.remove();
    };
    // the map is created once per mount; later bounds changes are the caller's to apply
  }, [visible]);
  return <div ref={el} className={className ?? "map"} role="region" aria-label={label} />;
}

/** Colour for a mean risk 0–1 (calm teal → amber → deep red); grey-blue when unscored. */
export const RISK_COLOR: maplibregl.ExpressionSpecification = [
  "case",
  ["<", ["get", "risk"], 0],
  "#4a6f8a",
  ["interpolate", ["linear"], ["get", "risk"], 0, "#2a9d8f", 0.5, "#e9a23b", 1, "#b3261e"],
];
