import { describe, expect, it } from "vitest";
import { extractPhones } from "../../src/extract/phone.js";
import { extractPlaces, placesFromAreaCodes } from "../../src/extract/place.js";
import type { TextField } from "../../src/domain/fact.js";
import { expectSpans } from "./helpers.js";

type Case = [text: string, values: string[], evidence?: string[], field?: TextField];

const CASES: Case[] = [
  ["Incall in Toronto", ["Toronto, ON"], ["Toronto"]],
  ["visiting the GTA", ["Toronto, ON"], ["GTA"]],
  ["yyc this week", ["Calgary, AB"], ["yyc"]],
  ["YVR and YUL", ["Vancouver, BC", "Montréal, QC"]],
  ["Montreal downtown", ["Montréal, QC"], ["Montreal"]],
  ["Montréal centre-ville", ["Montréal, QC"]],
  ["in the Soo", ["Sault Ste. Marie, ON"], ["the Soo"]],
  ["Sault Ste. Marie", ["Sault Ste. Marie, ON"], ["Sault Ste. Marie"]],
  ["Sault Ste Marie tonight", ["Sault Ste. Marie, ON"]],
  ["Quebec City", ["Québec, QC"]],
  ["St. John's, NL", ["St. John's, NL", "CA-NL"]],
  ["Saint John", ["Saint John, NB"]],
  ["Winnipeg aka the Peg", ["Winnipeg, MB", "Winnipeg, MB"]],
  ["Richmond, BC", ["Richmond, BC", "CA-BC"]],
  ["Windsor", ["Windsor, ON"]],
  ["Victoria, BC", ["Victoria, BC", "CA-BC"]],
  ["in Victoria", ["Victoria, BC"]],
  ["Mississauga / Brampton", ["Mississauga, ON", "Brampton, ON"]],
  ["Ontario", ["CA-ON"]],
  ["Sask", ["CA-SK"]],
  ["Trois-Rivières", ["Trois-Rivières, QC"]],
  ["Toronto", ["Toronto, ON"], undefined, "city"],
  ["ON", ["CA-ON"], undefined, "region"],
  ["hope", ["Hope, BC"], undefined, "city"],
  // negatives
  ["Hope to see you", []],
  ["Victoria here, call me", []],
  ["On my way", []],
  ["toronto", []],
  ["Mission accomplished", []],
  ["Regina is my name", []],
  ["Delta of pleasure", []],
  ["ON CALL NOW", []],
  ["the six of us", []],
];

describe("extractPlaces", () => {
  it.each(CASES)("%s", (text, values, evidence, field) => {
    const facts = extractPlaces(text, field);
    expect(facts.map((f) => f.value)).toEqual(values);
    expectSpans(text, facts, evidence);
    for (const f of facts) {
      expect(typeof f.data?.lat).toBe("number");
      expect(typeof f.data?.lon).toBe("number");
    }
  });

  it("maps an area code to its province as a weaker fact", () => {
    const places = placesFromAreaCodes(extractPhones("call 416-555-0123 or 902 555 0100 or 212 555 0100"));
    expect(places.map((p) => p.value)).toEqual(["CA-ON", "CA-NS|CA-PE"]);
    expect(places.every((p) => p.confidence < 0.5)).toBe(true);
  });
});
