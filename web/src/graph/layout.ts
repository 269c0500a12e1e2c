/**
 * A small force layout (Fruchterman–Reingold) for network graphs of up to a few thousand nodes, run to a time
 * budget. Starts from a structured guess — identifiers on a ring, each ad next to its first identifier — so a
 * few dozen iterations settle it. Pure; positions are deterministic for the same input.
 */
export interface LayoutNode {
  id: string;
  kind: string;
}
export interface LayoutEdge {
  source: string;
  target: string;
}

export function forceLayout(
  nodes: LayoutNode[],
  edges: LayoutEdge[],
  opts: { budgetMs?: number; maxIterations?: number } = {},
): Map<string, { x: number; y: number }> {
  const n = nodes.length;
  const index = new Map(nodes.map((nd, i) => [nd.id, i]));
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const es: [number, number][] = [];
  for (const e of edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a !== undefined && b !== undefined && a !== b) es.push([a, b]);
  }
  // initial guess
  const hubs = nodes.map((nd, i) => (nd.kind === "ad" ? -1 : i)).filter((i) => i >= 0);
  const firstHub = new Int32Array(n).fill(-1);
  for (const [a, b] of es) {
    if (nodes[a].kind === "ad" && nodes[b].kind !== "ad" && firstHub[a] < 0) firstHub[a] = b;
    if (nodes[b].kind === "ad" && nodes[a].kind !== "ad" && firstHub[b] < 0) firstHub[b] = a;
  }
  const R = Math.sqrt(n) * 10;
  hubs.forEach((h, k) => {
    const t = (2 * Math.PI * k) / Math.max(1, hubs.length);
    x[h] = R * 0.6 * Math.cos(t);
    y[h] = R * 0.6 * Math.sin(t);
  });
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) - 0.5;
  for (let i = 0; i < n; i++) {
    if (nodes[i].kind !== "ad") continue;
    const h = firstHub[i];
    if (h >= 0) {
      x[i] = x[h] + rand() * R * 0.3;
      y[i] = y[h] + rand() * R * 0.3;
    } else {
      x[i] = rand() * R * 2;
      y[i] = rand() * R * 2;
    }
  }
  if (n < 2) return result();

  const area = (R * 2) ** 2;
  const k = Math.sqrt(area / n);
  const k2 = k * k;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const budget = opts.budgetMs ?? 250;
  const maxIt = opts.maxIterations ?? 200;
  const t0 = performance.now();
  let temp = R * 0.2;
  for (let it = 0; it < maxIt; it++) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      const xi = x[i];
      const yi = y[i];
      for (let j = i + 1; j < n; j++) {
        let ddx = xi - x[j];
        let ddy = yi - y[j];
        let d2 = ddx * ddx + ddy * ddy;
        if (d2 < 1e-6) {
          ddx = rand();
          ddy = rand();
          d2 = ddx * ddx + ddy * ddy;
        }
        const f = k2 / d2;
        dx[i] += ddx * f;
        dy[i] += ddy * f;
        dx[j] -= ddx * f;
        dy[j] -= ddy * f;
      }
    }
    for (const [a, b] of es) {
      const ddx = x[a] - x[b];
      const ddy = y[a] - y[b];
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 1e-3;
      const f = d / k;
      dx[a] -= ddx * f;
      dy[a] -= ddy * f;
      dx[b] += ddx * f;
      dy[b] += ddy * f;
    }
    for (let i = 0; i < n; i++) {
      // gentle gravity keeps disconnected parts on screen
      dx[i] -= x[i] * 0.01;
      dy[i] -= y[i] * 0.01;
      const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1;
      const s = Math.min(d, temp) / d;
      x[i] += dx[i] * s;
      y[i] += dy[i] * s;
    }
    temp *= 0.95;
    if (performance.now() - t0 > budget) break;
  }
  return result();

  function result(): Map<string, { x: number; y: number }> {
    const out = new Map<string, { x: number; y: number }>();
    nodes.forEach((nd, i) => out.set(nd.id, { x: x[i], y: y[i] }));
    return out;
  }
}
