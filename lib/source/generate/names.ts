// Plausible, unique company names from word lists: a distinctive word, a word that fits the industry, and
// a legal form that fits the region ("Harbor Components Inc", "Kestrel Freight GmbH"); public bodies are
// named after a place ("Millbrook County Council").
import type {Random} from "../../core/random.js";
import type {Industry, Region} from "./profiles.js";

const distinctive = [
  "Acme", "Alder", "Apex", "Arbor", "Atlas", "Aurora", "Beacon", "Birch", "Bluewater", "Boulder", "Brightline",
  "Cascade", "Cedar", "Summit", "Cobalt", "Compass", "Copper", "Crescent", "Crown", "Delta", "Eagle", "Ember",
  "Evergreen", "Falcon", "Fairway", "Foxglove", "Frontier", "Galena", "Granite", "Harbor", "Hawthorn", "Heron",
  "Highland", "Horizon", "Ironwood", "Juniper", "Keystone", "Kestrel", "Lakeside", "Landmark", "Linden",
  "Maple", "Meridian", "Northgate", "Northwind", "Oakridge", "Orion", "Pacific", "Pinnacle", "Pioneer",
  "Quarry", "Redwood", "Ridgeway", "Riverbend", "Sable", "Sequoia", "Silverline", "Sterling", "Stonebridge",
  "Tideway", "Trident", "Union", "Vanguard", "Vertex", "Westbrook", "Willow", "Zenith"
];

const industryWords: Record<Industry, readonly string[]> = {
  Manufacturing: ["Components", "Fabrication", "Machining", "Metals", "Plastics", "Industries", "Tooling", "Castings", "Precision", "Assemblies"],
  Wholesale: ["Distribution", "Supply", "Trading", "Wholesale", "Imports", "Provisions", "Merchants", "Sourcing"],
  Retail: ["Stores", "Outfitters", "Market", "Home", "Goods", "Boutiques", "Pharmacy", "Grocers"],
  Construction: ["Builders", "Construction", "Contracting", "Civil", "Structures", "Roofing", "Concrete", "Developments"],
  Healthcare: ["Health", "Medical", "Clinics", "Care", "Diagnostics", "Dental", "Labs", "Therapeutics"],
  Technology: ["Systems", "Software", "Networks", "Analytics", "Digital", "Labs", "Cloud", "Data"],
  Logistics: ["Freight", "Logistics", "Transport", "Shipping", "Carriers", "Haulage", "Express", "Warehousing"],
  "Public sector": []
};

const legalForms: Record<Region, readonly string[]> = {
  "North America": ["Inc", "LLC", "Corp", "Co"],
  Europe: ["GmbH", "AG", "BV", "SA", "SAS", "AB", "Oy", "SpA"],
  "UK & Ireland": ["Ltd", "PLC", "Limited"],
  "Asia-Pacific": ["Pty Ltd", "Pte Ltd", "Co., Ltd.", "KK", "Ltd"],
  "Latin America": ["S.A.", "S.A. de C.V.", "Ltda", "SRL"]
};

const surnames = [
  "Abbott", "Barrett", "Bishop", "Calloway", "Chen", "Costa", "Dalton", "Delgado", "Donovan", "Eriksen", "Fischer",
  "Fletcher", "Garner", "Haines", "Hartley", "Ibarra", "Jansen", "Kaur", "Keller", "Lindqvist", "Lowell", "Mercer",
  "Moreau", "Nakamura", "Novak", "Okafor", "Ortega", "Patel", "Quinn", "Rasmussen", "Reyes", "Sandoval", "Schmidt",
  "Sorensen", "Tanaka", "Thornton", "Vance", "Walsh", "Whitaker", "Yilmaz"
];

const placePrefixes = ["", "North ", "South ", "East ", "West ", "New ", "Upper ", "Lower "];

const places = [
  "Ashford", "Bayview", "Brookfield", "Carlton", "Clearwater", "Dunmore", "Eastwood", "Fairhaven", "Glenwood",
  "Greenville", "Hillcrest", "Kingsport", "Lakewood", "Marlow", "Millbrook", "Newbury", "Oakdale", "Port Ellis",
  "Redhill", "Riverton", "Rockford", "Salem", "Springfield", "Stanton", "Thornbury", "Valemount", "Westfield",
  "Whitby", "Winslow", "York Harbour"
];

const publicBodies = [
  "County Council", "City Council", "Health Authority", "Transit Authority", "School District", "Water Board",
  "Housing Authority", "Port Authority", "University", "Police Service"
];

/** A unique name for each (industry, region) pair given, in order. */
export function companyNames(accounts: readonly {industry: Industry; region: Region}[], random: Random): string[] {
  const used = new Set<string>();
  return accounts.map(({industry, region}) => {
    // Rejection keeps names readable; the ordinal fallback only matters for ledgers far larger than the
    // word lists (tens of thousands of public bodies).
    for (let attempt = 0; attempt < 30; ++attempt) {
      const name = draftName(industry, region, random);
      if (!used.has(name)) return used.add(name), name;
    }
    const base = draftName(industry, region, random);
    let n = 2;
    while (used.has(`${base} ${n}`)) ++n;
    const name = `${base} ${n}`;
    used.add(name);
    return name;
  });
}

function draftName(industry: Industry, region: Region, random: Random): string {
  if (industry === "Public sector") return `${random.pick(placePrefixes)}${random.pick(places)} ${random.pick(publicBodies)}`;
  const form = random.pick(legalForms[region]);
  const style = random.next();
  if (style < 0.6) return `${random.pick(distinctive)} ${random.pick(industryWords[industry])} ${form}`;
  if (style < 0.85) return `${random.pick(surnames)} ${random.pick(industryWords[industry])} ${form}`;
  return `${random.pick(surnames)} & ${random.pick(surnames)} ${form}`;
}
