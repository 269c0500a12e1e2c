/**
 * Search from a tip: type a phone, an email, a handle or words. The box guesses which (phone digits, an @ inside
 * an address, a leading @ for a handle) and says so; filters narrow the result. As-you-type with a 250 ms
 * debounce; the query lives in the URL so a search can be bookmarked and Back works.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import type { AdSummary, AdsPage } from "@shared/api-types";
import { apiUrl, getJson } from "../api";
import { navigate, useLocation } from "../router";
import { AdList, type AdListHandle } from "../components/ad-list";
import { ErrorBox } from "../components/status";
import { PROVINCES } from "../provinces";

type Mode = "auto" | "text" | "phone" | "email" | "handle";
const MODES: Mode[] = ["auto", "text", "phone", "email", "handle"];
const FILTERS = ["city", "province", "from", "to", "source", "network", "minRisk"] as const;

/** What a tip looks like: 7+ digits in phone punctuation → phone; a@b.c → email; @name or platform:name → handle. */
export function detectMode(input: string): Exclude<Mode, "auto"> {
  const s = input.trim();
  if (/^[+()\d\s.-]+$/.test(s) && s.replace(/\D/g, "").length >= 7) return "phone";
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)) return "email";
  if (/^@[\w.]{2,}$/.test(s) || /^[a-z]+:[\w.]{2,}$/i.test(s)) return "handle";
  return "text";
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

export function SearchPage() {
  const { query } = useLocation();
  const [text, setText] = useState(query.get("q") ?? "");
  const [mode, setMode] = useState<Mode>((query.get("mode") as Mode) ?? "auto");
  const [filters, setFilters] = useState<Record<string, string>>(() =>
    Object.fromEntries(FILTERS.map((f) => [f, query.get(f) ?? ""])),
  );
  const [items, setItems] = useState<AdSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [searched, setSearched] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<AdListHandle>(null);

  const effective = mode === "auto" ? detectMode(text) : mode;
  const params = useMemo(() => {
    const t = text.trim();
    const p: Record<string, string> = {};
    if (t) p[effective === "text" ? "q" : effective] = t.replace(/^@/, "");
    for (const f of FILTERS) if (filters[f]) p[f] = filters[f];
    return p;
  }, [text, effective, filters]);
  const debounced = useDebounced(params, 250);
  const key = JSON.stringify(debounced);

  // keep the URL in step (replace, not push: typing is not navigation)
  useEffect(() => {
    const u = new URLSearchParams();
    if (text.trim()) u.set("q", text.trim());
    if (mode !== "auto") u.set("mode", mode);
    for (const f of FILTERS) if (filters[f]) u.set(f, filters[f]);
    const s = u.toString();
    navigate(`/search${s ? `?${s}` : ""}`, { replace: true });
  }, [key]);

  useEffect(() => {
    const p = JSON.parse(key) as Record<string, string>;
    if (Object.keys(p).length === 0) {
      setItems([]);
      setNext(null);
      setSearched(false);
      return;
    }
    const ac = new AbortController();
    setBusy(true);
    getJson<AdsPage>(apiUrl("/ads", { ...p, limit: 25 }), ac.signal).then(
      (page) => {
        setItems(page.items);
        setNext(page.nextCursor);
        setError(null);
        setBusy(false);
        setSearched(true);
      },
      (e: unknown) => {
        if (ac.signal.aborted) return;
        setError(e instanceof Error ? e : new Error(String(e)));
        setBusy(false);
      },
    );
    return () => ac.abort();
  }, [key]);

  const loadMore = async () => {
    if (!next) return;
    setBusy(true);
    try {
      const page = await getJson<AdsPage>(apiUrl("/ads", { ...debounced, limit: 25, cursor: next }));
      setItems((a) => [...a, ...page.items]);
      setNext(page.nextCursor);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };

  const setFilter = (k: string, v: string) => setFilters((f) => ({ ...f, [k]: v }));
  const activeFilters = FILTERS.filter((f) => filters[f]).length;

  return (
    <section className="search-page">
      <h1>Search ads</h1>
      <form className="search-form" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="search-row">
          <label htmlFor="search-input" className="visually-hidden">
            Search by phone, email, handle or words
          </label>
          <input
            id="search-input"
            ref={input}
            type="search"
            autoComplete="off"
            spellCheck={false}
            placeholder="A phone, email, @handle or words from an ad"
            value={text}
            autoFocus
            aria-describedby="search-hint"
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown" && items.length > 0) {
                e.preventDefault();
                list.current?.focusFirst();
              }
            }}
          />
          <label htmlFor="search-mode" className="visually-hidden">
            Search as
          </label>
          <select id="search-mode" value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
            {MODES.map((m) => (
              <option key={m} value={m}>
                {m === "auto" ? "Auto-detect" : `As ${m}`}
              </option>
            ))}
          </select>
        </div>
        <p id="search-hint" className="hint">
          {text.trim() ? (
            <>
              Searching as <strong>{effective === "text" ? "words" : effective}</strong>
              {mode === "auto" && " (auto-detected)"}. Press ↓ to move into the results, Enter to open.
            </>
          ) : (
            "Phones match in any format, also when an ad hides digits as words. Words must all occur."
          )}
        </p>
        <details className="filters" open={activeFilters > 0}>
          <summary>Filters{activeFilters > 0 ? ` (${activeFilters})` : ""}</summary>
          <div className="filter-grid">
            <label>
              City
              <input value={filters.city} onChange={(e) => setFilter("city", e.target.value)} placeholder="e.g. Toronto" />
            </label>
            <label>
              Province
              <select value={filters.province} onChange={(e) => setFilter("province", e.target.value)}>
                <option value="">Any</option>
                {PROVINCES.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Posted from
              <input type="date" value={filters.from} onChange={(e) => setFilter("from", e.target.value)} />
            </label>
            <label>
              Posted to
              <input type="date" value={filters.to} onChange={(e) => setFilter("to", e.target.value)} />
            </label>
            <label>
              Source
              <input value={filters.source} onChange={(e) => setFilter("source", e.target.value)} placeholder="site name" />
            </label>
            <label>
              Network
              <input value={filters.network} onChange={(e) => setFilter("network", e.target.value)} placeholder="N-000042" />
            </label>
            <label>
              Minimum risk
              <select value={filters.minRisk} onChange={(e) => setFilter("minRisk", e.target.value)}>
                <option value="">Any</option>
                <option value="0.3">0.3 and up</option>
                <option value="0.5">0.5 and up</option>
                <option value="0.7">0.7 and up</option>
              </select>
            </label>
          </div>
          {activeFilters > 0 && (
            <button type="button" className="link-button" onClick={() => setFilters(Object.fromEntries(FILTERS.map((f) => [f, ""])))}>
              Clear filters
            </button>
          )}
        </details>
      </form>

      <div aria-live="polite" className="result-count">
        {busy ? "Searching…" : searched ? `${items.length}${next ? "+" : ""} ${items.length === 1 ? "ad" : "ads"} found` : ""}
      </div>
      {error && <ErrorBox error={error} />}
      {searched && items.length === 0 && !busy && !error && (
        <p className="empty">No ads match. Try fewer words, another format of the number, or clear the filters.</p>
      )}
      <AdList ref={list} items={items} label="Search results" onExitTop={() => input.current?.focus()} />
      {next && (
        <button type="button" onClick={loadMore} disabled={busy}>
          Load more
        </button>
      )}
    </section>
  );
}
