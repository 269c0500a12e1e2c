/** Schemas of the public statistics route. */
import { z } from "zod";
import { isIsoDate } from "../../hub/publish/window.js";
import type { PublishedTable } from "../../hub/publish/types.js";
import type { Same } from "../common-schema.js";

/** Strict: a caller cannot pass `k` (or anything else) — the server fixes the threshold. */
export const PublicStatsQuerySchema = z.strictObject({
  since: z
    .string()
    .refine(isIsoDate, "expected a YYYY-MM-DD date")
    .optional()
    .describe("First week wanted, YYYY-MM-DD, rounded down to the 4-week grid; default 26 weeks before the newest finished block's end. At most 104 weeks."),
});

const value = z.number().int().nullable().describe("A count of ads; null when hidden.");
const row = { total: value, weeks: z.array(value) };

export const PublicStatsSchema = z.object({
  k: z.number().int().describe("Every count from 1 to k-1 is hidden."),
  weeks: z.array(z.string()).describe("Mondays of the ISO weeks, in the order of every `weeks` array."),
  generatedAt: z.string(),
  provinces: z.array(
    z.object({
      province: z.string().describe('Province code, or "unknown".'),
      ...row,
      cities: z.array(z.object({ city: z.string().nullable().describe("null: the province's other or unknown cities."), ...row })),
    }),
  ),
  national: z.object(row),
  suppressed: z.object({ primary: z.number().int(), complementary: z.number().int() }),
  note: z.string(),
});

const _public: Same<z.infer<typeof PublicStatsSchema>, PublishedTable> = true;
void _public;
