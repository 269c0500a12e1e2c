/** Schemas of the ads routes; response types are checked against src/shared/api-types.ts. */
import { z } from "zod";
import type { AdDetail, AdSummary, AdsPage } from "../../shared/api-types.js";
import { AdIdParam, FACT_KINDS, IndicatorSchema, IsoDateOrTime, JsonObject, RiskSchema, TEXT_FIELDS, TextSegmentSchema, pageSchema, type Same } from "../common-schema.js";
import { pageQuery } from "../pagination.js";

export const AdsQuerySchema = z.object({
  q: z.string().max(1000).optional().describe("Plain words; each is matched as a literal term (all must occur). No query syntax."),
  city: z.string().min(1).max(100).optional().describe('City name, e.g. "Toronto" or "Montreal".'),
  province: z.string().regex(/^[A-Za-z]{2}$/, "a two-letter province code").optional().describe('e.g. "ON".'),
  from: IsoDateOrTime.optional().describe("Posted on or after (ISO date or date-time)."),
  to: IsoDateOrTime.optional().describe("Posted before; an ISO date includes that whole day."),
  source: z.string().min(1).max(200).optional(),
  phone: z.string().min(3).max(64).optional().describe('Any format, e.g. "(416) 893-2245".'),
  email: z.string().min(3).max(254).optional(),
  handle: z.string().min(1).max(100).optional().describe('"platform:handle" or a bare handle.'),
  network: z.string().min(1).max(64).optional(),
  minRisk: z.coerce.number().min(0).max(1).optional().describe("0–1; only ads scored at least this high."),
  ...pageQuery,
});

export const AdIdParams = z.object({ id: AdIdParam });

/** Cursor sort key: `[rank, id]` with q, `[postedAt, id]` without. */
export const AdCursor = z.tuple([z.union([z.number(), z.string(), z.null()]), z.number().int()]);

export const AdSummarySchema = z.object({
  id: z.number().int(),
  source: z.string(),
  sourceAdId: z.string(),
  url: z.string().nullable(),
  postedAt: z.string().nullable(),
  capturedAt: z.string(),
  title: z.string(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  networkId: z.string().nullable(),
  risk: RiskSchema.nullable(),
  snippet: z.array(TextSegmentSchema),
  relevance: z.number().nullable(),
});

export const AdsPageSchema = pageSchema(AdSummarySchema);

export const FactSchema = z.object({
  kind: z.enum(FACT_KINDS),
  value: z.string(),
  field: z.enum(TEXT_FIELDS),
  span: z.tuple([z.number().int(), z.number().int()]),
  confidence: z.number(),
  obfuscated: z.boolean(),
  data: JsonObject.nullable(),
});

export const ProvenanceSchema = z.object({
  source: z.string(),
  sourceAdId: z.string(),
  url: z.string().nullable(),
  capturedAt: z.string(),
  firstSeenAt: z.string(),
  contentHash: z.string(),
  version: z.number().int(),
  ingestFile: z.string().nullable(),
  ingestLine: z.number().int().nullable(),
});

export const AdVersionSchema = z.object({
  version: z.number().int(),
  contentHash: z.string(),
  capturedAt: z.string(),
  url: z.string().nullable(),
  postedAt: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  city: z.string().nullable(),
  region: z.string().nullable(),
});

export const AdDetailSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  body: z.string(),
  postedAt: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  images: z.array(z.object({ sha256: z.string().nullable(), phash: z.string().nullable(), url: z.string().nullable() })),
  provenance: ProvenanceSchema,
  facts: z.array(FactSchema),
  networkId: z.string().nullable(),
  networkReason: JsonObject.nullable(),
  risk: RiskSchema.nullable(),
  indicators: z.array(IndicatorSchema),
  versions: z.array(AdVersionSchema),
});

const _summary: Same<z.infer<typeof AdSummarySchema>, AdSummary> = true;
const _page: Same<z.infer<typeof AdsPageSchema>, AdsPage> = true;
const _detail: Same<z.infer<typeof AdDetailSchema>, AdDetail> = true;
void [_summary, _page, _detail];
