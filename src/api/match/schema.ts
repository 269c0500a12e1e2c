/** Schemas of the match route: the upload envelope (records checked one by one by the matcher) and the result. */
import { z } from "zod";
import { MAX_UPLOAD_RECORDS, UPLOAD_FORMAT } from "../../hub/match/upload.js";
import type { MatchResult } from "../../hub/match/result.js";
import { RESULT_FORMAT } from "../../hub/match/result.js";
import type { Same } from "../common-schema.js";

const KIND = z.enum(["phone", "email", "name"]);

/**
 * The body: the envelope is validated here; each record is checked by the matcher so that a bad one is reported by
 * index in `problems` while the others are still matched.
 */
export const MatchUploadBody = z.object({
  format: z.literal(UPLOAD_FORMAT),
  keyId: z.string().min(1).max(64).describe("Id of the matching key the records were encoded with."),
  createdAt: z.iso.datetime(),
  records: z
    .array(z.unknown())
    .max(MAX_UPLOAD_RECORDS)
    .describe(
      'Each `{ref, kind: "phone"|"email", hmac}` (64 hex, HMAC-SHA256 of the normalized value) or `{ref, kind: "name", clk}` (base64 of a 1024-bit CLK); `ref` is your own row reference, never the value.',
    ),
});

export const MatchQuery = z.object({
  threshold: z.coerce.number().gt(0).lte(1).optional().describe("Dice threshold for names (default 0.85)."),
});

const MatchedNetworkSchema = z.object({
  networkId: z.string(),
  ads: z.number().int(),
  risk: z.number().nullable(),
  score: z.number().optional(),
});

export const MatchResultSchema = z.object({
  format: z.literal(RESULT_FORMAT),
  keyId: z.string(),
  threshold: z.number(),
  records: z.number().int(),
  matched: z.number().int(),
  matches: z.array(
    z.object({
      index: z.number().int(),
      ref: z.string(),
      kind: KIND,
      ads: z.number().int(),
      networks: z.array(MatchedNetworkSchema),
      score: z.number().optional(),
    }),
  ),
  problems: z.array(z.object({ index: z.number().int(), ref: z.string().nullable(), problem: z.string() })),
});

const _result: Same<z.infer<typeof MatchResultSchema>, MatchResult> = true;
void _result;
