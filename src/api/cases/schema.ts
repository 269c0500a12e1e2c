/** Schemas of the cases routes; response types are checked against src/shared/api-types.ts. */
import { z } from "zod";
import type { CaseDetail, CasesPage, CaseSummary } from "../../shared/api-types.js";
import { pageSchema, type Same } from "../common-schema.js";
import { pageQuery } from "../pagination.js";

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const CaseIdParams = z.object({ id });
export const CaseItemParams = z.object({ id, itemId: id });
export const CasesQuery = z.object({ ...pageQuery });
export const CaseCursor = z.tuple([z.number().int()]);

export const CaseCreateSchema = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(10_000).default(""),
});

export const CaseItemCreateSchema = z.object({
  kind: z.enum(["ad", "network"]),
  ref: z.union([z.string().trim().min(1).max(64), z.number().int().positive()]).transform(String).describe("Ad id or network id."),
});

export const CaseNoteCreateSchema = z.object({ text: z.string().trim().min(1).max(20_000) });

export const ExportQuerySchema = z.object({
  purpose: z.string().trim().min(10).max(500).describe("Why the export is made (required): stamped on the export and recorded in the audit log."),
});

export const CaseSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  itemCount: z.number().int(),
  noteCount: z.number().int(),
});

export const CasesPageSchema = pageSchema(CaseSummarySchema);

export const CaseDetailSchema = CaseSummarySchema.extend({
  items: z.array(z.object({ id: z.number().int(), kind: z.enum(["ad", "network"]), ref: z.string(), addedAt: z.string(), label: z.string().nullable() })),
  notes: z.array(z.object({ id: z.number().int(), text: z.string(), createdAt: z.string() })),
});

export const BinarySchema = z.instanceof(Buffer);

const _summary: Same<z.infer<typeof CaseSummarySchema>, CaseSummary> = true;
const _page: Same<z.infer<typeof CasesPageSchema>, CasesPage> = true;
const _detail: Same<z.infer<typeof CaseDetailSchema>, CaseDetail> = true;
void [_summary, _page, _detail];
