/** `/api/stats`, loaded once for the shell (synthetic banner) and shared with the dashboard. */
import { createContext, useContext, type ReactNode } from "react";
import type { StatsResponse } from "@shared/api-types";
import { useApi, type ApiState } from "./use-api";

const StatsContext = createContext<(ApiState<StatsResponse> & { reload: () => void }) | null>(null);

export function StatsProvider({ children }: { children: ReactNode }) {
  const stats = useApi<StatsResponse>("/api/stats");
  return <StatsContext.Provider value={stats}>{children}</StatsContext.Provider>;
}

export function useStats(): ApiState<StatsResponse> & { reload: () => void } {
  const s = useContext(StatsContext);
  if (!s) throw new Error("web: useStats outside StatsProvider");
  return s;
}

export function SyntheticBanner() {
  const { data } = useStats();
  if (!data?.synthetic) return null;
  return (
    <div className="synthetic-banner" role="note" aria-label="Synthetic data notice">
      <strong>Synthetic data:</strong> generated for demonstration. No ad, number or name here belongs to a real person.
    </div>
  );
}
