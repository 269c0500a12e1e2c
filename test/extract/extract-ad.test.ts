import { describe, expect, it } from "vitest";
import { Command } from "commander";
import { EXTRACTOR_VERSION, extractAd } from "../../src/extract/index.js";
import { presentAd, registerExtract } from "../../src/cli/extract.js";
import { benchExtract } from "../../src/extract/bench.js";
import type { TextField } from "../../src/domain/fact.js";

const AD = {
  title: "NEW IN TOWN 💋 Jade here",
  body:
    "Hi gentlemen, my name is Jade, 19yo. Call four1six 8nine3 22four5. snap: sweetjade22. QV 120, HH 160, 1hr 250. " +
    "Incall in Mississauga. jade (at) gmail (dot) com",
  phone: "(647) 555-0142",
  email: "Jade@Example.com",
  city: "Mississauga",
  region: "Ontario",
};

describe("extractAd", () => {
  const facts = extractAd(AD);
  it("runs every extractor over every field with spans into that field", () => {
    for (const f of facts) {
      const text = AD[f.field as keyof typeof AD];
      expect(text.slice(f.span[0], f.span[1]).length).toBeGreaterThan(0);
    }
    const byKind = (k: string): string[] => facts.filter((f) => f.kind === k).map((f) => f.value);
    expect(byKind("phone")).toEqual(["+14168932245", "+16475550142"]);
    expect(byKind("email")).toEqual(["jade@gmail.com", "jade@example.com"]);
    expect(byKind("handle")).toEqual(["snapchat:sweetjade22"]);
    expect(byKind("age")).toEqual(["19"]);
    expect(byKind("name")).toEqual(["jade", "jade"]);
    expect(byKind("price")).toHaveLength(3);
    expect(byKind("place")).toContain("Mississauga, ON");
    expect(byKind("cue")).toContain("obscured_phone");
    expect(byKind("cue")).toContain("movement_language");
  });
  it("tags the site phone and email fields", () => {
    const fields = (k: string): TextField[] => facts.filter((f) => f.kind === k).map((f) => f.field);
    expect(fields("phone")).toEqual(["body", "phone"]);
    expect(fields("email")).toEqual(["body", "email"]);
  });
  it("presents the CLI shape", () => {
    const out = presentAd("ad-1", facts);
    expect(out.id).toBe("ad-1");
    expect((out.phones as Record<string, unknown>[])[0]).toMatchObject({ value: "+14168932245", obfuscated: true });
    expect((out.handles as Record<string, unknown>[])[0]).toMatchObject({ platform: "snapchat", value: "sweetjade22" });
    expect((out.prices as Record<string, unknown>[])[1]).toMatchObject({ amount: 160, currency: "CAD", minutes: 30 });
    expect((out.ages as Record<string, unknown>[])[0]).toMatchObject({ value: 19 });
    expect(EXTRACTOR_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });
  it("registers the command", () => {
    const program = new Command();
    registerExtract(program);
    expect(program.commands.map((c) => c.name())).toContain("extract");
  });
  it("benchmarks", () => {
    const r = benchExtract([AD.body, AD.title], { warmup: false });
    expect(r.adsPerSec).toBeGreaterThan(0);
    expect(Object.keys(r.perExtractorMs)).toContain("phone");
  });
});

describe("extractAd on repeated short fields", () => {
  it("returns fresh copies equal to a first extraction, sharing nothing", () => {
    const ad = { title: "Jade in Toronto 💋 22yo", phone: "+1 (416) 555-0142", email: "jade@x.com", city: "Toronto", region: "ON" };
    const first = extractAd(ad);
    const json = JSON.stringify(first);
    expect(first.some((f) => f.data !== undefined && Object.values(f.data).some(Array.isArray))).toBe(true);
    // Mutate everything handed out: later calls must not see it.
    for (const f of first) {
      f.span[0] = -1;
      f.value = "x";
      if (f.data) for (const [k, v] of Object.entries(f.data)) if (Array.isArray(v)) v.push("x");
      else f.data[k] = "x";
    }
    const again = extractAd({ ...ad });
    expect(JSON.stringify(again)).toBe(json);
    const third = extractAd({ ...ad });
    expect(JSON.stringify(third)).toBe(json);
    for (let i = 0; i < again.length; i++) {
      expect(third[i]).not.toBe(again[i]);
      expect(third[i].span).not.toBe(again[i].span);
      if (again[i].data) expect(third[i].data).not.toBe(again[i].data);
    }
  });
});
