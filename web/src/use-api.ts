/** `useApi(url)`: loads JSON, aborts on change/unmount, and exposes a reload for after a write. */
import { useCallback, useEffect, useState } from "react";
import { getJson, type ApiError } from "./api";

export type ApiState<T> =
  | { status: "loading"; data: T | null; error: null }
  | { status: "ok"; data: T; error: null }
  | { status: "error"; data: T | null; error: ApiError | Error };

/** `set` replaces the data, or maps the current data (an optimistic edit, then its reconciliation). */
export type ApiSet<T> = (d: T | ((current: T | null) => T)) => void;

export function useApi<T>(url: string | null): ApiState<T> & { reload: () => void; set: ApiSet<T> } {
  const [state, setState] = useState<ApiState<T>>({ status: "loading", data: null, error: null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (url === null) return;
    const ac = new AbortController();
    setState((s) => ({ status: "loading", data: s.data, error: null }));
    getJson<T>(url, ac.signal).then(
      (data) => setState({ status: "ok", data, error: null }),
      (error: unknown) => {
        if (ac.signal.aborted) return;
        setState((s) => ({ status: "error", data: s.data, error: error instanceof Error ? error : new Error(String(error)) }));
      },
    );
    return () => ac.abort();
  }, [url, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const set = useCallback<ApiSet<T>>(
    (d) =>
      setState((s) => ({ status: "ok", data: typeof d === "function" ? (d as (c: T | null) => T)(s.data) : d, error: null })),
    [],
  );
  return { ...state, reload, set };
}
