/**
 * Schemas shared by several resources (problem details, highlighted text, risk, indicators, pages) and the
 * compile-time check that keeps every response schema equal to its type in src/shared/api-types.ts.
 */
import { z } from "zod";
import type { IndicatorView, Problem, RiskView, TextSegment } from "../shared/api-types.js";

/** `true` only when A and B are mutually assignable; used as `const _x: Same<z.infer<typeof S>, T> = true`. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

export const TextSegmentSchema = z.object({ text: z.string(), hit: z.boolean() });

export const RiskSchema = z.object({ score: z.number(), level: z.enum(["low", "medium", "high"]) });

export const IndicatorSchema = z.object({
  code: z.string(),
  label: z.string(),
  weight: z.number(),
  reason: z.string(),
  evidence: z.string(),
  source: z.string().nullable(),
  ads: z.number().int(),
});

export const JsonObject = z.record(z.string(), z.unknown());

/** `{ items, nextCursor }` around an item schema. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const FACT_KINDS = ["phone", "email", "handle", "url", "price", "age", "name", "place", "descriptor", "cue"] as const;
export const TEXT_FIELDS = ["title", "body", "phone", "email", "city", "region"] as const;

/** Path ids: ads are positive integers. */
export const AdIdParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** ISO date (YYYY-MM-DD) or date-time; compared as text against stored UTC ISO strings. */
export const IsoDateOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** Risk level of a 0–1 score: thresholds shared by the API and the exports. */
export function riskView(score: number | null | undefined): RiskView | null {
  if (score === null || score === undefined || !Number.isFinite(score)) return null;
  return { score, level: score >= 0.66 ? "high" : score >= 0.33 ? "medium" : "low" };
}

const _problem: Same<z.infer<typeof ProblemSchema>, Problem> = true;
const _segment: Same<z.infer<typeof TextSegmentSchema>, TextSegment> = true;
const _risk: Same<z.infer<typeof RiskSchema>, RiskView> = true;
const _indicator: Same<z.infer<typeof IndicatorSchema>, IndicatorView> = true;
void [_problem, _segment, _risk, _indicator];
