/**
 * `React.lazy` plus a preload: once the chunk is in, the real component renders directly, skipping the Suspense
 * round trip (React holds a revealed fallback for ~300 ms, which would cost a page that was already preloaded).
 */
import { lazy, type ComponentType } from "react";

export function lazyWithPreload<P extends object>(load: () => Promise<ComponentType<P>>): { get: () => ComponentType<P>; preload: () => Promise<unknown> } {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (pending ??= load().then((c) => {
      loaded = c;
      return c;
    }));
  const Lazy = lazy(() => preload().then((c) => ({ default: c })));
  return { get: () => loaded ?? Lazy, preload };
}
