/** Canadian cities the generator posts from: province, real area codes, rough weight, French spelling. */

export interface City {
  /** Plain English display name. */
  name: string;
  /** Name as French-language sites write it (accents). */
  nameFr: string;
  slug: string;
  region: string;
  /** Area codes that really serve the city (numbers themselves are random). */
  areaCodes: readonly string[];
  /** Relative share of ads (roughly metro population). */
  weight: number;
  /** Neighbourhoods / landmarks used in "incall near ..." lines. */
  spots: readonly string[];
}

function city(
  name: string,
  region: string,
  areaCodes: string[],
  weight: number,
  spots: string[],
  nameFr = name,
): City {
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "-")
    .replace(/^-|-$/g, "");
  return { name, nameFr, slug, region, areaCodes, weight, spots };
}

export const CITIES: readonly City[] = [
  city("Toronto", "ON", ["416", "647", "437"], 30, ["Yonge & Eglinton", "downtown", "Liberty Village", "the Annex", "Scarborough Town Centre", "North York", "Etobicoke", "the airport"]),
  city("Mississauga", "ON", ["905", "289", "365"], 7, ["Square One", "Heartland", "Erin Mills", "the 401 & Dixie"]),
  city("Brampton", "ON", ["905", "289", "365"], 5, ["Bramalea", "Queen & Main", "Hwy 410"]),
  city("Hamilton", "ON", ["905", "289", "365"], 5, ["downtown", "the Mountain", "Stoney Creek"]),
  city("Ottawa", "ON", ["613", "343"], 9, ["the Market", "Centretown", "Kanata", "Orleans", "the Glebe"]),
  city("London", "ON", ["519", "226", "548"], 4, ["Masonville", "downtown", "White Oaks"]),
  city("Kitchener", "ON", ["519", "226", "548"], 4, ["Fairview Park", "uptown Waterloo", "the Boardwalk"]),
  city("Windsor", "ON", ["519", "226", "548"], 3, ["downtown", "Devonshire Mall", "the casino"]),
  city("Niagara Falls", "ON", ["905", "289", "365"], 3, ["Clifton Hill", "Lundy's Lane", "the casino"]),
  city("Barrie", "ON", ["705", "249"], 2, ["Park Place", "downtown", "Hwy 400"]),
  city("Sudbury", "ON", ["705", "249"], 1.5, ["New Sudbury", "downtown"]),
  city("Kingston", "ON", ["613", "343"], 1.5, ["downtown", "Cataraqui"]),
  city("Oshawa", "ON", ["905", "289", "365"], 2.5, ["the 401", "downtown", "Whitby border"]),
  city("Montreal", "QC", ["514", "438"], 24, ["downtown", "the Plateau", "Old Port", "Laval border", "Pointe-Claire", "the Village", "near Bell Centre"], "Montréal"),
  city("Laval", "QC", ["450", "579"], 4, ["Carrefour Laval", "Chomedey", "Sainte-Rose"]),
  city("Quebec City", "QC", ["418", "581"], 5, ["Sainte-Foy", "old town", "Limoilou"], "Québec"),
  city("Gatineau", "QC", ["819", "873"], 3, ["Hull", "Aylmer", "the Plateau"]),
  city("Sherbrooke", "QC", ["819", "873"], 1.5, ["downtown", "Fleurimont"]),
  city("Vancouver", "BC", ["604", "778", "236"], 16, ["downtown", "Yaletown", "Kitsilano", "Commercial Drive", "Richmond"]),
  city("Surrey", "BC", ["604", "778", "236"], 5, ["Guildford", "Newton", "King George"]),
  city("Burnaby", "BC", ["604", "778", "236"], 3, ["Metrotown", "Brentwood"]),
  city("Victoria", "BC", ["250", "778", "236"], 3, ["downtown", "James Bay", "Langford"]),
  city("Kelowna", "BC", ["250", "778", "236"], 2, ["downtown", "Rutland", "West Kelowna"]),
  city("Calgary", "AB", ["403", "587", "825"], 13, ["downtown", "the Beltline", "NE Calgary", "Macleod Trail", "the airport"]),
  city("Edmonton", "AB", ["780", "587", "825"], 11, ["Whyte Ave", "West Edmonton Mall", "downtown", "South Common"]),
  city("Red Deer", "AB", ["403", "587", "825"], 1.5, ["Gasoline Alley", "downtown"]),
  city("Winnipeg", "MB", ["204", "431"], 7, ["the Exchange", "St. Vital", "Polo Park", "Osborne Village"]),
  city("Regina", "SK", ["306", "639"], 2, ["downtown", "the Cornwall area", "east Regina"]),
  city("Saskatoon", "SK", ["306", "639"], 2.5, ["Broadway", "downtown", "8th Street"]),
  city("Halifax", "NS", ["902", "782"], 4, ["downtown", "Dartmouth", "Bayers Lake"]),
  city("Moncton", "NB", ["506"], 1.5, ["downtown", "Dieppe", "Mountain Road"]),
  city("Saint John", "NB", ["506"], 1, ["uptown", "east side"]),
  city("St. John's", "NL", ["709"], 1.5, ["downtown", "Kenmount Road"]),
  city("Charlottetown", "PE", ["902", "782"], 0.7, ["downtown", "University Ave"]),
];

/** Index of a city by display name; throws on typos in the tables below. */
export function cityIndex(name: string): number {
  const i = CITIES.findIndex((c) => c.name === name);
  if (i < 0) throw new Error(`synth: unknown city "${name}"`);
  return i;
}

/** Road circuits trafficking crews move along (each closes back on its first stop). */
export const CIRCUITS: readonly (readonly string[])[] = [
  ["Toronto", "Ottawa", "Montreal"],
  ["Toronto", "Niagara Falls", "Hamilton", "London", "Windsor"],
  ["Toronto", "Barrie", "Sudbury"],
  ["Montreal", "Quebec City", "Gatineau", "Ottawa"],
  ["Montreal", "Laval", "Sherbrooke"],
  ["Toronto", "Kitchener", "London", "Mississauga"],
  ["Ottawa", "Kingston", "Oshawa", "Toronto"],
  ["Calgary", "Edmonton", "Red Deer"],
  ["Vancouver", "Victoria", "Kelowna", "Calgary"],
  ["Vancouver", "Surrey", "Burnaby"],
  ["Winnipeg", "Regina", "Saskatoon"],
  ["Halifax", "Moncton", "Saint John"],
  ["Edmonton", "Saskatoon", "Winnipeg"],
  ["Toronto", "Montreal", "Halifax"],
].map((c) => c.map((n) => CITIES[cityIndex(n)].name));

/** Cities near each other, for an independent's second city. Same-province cities by default. */
export function nearbyCities(i: number): number[] {
  const region = CITIES[i].region;
  const out: number[] = [];
  for (let j = 0; j < CITIES.length; j++) if (j !== i && CITIES[j].region === region) out.push(j);
  return out;
}
