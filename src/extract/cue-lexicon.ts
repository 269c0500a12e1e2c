/**
 * The curated indicator-cue lexicon. Each entry names its published source and the strength of the evidence;
 * `docs/indicators.md` is the human-readable version of this table and must be kept in step with it.
 * Cues are facts, not scores: weighing them is the analyze stage's job.
 */

export type Evidence = "definitional" | "moderate" | "weak" | "not-significant";
/** Whether the source found the cue more or less common in trafficking ads. */
export type Direction = "higher" | "lower" | "none" | "unknown";

export interface SourceRef {
  id: string;
  citation: string;
}

export const SOURCES: Record<string, SourceRef> = {
  "nij-2024": {
    id: "nij-2024",
    citation:
      "Lugo-Graulich K., Meyer L. F. et al. (2024), Improving Sex Trafficking Victim Identification: Indicators of " +
      "Trafficking in Online Escort Ads, Journal of Human Trafficking, doi:10.1080/23322705.2024.2349447 " +
      "(NIJ-funded; 1,263 ads with known case outcomes); NIJ, Unconventional Wisdom (2024); Law Enforcement " +
      "Guide on Indicators of Sex Trafficking in Online Escort Ads (NCJ 305699, 2021).",
  },
  "keyword-lists": {
    id: "keyword-lists",
    citation:
      "Practitioner keyword lists used in DARPA Memex tools (TellFinder default lists; the Memex human-trafficking " +
      "indicator extractors, e.g. Kejriwal & Szekely, Information Extraction in Illicit Web Domains, WWW 2017). " +
      "Not validated against case outcomes.",
  },
  "emoji-2018": {
    id: "emoji-2018",
    citation:
      "Whitney J., Jennex M., Elkins A., Frost E. (2018), Don't Want to Get Caught? Don't Say It: The Use of " +
      "EMOJIS in Online Human Sex Trafficking Ads, HICSS-51. Emoji meanings from practitioner interviews; " +
      "not validated against case outcomes.",
  },
  "legal-minor": {
    id: "legal-minor",
    citation:
      "Definition, not statistics: a person under 18 in commercial sex is a trafficking victim under US law " +
      "(22 U.S.C. § 7102) and the Criminal Code of Canada (s. 279.011, s. 286.1(2)).",
  },
};

export interface CueEntry {
  code: string;
  label: string;
  /** Matched against the normalized text; null for cues derived from other facts. */
  pattern: RegExp | null;
  /**
   * For a word-anchored pattern (`b(...)`): the (lower-case) prefixes a match can start with, three characters
   * where the third is a fixed letter ("pro" for "professional"), else two ("no" for "no\s+games"), so the
   * pattern only runs where it can match (`text/triggers.ts`). Keep in step with the pattern; a test checks the
   * examples. Absent: the pattern scans the whole text.
   */
  starts?: string[];
  evidence: Evidence;
  direction: Direction;
  source: string;
  examples: string[];
}

// \b without the u flag: much faster than Unicode lookbehinds; every pattern starts and ends on a word char
// or "%" / "/" handled explicitly.
const b = (body: string): RegExp => new RegExp(`\\b(?:${body})(?![A-Za-z0-9])`, "gi");

export const CUE_LEXICON: CueEntry[] = [
  {
    code: "trustworthy_language",
    label: "Trustworthy / professional provider language",
    pattern: b(
      "professional|discreet|discrete|genuine|100\\s*%\\s*real|real\\s+(?:pics|photos|pictures)|verified|" +
        "safe\\s*(?:and|&)\\s*(?:clean|discreet|sane)|clean\\s*(?:and|&)\\s*safe|respectful|reliable|trustworthy|legit|" +
        "no\\s+(?:games|fakes|scams?|drama|rush)|honest|upscale|classy|high[\\s-]?class|elite",
    ),
    starts: ["pro", "dis", "gen", "100", "rea", "ver", "saf", "cle", "res", "rel", "tru", "leg", "no", "hon", "ups", "cla", "hig", "eli"],
    evidence: "moderate",
    direction: "higher",
    source: "nij-2024",
    examples: ["professional and discreet", "100% real pics", "safe & clean", "no games"],
  },
  {
    code: "obscured_phone",
    label: "Obscured phone number (spelled, substituted or oddly separated digits)",
    pattern: null,
    evidence: "moderate",
    direction: "higher",
    source: "nij-2024",
    examples: ["four1six 8nine3 22four5", "6O4-7l8-3O9l", "4️⃣1️⃣6️⃣…"],
  },
  {
    code: "ethnicity_stated",
    label: "Provider's ethnicity or race specified",
    pattern: null,
    evidence: "moderate",
    direction: "higher",
    source: "nij-2024",
    examples: ["Asian girl", "sexy Latina", "ebony queen"],
  },
  {
    code: "youthful_language",
    label: "Language suggesting youth",
    pattern: b(
      "young|younger|fresh|barely\\s+(?:legal|18)|just\\s+turned\\s+(?:18|eighteen)|new\\s+to\\s+(?:this|the\\s+game|the\\s+business)|" +
        "teen|teens|school\\s*girl|college\\s+girl|innocent|baby\\s*(?:girl|face)|girl\\s+next\\s+door|daddy'?s\\s+(?:girl|princess)|" +
        "lolita|cheerleader|tiny|lil",
    ),
    starts: ["you", "fre", "bar", "jus", "new", "tee", "sch", "col", "inn", "bab", "gir", "dad", "lol", "che", "tin", "lil"],
    evidence: "moderate",
    direction: "higher",
    source: "nij-2024",
    examples: ["young and fresh", "barely legal", "new to this", "college girl"],
  },
  {
    code: "movement_language",
    label: "Movement / new-in-town language",
    pattern: b(
      "new\\s+(?:in|to)\\s+(?:town|the\\s+city|the\\s+area)|just\\s+arrived|visiting|in\\s+town\\s+(?:for|until|till|this)|" +
        "leaving\\s+(?:soon|tomorrow|town)|last\\s+(?:day|days|night|chance)|limited\\s+time|on\\s+tour|touring|passing\\s+through|" +
        "only\\s+here\\s+(?:until|till|for)|back\\s+in\\s+town|here\\s+for\\s+(?:a\\s+few|the\\s+weekend|one\\s+week)",
    ),
    starts: ["new", "jus", "vis", "in", "lea", "las", "lim", "on", "tou", "pas", "bac", "her"],
    evidence: "moderate",
    direction: "lower",
    source: "nij-2024",
    examples: ["new in town", "leaving soon", "limited time", "visiting"],
  },
  {
    code: "client_screening",
    label: "Client screening required",
    pattern: b("screening\\s+(?:required|needed|mandatory)|references?\\s+(?:required|needed)|verification\\s+required|must\\s+(?:be\\s+)?verif(?:y|ied)"),
    starts: ["scr", "ref", "ver", "mus"],
    evidence: "not-significant",
    direction: "none",
    source: "nij-2024",
    examples: ["screening required", "references needed"],
  },
  {
    code: "third_person",
    label: "Ad speaks about the provider in the third person",
    pattern: b(
      "she\\s+(?:is|will|has|loves|offers|can|does)|she'?s|her\\s+(?:pics|photos|services|rates)|ask\\s+for\\s+her|" +
        "book\\s+her|call\\s+for\\s+her|my\\s+girls|our\\s+girls|the\\s+girls\\s+(?:are|will)",
    ),
    starts: ["she", "her", "ask", "boo", "cal", "my", "our", "the"],
    evidence: "weak",
    direction: "unknown",
    source: "keyword-lists",
    examples: ["she is 21 and ready", "ask for her", "our girls"],
  },
  {
    code: "restriction_race",
    label: "Race-based client restriction",
    pattern: b("no\\s+(?:black|aa|african[\\s-]american|bm|blk|blacks|indian|indians|arab|arabs|brown)\\s*(?:men|guys|males|gentlemen|clients)?"),
    starts: ["no"],
    evidence: "weak",
    direction: "unknown",
    source: "keyword-lists",
    examples: ["no black men", "no AA", "no BM"],
  },
  {
    code: "unprotected_services",
    label: "Unprotected services offered",
    pattern: b("no\\s+condoms?|without\\s+(?:a\\s+)?condoms?|bare\\s*back|bbfs|bbbj|raw\\s+(?:service|sex)|natural\\s+service"),
    starts: ["no", "wit", "bar", "bbf", "bbb", "raw", "nat"],
    evidence: "weak",
    direction: "unknown",
    source: "keyword-lists",
    examples: ["no condom", "bbfs", "bareback"],
  },
  {
    code: "law_enforcement_restriction",
    label: "Law enforcement told to stay away",
    pattern: b("no\\s+(?:le|cops|police|law\\s+enforcement)|not\\s+(?:affiliated\\s+with\\s+)?law\\s+enforcement|le\\s+(?:not\\s+welcome|stay\\s+away)"),
    starts: ["no", "le"],
    evidence: "weak",
    direction: "unknown",
    source: "keyword-lists",
    examples: ["no LE", "no cops"],
  },
  {
    code: "availability_24_7",
    label: "Round-the-clock availability",
    pattern: b("24\\s*/\\s*7|24\\s*hrs?|24\\s*hours|anytime\\s+day\\s+or\\s+night"),
    starts: ["24", "any"],
    evidence: "weak",
    direction: "unknown",
    source: "keyword-lists",
    examples: ["available 24/7", "24hrs"],
  },
  {
    code: "multiple_providers",
    label: "Several people offered in one ad",
    pattern: null,
    evidence: "weak",
    direction: "unknown",
    source: "keyword-lists",
    examples: ["2 girls", "duo", "me and my friend"],
  },
  {
    code: "emoji_code",
    label: "Emoji codes (🌹 money, 🍒/🍭/🍬 youth, 👑 pimp, ✈️/🚗 travel)",
    pattern: /🌹|🍒|🍭|🍬|👑|✈|🚗/g,
    evidence: "weak",
    direction: "unknown",
    source: "emoji-2018",
    examples: ["🌹🌹 200", "🍒 new", "👑"],
  },
  {
    code: "stated_age_under_18",
    label: "Stated age under 18",
    pattern: null,
    evidence: "definitional",
    direction: "higher",
    source: "legal-minor",
    examples: ["age: 17", "16 yrs"],
  },
];

/** What each emoji of the emoji cue is reported to mean. */
export const EMOJI_MEANING: Record<string, string> = {
  "🌹": "money (roses)", "🍒": "youth / virginity", "🍭": "youth", "🍬": "youth", "👑": "pimp / controller",
  "✈": "travel", "🚗": "travel / outcall",
};
