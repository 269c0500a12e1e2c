/**
 * The network route. It lives in the main bundle so the data request starts at once, in parallel with loading
 * the view's chunk (sigma, maplibre), instead of after it.
 */
import { Suspense } from "react";
import type { NetworkDetail } from "@shared/api-types";
import { useApi } from "../use-api";
import { ErrorBox, Loading } from "../components/status";
import { lazyWithPreload } from "../lazy";

export const networkView = lazyWithPreload(() => import("./network-view").then((m) => m.NetworkView));

/** Every member up to 1,000, so the timeline covers the whole network. */
export const networkUrl = (id: string) => `/api/networks/${encodeURIComponent(id)}?memberLimit=1000`;

export function NetworkPage({ id }: { id: string }) {
  const n = useApi<NetworkDetail>(networkUrl(id));
  const NetworkView = networkView.get();
  if (n.status === "error") return <ErrorBox error={n.error} />;
  return (
    <Suspense fallback={<Loading label="Loading network…" />}>
      {n.data && n.data.id === id ? <NetworkView data={n.data} /> : <Loading label="Loading network…" />}
    </Suspense>
  );
}
