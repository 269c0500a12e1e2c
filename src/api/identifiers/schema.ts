/** Schemas of the identifier route. */
import { z } from "zod";
import type { IdentifierDetail } from "../../shared/api-types.js";
import { AdsPageSchema } from "../ads/schema.js";
import type { Same } from "../common-schema.js";
import { pageQuery } from "../pagination.js";

export const IdentifierParams = z.object({
  kind: z.enum(["phone", "email", "handle"]),
  value: z.string().min(1).max(254).describe('URL-encoded; phones in any format, handles as "platform:handle" or bare.'),
});

export const IdentifierQuery = z.object({ ...pageQuery });

export const IdentifierDetailSchema = z.object({
  kind: z.enum(["phone", "email", "handle"]),
  value: z.string(),
  adCount: z.number().int(),
  firstPosted: z.string().nullable(),
  lastPosted: z.string().nullable(),
  cities: z.array(z.object({ city: z.string(), ads: z.number().int() })),
  networks: z.array(z.object({ id: z.string(), size: z.number().int(), ads: z.number().int() })),
  ads: AdsPageSchema,
});

const _detail: Same<z.infer<typeof IdentifierDetailSchema>, IdentifierDetail> = true;
void _detail;
