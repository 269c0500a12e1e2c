/**
 * Bare domains are found by resuming the BARE pattern only where a top-level domain follows (`bareMatches`): the
 * same matches, in the same order, as a global scan of the whole text.
 */
import { describe, expect, it } from "vitest";
import { BARE_PATTERN, bareMatches, extractUrls } from "../../src/extract/url.js";
import { normalizeText } from "../../src/extract/text/normalize.js";
import { generateCorpus } from "../../src/synth/index.js";
import { createRng } from "../../src/synth/rng.js";

const TRICKY = [
  "see www.Example.com/Jade! and sweetjade.ca, jade@gmail.com, x.co.uk, a.b.c.com/path?q=1 or -foo.com and /bar.net",
  "ends with .com", ".com", "a.com", "a.comb a.com- a.com_ a.com@ a.COM A.Ca/x a..com a-.com -a.com a.com.",
  "trail.com.au.io.me.co.ly.xxx.app.link.site.info.biz.us.tv.cc.to.gg.fans.page.club.online.live.xyz.li.bio.ru.uk",
  "x@y.com z.com x.y@z.org q/w.com w.com/ é.com ée.com 12.ca 1.2.3.4.net a.b", "call 416.555.0123 now.ca",
  "my.site.com my.site.com my.site.com", "jade dot com and jade (dot) ca", "a".repeat(70) + ".com " + "b".repeat(62) + ".ca",
];

function fullScan(text: string): [number, string][] {
  const re = new RegExp(BARE_PATTERN.source, BARE_PATTERN.flags);
  const out: [number, string][] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push([m.index, m[0]]);
  return out;
}

function texts(): string[] {
  const out = [...TRICKY];
  for (const r of generateCorpus({ ads: 2000, seed: 31 })) out.push(`${r.ad.title ?? ""}\n${r.ad.body ?? ""}`, r.ad.email ?? "");
  // Random soups of host characters, dots, separators and top-level domains.
  const rng = createRng(5);
  const parts = ["a", "Z", "9", "-", ".", ".", "com", "ca", "co", "uk", "io", "@", "/", "_", " ", "é", "x.", ".COM", "net", "\n"];
  for (let i = 0; i < 3000; i++) {
    let s = "";
    for (let k = rng.int(40); k >= 0; k--) s += rng.pick(parts);
    out.push(s);
  }
  return out;
}

describe("bare domains", () => {
  it("bareMatches finds what a full scan finds", () => {
    let matches = 0;
    for (const text of texts()) {
      const t = normalizeText(text).text;
      const got: [number, string][] = [];
      bareMatches(t, (m) => got.push([m.index, m[0]]));
      const want = fullScan(t);
      expect(got).toEqual(want);
      matches += want.length;
    }
    expect(matches).toBeGreaterThan(300);
  });

  it("extracts bare domains and scheme URLs together", () => {
    expect(extractUrls("www.jade.com and jade.ca, https://x.org/a").map((f) => f.value)).toEqual(["jade.com", "jade.ca", "x.org/a"]);
  });
});
