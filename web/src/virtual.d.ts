/** Build-time module from web/subunits-plugin.ts. */
declare module "virtual:na-subunits" {
  import type { Topology, GeometryCollection } from "topojson-specification";
  const topo: Topology<{ subunits: GeometryCollection<{ gu: string; ct: [number, number] }> }>;
  export default topo;
}
