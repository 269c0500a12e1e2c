import { describe, expect, it } from "vitest";
import { extractEmails } from "../../src/extract/email.js";
import { extractHandles } from "../../src/extract/handle.js";
import { extractUrls } from "../../src/extract/url.js";
import { expectSpans } from "./helpers.js";

type Case = [text: string, values: string[], evidence?: string[]];

const EMAILS: Case[] = [
  ["mail me: jade@gmail.com", ["jade@gmail.com"], ["jade@gmail.com"]],
  ["Jade.Smith22@Hotmail.CA", ["jade.smith22@hotmail.ca"], ["Jade.Smith22@Hotmail.CA"]],
  ["jade (at) gmail (dot) com", ["jade@gmail.com"], ["jade (at) gmail (dot) com"]],
  ["jade[at]gmail[.]com", ["jade@gmail.com"], ["jade[at]gmail[.]com"]],
  ["jade [at] gmail [dot] com", ["jade@gmail.com"]],
  ["jade at gmail dot com", ["jade@gmail.com"], ["jade at gmail dot com"]],
  ["jade at gmail.com", ["jade@gmail.com"]],
  ["jade{at}yahoo{dot}ca", ["jade@yahoo.ca"]],
  ["jade(@)outlook(.)com", ["jade@outlook.com"]],
  ["sweet_jade+ads@proton.me thanks", ["sweet_jade+ads@proton.me"]],
  ["ｊａｄｅ＠ｇｍａｉｌ．ｃｏｍ", ["jade@gmail.com"], ["ｊａｄｅ＠ｇｍａｉｌ．ｃｏｍ"]],
  ["a@b.co and c.d@e.org", ["a@b.co", "c.d@e.org"]],
  ["jade @ gmail . com", ["jade@gmail.com"]],
  ["jade_22 AT icloud DOT com", ["jade_22@icloud.com"]],
  ["contact: jade@mail.example.co.uk", ["jade@mail.example.co.uk"]],
  ["jade (at) gmail (dot) com.", ["jade@gmail.com"]],
  // negatives
  ["meet me at the hotel", []],
  ["I am at home dot later", []],
  ["see you at 10", []],
  ["jade at gmail", []],
  ["@jade on insta", []],
  ["100% real @ incall", []],
  ["call me at five dot thirty", []],
];

const HANDLES: Case[] = [
  ["snap: SweetJade22", ["snapchat:sweetjade22"], ["snap: SweetJade22"]],
  ["Snapchat - sweet.jade", ["snapchat:sweet.jade"]],
  ["👻 jadey22", ["snapchat:jadey22"], ["👻 jadey22"]],
  ["SC: jade_x", ["snapchat:jade_x"]],
  ["IG @jade.x", ["instagram:jade.x"]],
  ["insta jadeofficial", ["instagram:jadeofficial"]],
  ["instagram.com/jade.x", ["instagram:jade.x"], ["instagram.com/jade.x"]],
  ["kik - jadey_22", ["kik:jadey_22"]],
  ["kik me: jadey", ["kik:jadey"]],
  ["telegram @jadetg", ["telegram:jadetg"]],
  ["t.me/jadetg", ["telegram:jadetg"]],
  ["wechat: jade888", ["wechat:jade888"]],
  ["LINE ID: jadeline", ["line:jadeline"]],
  ["twitter @jade_tw", ["twitter:jade_tw"]],
  ["X: @jadex", ["twitter:jadex"]],
  ["onlyfans.com/jadeof", ["onlyfans:jadeof"]],
  ["OF: jadeof", ["onlyfans:jadeof"]],
  ["WhatsApp +1 416 555 0123", ["whatsapp:+14165550123"]],
  ["whatsapp: four1six 555 0123", ["whatsapp:+14165550123"]],
  ["Snap: jade22 kik: jade33", ["snapchat:jade22", "kik:jade33"]],
  // negatives
  ["snap me for pics", []],
  ["kik only", []],
  ["line up at the door", []],
  ["of course babe", []],
  ["x marks the spot", []],
  ["whatsapp only, no calls", []],
  ["snapchat available", []],
];

const URLS: Case[] = [
  ["see www.sweetjade.ca", ["sweetjade.ca"], ["www.sweetjade.ca"]],
  ["https://SweetJade.com/Rates", ["sweetjade.com/Rates"]],
  ["http://example.org/a/b?c=1.", ["example.org/a/b?c=1"]],
  ["sweetjade.ca", ["sweetjade.ca"]],
  ["visit jade-vip.net/gallery now", ["jade-vip.net/gallery"]],
  ["linktr.ee/jade", []],
  ["sweetjade dot com", ["sweetjade.com"], ["sweetjade dot com"]],
  ["sweetjade (dot) ca", ["sweetjade.ca"]],
  ["instagram.com/jade.x", ["instagram.com/jade.x"]],
  ["t.me/jadetg", ["t.me/jadetg"]],
  ["WWW.JADE.CA", ["jade.ca"]],
  ["links: a.com, b.ca", ["a.com", "b.ca"]],
  ["www.jade.xxx!", ["jade.xxx"]],
  ["onlyfans.com/jadeof", ["onlyfans.com/jadeof"]],
  // negatives
  ["jade@gmail.com", []],
  ["jade (at) gmail (dot) com", []],
  ["St.John", []],
  ["3.5 hrs", []],
  ["p.m. only", []],
  ["cash.only", []],
  ["Mr.Right", []],
  ["e.g. this", []],
];

describe("extractEmails", () => {
  it.each(EMAILS)("%s", (text, values, evidence) => {
    const facts = extractEmails(text);
    expect(facts.map((f) => f.value)).toEqual(values);
    expectSpans(text, facts, evidence);
  });
  it("marks spelled-out addresses as obfuscated", () => {
    expect(extractEmails("jade (at) gmail (dot) com")[0].obfuscated).toBe(true);
    expect(extractEmails("jade@gmail.com")[0].obfuscated).toBe(false);
  });
});

describe("extractHandles", () => {
  it.each(HANDLES)("%s", (text, values, evidence) => {
    const facts = extractHandles(text);
    expect(facts.map((f) => f.value)).toEqual(values);
    expectSpans(text, facts, evidence);
    for (const f of facts) expect(f.data?.platform).toBe(f.value.split(":")[0]);
  });
});

describe("extractUrls", () => {
  it.each(URLS)("%s", (text, values, evidence) => {
    const facts = extractUrls(text);
    expect(facts.map((f) => f.value)).toEqual(values);
    expectSpans(text, facts, evidence);
  });
});
