/** Risk models as JSON files (`threadline train --out`, `--model`), validated on load. */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { validateRiskModel, type RiskModel } from "./risk-model.js";

const Transform = z.union([z.object({ kind: z.literal("share") }), z.object({ kind: z.literal("ramp"), from: z.number(), to: z.number() })]);
const Model = z.object({
  version: z.string().min(1),
  bias: z.number(),
  groupCap: z.number(),
  confidenceAds: z.number().positive(),
  terms: z.array(
    z.object({
      feature: z.string(),
      group: z.string(),
      weight: z.number(),
      transform: Transform,
      reason: z.string(),
      source: z.string(),
      adCue: z.string().optional(),
    }),
  ),
});

export function parseRiskModel(json: string, what = "model"): RiskModel {
  const r = Model.safeParse(JSON.parse(json));
  if (!r.success) throw new Error(`analyze: ${what}: not a risk model: ${r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return validateRiskModel(r.data);
}

export function readRiskModel(path: string): RiskModel {
  return parseRiskModel(readFileSync(path, "utf8"), path);
}
