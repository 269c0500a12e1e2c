import { beforeAll, describe, expect, it } from "vitest";
import type { AdInput } from "../../src/domain/ad.js";
import type { AuthorKind, TruthRow } from "../../src/domain/truth.js";
import { generateCorpus } from "../../src/synth/generate.js";
import { DEFAULT_SYNTH_PARAMS } from "../../src/synth/params.js";
import { planCorpus } from "../../src/synth/plan.js";
import { resolveSynthParams } from "../../src/synth/params.js";
import { TraffickingNetwork } from "../../src/synth/trafficking.js";
import { phoneDigits } from "./decode.js";

interface Rec {
  ad: AdInput;
  truth: TruthRow;
}

const N = 40_000;
const SEED = 11;
let recs: Rec[] = [];
const byNet = new Map<string, Rec[]>();
const DAY = 86_400_000;

/** The body without the site's boilerplate. */
function content(ad: AdInput): string {
  const body = ad.body ?? "";
  const cut = body.search(/Posted via siteA|siteA \| All advertisers|— NorthClassifieds|Publié sur MaplePages|MaplePages: by viewing/);
  return (cut >= 0 ? body.slice(0, cut) : body).trimEnd();
}

function fieldDigits(ad: AdInput): string | null {
  if (!ad.phone) return null;
  const d = ad.phone.replace(/\D/g, "");
  return d.length === 11 ? d.slice(1) : d;
}

function words(s: string): Set<string> {
  return new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let i = 0;
  for (const x of a) if (b.has(x)) i++;
  return i / (a.size + b.size - i);
}

beforeAll(() => {
  recs = [...generateCorpus({ ads: N, seed: SEED })];
  for (const r of recs) {
    const l = byNet.get(r.truth.network_id) ?? [];
    l.push(r);
    byNet.set(r.truth.network_id, l);
  }
});

function netsOf(kind: AuthorKind): Rec[][] {
  return [...byNet.values()].filter((l) => l[0].truth.kind === kind);
}

describe("synthetic corpus: shape", () => {
  it("has unique ids, one truth row per ad, and valid ingest fields", () => {
    expect(recs).toHaveLength(N);
    expect(new Set(recs.map((r) => r.ad.id)).size).toBe(N);
    for (const { ad, truth } of recs.slice(0, 2000)) {
      expect(truth.ad_id).toBe(ad.id);
      expect(ad.id.startsWith(ad.source + "-")).toBe(true);
      expect(ad.url).toMatch(/^https:\/\/[a-z]+\.example\//);
      expect(Date.parse(ad.posted_at ?? "")).not.toBeNaN();
      expect(ad.title?.length).toBeGreaterThan(0);
      expect(ad.body?.length).toBeGreaterThan(20);
    }
  });

  it("matches the kind mix and author-size profile", () => {
    const ads: Record<string, number> = {};
    for (const r of recs) ads[r.truth.kind] = (ads[r.truth.kind] ?? 0) + 1;
    for (const [k, share] of Object.entries(DEFAULT_SYNTH_PARAMS.kindShare)) expect(Math.abs(ads[k] / N - share)).toBeLessThan(0.005);
    const ind = netsOf("independent");
    const singletons = ind.filter((l) => l.length === 1).length;
    expect(singletons / ind.length).toBeGreaterThan(0.25);
    expect(ind.filter((l) => l.length <= 5).length / ind.length).toBeGreaterThan(0.6);
    expect(Math.max(...netsOf("trafficking").map((l) => l.length))).toBeGreaterThan(100);
    const agencies = netsOf("agency").length;
    expect(agencies).toBeGreaterThanOrEqual(2);
    expect(agencies).toBeLessThanOrEqual(15);
  });

  it("spreads posts over about two years", () => {
    const times = recs.map((r) => Date.parse(r.ad.posted_at ?? ""));
    const span = (Math.max(...times) - Math.min(...times)) / DAY;
    expect(span).toBeGreaterThan(650);
    expect(span).toBeLessThanOrEqual(730);
  });
});

describe("synthetic corpus: planted phenomena", () => {
  it("site chrome: each source appends its boilerplate to about its configured share of ads", () => {
    for (const src of DEFAULT_SYNTH_PARAMS.sources) {
      const mine = recs.filter((r) => r.ad.source === src.name);
      const withChrome = mine.filter((r) => content(r.ad) !== r.ad.body).length;
      expect(Math.abs(withChrome / mine.length - src.chromeRate)).toBeLessThan(0.03);
    }
  });

  it("common phrases are shared by many unrelated authors", () => {
    const users = new Set(recs.filter((r) => /No rush\.|Clean and discreet\.|Text only, no private numbers\./.test(r.ad.body ?? "")).map((r) => r.truth.network_id));
    expect(users.size).toBeGreaterThan(100);
  });

  it("independents re-post their own text with small edits", () => {
    const sims: number[] = [];
    for (const l of netsOf("independent")) {
      if (l.length < 5) continue;
      sims.push(jaccard(words(content(l[0].ad)), words(content(l[1].ad))));
    }
    sims.sort((a, b) => a - b);
    const median = sims[sims.length >> 1];
    expect(median).toBeGreaterThan(0.6);
    expect(median).toBeLessThan(0.98);
  });

  it("independents mostly keep one phone; some change it; some work a second city", () => {
    const ind = netsOf("independent").filter((l) => l.length >= 10);
    const multiPhone = ind.filter((l) => new Set(l.map((r) => fieldDigits(r.ad)).filter(Boolean)).size >= 2).length;
    expect(multiPhone / ind.length).toBeGreaterThan(0.05);
    expect(multiPhone / ind.length).toBeLessThan(0.5);
    const twoCities = ind.filter((l) => new Set(l.map((r) => r.ad.city)).size >= 2).length;
    expect(twoCities / ind.length).toBeGreaterThan(0.05);
    expect(recs.some((r) => /NEW NUMBER|New number|NOUVEAU NUMÉRO/i.test(r.ad.body ?? ""))).toBe(true);
  });

  it("agencies: many profile names, one switchboard phone, one shared footer", () => {
    for (const l of netsOf("agency").filter((x) => x.length >= 50)) {
      const phones = new Set(l.map((r) => fieldDigits(r.ad)).filter(Boolean));
      expect(phones.size).toBeLessThanOrEqual(2);
      const names = new Set(l.map((r) => /(?:Meet|book) (\p{Lu}\p{L}+)/u.exec(r.ad.body ?? "")?.[1]).filter(Boolean));
      expect(names.size).toBeGreaterThanOrEqual(3);
      const web = /www\.[a-z]+\.example[a-z.]*/.exec(l[0].ad.body ?? "")?.[0];
      expect(web).toBeTruthy();
      expect(l.filter((r) => (r.ad.body ?? "").includes(web ?? "§")).length / l.length).toBeGreaterThan(0.95);
    }
  });

  it("trafficking networks rotate ≥2 phones over ≥2 cities, in the third person, with youthful cues", () => {
    const nets = netsOf("trafficking").filter((l) => l.length >= 20);
    expect(nets.length).toBeGreaterThan(5);
    let ok = 0;
    for (const l of nets) {
      const phones = new Set(l.map((r) => fieldDigits(r.ad)).filter(Boolean));
      const cities = new Set(l.map((r) => r.ad.city?.toLowerCase()));
      if (phones.size >= 2 && cities.size >= 2) ok++;
    }
    expect(ok / nets.length).toBeGreaterThan(0.9);
    const traf = recs.filter((r) => r.truth.kind === "trafficking");
    const ind = recs.filter((r) => r.truth.kind === "independent");
    const third = /\b(she is|her name|she has|my girls?|our girls?|they do not)\b/i;
    expect(traf.filter((r) => third.test(r.ad.body ?? "")).length / traf.length).toBeGreaterThan(0.4);
    expect(ind.filter((r) => third.test(r.ad.body ?? "")).length / ind.length).toBeLessThan(0.05);
    const youth = /\b(young|fresh|new girl|petite|tiny|barely 19|just turned 18|baby face)\b/i;
    expect(traf.filter((r) => youth.test(r.ad.body ?? "") || youth.test(r.ad.title ?? "")).length / traf.length).toBeGreaterThan(0.5);
    const duo = traf.filter((r) => /\b(2 girls|Two girls|Duo|Two friends|duo available|double available)\b/.test(r.ad.body ?? "")).length;
    expect(Math.abs(duo / traf.length - DEFAULT_SYNTH_PARAMS.multiPersonRate)).toBeLessThan(0.06);
  });

  it("trafficking networks obfuscate their phones far more often than independents", () => {
    // per author: does the majority of her in-text phones need de-obfuscation?
    const obfuscatingShare = (k: AuthorKind): number => {
      let authors = 0;
      let obfuscating = 0;
      for (const l of netsOf(k)) {
        let plain = 0;
        let hidden = 0;
        for (const r of l) {
          const d = fieldDigits(r.ad);
          if (!d) continue;
          const body = content(r.ad);
          if (body.replace(/[\s().+-]/g, "").includes(d)) plain++;
          else if (phoneDigits(body).includes(d)) hidden++;
        }
        if (plain + hidden < 5) continue;
        authors++;
        if (hidden > plain) obfuscating++;
      }
      return obfuscating / authors;
    };
    expect(obfuscatingShare("trafficking")).toBeGreaterThan(0.35);
    expect(obfuscatingShare("independent")).toBeLessThan(0.2);
  });

  it("scam posters: near-identical text, a different contact in each ad", () => {
    const scams = netsOf("scam").filter((l) => l.length >= 8);
    expect(scams.length).toBeGreaterThan(3);
    for (const l of scams) {
      const contact = (r: Rec): string =>
        /[\w.+-]+ ?@ ?[\w-]+ ?\. ?\w+|[\w.+-]+ \(at\) [\w-]+ \(dot\) \w+|[\w.+-]+\[at\][\w-]+\[dot\]\w+|[\w.+-]+ at [\w-]+ dot \w+/.exec(
          content(r.ad),
        )?.[0] ??
        phoneDigits(content(r.ad));
      // a cross-post (same text on a second site minutes later) legitimately repeats its contact
      const distinctAds = new Set(l.map((r) => content(r.ad))).size;
      expect(new Set(l.map(contact)).size / distinctAds).toBeGreaterThan(0.95);
      // compare the text around the contact: drop anything that spells a digit or an address
      const digitWord = /^(zero|zéro|cero|oh|one|un|uno|two|deux|dos|three|trois|tres|four|for|quatre|cuatro|five|cinq|cinco|six|seis|seven|sept|siete|eight|huit|ocho|nine|neuf|nueve|at|dot)$/i;
      const strip = (r: Rec): Set<string> => {
        const w = words(content(r.ad).replace(/\S*[@\d]\S*/g, ""));
        for (const x of w) if (digitWord.test(x) || /[^a-z']/i.test(x)) w.delete(x);
        return w;
      };
      // short texts whose only changes are the name, age, city and contact: measure containment
      const contain = (a: Set<string>, b: Set<string>): number => {
        let i = 0;
        for (const x of a) if (b.has(x)) i++;
        return i / Math.min(a.size, b.size);
      };
      const sims = l.slice(1, 8).map((r) => contain(strip(l[0]), strip(r)));
      expect(sims.reduce((a, b) => a + b, 0) / sims.length).toBeGreaterThan(0.75);
      expect(new Set(l.map((r) => r.ad.city)).size).toBeGreaterThan(2);
    }
  });

  it("phones are re-assigned: a number reappears for an unrelated author a year or more later, never concurrently", () => {
    const uses = new Map<string, Map<string, [number, number]>>();
    for (const { ad, truth } of recs) {
      const d = fieldDigits(ad);
      if (!d) continue;
      const t = Date.parse(ad.posted_at ?? "");
      const m = uses.get(d) ?? new Map<string, [number, number]>();
      const span = m.get(truth.network_id) ?? [t, t];
      m.set(truth.network_id, [Math.min(span[0], t), Math.max(span[1], t)]);
      uses.set(d, m);
    }
    let reassigned = 0;
    for (const m of uses.values()) {
      if (m.size < 2) continue;
      const spans = [...m.values()].sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < spans.length; i++) expect(spans[i][0] - spans[i - 1][1]).toBeGreaterThanOrEqual(365 * DAY);
      reassigned++;
    }
    expect(reassigned).toBeGreaterThanOrEqual(3);
  });

  it("some ads carry the phone only in the site field, not in the text", () => {
    const withField = recs.filter((r) => r.ad.phone);
    const onlyField = withField.filter((r) => !phoneDigits(content(r.ad)).includes(fieldDigits(r.ad) ?? "x"));
    const share = onlyField.length / withField.length;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.35);
  });

  it("a share of Quebec independents write in French, and only in Quebec", () => {
    const french = /\b(je suis|je m'appelle|moi c'est|ici|ans|disponible|bisous|messieurs|texte-moi|salut|bonjour)\b/i;
    const qc = recs.filter((r) => r.truth.kind === "independent" && r.ad.region === "QC");
    const fr = qc.filter((r) => french.test(content(r.ad))).length / qc.length;
    expect(fr).toBeGreaterThan(0.3);
    expect(fr).toBeLessThan(0.8);
    const elsewhere = recs.filter((r) => r.truth.kind === "independent" && r.ad.region && r.ad.region !== "QC");
    // a Quebec author touring Ontario still writes French: allow a little
    expect(elsewhere.filter((r) => /\b(je suis|je m'appelle|bisous)\b/i.test(r.ad.body ?? "")).length / elsewhere.length).toBeLessThan(0.03);
  });

  it("carries realistic numeric distractors and disguised e-mails", () => {
    const body = (re: RegExp): number => recs.filter((r) => re.test(r.ad.body ?? "")).length;
    expect(body(/\bQV \d{2,3}\b/)).toBeGreaterThan(100);
    expect(body(/\b\d{2}[A-D]{0,2}-\d{2}-\d{2}\b/)).toBeGreaterThan(100);
    expect(body(/\bAge: \d{2}\b|\b\d{2} ?(yrs|yo)\b/)).toBeGreaterThan(100);
    expect(body(/\b(10am-2am|24\/7|noon till late)\b/)).toBeGreaterThan(100);
    expect(body(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}\b/)).toBeGreaterThan(100);
    expect(body(/\(at\)|\[at\]| at \S+ dot /)).toBeGreaterThan(20);
  });

  it("images repeat within an author; scam posters sometimes reuse an independent's photos", () => {
    const owners = new Map<string, Set<string>>();
    for (const r of recs) for (const img of r.ad.images ?? []) {
      if (!img.sha256) continue;
      const s = owners.get(img.sha256) ?? new Set<string>();
      s.add(r.truth.network_id);
      owners.set(img.sha256, s);
    }
    const shared = [...owners.values()].filter((s) => s.size > 1);
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.every((s) => [...s].some((n) => n.startsWith("scm-")))).toBe(true);
  });

  it("the planted event multiplies trafficking ads in its city during its week", () => {
    const ev = DEFAULT_SYNTH_PARAMS.event;
    expect(ev).not.toBeNull();
    if (!ev) return;
    const start = Date.parse(ev.start);
    const end = start + ev.days * DAY;
    let inside = 0;
    let outside = 0;
    for (const r of recs) {
      if (r.truth.kind !== "trafficking" || r.ad.city?.toLowerCase().replace("é", "e") !== ev.city.toLowerCase()) continue;
      const t = Date.parse(r.ad.posted_at ?? "");
      if (t >= start && t < end) inside++;
      else outside++;
    }
    const perDayIn = inside / ev.days;
    const perDayOut = outside / (DEFAULT_SYNTH_PARAMS.days - ev.days);
    expect(perDayIn / perDayOut).toBeGreaterThan(3);
  });

  it("some trafficking networks copy another network's template; truth keeps them apart", () => {
    const plan = planCorpus(resolveSynthParams({ ads: N, seed: SEED }));
    const nets = plan.authors.filter((a): a is TraffickingNetwork => a instanceof TraffickingNetwork);
    let copies = 0;
    for (let i = 0; i < nets.length; i++) {
      for (let j = 0; j < i; j++) {
        const shared = nets[i].template.sentences.filter((s) => nets[j].template.sentences.includes(s)).length;
        if (shared >= 2 && shared >= nets[i].template.sentences.length / 2) {
          copies++;
          expect(nets[i].networkId).not.toBe(nets[j].networkId);
          const pi = new Set(nets[i].burners.map((b) => b.phone));
          expect(nets[j].burners.some((b) => pi.has(b.phone))).toBe(false);
        }
      }
    }
    expect(copies).toBeGreaterThan(0);
  });
});

describe("obfuscation styles in generated ads", () => {
  const SIGNATURES: Record<string, RegExp> = {
    digits: /(?<!\d)\d{10}(?!\d)/,
    paren: /\(\d{3}\) \d{3}-\d{4}/,
    dots: /\b\d{3}\.\d{3}\.\d{4}\b/,
    dashes: /(?<![\d-])\d{3}-\d{3}-\d{4}\b/,
    spaces: /(?<![\d ])\d{3} \d{3} \d{4}\b/,
    intl: /\+1 ?\d{3}/,
    one_dash: /\b1-\d{3}-\d{3}-\d{4}\b|\b1 \(\d{3}\)/,
    spaced_digits: /\d(?: {1,2}| \. )\d(?: {1,2}| \. )\d(?: {1,2}| \. )\d/,
    words_en: /\b(?:(?:zero|one|two|three|four|five|six|seven|eight|nine)[ ,-]+){3}/i,
    words_fr: /\b(?:(?:zéro|un|deux|trois|quatre|cinq|six|sept|huit|neuf)[ ,-]+){3}/i,
    words_es: /\b(?:(?:cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)[ ,-]+){3}/i,
    area_words: /\b[a-z]{3,5}\d[a-z]{3,5} \d{3} \d{4}\b/,
    oh_for_zero: /\d(?:oh|O)|(?:oh|O)\d/,
    letters_for_digits: /\d[OolI|SB]\d|[OolI|SB]\d\d/,
    keycap_emoji: /\d\uFE0F\u20E3/,
    math_bold: /[\u{1D7CE}-\u{1D7D7}]/u,
    fullwidth: /[０-９]/,
    circled: /[⓪①②③④⑤⑥⑦⑧⑨]/,
    mixed_runs: /\d(?:zero|one|two|three|four|for|five|six|seven|eight|nine|oh)|(?:zero|one|two|three|four|for|five|six|seven|eight|nine|oh)\d/,
    separators: /\d{3}(?:•|_|~|\*|\/|·|💋|🔥|❤️|✨)\d{3}(?:•|_|~|\*|\/|·|💋|🔥|❤️|✨)\d{4}|\d(?:•|_|~|\*|\/|·)\d(?:•|_|~|\*|\/|·)\d/u,
    homoglyph: /[\u0400-\u04FF]/,
  };

  it("every style leaves its mark somewhere in a default corpus", () => {
    const bodies = recs.map((r) => content(r.ad));
    const missing = Object.entries(SIGNATURES)
      .filter(([, re]) => !bodies.some((b) => re.test(b)))
      .map(([k]) => k);
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(DEFAULT_SYNTH_PARAMS.obfuscatedStyleWeights))("style %s can be forced through the params", (style) => {
    const weights = Object.fromEntries(Object.keys(DEFAULT_SYNTH_PARAMS.obfuscatedStyleWeights).map((k) => [k, k === style ? 1 : 0]));
    const all = { independent: 1, agency: 1, trafficking: 1, scam: 1 };
    const out = [
      ...generateCorpus({
        ads: 300,
        seed: 3,
        obfuscatedPhoneRate: all,
        obfuscatedStyleWeights: weights as typeof DEFAULT_SYNTH_PARAMS.obfuscatedStyleWeights,
        phoneOnlyInFieldRate: 0,
      }),
    ];
    // obfuscating authors disguise 85% of their ads, 70% of those in their own style
    let decodable = 0;
    let styled = 0;
    for (const r of out) {
      const d = fieldDigits(r.ad);
      if (!d) continue;
      const body = content(r.ad);
      if (phoneDigits(body).includes(d)) decodable++;
      if (style === "group_mix" || SIGNATURES[style].test(body)) styled++;
    }
    expect(styled).toBeGreaterThan(50);
    expect(decodable).toBeGreaterThan(50);
  });
});

describe("throughput", () => {
  it("prints ads/s (informational, not asserted)", () => {
    const n = 200_000;
    const t0 = performance.now();
    let chars = 0;
    for (const r of generateCorpus({ ads: n, seed: 1 })) chars += r.ad.body?.length ?? 0;
    const s = (performance.now() - t0) / 1000;
    console.log(`synth throughput: ${n} ads in ${s.toFixed(2)} s = ${Math.round(n / s)} ads/s (avg body ${Math.round(chars / n)} chars)`);
    expect(chars).toBeGreaterThan(0);
  });
});
