import { describe, expect, it } from "vitest";
import { extractPrices } from "../../src/extract/price.js";
import { expectSpans } from "./helpers.js";

type P = [amount: number, minutes?: number, currency?: string];
type Case = [text: string, prices: P[], evidence?: string[]];

const CASES: Case[] = [
  ["QV 120, HH 160, 1hr 250", [[120, 15], [160, 30], [250, 60]], ["QV 120", "HH 160", "1hr 250"]],
  ["100/hh 160/h 300/2h", [[100, 30], [160, 60], [300, 120]], ["100/hh", "160/h", "300/2h"]],
  ["qv 80 hh 120 h 200", [[80, 15], [120, 30], [200, 60]]],
  ["$200/hr", [[200, 60]], ["$200/hr"]],
  ["200$ per hour", [[200, 60]]],
  ["90 min 300", [[300, 90]]],
  ["300 for 90 mins", [[300, 90]]],
  ["2hr 500", [[500, 120]]],
  ["2 hours: $550", [[550, 120]]],
  ["overnight 1500", [[1500, 480]]],
  ["ovn 1200 roses", [[1200, 480]]],
  ["half hour 150", [[150, 30]]],
  ["half an hour - 140", [[140, 30]]],
  ["1/2 hr 150", [[150, 30]]],
  ["quick visit 100", [[100, 15]]],
  ["Quickie 80", [[80, 15]]],
  ["15 min 80", [[80, 15]]],
  ["30 min $140", [[140, 30]]],
  ["45 minutes 180", [[180, 45]]],
  ["1.5h 350", [[350, 90]]],
  ["hour 250", [[250, 60]]],
  ["full hour 260", [[260, 60]]],
  ["H.H. 160", [[160, 30]]],
  ["160 roses hh", [[160, 30]]],
  ["250 kisses/hr", [[250, 60]]],
  ["donation $200", [[200, undefined]]],
  ["200 roses", [[200, undefined]]],
  ["$180", [[180, undefined]]],
  ["🌹🌹 200 hh", [[200, 30]]],
  ["hh: 150 | h: 220", [[150, 30], [220, 60]]],
  ["hh=150 h=220 2h=400", [[150, 30], [220, 60], [400, 120]]],
  ["US$300 hr", [[300, 60, "USD"]]],
  ["1hr 250 usd", [[250, 60, "USD"]]],
  ["€150 hh", [[150, 30, "EUR"]]],
  ["150 hh, 250 hr, 450 2hrs", [[150, 30], [250, 60], [450, 120]]],
  ["HH 160 and $400 for 2 hours", [[160, 30], [400, 120]]],
  ["rates: 120 qv / 180 hh / 260 hr", [[120, 15], [180, 30], [260, 60]]],
  ["ovn 1000", [[1000, 480]]],
  ["1hr 250.00", [[250, 60]]],
  ["hr 5000", [[5000, 60]]],
  // negatives
  ["5'4 120lbs", []],
  ["34D-24-36", []],
  ["19 yrs old", []],
  ["available 24/7", []],
  ["24 hr service", []],
  ["call 416-555-0123", []],
  ["open 10am-2am", []],
  ["I'm 22 years", []],
  ["Dec 12 2023", []],
  ["100% real", []],
  ["room 1204, 12th floor", []],
  ["h 9000", []],
];

describe("extractPrices", () => {
  it.each(CASES)("%s", (text, prices, evidence) => {
    const facts = extractPrices(text);
    expect(facts.map((f) => [f.data?.amount, f.data?.minutes, f.data?.currency])).toEqual(
      prices.map(([a, m, c]) => [a, m, c ?? "CAD"]),
    );
    expectSpans(text, facts, evidence);
  });
  it("has at least 40 cases including negatives", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(CASES.filter((c) => c[1].length === 0).length).toBeGreaterThanOrEqual(10);
  });
});
