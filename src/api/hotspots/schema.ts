/** Schemas of the hotspots route. */
import { z } from "zod";
import type { HotspotsResponse } from "../../shared/api-types.js";
import type { Same } from "../common-schema.js";

export const HotspotsQuerySchema = z.object({
  weeks: z.coerce.number().int().min(1).max(104).default(12).describe("Weeks back from the newest ad in the data, 1–104."),
});

export const HotspotsSchema = z.object({
  weeks: z.array(z.string()),
  riskWeighted: z.boolean(),
  cells: z.array(
    z.object({
      city: z.string(),
      province: z.string(),
      lat: z.number(),
      lon: z.number(),
      week: z.string(),
      ads: z.number().int(),
      weight: z.number(),
    }),
  ),
});

const _hot: Same<z.infer<typeof HotspotsSchema>, HotspotsResponse> = true;
void _hot;
