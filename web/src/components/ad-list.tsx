/**
 * A list of ad results with keyboard navigation: ArrowDown/ArrowUp move between results (and from the search
 * box into the list), Home/End jump, Enter opens — each result is a real link, so Enter and middle-click work.
 */
import { forwardRef, useImperativeHandle, useRef, type KeyboardEvent } from "react";
import type { AdSummary } from "@shared/api-types";
import { Link } from "../router";
import { Segments } from "./segments";
import { RiskBadge } from "./risk";
import { date } from "../format";

export interface AdListHandle {
  focusFirst(): void;
}

export const AdList = forwardRef<AdListHandle, { items: AdSummary[]; label: string; onExitTop?: () => void }>(
  function AdList({ items, label, onExitTop }, ref) {
    const list = useRef<HTMLOListElement>(null);
    const links = () => Array.from(list.current?.querySelectorAll<HTMLAnchorElement>("a.result-link") ?? []);
    useImperativeHandle(ref, () => ({ focusFirst: () => links()[0]?.focus() }));
    const onKey = (e: KeyboardEvent<HTMLOListElement>) => {
      const all = links();
      const i = all.indexOf(document.activeElement as HTMLAnchorElement);
      if (i < 0) return;
      let next = -2;
      if (e.key === "ArrowDown") next = Math.min(i + 1, all.length - 1);
      else if (e.key === "ArrowUp") next = i - 1;
      else if (e.key === "Home") next = 0;
      else if (e.key === "End") next = all.length - 1;
      if (next === -2) return;
      e.preventDefault();
      if (next < 0) onExitTop?.();
      else all[next].focus();
    };
    return (
      <ol className="results" ref={list} aria-label={label} onKeyDown={onKey}>
        {items.map((ad) => (
          <li key={ad.id} className="result">
            <Link to={`/ads/${ad.id}`} className="result-link">
              <span className="result-title">{ad.title || "(untitled ad)"}</span>
              <span className="result-meta">
                <span>#{ad.id}</span>
                <span>{ad.city ?? "no city"}</span>
                <span>{date(ad.postedAt)}</span>
                <span>{ad.source}</span>
                {ad.networkId && <span className="tag">{ad.networkId}</span>}
                {ad.risk && <RiskBadge risk={ad.risk} />}
              </span>
              <span className="snippet">
                <Segments segments={ad.snippet} />
              </span>
            </Link>
          </li>
        ))}
      </ol>
    );
  },
);
