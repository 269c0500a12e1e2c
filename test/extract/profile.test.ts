import { describe, expect, it } from "vitest";
import { extractAges } from "../../src/extract/age.js";
import { extractDescriptors } from "../../src/extract/descriptor.js";
import { extractNames } from "../../src/extract/name.js";
import { expectSpans } from "./helpers.js";

type Case = [text: string, values: string[], evidence?: string[]];

const AGES: Case[] = [
  ["Age: 19", ["19"], ["Age: 19"]],
  ["age 22", ["22"]],
  ["Poster's age: 24", ["24"], ["Poster's age: 24"]],
  ["19 yrs", ["19"], ["19 yrs"]],
  ["19yo", ["19"], ["19yo"]],
  ["21 y/o", ["21"]],
  ["23 years old", ["23"]],
  ["just turned 18", ["18"], ["just turned 18"]],
  ["nineteen years old", ["19"]],
  ["I'm twenty-two", ["22"]],
  ["I'm 25 and ready", ["25"]],
  ["I am only 20", ["20"]],
  ["aged 30", ["30"]],
  ["AGE:17", ["17"]],
  ["sexy 28yrs", ["28"]],
  ["age: 19, 5'4 120lbs", ["19"]],
  ["just turned eighteen", ["18"]],
  ["Age - 35", ["35"]],
  // negatives
  ["5'4 120lbs", []],
  ["34D-24-36", []],
  ["I'm 5'4", []],
  ["I'm 34D", []],
  ["QV 120, HH 160", []],
  ["15 years of experience", []],
  ["I'm 100% real", []],
  ["24 hrs", []],
  ["age 9", []],
  ["I'm 120 lbs", []],
];

const NAMES: Case[] = [
  ["my name is Jade", ["jade"], ["Jade"]],
  ["My name's Amber", ["amber"]],
  ["Name: Destiny", ["destiny"]],
  ["I'm Jade", ["jade"]],
  ["Hi I am Sophie", ["sophie"]],
  ["ask for Candy", ["candy"]],
  ["call me Bella", ["bella"]],
  ["Jade here", ["jade"], ["Jade"]],
  ["This is Mia", ["mia"]],
  ["it's Lola", ["lola"]],
  ["My name is Zafirah", ["zafirah"]],
  ["Je m'appelle Chloé", ["chloe"]],
  ["me llamo Valentina", ["valentina"]],
  ["ASK FOR JADE", ["jade"]],
  ["Ask for Jade. Jade here!", ["jade", "jade"]],
  ["Chloé ici", ["chloe"]],
  // negatives
  ["I'm new in town", []],
  ["I'm Available now", []],
  ["Available here", []],
  ["This is Real", []],
  ["call me NOW", []],
  ["Name: Real", []],
  ["I'm Sweet", []],
  ["SweetJade here", []],
  ["Hello here", []],
];

const DESCRIPTORS: Case[] = [
  ["Sexy Asian girl", ["ethnicity:asian"], ["Asian"]],
  ["hot latina", ["ethnicity:latina"]],
  ["Ebony queen", ["ethnicity:black"]],
  ["black beauty", ["ethnicity:black"]],
  ["Filipina sweetheart", ["ethnicity:filipina"]],
  ["Russian model", ["ethnicity:russian"]],
  ["incall only", ["location:incall"]],
  ["In-call and Out call", ["location:incall", "location:outcall"]],
  ["car calls ok", ["location:carcall"]],
  ["I speak French and English", ["language:french", "language:english"]],
  ["Spanish speaking", ["language:spanish"]],
  ["bilingual", ["language:english", "language:french"]],
  ["English only", ["language:english"]],
  ["2 girls available", ["people:multiple"]],
  ["two girls", ["people:multiple"]],
  ["Duo special", ["people:multiple"]],
  ["me and my friend", ["people:multiple"]],
  ["Mixed girl", ["ethnicity:mixed"]],
  ["Brazilian bombshell", ["ethnicity:brazilian"]],
  // negatives
  ["no black men", []],
  ["no asians", []],
  ["black lingerie", []],
  ["white sheets", []],
  ["french kissing", []],
  ["Mixed drinks", []],
  ["call me", []],
];

describe("extractAges", () => {
  it.each(AGES)("%s", (text, values, evidence) => {
    const facts = extractAges(text);
    expect(facts.map((f) => f.value)).toEqual(values);
    expectSpans(text, facts, evidence);
  });
});

describe("extractNames", () => {
  it.each(NAMES)("%s", (text, values, evidence) => {
    const facts = extractNames(text);
    expect(facts.map((f) => f.value)).toEqual(values);
    expectSpans(text, facts, evidence);
  });
});

describe("extractDescriptors", () => {
  it.each(DESCRIPTORS)("%s", (text, values, evidence) => {
    const facts = extractDescriptors(text);
    expect(facts.map((f) => f.value)).toEqual(values);
    expectSpans(text, facts, evidence);
  });
});
