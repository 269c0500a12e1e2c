/** Schema of the stats route. */
import { z } from "zod";
import type { StatsResponse } from "../../shared/api-types.js";
import type { Same } from "../common-schema.js";
import { NetworkSummarySchema } from "../networks/schema.js";

const count = z.number().int();

export const StatsSchema = z.object({
  synthetic: z.boolean(),
  asOf: z.string().nullable(),
  totals: z.object({
    ads: count,
    versions: count,
    facts: count,
    links: count,
    networks: count,
    adsInNetworks: count,
    sources: count,
    phones: count,
    emails: count,
    handles: count,
  }),
  newThisWeek: z.object({ ads: count, networks: count }),
  riskAvailable: z.boolean(),
  topNetworks: z.array(NetworkSummarySchema),
  weekly: z.array(z.object({ week: z.string(), ads: count })),
});

const _stats: Same<z.infer<typeof StatsSchema>, StatsResponse> = true;
void _stats;
