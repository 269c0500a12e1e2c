/**
 * The network as a graph (sigma 3, WebGL): ads and the identifiers they share, coloured by kind. Clicking an ad
 * opens it; clicking an identifier opens its page. Hovering dims everything but the node's neighbourhood.
 * The canvas is not readable by screen readers, so the page lists the same members and identifiers as tables.
 */
import { useEffect, useRef } from "react";
import Graph from "graphology";
import Sigma from "sigma";
import type { GraphData } from "@shared/api-types";
import { navigate } from "../router";
import { identifierLabel, identifierPath } from "../format";
import { forceLayout } from "./layout";

export const KIND_COLORS: Record<string, string> = {
  ad: "#4a6f8a",
  phone: "#c8553d",
  email: "#2a7f62",
  handle: "#7b5ea7",
};
const EDGE_COLORS: Record<string, string> = { identifier: "#c9d2d9", text: "#e0b66a", template: "#e0b66a", image: "#a3b8cc" };

export function NetworkGraph({ data, label, onRendered }: { data: GraphData; label: string; onRendered?: (ms: number) => void }) {
  const el = useRef<HTMLDivElement>(null);
  const rendered = useRef(onRendered);
  rendered.current = onRendered;
  useEffect(() => {
    if (!el.current) return;
    const t0 = performance.now();
    const g = new Graph({ multi: false, type: "undirected" });
    const ads = data.nodes.filter((x) => x.kind === "ad").length;
    const adSize = ads > 200 ? 3 : ads > 50 ? 4 : 5.5;
    const pos = forceLayout(data.nodes, data.edges, { budgetMs: 300 });
    for (const nd of data.nodes) {
      const p = pos.get(nd.id) ?? { x: nd.x, y: nd.y };
      g.addNode(nd.id, {
        x: p.x,
        y: p.y,
        size: nd.kind === "ad" ? adSize : Math.min(14, 5 + Math.sqrt(nd.size)),
        color: KIND_COLORS[nd.kind] ?? "#777",
        label: nd.kind === "ad" ? nd.label : identifierLabel(nd.kind, nd.label),
        kind: nd.kind,
      });
    }
    for (const e of data.edges) {
      if (!g.hasNode(e.source) || !g.hasNode(e.target) || g.hasEdge(e.source, e.target)) continue;
      g.addEdge(e.source, e.target, { size: e.kind === "identifier" ? 0.6 : 1, color: EDGE_COLORS[e.kind] ?? "#c9d2d9", kind: e.kind });
    }
    let hovered: string | null = null;
    const sigma = new Sigma(g, el.current, {
      renderLabels: true,
      labelRenderedSizeThreshold: 7,
      labelFont: "system-ui, sans-serif",
      labelSize: 12,
      labelColor: { color: "#1d2a33" },
      zIndex: true,
      stagePadding: 60,
      nodeReducer: (node, attrs) => {
        if (!hovered || node === hovered || g.areNeighbors(node, hovered)) return { ...attrs, zIndex: 1, forceLabel: node === hovered };
        return { ...attrs, color: "#dfe4e8", label: "", zIndex: 0 };
      },
      edgeReducer: (edge, attrs) => (hovered && !g.hasExtremity(edge, hovered) ? { ...attrs, hidden: true } : attrs),
    });
    sigma.on("enterNode", ({ node }) => {
      hovered = node;
      el.current?.style.setProperty("cursor", "pointer");
      sigma.refresh({ skipIndexation: true });
    });
    sigma.on("leaveNode", () => {
      hovered = null;
      el.current?.style.removeProperty("cursor");
      sigma.refresh({ skipIndexation: true });
    });
    sigma.on("clickNode", ({ node }) => {
      const i = node.indexOf(":");
      const kind = node.slice(0, i);
      const value = node.slice(i + 1);
      navigate(kind === "ad" ? `/ads/${encodeURIComponent(value)}` : identifierPath(kind, value));
    });
    // first frame drawn: report the time from data to pixels (the e2e test reads it)
    requestAnimationFrame(() => {
      const ms = performance.now() - t0;
      el.current?.setAttribute("data-render-ms", ms.toFixed(0));
      rendered.current?.(ms);
    });
    return () => sigma.kill();
  }, [data]);
  return <div ref={el} className="graph" role="img" aria-label={label} data-testid="network-graph" />;
}

export function GraphLegend({ kinds }: { kinds: string[] }) {
  return (
    <ul className="legend" aria-label="Graph colours">
      {kinds.map((k) => (
        <li key={k}>
          <span className="kind-dot" style={{ background: KIND_COLORS[k] ?? "#777" }} aria-hidden="true" />
          {k === "ad" ? "ad" : `shared ${k}`}
        </li>
      ))}
    </ul>
  );
}
