/** `/api/stats`, loaded once for the shell (synthetic banner) and shared with the dashboard. */
import { createContext, useContext, type ReactNode } from "react";
import type { StatsResponse } from "@shared/api-types";
import { useApi, type ApiState } from "./use-api";

const StatsContext = createContext<(ApiState<StatsResponse> & { reload: () => void }) | null>(null);

/** `enabled` false (a user without the analyst role, who may not read stats): nothing is fetched, no banner. */
export function StatsProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const stats = useApi<StatsResponse>(enabled ? "/api/stats" : null);
  return <StatsContext.Provider value={stats}>{children}</StatsContext.Provider>;
}

export function useStats(): ApiState<StatsResponse> & { reload: () => void } {
  const s = useContext(StatsContext);
  if (!s) throw new Error("web: useStats outside StatsProvider");
  return s;
}

/** Shown to every signed-in user (the flag comes with the identity, which any role may read). */
export function SyntheticBanner({ synthetic }: { synthetic: boolean }) {
  if (!synthetic) return null;
  return (
    <div className="synthetic-banner" role="note" aria-label="Synthetic data notice">
      <strong>Synthetic data:</strong> generated for demonstration. No ad, number or name here belongs to a real person.
    </div>
  );
}
