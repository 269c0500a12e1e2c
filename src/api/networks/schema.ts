/** Schemas of the networks routes; response types are checked against src/shared/api-types.ts. */
import { z } from "zod";
import type { NetworkDetail, NetworkSummary, NetworksPage } from "../../shared/api-types.js";
import { FACT_KINDS, IndicatorSchema, JsonObject, RiskSchema, pageSchema, type Same } from "../common-schema.js";
import { pageQuery } from "../pagination.js";

export const NetworksQuerySchema = z.object({
  sort: z.enum(["risk", "size", "recent"]).default("size").describe('"risk" falls back to size order when no scores exist.'),
  ...pageQuery,
});

export const NetworkIdParams = z.object({ id: z.string().min(1).max(64) });

export const NetworkDetailQuery = z.object({
  memberLimit: z.coerce.number().int().min(1).max(1000).default(200).describe("Members returned (by posting time), 1–1000."),
});

/** Cursor sort key: `[sort value, id]`. */
export const NetworkCursor = z.tuple([z.union([z.number(), z.string(), z.null()]), z.string()]);

export const NetworkSummarySchema = z.object({
  id: z.string(),
  size: z.number().int(),
  firstPosted: z.string().nullable(),
  lastPosted: z.string().nullable(),
  risk: RiskSchema.nullable(),
});

export const NetworksPageSchema = pageSchema(NetworkSummarySchema);

const Member = z.object({
  id: z.number().int(),
  source: z.string(),
  sourceAdId: z.string(),
  postedAt: z.string().nullable(),
  city: z.string().nullable(),
  title: z.string(),
  reason: JsonObject,
});

export const NetworkDetailSchema = z.object({
  id: z.string(),
  size: z.number().int(),
  firstPosted: z.string().nullable(),
  lastPosted: z.string().nullable(),
  risk: RiskSchema.nullable(),
  indicators: z.array(IndicatorSchema),
  members: z.object({ total: z.number().int(), items: z.array(Member) }),
  identifiers: z.array(z.object({ kind: z.enum(FACT_KINDS), value: z.string(), ads: z.number().int() })),
  template: z
    .object({
      kind: z.enum(["template", "common-text"]),
      text: z.string(),
      slots: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
      ads: z.number().int(),
    })
    .nullable(),
  trail: z.array(
    z.object({
      city: z.string(),
      province: z.string().nullable(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
      from: z.string(),
      to: z.string(),
      ads: z.number().int(),
    }),
  ),
  links: z.object({
    total: z.number().int(),
    items: z.array(z.object({ a: z.number().int(), b: z.number().int(), kind: z.string(), weight: z.number(), evidence: JsonObject })),
  }),
  graph: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(["ad", "phone", "email", "handle"]),
        label: z.string(),
        x: z.number(),
        y: z.number(),
        size: z.number(),
      }),
    ),
    edges: z.array(z.object({ id: z.string(), source: z.string(), target: z.string(), kind: z.string(), weight: z.number() })),
    capped: z.boolean(),
  }),
});

const _summary: Same<z.infer<typeof NetworkSummarySchema>, NetworkSummary> = true;
const _page: Same<z.infer<typeof NetworksPageSchema>, NetworksPage> = true;
const _detail: Same<z.infer<typeof NetworkDetailSchema>, NetworkDetail> = true;
void [_summary, _page, _detail];
