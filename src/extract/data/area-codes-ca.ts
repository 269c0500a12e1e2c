/**
 * Canadian area codes (NPAs) → province/territory postal abbreviations. Source: the Canadian Numbering
 * Administrator's public NPA list (factual data, compiled by hand). 902/782 serve both Nova Scotia and
 * Prince Edward Island; 867 serves all three territories. Non-geographic Canadian codes (600, 622, 633, 644,
 * 655, 677, 688) are omitted on purpose: they say nothing about place.
 */
export const CA_AREA_CODES: Readonly<Record<string, readonly string[]>> = {
  // Alberta
  "368": ["AB"], "403": ["AB"], "587": ["AB"], "780": ["AB"], "825": ["AB"],
  // British Columbia
  "236": ["BC"], "250": ["BC"], "257": ["BC"], "604": ["BC"], "672": ["BC"], "778": ["BC"],
  // Manitoba
  "204": ["MB"], "431": ["MB"], "584": ["MB"],
  // New Brunswick
  "428": ["NB"], "506": ["NB"],
  // Newfoundland and Labrador
  "709": ["NL"], "879": ["NL"],
  // Nova Scotia and Prince Edward Island
  "782": ["NS", "PE"], "902": ["NS", "PE"],
  // Ontario
  "226": ["ON"], "249": ["ON"], "289": ["ON"], "343": ["ON"], "365": ["ON"], "382": ["ON"], "416": ["ON"],
  "437": ["ON"], "519": ["ON"], "548": ["ON"], "613": ["ON"], "647": ["ON"], "683": ["ON"], "705": ["ON"],
  "742": ["ON"], "753": ["ON"], "807": ["ON"], "905": ["ON"], "942": ["ON"],
  // Quebec
  "263": ["QC"], "354": ["QC"], "367": ["QC"], "418": ["QC"], "438": ["QC"], "450": ["QC"], "468": ["QC"],
  "514": ["QC"], "579": ["QC"], "581": ["QC"], "819": ["QC"], "873": ["QC"],
  // Saskatchewan
  "306": ["SK"], "474": ["SK"], "639": ["SK"],
  // Yukon, Northwest Territories, Nunavut
  "867": ["YT", "NT", "NU"],
};

/** Province names by postal abbreviation. */
export const PROVINCE_NAMES: Readonly<Record<string, string>> = {
  AB: "Alberta", BC: "British Columbia", MB: "Manitoba", NB: "New Brunswick", NL: "Newfoundland and Labrador",
  NS: "Nova Scotia", NT: "Northwest Territories", NU: "Nunavut", ON: "Ontario", PE: "Prince Edward Island",
  QC: "Quebec", SK: "Saskatchewan", YT: "Yukon",
};
