/** `GET /api/ads` (search) and `GET /api/ads/:id` (detail with provenance, facts, versions). */
import { HIT_END, HIT_START, type AdFilter, type AdHit, type ApiReads } from "../../store/read-model.js";
import type { AdSummary, FactKind, TextField, TextSegment } from "../../shared/api-types.js";
import type { ApiContext } from "../context.js";
import { riskView } from "../common-schema.js";
import { identifierValues } from "../identifiers/normalize.js";
import { cueIndicators } from "../indicators.js";
import { decodeCursor, pageOf } from "../pagination.js";
import { invalid, notFound } from "../problem.js";
import type { RouteTable } from "../route.js";
import { AdCursor, AdDetailSchema, AdIdParams, AdsPageSchema, AdsQuerySchema } from "./schema.js";
import type { z } from "zod";
import { provenanceOf } from "../provenance.js";

const MAX_TERMS = 16;

/** Literal search terms from user text: the same letter/digit runs FTS5's unicode61 tokenizer indexes. */
export function searchTerms(q: string): string[] {
  const terms = new Set<string>();
  for (const m of q.normalize("NFKC").matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    terms.add(m[0].slice(0, 64).toLowerCase());
    if (terms.size >= MAX_TERMS) break;
  }
  return [...terms];
}

/** Splits an FTS snippet with \u0002…\u0003 markers into text segments; the client renders each as text. */
export function segments(snippet: string): TextSegment[] {
  const out: TextSegment[] = [];
  let hit = false;
  let buf = "";
  const flush = () => {
    if (buf) out.push({ text: buf, hit });
    buf = "";
  };
  for (const ch of snippet) {
    if (ch === HIT_START || ch === HIT_END) {
      flush();
      hit = ch === HIT_START;
    } else buf += ch;
  }
  flush();
  return out;
}

/** An ISO date `to` includes that day: compare against the next day. */
function endOf(to: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(to)) return new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString();
  return new Date(Date.parse(to)).toISOString();
}

type AdsQuery = z.output<typeof AdsQuerySchema>;

/** The store filter for a validated query: terms, resolved cities, normalized identifiers. */
export async function adFilter(ctx: ApiContext, reads: ApiReads, q: Omit<AdsQuery, "cursor" | "limit">): Promise<AdFilter> {
  const f: AdFilter = {};
  if (q.q !== undefined && q.q.trim() !== "") f.terms = searchTerms(q.q);
  if (q.city !== undefined || q.province !== undefined) {
    const c = await ctx.rawCities(reads, q.city, q.province);
    f.cities = c.cities;
    f.citiesAds = c.ads;
  }
  if (q.from !== undefined) f.from = new Date(Date.parse(q.from)).toISOString();
  if (q.to !== undefined) f.to = endOf(q.to);
  if (q.source !== undefined) f.source = q.source;
  const ids: { kind: string; values: string[] }[] = [];
  for (const kind of ["phone", "email", "handle"] as const) {
    const raw = q[kind];
    if (raw === undefined) continue;
    const values = identifierValues(kind, raw);
    if (values.length === 0) throw invalid(`query.${kind}`, `not a recognizable ${kind}`);
    ids.push({ kind, values });
  }
  if (ids.length) f.identifiers = ids;
  if (q.network !== undefined) f.network = q.network;
  if (q.minRisk !== undefined) f.minRisk = q.minRisk;
  return f;
}

export function toSummary(h: AdHit): AdSummary {
  return {
    id: h.id,
    source: h.source,
    sourceAdId: h.sourceAdId,
    url: h.url,
    postedAt: h.postedAt,
    capturedAt: h.capturedAt,
    title: h.title,
    city: h.city,
    region: h.region,
    networkId: h.networkId,
    risk: riskView(h.risk),
    snippet: h.rank === null ? [{ text: h.snippet, hit: false }] : segments(h.snippet),
    relevance: h.rank === null ? null : -h.rank,
  };
}

/** One page of ads for a filter, as the API returns it. */
export async function adsPage(reads: ApiReads, f: AdFilter, cursor: string | undefined, limit: number) {
  const after = decodeCursor(cursor, AdCursor);
  const hits = await reads.searchAds(f, after, limit + 1);
  return pageOf(hits, limit, (h) => [h.rank ?? h.postedAt, h.id], toSummary);
}

export function registerAdRoutes(routes: RouteTable, ctx: ApiContext): void {
  routes.add({
    method: "GET",
    url: "/api/ads",
    tag: "ads",
    summary: "Search ads",
    description: "Full-text search (bm25-ranked, highlighted snippets as segments) with filters combined by AND. Without q: newest first.",
    query: AdsQuerySchema,
    response: AdsPageSchema,
    access: { roles: ["analyst"] },
    audit: "search",
    handler: async ({ query, reads }) => {
      const { cursor, limit, ...rest } = query;
      return adsPage(reads, await adFilter(ctx, reads, rest), cursor, limit);
    },
  });

  routes.add({
    method: "GET",
    url: "/api/ads/:id",
    tag: "ads",
    summary: "One ad: text, provenance, facts with spans, network, versions",
    params: AdIdParams,
    response: AdDetailSchema,
    access: { roles: ["analyst"] },
    audit: "ad.read",
    handler: async ({ params, reads }) => {
      const rec = await reads.adRecord(params.id);
      if (!rec) throw notFound(`ad ${params.id}`);
      const [facts, versions, risks] = await Promise.all([ctx.store.factsFor([params.id]), reads.adVersions(params.id), reads.adRisks([params.id])]);
      const a = rec.ad;
      const factList = facts.get(a.id) ?? [];
      const cues = new Map<string, number>();
      for (const f of factList) if (f.kind === "cue") cues.set(f.value, 1);
      for (const c of risks.get(a.id)?.cues ?? []) cues.set(c, 1);
      return {
        id: a.id,
        title: a.title,
        body: a.body,
        postedAt: a.postedAt,
        city: a.city,
        region: a.region,
        phone: a.phone,
        email: a.email,
        images: a.images.map((i) => ({ sha256: i.sha256 ?? null, phash: i.phash ?? null, url: i.url ?? null })),
        provenance: provenanceOf(rec),
        facts: factList.map((f) => ({
          kind: f.kind as FactKind,
          value: f.value,
          field: f.field as TextField,
          span: f.span,
          confidence: f.confidence,
          obfuscated: f.obfuscated === true,
          data: f.data ?? null,
        })),
        networkId: rec.networkId,
        networkReason: rec.networkReason,
        risk: riskView(risks.get(a.id)?.score),
        indicators: cueIndicators(cues, 1),
        versions,
      };
    },
  });
}
